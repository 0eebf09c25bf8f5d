/**
 * The printable brochure (R6, R7): title, the mark “已经市教育局审查备案” with the filing number
 * and a QR code of the verification page, the filed facts, the majors table and the free
 * sections as plain paragraphs. A superseded or withdrawn version says so on its first page.
 */
import QRCode from 'qrcode';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BrochureFacts, BrochureSection } from '@zhizhao/domain';
import { renderPdf } from '../../files/pdf';
import { htmlToParagraphs } from '../brochures/sanitize';
import { FILED_MARK } from './queries';

export type PdfInput = {
  year: number; version: number; filingNumber: string; filedAt: string; status: 'current' | 'superseded' | 'withdrawn';
  facts: BrochureFacts; sections: BrochureSection[]; verifyUrl: string;
};

const statusNotice = {
  current: null,
  superseded: '本版本已被新的备案版本替代，请以最新备案版本为准',
  withdrawn: '本简章的备案已被市教育局撤销，不得再作招生宣传使用',
} as const;

const fees = (f: BrochureFacts['majors'][number]['fees']) => f.map((x) => `${x.name} ${x.amount} ${x.unit}`).join('\n');

export async function brochurePdf(p: PdfInput): Promise<Buffer> {
  const f = p.facts;
  const qr = await QRCode.toDataURL(p.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const notice = statusNotice[p.status];
  const factRows: Array<[string, string]> = [
    ['学校名称', f.school],
    ['学校地址', f.address],
    ['举办者', f.runBy === 'district' ? '区属' : '市属'],
    ['办学性质', f.ownership === 'public' ? '公办' : '民办'],
    ...(f.jointEnrollment ? [['联合招生', f.jointEnrollment] as [string, string]] : []),
    ['资助政策', f.aidPolicy],
  ];
  const content: Content[] = [
    { text: f.school, style: 'title' },
    { text: `${p.year}年招生简章`, style: 'subtitle' },
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: FILED_MARK, style: 'mark' },
            { text: `备案号：${p.filingNumber}`, style: 'filing' },
            { text: `第 ${p.version} 版 · 备案日期 ${p.filedAt.slice(0, 10)}`, style: 'small' },
            { text: '扫描右侧二维码，可核验本简章是否为市教育局备案的现行版本。', style: 'small', margin: [0, 6, 0, 0] },
          ],
        },
        { width: 96, image: qr, fit: [96, 96] },
      ],
      margin: [0, 8, 0, 8],
    },
    ...(notice ? [{ text: notice, style: 'notice' } as Content] : []),
    { text: '基本信息', style: 'h2' },
    { table: { widths: [70, '*'], body: factRows.map(([k, v]) => [{ text: k, bold: true }, v || '—']) }, layout: 'lightHorizontalLines' },
    { text: '招生专业与收费', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 34, 70, 28, 60, 90, 30],
        body: [
          ['专业', '类别', '教学校区', '学制', '实习期', '收费项目及标准', '计划'].map((h) => ({ text: h, bold: true })),
          ...f.majors.map((m) => [m.name, m.category === 'art' ? '艺术' : '非艺术', m.campus, `${m.lengthYears}年`, m.internship, fees(m.fees), m.plannedSeats === null ? '—' : String(m.plannedSeats)]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
    },
    ...p.sections.flatMap((s): Content[] => {
      const paragraphs = htmlToParagraphs(s.html);
      return paragraphs.length ? [{ text: s.title, style: 'h2' }, ...paragraphs.map((t) => ({ text: t, margin: [0, 0, 0, 4] }) as Content)] : [];
    }),
  ];
  const doc: TDocumentDefinitions = {
    info: { title: `${f.school}${p.year}年招生简章（${p.filingNumber}）`, subject: FILED_MARK },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    content,
    footer: (page, pages) => ({ text: `${FILED_MARK} · ${p.filingNumber} · 核验：${p.verifyUrl.length > 70 ? `${p.verifyUrl.slice(0, 70)}…` : p.verifyUrl} · ${page}/${pages}`, style: 'footer' }),
    defaultStyle: { fontSize: 10, lineHeight: 1.3 },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center' },
      subtitle: { fontSize: 14, alignment: 'center', margin: [0, 4, 0, 4] },
      mark: { fontSize: 15, bold: true, color: '#b71c1c' },
      filing: { fontSize: 12, bold: true, margin: [0, 4, 0, 0] },
      notice: { fontSize: 12, bold: true, color: '#b71c1c', margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      small: { fontSize: 9, color: '#444444' },
      footer: { fontSize: 7.5, color: '#666666', alignment: 'center', margin: [48, 20, 48, 0] },
    },
  };
  return renderPdf(doc);
}
