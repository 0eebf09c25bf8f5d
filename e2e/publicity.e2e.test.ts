/**
 * Browser journey of the brochures (R6, R7), in real Chromium against the real server with
 * the demo seed: a district-run school revises its filed brochure (a new version) and submits
 * it → the district bureau, seeing the diff, returns it with a comment → the school fixes it
 * and resubmits → the district approves → the city bureau files it → a parent on a phone,
 * not signed in, finds it with the mark and the filing number, its QR code verifies as valid
 * and the replaced version's as superseded.
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

// The demo seed leaves 市第一职校's version 2 filed (R3's art campus): the journey revises it.
const SCHOOL = '市第一职业技术学校';
const SCHOOL_USER = 'v01.admin';
const COMMENT = '请补充招生对象的年龄要求和报名截止日期';
const FIX = '招生对象：应届初中毕业生，年龄不超过 18 周岁；报名截止 2027 年 6 月 30 日。';

type Detail = { id: number; status: string; version: number; missingFacts: unknown[]; sections: { key: string }[] };

/** The API as a signed-in user, for what the journey needs to find (never for its steps). */
async function apiAs(username: string) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'zhizhao-demo' }) });
  expect(res.ok).toBe(true);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${server.url}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

async function open(username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, server.url, username);
  await page.getByTestId('dashboard').waitFor();
  await page.goto(`${server.url}${path}`);
  return page;
}

const status = (page: Page) => page.getByTestId('brochure-status').getAttribute('data-status');

/** Opens the school's brochure in a queue (or list) page. */
async function openFromTable(page: Page) {
  await page.getByTestId('brochure-table').getByRole('link', { name: SCHOOL }).first().click();
  await page.getByTestId('brochure-detail').waitFor();
}

async function editFirstSection(page: Page, text: string) {
  await page.getByTestId('sections-edit').click();
  await page.getByTestId('section-html-0').fill(`<p>${text}</p>`);
  await page.getByTestId('sections-save').click();
  await page.getByTestId('sections-form').waitFor({ state: 'detached' });
  await page.getByTestId('brochure-sections').getByText(text).waitFor();
}

async function submit(page: Page) {
  await page.getByTestId('confirm-facts').click();
  await page.getByTestId('brochure-submit').click();
  await expect.poll(() => status(page)).toBe('submitted');
}

let brochureId = 0;
let filingNumber = '';
/** The code of the version this journey replaces, if one was filed. */
let previousCode: string | undefined;

