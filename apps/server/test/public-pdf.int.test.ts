/**
 * The public brochure PDF renders Chinese on a fresh machine (the Noto Sans SC TTF is
 * embedded; no system font is needed). Checked two ways with Debian's poppler-utils:
 * page 1 is rasterised (pdftoppm) and the title area must be inked while the margin stays
 * white, and the text layer (pdftotext) must carry the mark “已经市教育局审查备案”, the
 * filing number and the school's name. Skipped, saying so, when poppler-utils is missing
 * (`apt-get install -y poppler-utils`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeBackends } from './harness';
import { brochureId } from './publicity';

const hasPoppler = spawnSync('pdftoppm', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;
if (!hasPoppler) console.warn('public-pdf: pdftoppm/pdftotext not found — install poppler-utils to check the PDF rendering; skipping');

/** Reads a binary PGM (P5) as width, height and 8-bit grey pixels. */
function readPgm(file: string) {
  const data = fs.readFileSync(file);
  const header = data.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('not a binary PGM');
  const [width, height] = [Number(m[1]), Number(m[2])];
  return { width, height, pixels: data.subarray(m[0].length, m[0].length + width * height) };
}

/** Share of dark pixels in a box given in fractions of the page. */
function ink(img: ReturnType<typeof readPgm>, box: { top: number; bottom: number; left: number; right: number }) {
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(box.top * img.height); y < Math.ceil(box.bottom * img.height); y++) {
    for (let x = Math.floor(box.left * img.width); x < Math.ceil(box.right * img.width); x++) {
      all++;
      if (img.pixels[y * img.width + x]! < 128) dark++;
    }
  }
  return dark / all;
}

describeBackends('public brochure PDF', (env) => {
  it('is served to anyone as a PDF with the filing number in its name', async () => {
    const res = await env().app.inject({ method: 'GET', url: `/api/public/brochures/${await brochureId(env(), 'V11')}/pdf`, headers: { host: 'zhizhao.example.cn' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('示例市交通职业学校2027年招生简章-示教职招备〔2027〕003号.pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(!hasPoppler)('renders the Chinese title as ink and carries the mark, the filing number and the verification link', async () => {
    const res = await env().app.inject({ method: 'GET', url: `/api/public/brochures/${await brochureId(env(), 'V11')}/pdf`, headers: { host: 'zhizhao.example.cn' } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zz-pdf-'));
    try {
      const pdf = path.join(dir, 'b.pdf');
      fs.writeFileSync(pdf, res.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('已经市教育局审查备案');
      expect(text).toContain('示教职招备〔2027〕003号');
      expect(text).toContain('示例市交通职业学校');
      expect(text).toContain('城市轨道交通运营服务');
      expect(text).toContain('http://zhizhao.example.cn/verify/');
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      expect(fonts).toMatch(/NotoSansSC/);
      expect(fonts).not.toMatch(/Helvetica|Roboto/);

      execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-gray', pdf, path.join(dir, 'page')]);
      const png = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.pgm'))!;
      const img = readPgm(path.join(dir, png));
      // The title (22 pt, centred, below the 48 pt top margin): inked; the top margin: white.
      expect(ink(img, { top: 0.055, bottom: 0.1, left: 0.3, right: 0.7 })).toBeGreaterThan(0.04);
      expect(ink(img, { top: 0, bottom: 0.045, left: 0, right: 1 })).toBe(0);
      // The QR code (right of the mark) is densely inked.
      expect(ink(img, { top: 0.13, bottom: 0.24, left: 0.72, right: 0.9 })).toBeGreaterThan(0.25);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('marks a superseded version on its first page', async () => {
    const res = await env().app.inject({ method: 'GET', url: `/api/public/brochures/${await brochureId(env(), 'V01', 1)}/pdf` });
    expect(res.statusCode).toBe(200);
    if (!hasPoppler) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zz-pdf-'));
    try {
      fs.writeFileSync(path.join(dir, 'b.pdf'), res.rawPayload);
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('本版本已被新的备案版本替代');
      expect(text).toContain('示教职招备〔2027〕001号');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
