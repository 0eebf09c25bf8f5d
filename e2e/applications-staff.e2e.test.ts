/**
 * Browser journey of the applications work for staff (issue 9: R11, R12), in real Chromium
 * against the real server with the demo seed: a junior high's clerk opens the roster on a phone
 * (no page-wide horizontal scroll); the district bureau watches the live picture while a family
 * applies and both confirm — JH01's vocational count moves by one without anyone touching the page.
 *
 * The student is the test's own: created through the API by jh01.admin, its initial password and
 * guardian code read from its credential slip (the PDF, through `pdftotext`), as a family would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, signIn } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { residentId, secretsOf } from './support/slips';

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

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** A cookie session through the API (never for the journey's steps on screen). */
async function session(url: string, body: unknown, expectOk = true): Promise<{ call: Call; raw: (path: string) => Promise<Response> }> {
  const res = await fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (expectOk && !res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const raw = (p: string) => fetch(`${server.url}${p}`, { headers: { cookie, origin: server.url } });
  const call: Call = async <T>(method: string, p: string, b?: unknown) => {
    const r = await fetch(`${server.url}${p}`, { method, headers: { cookie, origin: server.url, ...(b !== undefined ? { 'content-type': 'application/json' } : {}) }, body: b !== undefined ? JSON.stringify(b) : undefined });
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { call, raw };
}
const staff = (username: string) => session('/api/auth/login', { username, password: 'zhizhao-demo' });

async function open(username: string, path: string, viewport = { width: 1366, height: 768 }, mobile = false): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', ...(mobile ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  await signIn(page, server.url, username);
  await page.getByTestId('dashboard').waitFor();
  await page.goto(`${server.url}${path}`);
  return page;
}

const plan = { campaignId: 0, studentId: 0, examNo: '', name: '测试学生', vocationalBefore: -1 };

describe('applications for staff: roster on a phone, the live picture moves', () => {
  it('jh01.admin adds a student (through the API)', async () => {
    const jh = await staff('jh01.admin');
    const campaign = (await jh.call<{ items: { id: number }[] }>('GET', '/api/campaigns?year=2027')).items[0]!;
    plan.campaignId = campaign.id;
    const seq = Date.now() % 1000;
    plan.examNo = `2701${String(Date.now() % 10000).padStart(4, '0')}E`;
    const created = await jh.call<{ id: number }>('POST', `/api/campaigns/${campaign.id}/students`, {
      name: plan.name, gender: 'male', idType: 'resident_id', idNumber: residentId(`110101201205${String(10 + (seq % 18)).padStart(2, '0')}${String((seq % 499) * 2 + 1).padStart(3, '0')}`),
      examNo: plan.examNo, className: '九(9)班', cohort: 'current', hukouDistrict: '示例区', guardianName: '测试家长', guardianRelation: '父亲', guardianPhone: '13912345678',
    });
    plan.studentId = created.id;
    expect(plan.studentId).toBeGreaterThan(0);
  });

  it('on a 390 px phone, the roster shows the students without page-wide horizontal scroll', async () => {
    const page = await open('jh01.admin', '/students', { width: 390, height: 844 }, true);
    await page.getByTestId('roster-page').waitFor();
    const cards = page.getByTestId('roster-cards');
    await expect.poll(() => cards.locator('[data-student-id]').count()).toBeGreaterThan(0);
    await page.getByTestId('roster-search').locator('input').fill(plan.examNo);
    await expect.poll(() => cards.innerText()).toContain(plan.name);
    const card = cards.locator(`[data-student-id="${plan.studentId}"]`);
    await expect(card.innerText()).resolves.toMatch(/\*{4,}/); // ID and phone masked
    // The roster itself fits (cards, not a wide table), and so does the whole page.
    await expect(page.getByTestId('roster-page').evaluate((el) => Math.ceil(el.getBoundingClientRect().right))).resolves.toBeLessThanOrEqual(390);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('the district watches JH01 on the live picture; a family applies and confirms; the count moves by one', async () => {
    const page = await open('district.admin', '/applications');
    await page.getByTestId('overview-page').waitFor();
    await expect(page.getByTestId('side-menu').innerText()).resolves.toMatch(/学生名册[\s\S]*志愿进度/);
    const cell = page.locator('[data-testid="overview-table"] tr[data-org-code="JH01"] td[data-col="vocational"]');
    await cell.waitFor();
    plan.vocationalBefore = Number((await cell.innerText()).trim());
    expect(Number.isInteger(plan.vocationalBefore)).toBe(true);

    // The family, as on its phone: the slip's secrets, a new password, the application, two confirmations.
    const jh = await staff('jh01.admin');
    const slip = await jh.raw(`/api/campaigns/${plan.campaignId}/students/slips.pdf?studentId=${plan.studentId}`);
    expect(slip.ok).toBe(true);
    const { password, code } = secretsOf(Buffer.from(await slip.arrayBuffer()));
    const username = plan.examNo.toLowerCase();
    const first = await session('/api/auth/login', { username, password });
    const newPassword = 'Family-confirms-2027';
    await first.call('POST', '/api/auth/change-password', { currentPassword: password, newPassword });
    const student = await session('/api/auth/login', { username, password: newPassword });
    const programmes = await student.call<{ items: { programmeId: number; choosable: boolean }[] }>('GET', '/api/me/application/programmes');
    const choice = programmes.items.find((p) => p.choosable);
    expect(choice).toBeDefined();
    const saved = await student.call<{ version: number }>('PUT', '/api/me/application', { track: 'vocational', choices: [{ programmeId: choice!.programmeId }], acceptAdjustment: true });
    await student.call('POST', '/api/me/application/confirm', { version: saved.version });
    const guardian = await session('/api/auth/guardian-login', { examNo: plan.examNo, code });
    const confirmed = await guardian.call<{ status: string }>('POST', '/api/me/application/confirm', { version: saved.version });
    expect(confirmed.status).toBe('confirmed');

    // The page refreshes itself every 15 s: no reload.
    await expect.poll(async () => Number((await cell.innerText()).trim()), { timeout: 40_000, interval: 1000 }).toBe(plan.vocationalBefore + 1);
    await page.context().close();
  });
});
