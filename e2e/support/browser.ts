/**
 * Real Chromium for browser journeys, driven by playwright-core (never a downloaded
 * browser): CHROMIUM_PATH, else Debian's `chromium`, else the npm-shipped
 * @sparticuz/chromium when it is installed (STACK.md).
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function executable(): Promise<string> {
  // CHROMIUM_PATH=bundled forces the npm-shipped browser (an optional dependency).
  if (process.env.CHROMIUM_PATH === 'bundled') return bundled();
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim());
  } catch {
    /* not on PATH */
  }
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return bundled();
}

async function bundled(): Promise<string> {
  try {
    const mod = (await import(/* @vite-ignore */ '@sparticuz/chromium' as string)) as { default: { executablePath: () => Promise<string> } };
    return await mod.default.executablePath();
  } catch {
    throw new Error('no Chromium found: install Debian chromium (apt-get install chromium), set CHROMIUM_PATH, or reinstall the optional @sparticuz/chromium');
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: await executable(), args: flags, headless: true });
}

export async function signIn(page: Page, baseUrl: string, username: string, password = 'zhizhao-demo') {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}
