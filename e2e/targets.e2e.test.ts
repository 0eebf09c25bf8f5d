/**
 * Browser journey of the targets (R1, R2, R12), in real Chromium against the real server
 * with the demo seed: the city bureau sets the district's targets with a reason → the
 * district bureau splits N_total into a draft, adjusts one school with a reason after
 * seeing the preview, and publishes → a junior high sees its own target and nobody else's.
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

async function open(username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, server.url, username);
  await page.getByTestId('dashboard').waitFor();
  await page.goto(`${server.url}${path}`);
  return page;
}

const number = async (page: Page, testId: string) => Number((await page.getByTestId(testId).first().innerText()).replace(/[^\d-]/g, ''));
const rowTarget = async (page: Page, code: string) => Number((await page.getByTestId(`target-row-${code}`).getByTestId('row-target').innerText()).replace(/\D/g, ''));

const N_TOTAL = 2010;
const reason = '根据市教育局2027年中职招生工作安排调整';
let jh01Target = 0;

describe('targets: city → district → junior high', () => {
  it('the city bureau sets the district’s N_total with a reason, kept in the history (R1)', async () => {
    const page = await open('city.admin', '/targets/city');
    await page.getByTestId('city-targets-table').waitFor();
    await expect(page.getByTestId('side-menu').innerText()).resolves.toContain('各区目标');
    const row = page.getByTestId('city-row-示例区教育局');
    await expect(row.getByTestId('cell-ntotal').innerText()).resolves.toBe('2,000');
    await page.getByTestId('set-targets-示例区教育局').click();
    await page.getByTestId('district-targets-form').waitFor();
    await page.getByTestId('input-ntotal').fill(String(N_TOTAL));
    await page.getByTestId('input-district-reason').fill(reason);
    await page.getByTestId('district-targets-submit').click();
    await page.getByTestId('district-targets-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => row.getByTestId('cell-ntotal').innerText()).toBe('2,010');
    // The change keeps its reason and author.
    await page.getByTestId('city-targets-table').getByText('变更记录').first().click();
    await page.getByTestId('district-target-history').getByText(reason).waitFor();
    await expect(page.getByTestId('district-target-history').innerText()).resolves.toContain('city.admin');
    await page.context().close();
  });

  it('the district bureau splits, adjusts one school after the preview, and publishes (R2, R12)', async () => {
    const page = await open('district.admin', '/targets');
    await page.getByTestId('targets-table').waitFor();
    await expect(page.getByTestId('side-menu').innerText()).resolves.toContain('送培目标');
    // The city's new total is shown against the published split, which still adds up to 2000.
    await expect(number(page, 'city-ntotal')).resolves.toBe(N_TOTAL);
    await page.getByTestId('total-differs').waitFor();

    // Split into a draft (Hamilton, the default).
    await page.getByTestId('create-draft').click();
    await page.getByTestId('draft-method').waitFor();
    await page.getByTestId('create-draft-submit').click();
    await page.getByTestId('draft-banner').waitFor();
    await expect.poll(() => number(page, 'targets-sum')).toBe(N_TOTAL);

    // Adjust JH07 by +5, the others rebalance; the preview shows the effect before saving.
    const before = await rowTarget(page, 'JH07');
    await page.getByTestId('adjust-JH07').click();
    await page.getByTestId('adjust-panel').waitFor();
    await expect(page.getByTestId('adjust-submit').isDisabled()).resolves.toBe(true);
    await page.getByTestId('adjust-target').fill(String(before + 5));
    await page.getByTestId('adjust-reason').fill('实验中学新增职业体验班，多承担5人');
    await expect.poll(() => page.getByTestId('preview-summary').innerText().catch(() => '')).toContain(`${N_TOTAL} → ${N_TOTAL}`);
    const preview = await page.getByTestId('adjust-preview').innerText();
    expect(preview).toContain('示例区实验中学');
    expect(preview).toMatch(/\+5/);
    // Other schools give up the five: at least one row goes down.
    expect(preview).toMatch(/-\d/);
    await expect.poll(() => page.getByTestId('adjust-submit').isEnabled()).toBe(true);
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('adjust-panel').waitFor({ state: 'hidden' });
    await expect.poll(() => rowTarget(page, 'JH07')).toBe(before + 5);
    await expect(number(page, 'targets-sum')).resolves.toBe(N_TOTAL);
    await expect(page.getByTestId('target-row-JH07').innerText()).resolves.toContain('多承担5人');

    // Publish with a note.
    jh01Target = await rowTarget(page, 'JH01');
    await page.getByTestId('publish-draft').click();
    await page.getByTestId('publish-note').waitFor();
    await page.getByTestId('publish-note').fill('2027 年送培目标（市定总目标 2010）');
    await page.getByTestId('publish-submit').click();
    await page.getByTestId('published-banner').waitFor();
    await expect(page.getByTestId('published-banner').innerText()).resolves.toMatch(/已发布的第 \d+ 版/);
    await page.context().close();
  });

  it('the junior high sees its own target and its history, nothing of other schools', async () => {
    const page = await open('jh01.admin', '/targets');
    await page.getByTestId('own-target').waitFor();
    await expect(number(page, 'own-target')).resolves.toBe(jh01Target);
    await expect(number(page, 'own-graduates')).resolves.toBe(312);
    await expect(page.getByTestId('own-history').innerText()).resolves.toContain('已发布');
    const body = await page.locator('body').innerText();
    expect(body).toContain('示例区第一中学');
    for (const other of ['示例区第二中学', '示例区实验中学', '示例区民族中学']) expect(body).not.toContain(other);
    await page.context().close();
  });
});
