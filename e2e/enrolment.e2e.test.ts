/**
 * Browser journey after admission (issue 12: R16, R17, R18) in real Chromium on 390×844 phones,
 * against the real server with the demo seed (示例区's 2026 campaign, admitted and published by
 * demo-admission.ts; its September by demo-enrolment.ts, which this journey does not count on):
 *  (a) in the registration window (clock 2026-09-15) a vocational school's clerk pastes the QR
 *      content of a pending student's letter (`…/verify/<code>`) into 扫码报到, sees the student,
 *      confirms, and the student counts as 已报到; a second clerk who looked the same letter up
 *      at the same time is refused with the server's message;
 *  (b) the source junior high opens 外流跟踪 (not registered first), logs a call about another
 *      of its students who has not come, and the list shows it;
 *  (c) back on the demo date the district bureau opens 送培统计: how many schools submitted, the
 *      overdue school in red, the targets' tab, and the Excel export (an xlsx).
 *
 * Set up through the API (never the steps under test): the clock, the pending students of the
 * 2026 intake (district.admin reads them all), the letter code from the admitted list, the
 * accounts by the demo's convention (`<org code>.admin`, lower case).
 */
import fs from 'node:fs';
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
const staff = async (username: string) => (await apiSession(server.url, '/api/auth/login', { username, password: 'zhizhao-demo' })).call;
const noSideScroll = (page: Page) => expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
/** The number an antd Statistic shows (thousands separated). */
const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText()).replace(/[^\d.]/g, ''));
/** An antd input by its test id, whether the id sits on the <input> or on its wrapper. */
const inputOf = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function phoneAs(username: string): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await signIn(page, server.url, username);
  await page.getByTestId('dashboard').waitFor();
  return page;
}
async function openFromMenu(page: Page, key: string) {
  await page.locator('[data-testid=side-menu] li', { has: page.getByTestId(`nav-${key}`) }).click();
}

type IntakeRow = { studentId: number; examNo: string; studentName: string; juniorHighId: number | null; schoolId: number; source: string; state: string };
type IntakePage = { items: IntakeRow[]; total: number; counts: { pending: number; registered: number } };
type Status = { schoolId: number; submitted: boolean; overdue: boolean };

/** Inside the window (08-15 … 09-30) and after the demo's September calls, so today's call is the latest. */
const IN_WINDOW = '2026-09-15';
const DEMO_DAY = '2027-04-21';
/** The server's refusal of a second registration (errorCatalog ENROLMENT_ALREADY_REGISTERED). */
const ALREADY = '该生已报到，不能重复报到';
const CALL = '电话联系家长：孩子在家，家长表示下周一带孩子到校报到。';

const plan = {
  campaignId: 0,
  student: null as IntakeRow | null, letterCode: '', schoolAdmin: '',
  other: null as IntakeRow | null, juniorHighAdmin: '',
};

