/**
 * PDF rendering with pdfmake and the Noto Sans SC TTF (STACK.md: pdf-lib drops CJK glyphs;
 * WOFF input fails). The two weights are read once from @expo-google-fonts/noto-sans-sc into
 * pdfmake's virtual file system, so Chinese renders on a fresh machine without system fonts;
 * pdfmake embeds only the glyphs used. Local files and URLs are never fetched while rendering.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
export const FONT_FAMILY = 'NotoSansSC';

type PdfMakeServer = typeof pdfmake & { virtualfs: { writeFileSync(name: string, content: Buffer): void } };
let ready = false;

function setup() {
  if (ready) return;
  const pm = pdfmake as PdfMakeServer;
  const regular = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  const bold = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
  // Named by their real paths: text in an `svg` node (the permit's seal) is drawn by svg-to-pdfkit,
  // which opens the font by that name from disk instead of pdfmake's virtual file system.
  pm.virtualfs.writeFileSync(regular, fs.readFileSync(regular));
  pm.virtualfs.writeFileSync(bold, fs.readFileSync(bold));
  pm.setFonts({ [FONT_FAMILY]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  ready = true;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  setup();
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: FONT_FAMILY, ...(doc.defaultStyle ?? {}) } }).getBuffer();
}
