/**
 * Browser journey of a campus visit (R9, R10, R19), in real Chromium against the real server
 * with the demo seed: a district-run school requests a visit to a junior high on a free slot
 * inside its window → the district bureau approves it (the sealed permit) → the school opens
 * the permit PDF → at the gate, on a phone-width page without signing in, the permit's code
 * verifies as valid → the junior high checks the visit in and out.
 *
 * The demo clock is the demo date (2027-04-21, inside the district-run window April 20–26) at
 * the real time of day in the campaign's zone, and check-in needs the slot to have begun: the
 * slot is chosen around that time of day (a run in the last minutes before midnight, campaign
 * time, cannot check in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, signIn } from './support/browser';
import { startServer, type RunningServer } from './support/server';

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

const SCHOOL = '市职业高级中学校';
const SCHOOL_USER = 'v02.admin';
const STAFF = [{ name: '王招生', phone: '13800001111' }, { name: '李老师', phone: '13800002222' }];
const TZ = 'Asia/Shanghai';

type Visit = { id: number; status: string; juniorHighId: number; date: string; start: string; end: string; permit: { code: string; serial: string } | null; checkedInAt: string | null; checkedOutAt: string | null; actualMinutes: number | null };
type Period = { weekday: number | null; date: string | null; start: string; end: string; label: string };

/** The API as a signed-in user, for what the journey needs to find (never for its steps). */
async function apiAs(username: string) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'zhizhao-demo' }) });
  expect(res.ok).toBe(true);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${server.url}${path}`, { method, headers: { cookie, origin: server.url, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

async function open(username: string, path: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, server.url, username);
  await page.getByTestId('dashboard').waitFor();
  await page.goto(`${server.url}${path}`);
  return page;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) => minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end);

/** The campaign's local date and minute of the day of an instant. */
function local(instant: string) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

const plan = { campaignId: 0, date: '', start: '', end: '', jh: { id: 0, code: '', name: '' }, visitId: 0, code: '' };

describe('campus visit: school → district → permit → gate', () => {
  it('finds a free slot today, around the time of day, at a junior high of the district', async () => {
    const district = await apiAs('district.admin');
    const clock = await district<{ today: string; now: string }>('GET', '/api/clock');
    const campaign = (await district<{ items: { id: number; year: number; settings: { visitWindowDistrictRun: { from: string; to: string } } }[] }>('GET', '/api/campaigns?year=2027')).items[0]!;
    const w = campaign.settings.visitWindowDistrictRun;
    expect(clock.today >= w.from && clock.today <= w.to).toBe(true);
    const now = local(clock.now);
    // The journey runs at whatever hour CI runs it: the campaign's school day (R10, 07:30–18:00 by
    // default, the district's own setting) is widened to the whole day first.
    await district('PATCH', `/api/campaigns/${campaign.id}`, { settings: { schoolDay: { start: '00:00', end: '23:59' } }, reason: '演示：全天可进校（浏览器测试）' });
    // From a quarter of an hour ago for an hour: it has begun, so the gate checks it in now.
    const start = Math.max(0, Math.min(Math.floor((now.minute - 15) / 5) * 5, 22 * 60 + 55));
    Object.assign(plan, { campaignId: campaign.id, date: clock.today, start: hhmm(start), end: hhmm(Math.min(start + 60, 23 * 60 + 59)) });
    const slot = { start: plan.start, end: plan.end };

    const { rows } = await district<{ rows: { organizationId: number; code: string; name: string }[] }>('GET', `/api/campaigns/${campaign.id}/graduates`);
    const weekday = ((new Date(`${plan.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const clash = (p: Period) => (p.date === plan.date || p.weekday === weekday) && overlaps(p, slot);
    let chosen: (typeof rows)[number] | undefined;
    let fallback: { row: (typeof rows)[number]; periods: Period[] } | undefined;
    for (const row of rows) {
      const approved = await district<{ items: Visit[] }>('GET', `/api/visits?campaignId=${campaign.id}&juniorHighId=${row.organizationId}&from=${plan.date}&to=${plan.date}&pageSize=200`);
      if (approved.items.some((v) => ['approved', 'requested', 'proposed'].includes(v.status) && overlaps(v, slot))) continue;
      const { periods } = await district<{ periods: Period[] }>('GET', `/api/organizations/${row.organizationId}/protected-periods`);
      if (!periods.some(clash)) { chosen = row; break; }
      fallback ??= { row, periods };
    }
    if (!chosen && fallback) {
      // Every junior high protects this time of day: the chosen one lifts that period for today's test.
      chosen = fallback.row;
      await district('PUT', `/api/organizations/${chosen.organizationId}/protected-periods`, { periods: fallback.periods.filter((p) => !clash(p)) });
    }
    expect(chosen).toBeDefined();
    plan.jh = { id: chosen!.organizationId, code: chosen!.code, name: chosen!.name };
  });

  it('the school requests the visit; a first, too long request is refused with its rule (R10)', async () => {
    const page = await open(SCHOOL_USER, '/visits');
    await page.getByTestId('school-visits-page').waitFor();
    await expect(page.getByTestId('side-menu').innerText()).resolves.toContain('进校宣传');
    await page.getByTestId('visit-request-open').click();
    await page.getByTestId('visit-request-drawer').waitFor();
    await page.getByTestId('visit-junior-high').click();
    await page.keyboard.type(plan.jh.name);
    await page.locator('.ant-select-item-option', { hasText: `（${plan.jh.code}）` }).click();
    await page.getByTestId('visit-date').fill(plan.date);
    await page.getByTestId('visit-start').fill(plan.start);
    // Three hours: over the campaign's limit.
    await page.getByTestId('visit-end').fill(hhmm(Math.min(minutes(plan.start) + 180, 23 * 60 + 59)));
    for (const [i, s] of STAFF.entries()) {
      if (i > 0) await page.getByRole('button', { name: /添加人员/ }).click();
      await page.getByTestId(`visit-staff-name-${i}`).fill(s.name);
      await page.getByTestId(`visit-staff-phone-${i}`).fill(s.phone);
    }
    await expect(page.getByTestId('visit-brochure').innerText()).resolves.toMatch(/示教职招备/);
    if (minutes(plan.start) + 121 <= 23 * 60 + 59) {
      await page.getByTestId('visit-precheck').waitFor();
      await page.getByTestId('visit-request-submit').click();
      const refusals = page.getByTestId('visit-refusals');
      await refusals.waitFor();
      await expect(refusals.locator('li[data-rule="R10"]').count()).resolves.toBeGreaterThan(0);
    }

    await page.getByTestId('visit-end').fill(plan.end);
    await expect(page.getByTestId('visit-length').innerText()).resolves.toContain(`${minutes(plan.end) - minutes(plan.start)} 分钟`);
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/visits' && r.ok());
    await page.getByTestId('visit-request-submit').click();
    plan.visitId = ((await (await created).json()) as Visit).id;
    await page.getByTestId('visit-request-drawer').waitFor({ state: 'hidden' });
    const row = page.locator(`[data-testid="visit-table"] tr[data-visit-id="${plan.visitId}"]`);
    await expect(row.innerText()).resolves.toContain(plan.jh.name);
    await expect(row.getAttribute('data-status')).resolves.toBe('requested');
    await page.context().close();
  });

  it('the district bureau approves it from its queue, which issues the sealed permit (R19)', async () => {
    const page = await open('district.admin', '/visits/approvals');
    await page.getByTestId('visit-approvals-page').waitFor();
    await expect(page.getByTestId('side-menu').innerText()).resolves.toMatch(/进校审批[\s\S]*进校日历/);
    const row = page.locator(`[data-testid="approval-queue"] tr[data-visit-id="${plan.visitId}"]`);
    await expect(row.innerText()).resolves.toContain(SCHOOL);
    await row.getByTestId('approve-visit').click();
    await page.getByTestId('approve-confirm').click();
    await row.waitFor({ state: 'detached' });
    // The calendar shows it on its day.
    await page.goto(`${server.url}/visits/calendar`);
    const card = page.locator(`[data-testid="visit-calendar"] [data-date="${plan.date}"] [data-visit-id="${plan.visitId}"]`);
    await expect(card.getAttribute('data-status')).resolves.toBe('approved');
    await expect(card.innerText()).resolves.toContain(plan.jh.name);
    await page.context().close();
  });

  it('the school opens the permit PDF of the approved visit', async () => {
    const page = await open(SCHOOL_USER, '/visits');
    const row = page.locator(`[data-testid="visit-table"] tr[data-visit-id="${plan.visitId}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('approved');
    await row.getByTestId('visit-open').click();
    const drawer = page.getByTestId('visit-detail');
    await expect(drawer.getAttribute('data-status')).resolves.toBe('approved');
    plan.code = (await drawer.getByTestId('permit-verify-link').getAttribute('data-code'))!;
    expect(plan.code.length).toBeGreaterThan(20);
    const href = await drawer.getByTestId('permit-pdf').getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.context().close();
  });

  it('at the gate, on a phone without signing in, the pasted permit address verifies as valid', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/verify`);
    await page.getByTestId('verify-input').fill(`${server.url}/verify/${plan.code}`);
    await page.getByTestId('verify-submit').click();
    const status = page.getByTestId('verify-status');
    await expect(status.getAttribute('data-status')).resolves.toBe('valid');
    await expect(status.innerText()).resolves.toContain('有效');
    await expect(page.getByTestId('permit-school').innerText()).resolves.toBe(SCHOOL);
    await expect(page.getByTestId('permit-junior-high').innerText()).resolves.toBe(plan.jh.name);
    await expect(page.getByTestId('permit-when').innerText()).resolves.toBe(`${plan.date} ${plan.start}–${plan.end}`);
    await expect(page.getByTestId('permit-staff').innerText()).resolves.toContain(STAFF[0]!.name);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    // An altered code is not taken for a permit.
    const at = Math.floor(plan.code.length / 2);
    const altered = `${plan.code.slice(0, at)}${plan.code[at] === 'A' ? 'B' : 'A'}${plan.code.slice(at + 1)}`;
    await page.goto(`${server.url}/verify/${altered}`);
    await expect(page.getByTestId('verify-status').getAttribute('data-status')).resolves.toMatch(/invalid|unknown/);
    await context.close();
  });

  it('the junior high checks the visit in and out on the day', async () => {
    const page = await open(`${plan.jh.code.toLowerCase()}.admin`, '/visits');
    await page.getByTestId('jh-visits-page').waitFor();
    const card = page.locator(`[data-testid="today-visit"][data-visit-id="${plan.visitId}"]`);
    await expect(card.innerText()).resolves.toContain(SCHOOL);
    await card.getByTestId('check-in').click();
    await card.getByTestId('check-out').click();
    await card.getByText(/签离 \d\d:\d\d/).waitFor();
    const school = await apiAs(SCHOOL_USER);
    const v = await school<Visit>('GET', `/api/visits/${plan.visitId}`);
    expect(v.checkedInAt).not.toBeNull();
    expect(v.checkedOutAt).not.toBeNull();
    expect(v.actualMinutes).toBeGreaterThanOrEqual(0);
    await page.context().close();
  });
});
