/**
 * The printable 录取通知书 (R15), a pure renderer of letters as they were signed (letters.ts
 * LetterContent): one A4 page per letter, so a school prints its whole intake from one file.
 * Each page: the school's name and the title, the letter's number, the greeting and the body
 * (major, campus, length, batch or 注册入学, registration dates and place), the student's facts
 * (the ID number masked), the fee table, the aid policy (国家资助政策), the filed brochure's
 * number, the district bureau's line (统一录取), the school's name and issue date with its seal
 * mark — drawn only while the school's signature holds over the content — and the QR of the
 * verification page (扫码核验真伪). A returned (退档) letter carries a red banner and a faint
 * 已作废 across its page.
 *
 * One page per letter, always: a letter is laid out at the normal size; the layout reports each
 * letter's first and last page (pdfmake's pageBreakBefore hook, which sees every node's pages),
 * and a letter that ran over is laid out again smaller (then smaller still, with a long aid
 * policy or fee list cut and pointed to the brochure). A normal letter (≤ 6 fees, an aid policy
 * of a few hundred characters) fits at the normal size.
 *
 * The seal mark and the 已作废 mark are SVG whose text is drawn as glyph outlines (fontkit, the
 * font reader pdfkit itself uses): svg-to-pdfkit opens the font file again for every <text> (pdfkit
 * does not cache a font opened by path when pdfmake already loaded it), ~15 ms a glyph run, which
 * made a seal cost ~0.2 s a page; outlines cost nothing to draw and are made once per school.
 */
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY, renderPdf } from '../../files/pdf';
import { sealSvg } from '../visits/seal';
import { footnote, genderZh, RED, zhDate } from '../transfers/form-pdf';
import type { LetterContent } from './letters';

export type LetterToPrint = { content: LetterContent; code: string | null; status: 'admitted' | 'returned'; returnReason: string | null; sealValid: boolean };

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN_X = 56;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dateZh = (s: string) => (isoDate.test(s) ? zhDate(s) : s);
const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const campusLabel = (name: string) => (name.endsWith('校区') ? name : `${name}校区`);
const chars = (s: string) => [...s];

// ------------------------------------------------------------------ SVG text as outlines

