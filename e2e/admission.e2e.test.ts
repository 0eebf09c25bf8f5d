/**
 * Browser journey of the admission round (issue 11: R15) in real Chromium on 390×844 phones,
 * against the real server with the demo seed (demo campaign D01 2027, demo clock 2027-04-21):
 * the district bureau opens 统一录取 from the menu, defines 第一批 (results shown from 07-10),
 * starts a dry run (试录取), watches it finish, reads the per-programme table and publishes it;
 * the admitted count on the page is the number of admissions written. On the publication date
 * `student.demo` reads, from 我的, the result with its explanation, downloads the letter PDF and
 * checks its QR on /verify (valid, the school and major). The admitting school prints its
 * letters as one PDF, asks to return the student (退档) for a listed reason, the bureau
 * approves, and the letter then verifies as withdrawn. The public reads the programmes' lines.
 *
 * Set up through the API (never the steps under test): student.demo's vocational application
 * with two choices (the first a programme with seats for admission), confirmed by the student
 * and the guardian; then the exam office's scores for every confirmed vocational applicant of
 * the campaign, imported (CSV) and locked by district.admin, student.demo with the top score so
 * that they are admitted by their first choice. (The demo's own family, as
 * early-transfer.e2e.test.ts does: a new student's secrets are only on the slip PDF, read with
 * `pdftotext`, which not every machine has.)
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
/** The number an antd Statistic shows (thousands separated). */
const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText()).replace(/[^\d.]/g, ''));

/** An antd input by its test id, whether the id sits on the <input> or on its wrapper. */
const inputOf = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
/** The options of the dropdown that is open now (closed ones stay in the page, hidden). */
const openOptions = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

async function phoneAs(username: string, home = 'dashboard'): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await signIn(page, server.url, username);
  await page.getByTestId(home).waitFor();
  return page;
}

/** The exam office's file through the import route (multipart, as the 成绩 tab sends it), then locked. */
async function importAndLockScores(campaignId: number, csv: string): Promise<number> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'district.admin', password: 'zhizhao-demo' }) });
  expect(login.ok).toBe(true);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'scores.csv');
  const res = await fetch(`${server.url}/api/admission/score-sets/import?campaignId=${campaignId}`, { method: 'POST', headers: { cookie, origin: server.url }, body: form });
  const body = (await res.json()) as { scoreSet: { id: number } | null; errors?: unknown };
  expect(res.status, JSON.stringify(body).slice(0, 2000)).toBe(200);
  const id = body.scoreSet!.id;
  const locked = await fetch(`${server.url}/api/admission/score-sets/${id}/lock`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: '{}' });
  expect(locked.status, await locked.clone().text()).toBe(200);
  return id;
}

type Programme = { programmeId: number; schoolId: number; schoolName: string; majorName: string; campusName: string; choosable: boolean };
type CapRow = { programmeId: number; seatsForAdmission: number };

const STUDENT = { username: 'student.demo', examNo: '27010001', guardianCode: '20270421' } as const;
const TOP = 750;
const PUBLISH_ON = '2027-07-10';
const plan = {
  campaignId: 0, studentName: '', applicants: 0,
  first: null as Programme | null, schoolAdmin: '',
  batchId: 0, runId: 0, admitted: 0, cutoff: null as number | null, publishedOn: '', letterCode: '',
};