describe('brochure: school → district → city → public', () => {
  it('the school has a brochure in draft with its facts complete (R6)', async () => {
    const school = await apiAs(SCHOOL_USER);
    const me = await school<{ organization: { id: number } }>('GET', '/api/auth/me');
    const campaign = (await school<{ items: { id: number }[] }>('GET', '/api/campaigns?pageSize=5')).items[0]!;
    // The demo seed gives every school majors; should this one have none, the journey adds one.
    const majors = await school<{ total: number }>('GET', `/api/majors?organizationId=${me.organization.id}`);
    if (majors.total === 0) {
      const org = await school<{ campuses: { id: number }[] }>('GET', `/api/organizations/${me.organization.id}`);
      const m = await school<{ id: number }>('POST', '/api/majors', {
        organizationId: me.organization.id, campusId: org.campuses[0]!.id, code: 'E2E01', name: '计算机应用', category: 'general', lengthYears: 3,
        internship: '第三学年顶岗实习 6 个月', fees: [{ name: '住宿费', amount: 600, unit: '元/年' }], aidPolicy: '国家助学金每生每年 2000 元',
      });
      await school('PUT', `/api/campaigns/${campaign.id}/planned-seats`, { rows: [{ majorId: m.id, seats: 45 }] });
    }

    const before = (await (await fetch(`${server.url}/api/public/brochures`)).json()) as { items: { school: string; verifyCode: string }[] };
    previousCode = before.items.find((b) => b.school === SCHOOL)?.verifyCode;

    const page = await open(SCHOOL_USER, '/brochures');
    await page.getByTestId('brochures-page').waitFor();
    await expect(page.getByTestId('side-menu').innerText()).resolves.toMatch(/招生专业[\s\S]*招生简章/);
    const list = await school<{ items: Detail[] }>('GET', `/api/brochures?campaignId=${campaign.id}`);
    const latest = list.items.sort((a, b) => b.version - a.version)[0];
    if (!latest || latest.status === 'withdrawn' || latest.status === 'superseded') {
      await page.getByTestId('brochure-create').click();
    } else {
      await page.goto(`${server.url}/brochures/${latest.id}`);
      await page.getByTestId('brochure-detail').waitFor();
      if (['filed', 'approved'].includes(latest.status)) {
        // A filed version is frozen: editing starts the next version (R7).
        await page.getByTestId('brochure-revise').click();
        await page.getByRole('button', { name: /确\s*定|OK/ }).click();
        await expect.poll(() => page.getByTestId('brochure-detail').getAttribute('data-brochure-id')).not.toBe(String(latest.id));
      }
    }
    await page.getByTestId('brochure-detail').waitFor();
    brochureId = Number(await page.getByTestId('brochure-detail').getAttribute('data-brochure-id'));
    // A seeded brochure may already wait for review; the district returns it below either way.
    expect(['draft', 'returned', 'submitted']).toContain(await status(page));
    if ((await status(page)) !== 'submitted') {
      // The facts come from the school's records: refreshed, none is missing.
      await page.getByTestId('facts-refresh').click();
      await page.getByText('已按学校档案更新必备事项').waitFor();
      await expect.poll(() => page.getByTestId('missing-facts').count()).toBe(0);
    }
    await expect(page.getByTestId('brochure-facts').innerText()).resolves.toContain(SCHOOL);
    await page.context().close();
  });

  it('the school submits; the district bureau returns it with a comment (R7)', async () => {
    const page = await open(SCHOOL_USER, `/brochures/${brochureId}`);
    await page.getByTestId('brochure-detail').waitFor();
    if ((await status(page)) !== 'submitted') {
      await editFirstSection(page, '学校简介：市第一职业技术学校创办于 1985 年，设美术、音乐等艺术类专业。');
      await submit(page);
    }
    await page.context().close();

    const district = await open('district.admin', '/brochures/review');
    await district.getByTestId('brochure-queue-review').waitFor();
    await expect(district.getByTestId('side-menu').innerText()).resolves.toContain('简章审查');
    await openFromTable(district);
    await expect(district.getByTestId('brochure-detail').getAttribute('data-brochure-id')).resolves.toBe(String(brochureId));
    // The reviewer sees what changed against the previous filed version.
    if (previousCode) await expect(district.getByTestId('brochure-diff').innerText()).resolves.toContain('学校简介');
    await district.getByTestId('review-summary').fill('招生对象表述不完整，请修改后重新提交');
    await district.getByTestId('review-comments').getByText('分节意见').click();
    await district.locator('[data-testid^="review-comment-"]').nth(1).fill(COMMENT);
    await district.getByTestId('review-return').click();
    await expect.poll(() => status(district)).toBe('returned');
    await district.context().close();
  });

  it('the school sees the comment in place, fixes the section and resubmits; the district approves', async () => {
    const page = await open(SCHOOL_USER, `/brochures/${brochureId}`);
    await page.getByTestId('return-summary').waitFor();
    await expect(page.getByTestId('section-comment').first().innerText()).resolves.toContain(COMMENT);
    await editFirstSection(page, FIX);
    await submit(page);
    await expect(page.getByTestId('brochure-history').innerText()).resolves.toContain('退回修改');
    await page.context().close();

    const district = await open('district.admin', '/brochures/review');
    await openFromTable(district);
    await district.getByTestId('brochure-sections').getByText(FIX).waitFor();
    await district.getByTestId('review-approve').click();
    await expect.poll(() => status(district)).toBe('approved');
    await district.context().close();
  });

  it('the city bureau files it and sees the filing number (R7)', async () => {
    const page = await open('city.admin', '/brochures/filing');
    await page.getByTestId('brochure-queue-filing').waitFor();
    await openFromTable(page);
    await page.getByTestId('file-brochure').click();
    await page.getByTestId('file-confirm').click();
    await expect.poll(() => status(page)).toBe('filed');
    filingNumber = (await page.getByTestId('filing-number').first().innerText()).trim();
    expect(filingNumber).toMatch(/^示教职招备〔2027〕\d{3}号$/);
    await page.context().close();
  });

  it('a parent on a phone, not signed in, finds the brochure with the mark and number, and its QR verifies', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('public-link').click();
    await page.getByTestId('public-brochure-list').waitFor();
    // From here on, public pages only: none asks who is signed in.
    const calls: string[] = [];
    page.on('request', (r) => calls.push(new URL(r.url()).pathname));
    await page.reload();
    await page.getByTestId('public-brochure-list').waitFor();
    await page.getByTestId('public-q').fill('第一职业');
    await page.getByTestId('public-search').click();
    const item = page.locator(`[data-testid="public-brochure-item"][data-school="${SCHOOL}"]`);
    await expect(item.innerText()).resolves.toContain(filingNumber);
    await item.click();
    await expect(page.getByTestId('filing-mark').innerText()).resolves.toContain('已经市教育局审查备案');
    await expect(page.getByTestId('filing-number').innerText()).resolves.toBe(filingNumber);
    // Nothing overflows the phone's width.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);

    // The QR carries the verification address of this filing's signed code.
    const published = (await (await fetch(`${server.url}/api/public/brochures`)).json()) as { items: { id: number; verifyCode: string }[] };
    const code = published.items.find((b) => b.id === brochureId)!.verifyCode;
    await expect(page.getByTestId('brochure-qr').getAttribute('href')).resolves.toBe(`${server.url}/verify/${code}`);
    await page.goto(`${server.url}/verify/${code}`);
    await expect(page.getByTestId('verify-status').getAttribute('data-status')).resolves.toBe('valid');
    await expect(page.getByTestId('verify-facts').innerText()).resolves.toContain(filingNumber);

    // An altered code is recognised as such.
    // Change a character in the middle of the payload (never a no-op: the replacement always differs).
    const i = Math.floor(code.indexOf('.') / 2);
    const altered = `${code.slice(0, i)}${code[i] === 'A' ? 'B' : 'A'}${code.slice(i + 1)}`;
    await page.goto(`${server.url}/verify`);
    await page.getByTestId('verify-input').fill(`${server.url}/verify/${altered}`);
    await page.getByTestId('verify-submit').click();
    await expect(page.getByTestId('verify-status').getAttribute('data-status')).resolves.toMatch(/invalid|unknown/);

    // The replaced version's QR still verifies, as superseded.
    if (previousCode) {
      await page.goto(`${server.url}/verify/${previousCode}`);
      await expect(page.getByTestId('verify-status').getAttribute('data-status')).resolves.toBe('superseded');
    }

    // No session was asked for on any public page.
    // (The business clock is public too: the open days grey out what has passed.)
    expect(calls.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/public/') && !p.startsWith('/api/verify/') && p !== '/api/clock')).toEqual([]);
    await context.close();
  });
});
