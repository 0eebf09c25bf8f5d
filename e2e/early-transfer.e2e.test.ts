/**
 * Browser journey of an early transfer (issue 10: R13, R14) in real Chromium, staff and family on
 * 390×844 phones, against the real server with the demo seed, the demo clock set to 2027-05-12:
 * `student.demo` (its vocational application confirmed by both, its curriculum confirmed by the
 * junior high — set up through the API) asks to study early at a programme of 市职高 (V02); the
 * junior high seals the Annex 4 form, then the school; the junior high makes the combined list
 * and seals it, the school seals it; the district bureau files it; the list's QR verifies on a
 * phone as filed, and the form's as sealed by both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, signIn } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { apiSession } from './support/api';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true } as const;
const session = async (url: string, body: unknown) => (await apiSession(server.url, url, body)).call;
const staff = (username: string) => session('/api/auth/login', { username, password: 'zhizhao-demo' });
const noSideScroll = (page: Page) => expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);

async function phoneAs(username: string): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await signIn(page, server.url, username);
  await page.getByTestId('dashboard').waitFor();
  return page;
}

const plan = { campaignId: 0, programmeId: 0, transferId: 0, listId: 0, studentId: 0 };

describe('early transfer from a phone: request → two seals → the list sealed by both → filed → the QR verifies', () => {
  it('sets the scene through the API: May, a cap at V02, a confirmed vocational application and curriculum', async () => {
    const district = await staff('district.admin');
    await district('PUT', '/api/clock', { date: '2027-05-12' });
    plan.campaignId = (await district<{ items: { id: number; year: number }[] }>('GET', '/api/campaigns?year=2027')).items[0]!.id;
    const v02 = await staff('v02.admin');
    const me = await v02<{ organization: { id: number } }>('GET', '/api/auth/me');
    const caps = await v02<{ rows: { programmeId: number; schoolId: number; seats: number; cap: number; held: number }[] }>('GET', `/api/campaigns/${plan.campaignId}/early-transfer-caps`);
    const mine = caps.rows.find((r) => r.schoolId === me.organization.id)!;
    plan.programmeId = mine.programmeId;
    await v02('PUT', `/api/campaigns/${plan.campaignId}/early-transfer-caps`, { rows: [{ programmeId: mine.programmeId, cap: Math.max(mine.cap, mine.held + 2) }] });

    const student = await session('/api/auth/login', { username: 'student.demo', password: 'zhizhao-demo' });
    const saved = await student<{ version: number }>('PUT', '/api/me/application', { track: 'vocational', choices: [{ programmeId: plan.programmeId }], acceptAdjustment: true });
    await student('POST', '/api/me/application/confirm', { version: saved.version });
    const guardian = await session('/api/auth/guardian-login', { examNo: '27010001', code: '20270421' });
    await guardian('POST', '/api/me/application/confirm', { version: saved.version });
    plan.studentId = (await student<{ studentId: number }>('GET', '/api/me/student')).studentId;
    const jh = await staff('jh01.admin');
    await jh('POST', '/api/curriculum', { studentIds: [plan.studentId], completed: true, completedOn: '2027-04-30' });
  });

  it('the student asks on a phone; the guardian confirms', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await signIn(page, server.url, 'student.demo');
    await page.getByTestId('family-home').waitFor();
    await page.goto(`${server.url}/me/early-transfer`);
    await expect(page.getByTestId('et-eligibility').getAttribute('data-can-ask')).resolves.toBe('true');
    await page.locator(`[data-testid=et-request][data-programme-id="${plan.programmeId}"]`).click();
    await page.getByTestId('et-request-confirm').click();
    const current = page.getByTestId('et-current');
    await expect.poll(() => current.getAttribute('data-status')).toBe('awaiting_family');
    plan.transferId = Number(await current.getAttribute('data-transfer-id'));
    await noSideScroll(page);

    const guardian = await (await browser.newContext(PHONE)).newPage();
    await guardian.goto(`${server.url}/login`);
    await guardian.getByTestId('login-tab-guardian').click();
    await guardian.getByTestId('guardian-exam-no').fill('27010001');
    await guardian.getByTestId('guardian-code').fill('20270421');
    await guardian.getByTestId('guardian-submit').click();
    await guardian.getByTestId('family-home').waitFor();
    await guardian.goto(`${server.url}/me/early-transfer`);
    await guardian.getByTestId('et-confirm').click();
    await expect.poll(() => guardian.getByTestId('et-current').getAttribute('data-status')).toBe('awaiting_source');
  });

  it('the junior high seals the form, then the vocational school', async () => {
    for (const [username, next] of [['jh01.admin', 'awaiting_school'], ['v02.admin', 'sealed']] as const) {
      const page = await phoneAs(username);
      await page.goto(`${server.url}/early-transfers?tab=pending`);
      await page.locator(`[data-testid=et-seal][data-transfer-id="${plan.transferId}"]`).click();
      await page.getByTestId('et-seal-confirm').click();
      await page.goto(`${server.url}/early-transfers/${plan.transferId}`);
      await expect.poll(() => page.getByTestId('et-detail').getAttribute('data-status')).toBe(next);
      await noSideScroll(page);
      await page.context().close();
    }
  });

  it('both schools seal the combined list; the district bureau files it', async () => {
    const jh = await phoneAs('jh01.admin');
    await jh.goto(`${server.url}/early-transfers?tab=lists`);
    await jh.getByTestId('etl-create').first().click();
    await jh.waitForURL((u) => u.pathname.startsWith('/early-transfer-lists/'));
    plan.listId = Number(new URL(jh.url()).pathname.split('/').pop());
    await jh.getByTestId('etl-seal').click();
    await jh.getByTestId('etl-seal-confirm').click();
    await expect.poll(() => jh.getByTestId('etl-seal').count()).toBe(0);
    await noSideScroll(jh);

    const school = await phoneAs('v02.admin');
    await school.goto(`${server.url}/early-transfer-lists/${plan.listId}`);
    await school.getByTestId('etl-seal').click();
    await school.getByTestId('etl-seal-confirm').click();
    await expect.poll(() => school.getByTestId('etl-detail').getAttribute('data-status')).toBe('sealed');

    const district = await phoneAs('district.admin');
    await district.goto(`${server.url}/early-transfers?tab=filing`);
    await district.locator(`[data-testid=etl-file][data-list-id="${plan.listId}"]`).click();
    await district.getByTestId('etl-file-confirm').click();
    await district.goto(`${server.url}/early-transfer-lists/${plan.listId}`);
    await expect.poll(() => district.getByTestId('etl-detail').getAttribute('data-status')).toBe('filed');
    await expect(district.getByTestId('etl-filing-number').innerText()).resolves.toMatch(/示教职转备〔2027〕\d{3}号/);
    await noSideScroll(district);
  });

  it('anyone holding the paper checks it on a phone: the list is filed, the form sealed by both', async () => {
    const district = await staff('district.admin');
    const list = await district<{ code: string; filingNumber: string }>('GET', `/api/early-transfer-lists/${plan.listId}`);
    const form = await district<{ formCode: string; status: string }>('GET', `/api/early-transfers/${plan.transferId}`);
    expect(form.status).toBe('filed');
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${server.url}/verify/${list.code}`);
    await expect.poll(() => page.locator('body').innerText()).toContain(list.filingNumber);
    await expect(page.locator('body').innerText()).resolves.toContain('有效');
    await noSideScroll(page);
    await page.goto(`${server.url}/verify/${form.formCode}`);
    await expect.poll(() => page.locator('body').innerText()).toContain('双方学校已盖章');
    // An altered code is refused.
    const forged = form.formCode.slice(0, 12) + (form.formCode[12] === 'A' ? 'B' : 'A') + form.formCode.slice(13);
    await page.goto(`${server.url}/verify/${forged}`);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/伪造|篡改|格式不正确/);
  });
});