describe('after admission from a phone: 扫码报到 → 外流跟踪 → 送培统计', () => {
  it('sets the scene through the API: the clock in the 2026 registration window, a pending student with a letter', async () => {
    const district = await staff('district.admin');
    const campaigns = await district<{ items: { id: number; year: number }[] }>('GET', '/api/campaigns?year=2026');
    plan.campaignId = campaigns.items[0]!.id;
    await district('PUT', '/api/clock', { date: IN_WINDOW });

    // Every pending student with a letter (admitted, not an early transfer), by junior high.
    const pending: IntakeRow[] = [];
    for (let page = 1; ; page++) {
      const res = await district<IntakePage>('GET', `/api/enrolment/intake?campaignId=${plan.campaignId}&state=pending&pageSize=200&page=${page}`);
      pending.push(...res.items);
      if (pending.length >= res.total || res.items.length === 0) break;
    }
    const lettered = pending.filter((r) => r.source === 'admission' && r.juniorHighId !== null);
    expect(lettered.length).toBeGreaterThan(1);
    const byJuniorHigh = new Map<number, IntakeRow[]>();
    for (const r of pending) if (r.juniorHighId !== null) byJuniorHigh.set(r.juniorHighId, [...(byJuniorHigh.get(r.juniorHighId) ?? []), r]);
    // Preferably one whose junior high has another student still to come (for (b)).
    plan.student = lettered.find((r) => byJuniorHigh.get(r.juniorHighId!)!.length > 1) ?? lettered[0]!;
    plan.other = byJuniorHigh.get(plan.student.juniorHighId!)!.find((r) => r.studentId !== plan.student!.studentId)
      ?? pending.find((r) => r.studentId !== plan.student!.studentId && r.juniorHighId !== null)!;
    expect(plan.other).toBeTruthy();

    const admissions = await district<{ items: { studentId: number; letterCode: string | null }[] }>('GET', `/api/admission/admissions?campaignId=${plan.campaignId}&q=${plan.student.examNo}`);
    plan.letterCode = admissions.items.find((a) => a.studentId === plan.student!.studentId)!.letterCode!;
    expect(plan.letterCode).toBeTruthy();

    const code = async (id: number) => (await district<{ code: string }>('GET', `/api/organizations/${id}`)).code.toLowerCase();
    plan.schoolAdmin = `${await code(plan.student.schoolId)}.admin`;
    plan.juniorHighAdmin = `${await code(plan.other.juniorHighId!)}.admin`;
  });

  it('(a) the school scans the letter, sees the student and confirms: 已报到; a second clerk’s confirmation is refused', async () => {
    const s = plan.student!;
    const page = await phoneAs(plan.schoolAdmin);
    await openFromMenu(page, 'enrolment');
    const root = page.getByTestId('enrolment-page');
    await root.waitFor();
    expect(new URL(page.url()).pathname).toBe('/enrolment');
    await expect(root.getAttribute('data-side')).resolves.toBe('school');
    // The 2026 campaign's window and the business day.
    await expect(page.getByTestId('en-window').innerText()).resolves.toContain('2026-08-15');
    await expect(page.getByTestId('en-today').innerText()).resolves.toContain(IN_WINDOW);
    await expect.poll(() => numberIn(page, 'en-count-pending')).toBeGreaterThan(0);
    const pendingBefore = await numberIn(page, 'en-count-pending');
    const registeredBefore = await numberIn(page, 'en-count-registered');
    await noSideScroll(page);

    // A second clerk at the next desk scans the same letter a moment later.
    const other = await phoneAs(plan.schoolAdmin);
    await other.goto(`${server.url}/enrolment`);
    for (const p of [page, other]) {
      await inputOf(p, 'en-scan-input').fill(`${server.url}/verify/${encodeURIComponent(plan.letterCode)}`);
      await inputOf(p, 'en-scan-input').press('Enter');
      const found = p.getByTestId('en-scan-result');
      await expect.poll(() => found.getAttribute('data-state')).toBe('pending');
      await expect(found.innerText()).resolves.toContain(s.studentName);
      await expect(found.innerText()).resolves.toContain(s.examNo);
    }
    await noSideScroll(page);

    await page.getByTestId('en-scan-confirm').click();
    const result = page.getByTestId('en-scan-result');
    await expect.poll(() => result.getAttribute('data-state')).toBe('registered');
    await expect(result.getByTestId('en-state').innerText()).resolves.toContain('已报到');
    await expect(page.getByTestId('en-scan-confirm').count()).resolves.toBe(0);
    await expect.poll(() => numberIn(page, 'en-count-registered')).toBe(registeredBefore + 1);
    await expect.poll(() => numberIn(page, 'en-count-pending')).toBe(pendingBefore - 1);
    // The list says so too.
    await inputOf(page, 'en-search').fill(s.examNo);
    const row = page.locator(`[data-testid=en-row][data-exam-no="${s.examNo}"]`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('registered');
    await expect(row.getByTestId('en-register').count()).resolves.toBe(0);
    await noSideScroll(page);

    // The second clerk still sees the student pending and confirms: the server refuses, in its words.
    await other.getByTestId('en-scan-confirm').click();
    const refusal = other.getByTestId('en-scan').getByTestId('api-error');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain(ALREADY);
    await noSideScroll(other);
    await other.context().close();
    await page.context().close();
  });

  it('(b) the junior high opens 外流跟踪, finds a student who has not come and logs a call; the list shows it', async () => {
    const o = plan.other!;
    const page = await phoneAs(plan.juniorHighAdmin);
    await openFromMenu(page, 'enrolment');
    const root = page.getByTestId('enrolment-page');
    await root.waitFor();
    await expect(root.getAttribute('data-side')).resolves.toBe('juniorHigh');
    await expect(root.locator('h4').innerText()).resolves.toContain('外流跟踪');
    // Those not registered first: in the window, the pending.
    const rows = page.getByTestId('en-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const state of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))) expect(state).not.toBe('registered');
    await expect(page.getByTestId('en-scan').count()).resolves.toBe(0);
    await noSideScroll(page);

    await inputOf(page, 'en-search').fill(o.examNo);
    const row = page.locator(`[data-testid=en-row][data-exam-no="${o.examNo}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.getAttribute('data-state')).resolves.toBe('pending');
    // A junior high follows up: no registration, no care.
    await expect(row.getByTestId('en-register').count()).resolves.toBe(0);
    await expect(row.getByTestId('en-noshow').count()).resolves.toBe(1);
    const contactsBefore = Number(await row.getAttribute('data-contacts'));

    await row.getByTestId('en-contacts').click();
    const drawer = page.getByTestId('en-contacts-drawer');
    await drawer.waitFor();
    await expect(drawer.getByTestId('en-contact-kind').innerText()).resolves.toContain('电话');
    await drawer.getByTestId('en-contact-result').fill(CALL);
    await noSideScroll(page);
    await drawer.getByTestId('en-contact-save').click();
    // Newest first: today's call on top of any earlier ones.
    const logged = drawer.getByTestId('en-contact-row');
    await expect.poll(() => logged.count()).toBe(contactsBefore + 1);
    await expect(logged.first().innerText()).resolves.toContain(CALL);
    await expect(logged.first().innerText()).resolves.toContain(IN_WINDOW);
    await expect(drawer.getByTestId('en-contact-result').inputValue()).resolves.toBe('');
    // The drawer's own close button (Escape depends on where the focus landed).
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => row.getAttribute('data-contacts')).toBe(String(contactsBefore + 1));
    await expect(row.getByTestId('en-last-contact').innerText()).resolves.toContain(CALL);
    await noSideScroll(page);
    await page.context().close();
  });

  it('(c) on the demo date the bureau reads 送培统计: submitted x/y, the overdue school in red; the targets’ tab; the Excel export', async () => {
    const district = await staff('district.admin');
    await district('PUT', '/api/clock', { date: DEMO_DAY });
    const stats = await district<{ status: Status[]; deadline: string }>('GET', `/api/statistics/sending?campaignId=${plan.campaignId}`);
    const submitted = stats.status.filter((x) => x.submitted).length;
    const overdue = stats.status.filter((x) => x.overdue).length;
    expect(overdue).toBeGreaterThan(0);

    const page = await phoneAs('district.admin');
    await openFromMenu(page, 'statistics');
    const root = page.getByTestId('statistics-page');
    await root.waitFor();
    expect(new URL(page.url()).pathname).toBe('/statistics');
    await expect(root.getAttribute('data-side')).resolves.toBe('bureau');
    // The default campaign is 2026's (the latest whose registration has begun on 2027-04-21).
    await page.getByTestId('st-completion').waitFor();
    await expect(page.getByTestId('st-deadline').innerText()).resolves.toContain(stats.deadline);
    await expect(page.getByTestId('st-progress-text').innerText()).resolves.toBe(`已提交 ${submitted}/${stats.status.length}`);
    await expect(numberIn(page, 'st-count-submitted')).resolves.toBe(submitted);
    await expect(numberIn(page, 'st-count-overdue')).resolves.toBe(overdue);
    const late = page.locator('[data-testid=st-status-row][data-overdue=true]');
    await expect(late.count()).resolves.toBe(overdue);
    await expect(late.first().getByTestId('st-overdue').innerText()).resolves.toBe('逾期');
    await expect.poll(() => page.getByTestId('st-row').count()).toBeGreaterThan(0);
    await noSideScroll(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('st-excel').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByTestId('st-tab-funnel').click();
    await page.getByTestId('st-district').waitFor();
    await page.getByTestId('st-funnel-chart').waitFor();
    await expect.poll(() => page.getByTestId('st-funnel-row').count()).toBeGreaterThan(0);
    await noSideScroll(page);
    await page.context().close();
  });
});
