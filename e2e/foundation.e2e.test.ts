/**
 * Browser journeys of the foundation, in real Chromium against the real server:
 * two roles sign in and each sees its own dashboard; a district clerk finds only its
 * district's organisations; a bureau user moves the demo date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('signing in', () => {
  it('shows each role its own dashboard', async () => {
    for (const [username, org, schools] of [
      ['city.admin', '示例市教育局', '8'],
      ['district.admin', '示例区教育局', '8'],
      ['jh01.admin', '示例区第一中学', '0'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await signIn(page, server.url, username);
      await page.getByTestId('dashboard').waitFor();
      await expect(page.getByTestId('current-org').textContent()).resolves.toContain(org);
      // The figures are the scope's own: a junior high sees no vocational schools.
      await page.getByTestId('dashboard-orgs').waitFor();
      const dashboard = await page.getByTestId('dashboard-orgs').innerText();
      expect(dashboard).toContain('中职学校');
      expect(dashboard).toMatch(new RegExp(`中职学校\\s*${schools}\\b`));
      await context.close();
    }
  });

  it('refuses a wrong password with the server\'s message', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'district.admin', 'not-the-password');
    await expect(page.getByText('用户名或密码错误').first().waitFor()).resolves.toBeUndefined();
    await page.close();
  });
});

describe('a district clerk at work', () => {
  it('sees only its district in the organisation list, and the demo date in the header', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, server.url, 'district.admin');
    await page.getByTestId('dashboard').waitFor();
    await expect(page.getByTestId('demo-date').textContent()).resolves.toContain('2027-04-21');
    await page.goto(`${server.url}/organizations`);
    await page.getByText('示例区第一中学').first().waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('示例北区第一中学');
    await page.close();
  });
});
