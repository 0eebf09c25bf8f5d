/**
 * The printable 中等职业学校志愿填报表 (the plan's Annex 4; R13), a pure renderer of the form's
 * detail: a bordered form of the student, the source junior high, the enrolling school and its
 * major/campus/length, the guardian (masked phone), the curriculum and request dates, the family's
 * electronic confirmation (version and status instead of hand signatures), and the two seal boxes
 * 初中学校意见（盖章） / 中职学校意见（盖章）. A seal whose signature holds prints the generated
 * seal mark (visits/seal.ts) and its date; a voided one prints struck through as 已失效; a missing
 * one prints 待盖章. A refused, withdrawn or returned form carries a red banner with the reason.
 * The QR carries the verification page of the signed code (kind transfer-form): the seal marks
 * are illustrations, the code is what proves the form. Also exports the pieces the list uses.
 */
import QRCode from 'qrcode';
import type { Content, ContentStack, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { finalTransferStatuses, localTime, transferStatusLabels, type TransferStatus } from '@zhizhao/domain';
import type { EarlyTransferDetail, SealView } from '@zhizhao/contracts';
import { FONT_FAMILY, renderPdf } from '../../files/pdf';
import { SEAL_NOTE, sealSvg } from '../visits/seal';

export const RED = '#b71c1c';
const two = (n: number) => String(n).padStart(2, '0');
/** 2027-05-12 → 2027年5月12日 */
export const zhDate = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
/** An instant as its date in the campaign's time zone. */
export const localDate = (instant: string, timeZone: string) => localTime(new Date(instant), timeZone).date;
const localDateTime = (instant: string, timeZone: string) => {
  const l = localTime(new Date(instant), timeZone);
  return `${l.date} ${two(Math.floor(l.minutes / 60))}:${two(l.minutes % 60)}`;
};

export const genderZh = { male: '男', female: '女' } as const;
export const footnote = (noun: string) => `印章图案为${SEAL_NOTE}，由系统生成，非实物印章；${noun}真伪以二维码中经签名的核验码为准。`;
const partyZh: Record<string, string> = { student: '学生', guardian: '家长', source: '初中学校', school: '中职学校', district: '区教育局' };

/** The seal of a party to show: the one that holds, else the latest (voided) one. */
export function pickSeal(seals: SealView[], party: SealView['party']): SealView | null {
  const own = seals.filter((s) => s.party === party).sort((a, b) => a.sealedAt.localeCompare(b.sealedAt));
  return own.filter((s) => s.valid).at(-1) ?? own.at(-1) ?? null;
}

/** The seal mark with a cross over it: a seal whose signature no longer holds over the content. */
const voidedSvg = (name: string) =>
  sealSvg(name, FONT_FAMILY).replace(/<\/svg>$/, '<line x1="22" y1="22" x2="178" y2="178" stroke="#333333" stroke-width="7"/><line x1="178" y1="22" x2="22" y2="178" stroke="#333333" stroke-width="7"/></svg>');

/**
 * One seal box: its heading, then the seal mark and date (valid), the struck mark as 已失效
 * (voided), or `empty` (待盖章, 未盖章, 不同意…) with the organisation that is to seal.
 */
export function sealBox(opts: { heading: string; orgName: string; seal: SealView | null; timeZone: string; empty: string; size?: number }): ContentStack {
  const { heading, orgName, seal, timeZone } = opts;
  const size = opts.size ?? 84;
  const head: Content = { text: heading, bold: true, margin: [0, 0, 0, 2] };
  if (seal?.valid) {
    return {
      stack: [
        head,
        { text: '同意。', margin: [0, 0, 0, 0] },
        { svg: sealSvg(seal.organizationName, FONT_FAMILY), width: size, height: size, alignment: 'center' },
        { text: seal.organizationName, alignment: 'center', bold: true, margin: [0, -size * 0.42, 0, 0] },
        { text: zhDate(localDate(seal.sealedAt, timeZone)), alignment: 'center', margin: [0, size * 0.2, 0, 0] },
      ],
    };
  }
  if (seal) {
    return {
      stack: [
        head,
        { svg: voidedSvg(seal.organizationName), width: size * 0.8, height: size * 0.8, alignment: 'center' },
        { text: '已失效', alignment: 'center', bold: true, fontSize: 14, color: RED },
        { text: `${seal.organizationName} ${zhDate(localDate(seal.sealedAt, timeZone))}`, alignment: 'center', decoration: 'lineThrough', fontSize: 9 },
        { text: '盖章后内容已变更，该印章不再有效', alignment: 'center', style: 'small' },
      ],
    };
  }
  return {
    stack: [
      head,
      { text: opts.empty, alignment: 'center', fontSize: 16, bold: true, color: opts.empty === '不同意' ? RED : '#9e9e9e', margin: [0, size * 0.3, 0, 4] },
      { text: orgName, alignment: 'center', margin: [0, size * 0.2, 0, 0] },
      { text: '（盖章）　　年　　月　　日', alignment: 'center', color: '#9e9e9e', fontSize: 9 },
    ],
  };
}

/** A full-width red banner (withdrawn, refused, returned). */
export function banner(lines: string[]): Content {
  return {
    table: { widths: ['*'], body: [[{ stack: lines.map((t, i) => ({ text: t, bold: i === 0, fontSize: i === 0 ? 15 : 10.5 })), color: '#ffffff', fillColor: RED, alignment: 'center', margin: [6, 6, 6, 6] }]] },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/** The QR of the verification page with 扫码核验 and the note on the seal marks; without a URL, says there is none. */
export async function verifyBlock(verifyUrl: string | null, code: string | null, noun: '本表' | '本名单'): Promise<Content> {
  if (!verifyUrl) return { text: `${noun}暂无核验二维码，不能单独作为凭证。${footnote(noun)}`, style: 'small', margin: [0, 8, 0, 0] };
  const qr = await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  return {
    columns: [
      { width: 96, stack: [{ image: qr, fit: [88, 88], alignment: 'center' }, { text: '扫码核验', style: 'small', alignment: 'center' }] },
      {
        width: '*',
        margin: [8, 10, 0, 0],
        stack: [
          { text: `扫描二维码可核验${noun}是否为系统中现行的内容、各方印章是否有效。`, style: 'small' },
          { text: footnote(noun), style: 'small', margin: [0, 4, 0, 0] },
          ...(code ? [{ text: `核验码：${code}`, style: 'code', margin: [0, 4, 0, 0] } as Content] : []),
        ],
      },
    ],
    unbreakable: true,
    margin: [0, 8, 0, 0],
  };
}

export const pdfStyles: TDocumentDefinitions['styles'] = {
  title: { fontSize: 19, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
  subtitle: { fontSize: 11, alignment: 'center', margin: [0, 0, 0, 8] },
  label: { bold: true, fillColor: '#f2f2f2' },
  section: { bold: true, fillColor: '#e0e0e0', alignment: 'center' },
  small: { fontSize: 8, color: '#555555' },
  code: { fontSize: 6.5, color: '#777777' },
  footer: { fontSize: 7.5, color: '#666666', alignment: 'center' },
};

const finalBanner = (d: EarlyTransferDetail): string[] | null => {
  const by = d.decidedBy ? partyZh[d.decidedBy] : null;
  const why = d.reason ? [`理由：${d.reason}`] : [];
  if (d.status === 'withdrawn') return [`已撤回${by ? `（由${by}撤回）` : ''}`, ...why, '本表已作废，不能作为提前到中职学校学习的依据。'];
  if (d.status === 'refused') return [`学校不同意${by ? `（${by}）` : ''}`, ...why, '本表未获同意，不能作为提前到中职学校学习的依据。'];
  if (d.status === 'returned') return ['已退回初中学校（区教育局决定）', ...why, '该生不再提前在中职学校学习，学籍管理退回初中学校。'];
  return null;
};

/** 学生/家长 电子确认: confirmed (with the time of this version's confirmation when on record) or pending. */
function confirmation(d: EarlyTransferDetail, who: 'student' | 'guardian', timeZone: string): string {
  if (d.pendingConfirmers.includes(who)) return '待确认';
  const at = d.history.filter((h) => h.party === who && h.version === d.version && ['request', 'confirm', 'change'].includes(h.action)).at(-1)?.at;
  return at ? `已确认（${localDateTime(at, timeZone)}）` : '已确认';
}

const cell = (text: string, span = 1): TableCell => (span > 1 ? { text, colSpan: span } : { text });
const label = (text: string): TableCell => ({ text, style: 'label' });
const section = (text: string): TableCell[] => [{ text, style: 'section', colSpan: 4 }, {}, {}, {}];

export async function renderTransferFormPdf(input: { detail: EarlyTransferDetail; verifyUrl: string | null; timeZone: string }): Promise<{ pdf: Buffer; filename: string }> {
  const { detail: d, verifyUrl, timeZone } = input;
  const c = d.content;
  const final = finalTransferStatuses.includes(d.status);
  const warn = finalBanner(d);
  const status = transferStatusLabels[d.status].zh;
  const emptyFor = (party: 'source' | 'school') => (d.status === 'refused' && d.decidedBy === party ? '不同意' : final ? '未盖章' : '待盖章');
  const filing = d.filingNumber ? `已备案：备案号 ${d.filingNumber}${d.filedOn ? `（${zhDate(d.filedOn)}）` : ''}` : d.listId ? '已列入汇总名单，待区教育局备案' : '未列入汇总名单';

  const body: TableCell[][] = [
    section('学生基本情况'),
    [label('姓名'), cell(c.student.name), label('性别'), cell(genderZh[c.student.gender])],
    [label('中考报名号'), cell(c.student.examNo), label('身份证号'), cell(c.student.idMasked)],
    [label('初中学校'), cell(c.sourceSchool.name), label('班级'), cell(c.student.className || '—')],
    [label('考生类别'), cell(c.student.cohort === 'current' ? '应届' : '往届'), label('户籍'), cell(c.student.hukouDistrict || '—')],
    section('拟就读学校及专业'),
    [label('中职学校'), cell(`${c.enrollingSchool.name}（${c.enrollingSchool.runBy === 'city' ? '市属' : '区属'}）`, 3), {}, {}],
    [label('专业'), cell(`${c.programme.majorName}（${c.programme.majorCode}）`), label('校区'), cell(c.programme.campusName)],
    [label('学制'), cell(`${c.programme.lengthYears} 年`), label('申请日期'), cell(zhDate(c.requestedOn))],
    section('监护人'),
    [label('监护人姓名'), cell(c.guardian.name), label('与学生关系'), cell(c.guardian.relation)],
    [label('联系电话'), cell(c.guardian.phoneMasked), label('完成课程日期'), cell(zhDate(c.curriculumCompletedOn))],
    section('学生及家长确认'),
    [
      {
        colSpan: 4,
        stack: [
          { text: '本人已完成义务教育阶段课程，自愿申请提前到上述中等职业学校学习，并参加初中学业水平考试。以上信息属实。' },
          { text: `电子确认（代替手写签名）：学生 ${confirmation(d, 'student', timeZone)}；家长 ${confirmation(d, 'guardian', timeZone)}`, margin: [0, 4, 0, 0] },
          { text: `本表第 ${d.version} 版 · 状态：${status} · ${filing}`, style: 'small', margin: [0, 2, 0, 0] },
        ],
      },
      {}, {}, {},
    ],
    [
      { ...sealBox({ heading: '初中学校意见（盖章）', orgName: c.sourceSchool.name, seal: pickSeal(d.seals, 'source'), timeZone, empty: emptyFor('source') }), colSpan: 2 },
      {},
      { ...sealBox({ heading: '中职学校意见（盖章）', orgName: c.enrollingSchool.name, seal: pickSeal(d.seals, 'school'), timeZone, empty: emptyFor('school') }), colSpan: 2 },
      {},
    ],
  ];

  const content: Content[] = [
    ...(warn ? [banner(warn)] : []),
    { text: '中等职业学校志愿填报表', style: 'title' },
    { text: `${c.campaign.name}　·　表号 ${c.transferId}-${c.version}`, style: 'subtitle' },
    { table: { widths: [72, '*', 76, '*'], body, dontBreakRows: true }, layout: { hLineColor: () => '#444444', vLineColor: () => '#444444', paddingTop: () => 2.5, paddingBottom: () => 2.5 } },
    await verifyBlock(verifyUrl, d.formCode, '本表'),
  ];
  const doc: TDocumentDefinitions = {
    info: { title: `中等职业学校志愿填报表 ${c.student.examNo} 第${d.version}版`, subject: `${c.sourceSchool.name} → ${c.enrollingSchool.name}` },
    pageSize: 'A4',
    pageMargins: [48, 36, 48, 40],
    content,
    ...(warn ? { watermark: { text: warn[0]!.replace(/（.*$/, ''), color: RED, opacity: 0.08, bold: true } } : {}),
    footer: (page, pages) => ({ text: `中等职业学校志愿填报表 · ${c.student.examNo} · 第 ${d.version} 版 · ${page}/${pages}`, style: 'footer', margin: [48, 16, 48, 0] }),
    defaultStyle: { fontSize: 10.5, lineHeight: 1.15 },
    styles: pdfStyles,
  };
  return { pdf: await renderPdf(doc), filename: `中等职业学校志愿填报表-${c.student.examNo}.pdf` };
}
