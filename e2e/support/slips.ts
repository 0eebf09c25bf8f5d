/**
 * What the applications journeys need to act as a new student: a valid-looking resident ID number,
 * and the secrets printed on the student's slip (read from the slips PDF with pdftotext, as a
 * family reads the paper).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A resident ID number with its GB 11643 check character. */
export function residentId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** The secrets printed on a slip: the text after 初始密码 and 家长确认码. */
export function secretsOf(pdf: Buffer): { password: string; code: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zz-slip-'));
  try {
    const file = path.join(dir, 'slip.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const after = (label: string) => new RegExp(`${label}\\s+([A-Za-z0-9]{4,})`).exec(text)?.[1];
    const password = after('初始密码');
    const code = after('家长确认码');
    if (!password || !code) throw new Error(`no secrets on the slip:\n${text}`);
    return { password, code };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