describe('the admission round from a phone: batch → dry run → publish → the family reads why → letter verifies → 退档 → public lines', () => {
  it('sets the scene through the API: student.demo applies (two choices, both confirm); every confirmed applicant gets a locked score', async () => {
    const district = await staff('district.admin');
    plan.campaignId = (await district<{ items: { id: number }[] }>('GET', '/api/campaigns?year=2027')).items[0]!.id;

    const student = await session('/api/auth/login', { username: STUDENT.username, password: 'zhizhao-demo' });
    const { items } = await student<{ items: Programme[] }>('GET', '/api/me/application/programmes');
    const caps = await district<{ rows: CapRow[] }>('GET', `/api/campaigns/${plan.campaignId}/early-transfer-caps`);
    const forAdmission = new Map(caps.rows.map((r) => [r.programmeId, r.seatsForAdmission]));
    const open = items.filter((p) => p.choosable && (forAdmission.get(p.programmeId) ?? 0) > 0);
    expect(open.length).toBeGreaterThan(1);
    const first = open[0]!;
    const second = open.find((p) => p.schoolId !== first.schoolId) ?? open[1]!;
    plan.first = first;
    const saved = await student<{ version: number }>('PUT', '/api/me/application', { track: 'vocational', choices: [{ programmeId: first.programmeId }, { programmeId: second.programmeId }], acceptAdjustment: true });
    await student('POST', '/api/me/application/confirm', { version: saved.version });
    const guardian = await session('/api/auth/guardian-login', { examNo: STUDENT.examNo, code: STUDENT.guardianCode });
    const view = await guardian<{ status: string; studentName: string }>('POST', '/api/me/application/confirm', { version: saved.version });
    expect(view.status).toBe('confirmed');
    plan.studentName = view.studentName;

    // The admitting school's account: its code, lower-cased (v02.admin for V02).
    const org = await district<{ code: string }>('GET', `/api/organizations/${first.schoolId}`);
    plan.schoolAdmin = `${org.code.toLowerCase()}.admin`;

    // Every confirmed vocational applicant of the campaign, by the roster.
    const examNos: string[] = [];
    for (let page = 1; ; page++) {
      const res = await district<{ items: { examNo: string }[]; total: number }>('GET', `/api/campaigns/${plan.campaignId}/students?track=vocational&status=confirmed&pageSize=200&page=${page}`);
      examNos.push(...res.items.map((s) => s.examNo));
      if (examNos.length >= res.total || res.items.length === 0) break;
    }
    expect(examNos).toContain(STUDENT.examNo);
    expect(examNos.length).toBeGreaterThan(50);
    plan.applicants = examNos.length;
    // Everyone else between 300 and 699 (deterministic), student.demo on top.
    const scoreOf = (examNo: string) => (examNo === STUDENT.examNo ? TOP : 300 + ((Number.parseInt(examNo.replace(/\D/g, '').slice(-6) || '0', 10) * 7919) % 400));
    const lines = ['中考报名号,总分,语文,数学,外语', ...examNos.map((e) => `${e},${scoreOf(e)},${80 + (e.charCodeAt(e.length - 1) % 40)},90,100`)];
    await importAndLockScores(plan.campaignId, `${lines.join('\r\n')}\r\n`);
  });

  it('the bureau opens 统一录取 from the menu and defines 第一批 (results shown from 07-10)', async () => {
    const page = await phoneAs('district.admin');
    await page.locator('[data-testid=side-menu] li', { has: page.getByTestId('nav-admission') }).click();
    const root = page.getByTestId('admission-page');
    await root.waitFor();
    expect(new URL(page.url()).pathname).toBe('/admission');
    await expect(root.getAttribute('data-side')).resolves.toBe('bureau');
    await noSideScroll(page);

    await page.getByTestId('ad-tab-batches').click();
    await page.getByTestId('ad-batch-new').click();
    const drawer = page.getByTestId('ad-batch-form');
    await drawer.waitFor();
    await page.getByTestId('ad-batch-name').fill('第一批');
    for (const [label, date] of [['结果发布日期', PUBLISH_ON], ['退档截止日期', '2027-07-20']] as const) {
      const input = page.getByLabel(label);
      await input.click();
      await input.fill(date);
      await input.press('Enter');
      await expect.poll(() => input.inputValue()).toBe(date);
    }
    await noSideScroll(page);
    await page.getByTestId('ad-batch-save').click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByTestId('ad-batch-row');
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.getAttribute('data-status')).resolves.toBe('open');
    await expect(row.innerText()).resolves.toContain('第一批');
    await expect(row.innerText()).resolves.toContain(PUBLISH_ON);
    plan.batchId = Number(await row.getAttribute('data-batch-id'));
    await noSideScroll(page);
    await page.context().close();
  });

  it('a dry run (试录取) runs in the background to its end; the per-programme table has the seats, the admitted and the cutoff', async () => {
    const page = await phoneAs('district.admin');
    await page.goto(`${server.url}/admission?tab=runs`);
    await page.getByTestId('ad-runs').waitFor();
    await page.getByTestId('ad-run-start').click();
    const run = page.getByTestId('ad-run');
    await run.waitFor();
    plan.runId = Number(await run.getAttribute('data-run-id'));
    expect(plan.runId).toBeGreaterThan(0);
    // Polled while it works: queued/running with its progress bar, then ready.
    await expect.poll(() => run.getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    await expect(page.getByTestId('ad-run-progress').count()).resolves.toBe(0);
    await expect(run.getAttribute('data-current')).resolves.toBe('true');
    await expect(page.locator(`[data-testid=ad-run-row][data-run-id="${plan.runId}"]`).getAttribute('data-status')).resolves.toBe('ready');

    const admitted = await numberIn(page, 'ad-total-admitted');
    const applicants = await numberIn(page, 'ad-total-applicants');
    expect(admitted).toBeGreaterThan(0);
    expect(applicants).toBeGreaterThan(admitted - 1);
    expect(applicants).toBeLessThanOrEqual(plan.applicants);
    plan.admitted = admitted;

    const table = page.getByTestId('ad-run-programmes');
    await table.waitFor();
    await expect.poll(() => table.getByTestId('ad-run-programme').count()).toBeGreaterThan(1);
    const mine = table.locator(`[data-testid=ad-run-programme][data-programme-id="${plan.first!.programmeId}"]`);
    await expect(mine.innerText()).resolves.toContain(plan.first!.majorName);
    // The top score is admitted there: the programme has a cutoff, at most the top score.
    const cutoff = mine.getByTestId('ad-cutoff');
    await expect(cutoff.count()).resolves.toBe(1);
    plan.cutoff = Number(await cutoff.innerText());
    expect(plan.cutoff).toBeLessThanOrEqual(TOP);
    await noSideScroll(page);

    // Placements one by one: student.demo by their first choice.
    await page.getByTestId('ad-run-sections').getByText('逐人结果').click();
    await page.getByTestId('ad-placements').waitFor();
    const placement = page.locator(`[data-testid=ad-placement][data-exam-no="${STUDENT.examNo}"]`);
    await page.getByTestId('ad-placements-outcome').click();
    await openOptions(page).filter({ hasText: '已录取' }).click();
    // The first page is by rank: the top score leads it.
    await expect.poll(() => placement.count()).toBe(1);
    await expect(placement.innerText()).resolves.toContain('第 1 志愿');
    await noSideScroll(page);
    await page.context().close();
  });

  it('publishes the run (发布): the batch is published, the letters signed, the admitted count is what was run', async () => {
    const page = await phoneAs('district.admin');
    await page.goto(`${server.url}/admission?tab=runs&run=${plan.runId}`);
    const run = page.getByTestId('ad-run');
    await expect.poll(() => run.getAttribute('data-status')).toBe('ready');
    // The business day of the publication (the demo clock): the letters are issued on it.
    plan.publishedOn = ((await (await fetch(`${server.url}/api/clock`)).json()) as { today: string }).today;
    await page.getByTestId('ad-run-publish').click();
    const confirm = page.getByTestId('ad-run-publish-confirm');
    await confirm.waitFor();
    await expect(page.locator('.ant-modal').innerText()).resolves.toContain(`录取 ${plan.admitted} 人`);
    await expect(page.getByTestId('ad-publish-inputs-hash').innerText()).resolves.toMatch(/[0-9a-f]{64}/);
    await confirm.click();
    await expect.poll(() => run.getAttribute('data-status'), { timeout: 60_000 }).toBe('published');
    // The letters follow in their own job, counted on the run.
    await expect.poll(() => page.getByTestId('ad-run-letters').count(), { timeout: 60_000 }).toBe(0);
    await expect(numberIn(page, 'ad-total-admitted')).resolves.toBe(plan.admitted);
    await expect(page.getByTestId('ad-run-publish').count()).resolves.toBe(0);
    await noSideScroll(page);

    await page.getByTestId('ad-tab-batches').click();
    await expect.poll(() => page.locator(`[data-testid=ad-batch-row][data-batch-id="${plan.batchId}"]`).getAttribute('data-status')).toBe('published');

    // The admitted list holds one admission per admitted applicant, each with its letter.
    await page.getByTestId('ad-tab-admissions').click();
    await page.getByTestId('ad-admissions').waitFor();
    await expect.poll(() => page.getByTestId('ad-admission-row').count()).toBeGreaterThan(0);
    const district = await staff('district.admin');
    const list = await district<{ total: number }>('GET', `/api/admission/admissions?campaignId=${plan.campaignId}&pageSize=1`);
    expect(list.total).toBe(plan.admitted);
    const letters = await district<{ items: { status: string }[] }>('GET', `/api/admission/letters?campaignId=${plan.campaignId}`);
    expect(letters.items.filter((l) => l.status === 'valid')).toHaveLength(plan.admitted);
    await noSideScroll(page);
    // The list's count reads as a count (共 N 条).
    await expect(page.locator('.ant-pagination-total-text').innerText()).resolves.toContain(String(plan.admitted));
    await page.context().close();
  });

  it('on the publication date the student reads, from 我的, the result and why, downloads the letter and verifies it', async () => {
    const page = await phoneAs(STUDENT.username, 'family-home');
    // Before the publication date: the score, no result yet.
    await page.getByTestId('ad-entry-open').click();
    await page.getByTestId('ad-family').waitFor();
    await expect(page.getByTestId('ad-my-total').innerText()).resolves.toBe(String(TOP));
    await expect(page.getByTestId('ad-my-result').count()).resolves.toBe(0);
    await expect(page.getByTestId('ad-my-letter').count()).resolves.toBe(0);

    const district = await staff('district.admin');
    await district('PUT', '/api/clock', { date: PUBLISH_ON });
    await page.goto(`${server.url}/me`);
    await page.getByTestId('family-home').waitFor();
    await expect(page.getByTestId('ad-entry').innerText()).resolves.toContain('录取');
    await noSideScroll(page);
    await page.getByTestId('ad-entry-open').click();
    await page.getByTestId('ad-family').waitFor();
    expect(new URL(page.url()).pathname).toBe('/me/admission');

    const result = page.getByTestId('ad-my-result');
    await expect.poll(() => result.count()).toBe(1);
    await expect(result.getAttribute('data-outcome')).resolves.toBe('admitted');
    await expect(result.innerText()).resolves.toContain('第一批');
    await expect(page.getByTestId('ad-my-headline').innerText()).resolves.toContain(plan.first!.majorName);
    await expect(result.innerText()).resolves.toContain(plan.first!.schoolName);
    // The engine's explanation: the first choice admitted them, with the score against its line.
    const lines = page.getByTestId('ad-my-explanation').getByTestId('ad-my-line');
    await expect.poll(() => lines.count()).toBeGreaterThan(0);
    await expect(lines.first().getAttribute('data-outcome')).resolves.toMatch(/^admitted/);
    await expect(lines.first().innerText()).resolves.toContain('第 1 志愿');
    expect((await lines.first().innerText()).length).toBeGreaterThan(12);
    await noSideScroll(page);

    const letter = page.getByTestId('ad-my-letter');
    await expect(letter.getAttribute('data-status')).resolves.toBe('admitted');
    await expect(letter.innerText()).resolves.toContain(plan.first!.majorName);
    const href = await page.getByTestId('ad-my-letter-pdf').getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.getByTestId('ad-my-letter-verify').click();
    await page.waitForURL((u) => u.pathname.startsWith('/verify/'));
    plan.letterCode = decodeURIComponent(new URL(page.url()).pathname.slice('/verify/'.length));
    const verdict = page.getByTestId('verify-status');
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('valid');
    await expect(verdict.innerText()).resolves.toContain('有效');
    await expect(page.getByTestId('verify-result').innerText()).resolves.toContain('录取通知书');
    const facts = page.getByTestId('verify-facts');
    await expect(facts.innerText()).resolves.toContain(plan.first!.schoolName);
    await expect(facts.innerText()).resolves.toContain(plan.first!.majorName);
    await noSideScroll(page);
    // The letter is dated by the campaign's business clock (the day it was published), not the server's wall clock.
    await expect(facts.locator('[data-fact=issuedOn]').innerText()).resolves.toBe(plan.publishedOn);
    await page.context().close();
  });

  it('the admitting school sees the student, prints its letters as one PDF and asks to return the student for a listed reason', async () => {
    const page = await phoneAs(plan.schoolAdmin);
    await page.locator('[data-testid=side-menu] li', { has: page.getByTestId('nav-admission') }).click();
    await expect.poll(() => page.getByTestId('admission-page').getAttribute('data-side')).toBe('school');
    const list = page.getByTestId('ad-admissions');
    await expect(list.getAttribute('data-mode')).resolves.toBe('school');
    await inputOf(page, 'ad-search').fill(STUDENT.examNo);
    const row = page.getByTestId('ad-admission-row');
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.getAttribute('data-status')).resolves.toBe('admitted');
    await expect(row.innerText()).resolves.toContain(plan.studentName);
    await expect(row.innerText()).resolves.toContain(plan.first!.majorName);
    const letterHref = await row.getByTestId('ad-letter').getAttribute('href');
    const one = await page.request.get(`${server.url}${letterHref}`);
    expect(one.headers()['content-type']).toContain('application/pdf');
    await noSideScroll(page);

    // Every letter of the school as one PDF: a job with progress, then the download.
    await page.getByTestId('ad-bundle').click();
    const job = page.getByTestId('ad-job');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    const bundleHref = await page.getByTestId('ad-job-download').getAttribute('href');
    const bundle = await page.request.get(`${server.url}${bundleHref}`);
    expect(bundle.status()).toBe(200);
    expect(bundle.headers()['content-type']).toContain('application/pdf');
    expect((await bundle.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await row.getByTestId('ad-return').click();
    const confirm = page.getByTestId('ad-return-confirm');
    await confirm.waitFor();
    await page.getByTestId('ad-return-reason').click();
    const options = openOptions(page);
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await options.first().click();
    await page.getByTestId('ad-return-note').fill('学生本人书面声明放弃录取。');
    await noSideScroll(page);
    await confirm.click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => row.getByTestId('ad-return-status').getAttribute('data-status')).toBe('requested');
    await expect(row.getByTestId('ad-return').count()).resolves.toBe(0);
    await noSideScroll(page);
    await page.context().close();
  });

  it('the bureau approves the return: the admission is withdrawn, the letter verifies as void, the family is told', async () => {
    const page = await phoneAs('district.admin');
    await page.goto(`${server.url}/admission?tab=returns`);
    await page.getByTestId('ad-returns').waitFor();
    const row = page.getByTestId('ad-return-row').filter({ hasText: STUDENT.examNo });
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.getAttribute('data-status')).resolves.toBe('requested');
    await noSideScroll(page);
    await row.getByTestId('ad-return-approve').click();
    const confirm = page.getByTestId('ad-decide-confirm');
    await confirm.waitFor();
    await page.getByTestId('ad-decide-note').fill('同意退档，名额退回。');
    await confirm.click();
    await confirm.waitFor({ state: 'hidden' });
    // The list shows the requests still to decide: this one has gone.
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId('ad-tab-admissions').click();
    await inputOf(page, 'ad-search').fill(STUDENT.examNo);
    const admission = page.getByTestId('ad-admission-row');
    await expect.poll(() => admission.count()).toBe(1);
    await expect.poll(() => admission.getAttribute('data-status')).toBe('returned');
    await page.context().close();

    const anyone = await (await browser.newContext(PHONE)).newPage();
    await anyone.goto(`${server.url}/verify/${encodeURIComponent(plan.letterCode)}`);
    const verdict = anyone.getByTestId('verify-status');
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('withdrawn');
    await expect(verdict.innerText()).resolves.toContain('已撤销');
    await expect(anyone.getByTestId('verify-message').innerText()).resolves.toContain('作废');
    await noSideScroll(anyone);
    await anyone.context().close();

    const family = await phoneAs(STUDENT.username, 'family-home');
    await family.goto(`${server.url}/me/admission`);
    await expect.poll(() => family.getByTestId('ad-my-letter').getAttribute('data-status')).toBe('returned');
    await expect(family.getByTestId('ad-my-letter-pdf').count()).resolves.toBe(0);
    await expect(family.getByTestId('ad-my-result').getAttribute('data-outcome')).resolves.toBe('returned');
    await family.context().close();
  });

  it('the public reads each programme of 第一批: seats, filled and the cutoff, without signing in', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${server.url}/admission/cutoffs?campaignId=${plan.campaignId}`);
    await page.getByTestId('public-cutoffs').waitFor();
    const batch = page.locator('[data-testid=cutoffs-batch][data-batch="第一批"]');
    await batch.waitFor();
    await expect(batch.innerText()).resolves.toContain(PUBLISH_ON);
    await expect.poll(() => batch.getByTestId('cutoffs-row').count()).toBeGreaterThan(1);
    const p = plan.first!;
    const mine = batch.locator(`[data-testid=cutoffs-row][data-key="${p.schoolName}|${p.majorName}|${p.campusName}"]`);
    await expect(mine.count()).resolves.toBe(1);
    await expect(mine.getByTestId('cutoffs-score').innerText()).resolves.toBe(String(plan.cutoff));
    await noSideScroll(page);
    // Nothing names a person.
    await expect(page.locator('body').innerText()).resolves.not.toContain(STUDENT.examNo);
    await page.context().close();
  });
});
