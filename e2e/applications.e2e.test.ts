/**
 * Browser journey of a family's application (issue 9: R5, R11, R21), in real Chromium on a
 * 390×844 phone against the real server with the demo seed: a student signs in with the
 * password printed on the slip, sets their own, chooses vocational with two ranked programmes
 * and saves; the guardian signs in with the slip's code and confirms; the student confirms;
 * the application reads 已确认; the 志愿表's signed code verifies as valid at /verify/<code>.
 * Then the one-step pressure report, the social applicants' public registration, and the open
 * days beside the brochures.
 *
 * The student is the test's own: created through the API by jh01.admin, its initial password and
 * guardian code read from its credential slip (the PDF, through `pdftotext`), as a family would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { residentId, secretsOf } from './support/slips';
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
/** A cookie session through the API (for what the journey needs to find, never for its steps). */
const session = (url: string, body: unknown) => apiSession(server.url, url, body);

const noSideScroll = (page: Page) => expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
const status = (page: Page) => page.getByTestId('application-status').getAttribute('data-status');

const plan = { campaignId: 0, studentId: 0, examNo: '', name: '手机学生', password: '', newPassword: '', code: '', chosen: [] as number[] };
let student: BrowserContext;
let studentPage: Page;

describe('a family applies from a phone: slip → choice → both confirm → the 志愿表 verifies', () => {
  it('jh01.admin adds a student (through the API); the slip gives the initial password and the guardian code', async () => {
    const jh = await session('/api/auth/login', { username: 'jh01.admin', password: 'zhizhao-demo' });
    plan.campaignId = (await jh.call<{ items: { id: number }[] }>('GET', '/api/campaigns?year=2027')).items[0]!.id;
    const seq = Date.now() % 1000;
    plan.examNo = `2702${String(Date.now() % 10000).padStart(4, '0')}F`;
    const created = await jh.call<{ id: number }>('POST', `/api/campaigns/${plan.campaignId}/students`, {
      name: plan.name, gender: 'female', idType: 'resident_id', idNumber: residentId(`110101201206${String(10 + (seq % 18)).padStart(2, '0')}${String((seq % 499) * 2).padStart(3, '0')}`),
      examNo: plan.examNo, className: '九(8)班', cohort: 'current', hukouDistrict: '示例区', guardianName: '手机家长', guardianRelation: '母亲', guardianPhone: '13912340000',
    });
    plan.studentId = created.id;
    const slip = await jh.raw(`/api/campaigns/${plan.campaignId}/students/slips.pdf?studentId=${plan.studentId}`);
    expect(slip.ok).toBe(true);
    Object.assign(plan, secretsOf(Buffer.from(await slip.arrayBuffer())));
    plan.newPassword = `Shouji-${Date.now() % 100000}-wode`; // never the exam number: it is the username
  });

  it('the student signs in on the 学生 tab with the slip password and must set a new one first', async () => {
    student = await browser.newContext(PHONE);
    studentPage = await student.newPage();
    const page = studentPage;
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-tab-student').click();
    await page.getByTestId('student-exam-no').fill(plan.examNo);
    await page.getByTestId('student-password').fill(plan.password);
    await page.getByTestId('student-submit').click();
    await page.getByTestId('change-password').waitFor();
    await page.fill('#currentPassword', plan.password);
    await page.fill('#newPassword', plan.newPassword);
    await page.fill('#confirm', plan.newPassword);
    await page.click('button[type=submit]');
    // The staff home sends a family account to its own page.
    await page.getByTestId('family-home').waitFor();
    expect(new URL(page.url()).pathname).toBe('/me');
    await expect(page.getByTestId('family-who').getAttribute('data-role')).resolves.toBe('student');
    await expect(page.getByTestId('family-who').innerText()).resolves.toContain(plan.name);
    await expect(status(page)).resolves.toBe('undecided');
    await expect(page.getByTestId('r11-explained').innerText()).resolves.toContain('普职不兼报');
    await expect(page.getByTestId('pressure-open').innerText()).resolves.toContain('我受到了压力');
    await noSideScroll(page);
  });

  it('a staff page is not for a student: it lands on /me', async () => {
    await studentPage.goto(`${server.url}/organizations`);
    await studentPage.getByTestId('family-home').waitFor();
    expect(new URL(studentPage.url()).pathname).toBe('/me');
  });

  it('chooses vocational with two programmes from the list, reorders them, accepts adjustment and saves', async () => {
    const page = studentPage;
    await page.getByTestId('track-vocational').click();
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('choice-add').click();
      const picker = page.getByTestId('programme-picker');
      await picker.waitFor();
      const item = picker.locator('[data-testid="programme-item"]:has([data-testid="programme-pick"]:not([disabled]))').first();
      plan.chosen.push(Number(await item.getAttribute('data-programme-id')));
      await expect(item.locator('[data-testid="programme-brochure"]').count()).resolves.toBe(1);
      await item.getByTestId('programme-pick').click();
      await picker.waitFor({ state: 'hidden' });
    }
    const rows = page.getByTestId('choice-list').getByTestId('choice-item');
    await expect.poll(() => rows.count()).toBe(2);
    // The second choice moves up: the order is the family's.
    await rows.nth(1).getByTestId('choice-up').click();
    await expect(rows.nth(0).getAttribute('data-programme-id')).resolves.toBe(String(plan.chosen[1]));
    plan.chosen.reverse();
    await page.getByTestId('adjust-yes').click();
    await page.getByTestId('application-save').click();
    await expect.poll(() => status(page)).toBe('draft');
    await expect(page.getByTestId('family-next-step').innerText()).resolves.toContain('学生确认');
    await expect.poll(() => page.getByTestId('application-history').innerText()).toContain('学生本人');
    await noSideScroll(page);
  });

  it('the guardian signs in on a phone with the exam number and the code, and confirms', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/login?as=guardian`);
    await page.getByTestId('guardian-exam-no').fill(plan.examNo);
    await page.getByTestId('guardian-code').fill(plan.code);
    await page.getByTestId('guardian-submit').click();
    await page.getByTestId('family-home').waitFor();
    await expect(page.getByTestId('family-who').getAttribute('data-role')).resolves.toBe('guardian');
    await expect(status(page)).resolves.toBe('draft');
    const rows = page.getByTestId('choice-list').getByTestId('choice-item');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.nth(0).getAttribute('data-programme-id')).resolves.toBe(String(plan.chosen[0]));
    const button = page.getByTestId('application-confirm');
    await expect(button.innerText()).resolves.toContain('家长确认');
    await button.click();
    await expect.poll(() => status(page)).toBe('awaiting_student');
    await expect(page.getByTestId('confirm-state-guardian').innerText()).resolves.toContain('已确认');
    await noSideScroll(page);
    await context.close();
  });

  it('the student confirms: 已确认, with the 志愿表 to download', async () => {
    const page = studentPage;
    await page.reload();
    await page.getByTestId('family-home').waitFor();
    await expect.poll(() => status(page)).toBe('awaiting_student');
    const button = page.getByTestId('application-confirm');
    await expect(button.innerText()).resolves.toContain('学生确认');
    await button.click();
    await expect.poll(() => status(page)).toBe('confirmed');
    await expect(page.getByTestId('application-status').innerText()).resolves.toContain('已确认');
    const history = page.getByTestId('application-history');
    await expect.poll(() => history.locator('[data-testid="history-item"][data-action="confirm"]').count()).toBe(2);
    await expect(history.locator('[data-by="guardian"]').count()).resolves.toBeGreaterThan(0);
    const href = await page.getByTestId('application-pdf').getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await noSideScroll(page);
  });

  it('the 志愿表 code verifies as valid, on a phone, without signing in', async () => {
    const me = await session('/api/auth/login', { username: plan.examNo.toLowerCase(), password: plan.newPassword });
    const view = await me.call<{ status: string; verifyCode: string | null; choices: { programmeId: number }[] }>('GET', '/api/me/application');
    expect(view.status).toBe('confirmed');
    expect(view.choices.map((c) => c.programmeId)).toEqual(plan.chosen);
    expect(view.verifyCode).toBeTruthy();
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/verify/${encodeURIComponent(view.verifyCode!)}`);
    const verdict = page.getByTestId('verify-status');
    await expect(verdict.getAttribute('data-status')).resolves.toBe('valid');
    await expect(verdict.innerText()).resolves.toContain('有效');
    await expect(page.getByTestId('verify-result').innerText()).resolves.toContain('中考志愿表');
    await expect(page.getByTestId('verify-choices').locator('li').count()).resolves.toBe(2);
    await noSideScroll(page);
    await context.close();
  });

  it('the pressure report goes to the district bureau in one step', async () => {
    const page = studentPage;
    await page.getByTestId('pressure-open').click();
    await expect(page.getByTestId('pressure-modal').innerText()).resolves.toContain('不会发给你的初中学校');
    await page.getByTestId('pressure-kind-kept_from_exam').click();
    await page.getByTestId('pressure-description').fill('班主任劝我不要参加中考，直接报中职。');
    await page.getByTestId('pressure-submit').click();
    await page.getByTestId('pressure-done').waitFor();
    const district = await session('/api/auth/login', { username: 'district.admin', password: 'zhizhao-demo' });
    const reports = await district.call<{ items: { studentId: number; kind: string }[] }>('GET', '/api/pressure-reports?pageSize=100');
    expect(reports.items.some((r) => r.studentId === plan.studentId && r.kind === 'kept_from_exam')).toBe(true);
    await student.close();
  });
});