type FkGlyph = { path: { toSVG(): string }; advanceWidth: number };
type FkFont = { unitsPerEm: number; glyphForCodePoint(cp: number): FkGlyph };
const req = createRequire(import.meta.url);
let fkFonts: { regular: FkFont; bold: FkFont } | null = null;
function fonts() {
  if (!fkFonts) {
    const fontkit = req('fontkit') as { openSync(path: string): FkFont };
    fkFonts = {
      regular: fontkit.openSync(req.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
      bold: fontkit.openSync(req.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
    };
  }
  return fkFonts;
}
const glyphs = new Map<string, { d: string; advance: number; em: number }>();
function glyph(ch: string, bold: boolean) {
  const key = `${bold ? 'b' : 'r'}${ch}`;
  let g = glyphs.get(key);
  if (!g) {
    const font = bold ? fonts().bold : fonts().regular;
    const fg = font.glyphForCodePoint(ch.codePointAt(0)!);
    g = { d: fg.path.toSVG(), advance: fg.advanceWidth, em: font.unitsPerEm };
    glyphs.set(key, g);
  }
  return g;
}
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every `<text>` of an SVG (x, y, transform, font-size, font-weight, text-anchor, fill) as filled glyph outlines. */
export function outlineSvgText(svg: string): string {
  return svg.replace(/<text([^>]*)>([^<]*)<\/text>/g, (_all, attrText: string, body: string) => {
    const a = Object.fromEntries([...attrText.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const size = Number(a['font-size'] ?? 16);
    const bold = a['font-weight'] === 'bold';
    const runs = chars(unescapeXml(body)).map((ch) => glyph(ch, bold));
    const width = runs.reduce((w, g) => w + (g.advance * size) / g.em, 0);
    const start = a['text-anchor'] === 'middle' ? -width / 2 : a['text-anchor'] === 'end' ? -width : 0;
    let x = start;
    const paths = runs.map((g) => {
      const k = size / g.em;
      const p = `<path transform="translate(${x.toFixed(2)} 0) scale(${k.toFixed(5)} ${(-k).toFixed(5)})" d="${g.d}"/>`;
      x += g.advance * k;
      return p;
    });
    const paint = ['fill', 'fill-opacity', 'opacity'].filter((n) => a[n] !== undefined).map((n) => `${n}="${a[n]}"`).join(' ');
    return `<g transform="${a.transform ?? ''} translate(${a.x ?? 0} ${a.y ?? 0})" ${paint}>${paths.join('')}</g>`;
  });
}

const seals = new Map<string, string>();
/** The school's seal mark (visits/seal.ts) with its text as outlines, made once per name. */
function sealMark(name: string): string {
  let s = seals.get(name);
  if (!s) {
    s = outlineSvgText(sealSvg(name, FONT_FAMILY));
    seals.set(name, s);
  }
  return s;
}

export const letterFilename = (content: LetterContent) => `录取通知书-${content.student.examNo}.pdf`;
/** The letter's printed number: the campaign's year and the admission's id. */
export const letterNumber = (content: LetterContent) => `${content.campaign.year}-${String(content.admissionId).padStart(6, '0')}`;

/** Sizes by density: 0 normal, 1 compact, 2 tight (long texts cut). */
const DENSITY = [
  { school: 15, title: 26, body: 11.5, bodyLh: 1.35, facts: 9.5, fees: 9.5, feesWide: 7.5, maxFees: 20, aidMax: 300, seal: 88, qr: 72, gap: 5 },
  { school: 13, title: 22, body: 10.5, bodyLh: 1.3, facts: 8.5, fees: 8.5, feesWide: 7, maxFees: 20, aidMax: 200, seal: 78, qr: 68, gap: 4 },
  { school: 12, title: 20, body: 10, bodyLh: 1.25, facts: 8, fees: 8, feesWide: 7, maxFees: 10, aidMax: 100, seal: 70, qr: 62, gap: 3 },
] as const;
type Density = (typeof DENSITY)[number];

/** The school's name and issue date, with the seal mark over them when the seal holds. */
function signature(l: LetterToPrint, d: Density): Content {
  const c = l.content;
  const size = d.seal;
  const mark: Content = l.sealValid
    ? { svg: sealMark(c.school.name), width: size, height: size, alignment: 'center' }
    : { text: '学校电子签章校验未通过', color: RED, bold: true, alignment: 'center', fontSize: 9, margin: [0, size * 0.42, 0, size * 0.42] };
  return {
    stack: [
      mark,
      { text: c.school.name, alignment: 'center', bold: true, fontSize: 12, margin: [0, l.sealValid ? -size * 0.56 : -size * 0.3, 0, 0] },
      { text: '（盖章）', alignment: 'center', fontSize: 8, color: '#777777' },
      { text: dateZh(c.issuedOn), alignment: 'center', fontSize: 11, margin: [0, 2, 0, 0] },
    ],
  };
}

function feeTable(all: LetterContent['fees'], d: Density): Content {
  if (all.length === 0) return { text: '（招生简章未列收费项目）', style: 'small', margin: [0, 2, 0, 0] };
  const th = (text: string): TableCell => ({ text, bold: true, fillColor: '#f3e5e5', alignment: 'center' });
  const layout = { hLineColor: () => '#999999', vLineColor: () => '#999999', paddingTop: () => 1, paddingBottom: () => 1 };
  if (all.length <= 6) {
    const row = (f: LetterContent['fees'][number]): TableCell[] => [{ text: f.name }, { text: money.format(f.amount), alignment: 'right' }, { text: f.unit }];
    return { table: { widths: [140, 70, '*'], headerRows: 1, body: [['收费项目', '标准', '单位'].map(th), ...all.map(row)] }, layout, fontSize: d.fees, margin: [0, 2, 0, 0] };
  }
  // More than six (a major may list up to 20): two items a row, smaller; the tightest layout lists the first ten.
  const fees = all.slice(0, d.maxFees);
  const half = Math.ceil(fees.length / 2);
  const row = (f: LetterContent['fees'][number] | undefined): TableCell[] => (f ? [{ text: f.name }, { text: `${money.format(f.amount)} ${f.unit}` }] : [{ text: '' }, { text: '' }]);
  const body: TableCell[][] = [['收费项目', '标准', '收费项目', '标准'].map(th)];
  for (let i = 0; i < half; i++) body.push([...row(fees[i]), ...row(fees[half + i])]);
  if (all.length > fees.length) body.push([{ text: `另有 ${all.length - fees.length} 项收费，详见招生简章`, colSpan: 4, alignment: 'center' }, {}, {}, {}]);
  return { table: { widths: [92, '*', 92, '*'], headerRows: 1, body }, layout, fontSize: d.feesWide, lineHeight: 1.1, margin: [0, 2, 0, 0] };
}

function aidText(policy: string, d: Density): Content {
  const text = policy.trim();
  if (!text) return { text: '按国家和本市有关规定执行（详见招生简章）。', fontSize: 10 };
  const cut = chars(text).length > d.aidMax ? `${chars(text).slice(0, d.aidMax).join('')}……（全文见招生简章）` : text;
  const size = cut.length > 200 ? 8 : cut.length > 120 ? 9 : 10;
  return { text: cut, fontSize: size, lineHeight: 1.2 };
}

function qrBlock(qr: string | null, d: Density): Content {
  if (!qr) return { text: '本通知书暂无核验码', style: 'small', alignment: 'center', margin: [0, 30, 0, 0] };
  return { stack: [{ image: qr, fit: [d.qr, d.qr], alignment: 'center' }, { text: '扫码核验真伪', fontSize: 9, bold: true, alignment: 'center', margin: [0, 1, 0, 0] }] };
}

/** A faint 已作废 across a returned letter's page (drawn where the page starts, under the text). */
let voidSvg: string | null = null;
const voidMark = (): Content => ({
  svg: (voidSvg ??= outlineSvgText(`<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}" height="${PAGE.height}" viewBox="0 0 ${PAGE.width} ${PAGE.height}"><text transform="translate(${PAGE.width / 2} ${PAGE.height / 2}) rotate(-35)" text-anchor="middle" font-size="120" font-weight="bold" font-family="${FONT_FAMILY}" fill="${RED}" fill-opacity="0.08">已作废</text></svg>`)),
  width: PAGE.width,
  height: PAGE.height,
  absolutePosition: { x: 0, y: 0 },
});

/** One letter's page as one stack; `start-i` and `end-i` mark its first and last node for the overflow check. */
function letterPage(l: LetterToPrint, i: number, qr: string | null, d: Density): Content {
  const c = l.content;
  const p = c.programme;
  const how = c.kind === 'registration' || !c.batch ? '注册入学' : `录取批次：${c.batch}`;
  const label = (text: string): TableCell => ({ text, bold: true, fillColor: '#f5f5f5' });
  const facts: TableCell[][] = [
    [label('姓名'), { text: c.student.name }, label('性别'), { text: genderZh[c.student.gender] ?? '' }],
    [label('中考报名号'), { text: c.student.examNo }, label('身份证号'), { text: c.student.idMasked }],
    [label('毕业学校'), { text: c.student.juniorHigh ?? '—' }, label('录取方式'), { text: c.kind === 'registration' || !c.batch ? '注册入学' : c.batch }],
    [label('录取专业'), { text: `${p.majorName}（${p.majorCode}）` }, label('学制'), { text: `${p.lengthYears} 年` }],
    [label('校区'), { text: `${campusLabel(p.campusName)}${p.campusAddress ? `（${p.campusAddress}）` : ''}`, colSpan: 3 }, {}, {}],
  ];
  const stack: Content[] = [];
  if (l.status === 'returned') {
    stack.push(voidMark(), {
      table: { widths: ['*'], body: [[{ stack: [{ text: '已作废（退档）', bold: true, fontSize: 14 }, { text: `${l.returnReason ? `退档理由：${l.returnReason}。` : ''}该录取已被撤销，本通知书不能作为报到入学的凭证。`, fontSize: 9 }], color: '#ffffff', fillColor: RED, alignment: 'center', margin: [6, 3, 6, 3] }]] },
      layout: 'noBorders',
      margin: [0, 0, 0, d.gap],
    });
  }
  stack.push(
    { id: `start-${i}`, text: c.school.name, fontSize: d.school, bold: true, color: RED, alignment: 'center', characterSpacing: 2 },
    { text: '录取通知书', fontSize: d.title, bold: true, color: RED, alignment: 'center', characterSpacing: 10, margin: [0, 2, 0, 0] },
    { text: `${c.campaign.name}　·　编号 ${letterNumber(c)}`, fontSize: 9, color: '#555555', alignment: 'center', margin: [0, 2, 0, 4] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: PAGE.width - 2 * MARGIN_X, y2: 0, lineWidth: 1.5, lineColor: RED }], margin: [0, 0, 0, d.gap + 4] },
    { text: `${c.student.name} 同学：`, fontSize: d.body + 2.5, bold: true, margin: [0, 0, 0, 4] },
    {
      text: [
        '你已被我校 ',
        { text: p.majorName, bold: true },
        ` 专业（${campusLabel(p.campusName)}，学制 ${p.lengthYears} 年）录取（${how}）。`,
        '请于 ',
        { text: `${dateZh(c.registration.from)}至${dateZh(c.registration.to)}`, bold: true },
        ` 期间，持本通知书到 ${c.registration.place} 办理报到注册手续。`,
      ],
      fontSize: d.body,
      lineHeight: d.bodyLh,
      leadingIndent: 24,
      margin: [0, 0, 0, d.gap + 2],
    },
    { table: { widths: [62, '*', 54, '*'], body: facts }, layout: { hLineColor: () => '#999999', vLineColor: () => '#999999', paddingTop: () => 1.5, paddingBottom: () => 1.5 }, fontSize: d.facts, margin: [0, 0, 0, d.gap] },
    { text: '收费标准', bold: true, fontSize: 11 },
    feeTable(c.fees, d),
    { text: '国家资助政策', bold: true, fontSize: 11, margin: [0, d.gap, 0, 1] },
    aidText(c.aidPolicy, d),
    ...(c.brochureFilingNumber ? [{ text: `招生简章备案号：${c.brochureFilingNumber}`, fontSize: 10, margin: [0, d.gap, 0, 0] } as Content] : []),
    {
      columns: [
        { width: 100, stack: [qrBlock(qr, d)] },
        {
          width: '*',
          margin: [10, 14, 6, 0],
          stack: [
            { text: `${c.district.name}统一录取`, bold: true, fontSize: 12 },
            { text: `本通知书经${c.district.name}统一录取，由录取学校加盖电子签章。扫描左侧二维码可核验通知书是否真实有效、是否已被撤销。`, fontSize: 8.5, color: '#444444', margin: [0, 4, 0, 0] },
          ],
        },
        { width: 150, stack: [signature(l, d)] },
      ],
      unbreakable: true,
      margin: [0, d.gap + 2, 0, 0],
    },
    { text: footnote('通知书'), style: 'small', margin: [0, d.gap, 0, 0] },
    { id: `end-${i}`, text: `核验码：${l.code ?? '—'}`, style: 'code', margin: [0, 2, 0, 0] },
  );
  return { stack, ...(i > 0 ? { pageBreak: 'before' as const } : {}) };
}

export async function renderLettersPdf(input: { letters: LetterToPrint[]; origin: string }): Promise<Buffer> {
  const { letters, origin } = input;
  const qrs = await Promise.all(letters.map((l) => (l.code ? QRCode.toDataURL(`${origin}/verify/${l.code}`, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) : Promise.resolve(null))));
  const density = letters.map(() => 0);
  const one = letters.length === 1 ? letters[0]!.content : null;
  for (let attempt = 0; ; attempt++) {
    const pages = new Map<string, number[]>();
    const content: Content[] = letters.length
      ? letters.map((l, i) => letterPage(l, i, qrs[i]!, DENSITY[density[i]!]!))
      : [{ text: '没有可打印的录取通知书。', alignment: 'center', margin: [0, 200, 0, 0] }];
    const doc: TDocumentDefinitions = {
      info: one ? { title: `录取通知书 ${one.student.examNo}`, subject: `${one.school.name} ${one.programme.majorName}` } : { title: `录取通知书（${letters.length} 份）`, subject: letters[0]?.content.school.name ?? '' },
      pageSize: 'A4',
      pageMargins: [MARGIN_X, 36, MARGIN_X, 30],
      content,
      background: (_page, size) => ({ canvas: [{ type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 2, lineColor: RED }, { type: 'rect', x: 29, y: 29, w: size.width - 58, h: size.height - 58, lineWidth: 0.5, lineColor: RED }] }),
      footer: (page, total) => ({ text: `录取通知书 · 第 ${page} / ${total} 页`, fontSize: 7.5, color: '#666666', alignment: 'center', margin: [MARGIN_X, 9, MARGIN_X, 0] }),
      // Never breaks a page: only records where each letter starts and ends.
      pageBreakBefore: (node) => {
        if (node.id && (node.id.startsWith('start-') || node.id.startsWith('end-'))) pages.set(node.id, node.pageNumbers);
        return false;
      },
      defaultStyle: { fontSize: 10.5, lineHeight: 1.2 },
      styles: { small: { fontSize: 7.5, color: '#555555' }, code: { fontSize: 6, color: '#888888' } },
    };
    const pdf = await renderPdf(doc);
    const over = letters.map((_, i) => i).filter((i) => (pages.get(`start-${i}`)?.[0] ?? 0) !== (pages.get(`end-${i}`)?.at(-1) ?? 0));
    if (over.length === 0 || attempt >= DENSITY.length - 1) return pdf;
    let bumped = false;
    for (const i of over) {
      if (density[i]! < DENSITY.length - 1) {
        density[i] = density[i]! + 1;
        bumped = true;
      }
    }
    if (!bumped) return pdf;
  }
}