describe('public pages: social applicants register; open days beside the brochures', () => {
  it('a social applicant registers on a phone (the ID number is checked before sending) and gets a tracking number', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('social-link').click();
    await page.getByTestId('social-register').waitFor();
    await page.getByTestId('social-name').fill('社会学员');
    await page.getByText('男', { exact: true }).click();
    const id = residentId(`11010119950312${String(Date.now() % 500 * 2 + 1).padStart(3, '0')}`);
    const wrongCheck = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    await page.getByTestId('social-id-number').fill(wrongCheck);
    await page.getByTestId('social-id-number').blur();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContainEqual(expect.stringContaining('校验码'));
    await page.getByTestId('social-id-number').fill(id);
    const pick = async (testId: string, option: string) => {
      await page.getByTestId(testId).click();
      await page.locator('.ant-select-item-option', { hasText: option }).first().click();
    };
    if ((await page.getByTestId('social-campaign').innerText()).trim() === '') await pick('social-campaign', '2027');
    await pick('social-category', '退役士兵');
    await pick('social-education', '普通高中');
    await page.getByTestId('social-phone').fill('13700001234');
    await page.getByTestId('social-submit').click();
    await page.getByTestId('social-register-done').waitFor();
    await expect(page.getByTestId('social-tracking-no').innerText()).resolves.toMatch(/\w{4,}/);
    await expect(page.getByTestId('social-register-done').innerText()).resolves.toContain('身份证');
    await noSideScroll(page);
    await context.close();
  });

  it('the public brochure list shows the open days, upcoming first, and the way to the social registration', async () => {
    const school = await session('/api/auth/login', { username: 'v01.admin', password: 'zhizhao-demo' });
    const me = await school.call<{ organization: { id: number } }>('GET', '/api/auth/me');
    const org = await school.call<{ campuses: { id: number; active: boolean }[] }>('GET', `/api/organizations/${me.organization.id}`);
    const campusId = org.campuses.find((c) => c.active)!.id;
    await school.call('POST', '/api/open-days', { campusId, date: '2027-04-02', start: '09:00', end: '11:00', title: '春季校园开放日（已结束）' });
    await school.call('POST', '/api/open-days', { campusId, date: '2027-05-16', start: '09:30', end: '12:00', title: '五月校园开放日' });
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.url}/public/brochures`);
    const items = page.getByTestId('open-days').getByTestId('open-day-item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
    const dates = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
    expect(dates.indexOf('2027-05-16')).toBeLessThan(dates.indexOf('2027-04-02'));
    await expect(items.first().innerText()).resolves.toContain('五月校园开放日');
    await expect(page.getByTestId('social-register-link').getAttribute('href')).resolves.toBe('/social-register');
    await noSideScroll(page);
    await context.close();
  });
});
