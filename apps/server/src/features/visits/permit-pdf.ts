/**
 * The printable permit (R19: the district bureau's written approval with its official seal):
 * the serial, the school, the junior high, the day and times, the staff's names (no phones),
 * the filed brochure it hands out, the plan's conditions (R7, R9, R10, R19), a QR code of the
 * verification page and the generated seal mark. A revoked or cancelled permit says so on top.
 * Who may fetch it: the school that holds it, the junior high that checks it, the bureau.
 */
import QRCode from 'qrcode';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { localTime, minutesOf, withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { brochures } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { canGetPermit } from '../../auth/visit-policy';
import { AppError } from '../../errors';
import { FONT_FAMILY, renderPdf } from '../../files/pdf';
import { loadVisit, permitNames, refOfVisit, type Staff } from './queries';
import { SEAL_NOTE, sealSvg } from './seal';

const zhDate = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export async function permitPdf(db: Queryable, actor: Actor, id: number, opts: { origin: string; timeZone: string }): Promise<{ pdf: Buffer; filename: string }> {
  const l = await loadVisit(db, id);
  if (!canGetPermit(actor, refOfVisit(l))) throw new AppError('FORBIDDEN', { permission: 'visit.read' });
  const { v, campaign } = l;
  // The names as issued (issue 14 §6), not what the organisations are called today.
  const names = permitNames(l);
  const school = { name: names.school };
  const jh = { name: names.juniorHigh };
  const district = { name: names.issuer };
  if (!v.permitCode || !v.permitSerial || !v.approvedAt) throw new AppError('VISIT_NO_PERMIT', { rule: 'R19', status: v.status });
  const [b] = await db.select({ n: brochures.filingNumber }).from(brochures).where(eq(brochures.id, v.brochureId));
  const verifyUrl = `${opts.origin}/verify/${v.permitCode}`;
  const qr = await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const { maxVisitMinutes } = withSettingDefaults(campaign.settings as CampaignSettings);
  const minutes = minutesOf(v.end)! - minutesOf(v.start)!;
  const staff = (v.staff as Staff).map((s) => s.name).join('、');
  const issued = zhDate(localTime(v.approvedAt, opts.timeZone).date);
  const notice =
    v.status === 'revoked' ? `本批准已于${zhDate(localTime(v.revokedAt!, opts.timeZone).date)}被区教育局吊销${v.revokeReason ? `（${v.revokeReason}）` : ''}，不得凭此入校。`
    : v.status === 'cancelled' ? '学校已取消本次进校宣传，本批准书作废。'
    : null;

  const rows: Array<[string, string]> = [
    ['宣传学校', school.name],
    ['初中学校', jh.name],
    ['日期', zhDate(v.date)],
    ['时间', `${v.start}—${v.end}（${minutes} 分钟）`],
    ['宣传人员', staff],
    ['发放材料', b?.n ? `已审查备案的招生简章（备案号 ${b.n}）` : '已审查备案的招生简章'],
  ];
  const content: Content[] = [
    ...(notice ? [{ text: notice, style: 'notice' } as Content] : []),
    { text: district.name, style: 'issuer' },
    { text: '进校招生宣传批准书', style: 'title' },
    { text: v.permitSerial, style: 'serial' },
    { text: `${school.name}：`, margin: [0, 12, 0, 4] },
    {
      text: `你校申请到${jh.name}开展中等职业学校招生宣传。经审核，同意你校于${zhDate(v.date)} ${v.start}—${v.end} 进校宣传。`,
      margin: [24, 0, 0, 10],
    },
    { table: { widths: [70, '*'], body: rows.map(([k, val]) => [{ text: k, bold: true }, val]) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 10] },
    { text: '有关要求', style: 'h2' },
    {
      ol: [
        '只发放经审查备案的招生简章，宣传内容须与备案简章一致（R6、R7、R9）。',
        `不得影响正常教学秩序，在校宣传时间不超过 ${maxVisitMinutes} 分钟（R10）。`,
        '不得通过中介机构招生，不得向任何个人支付生源组织费（R19）。',
        '本批准书仅限上述学校、人员、日期和时段使用。入校时请出示本批准书，由初中学校扫描二维码核验。',
      ],
      margin: [0, 0, 0, 8],
    },
    {
      columns: [
        {
          width: 120,
          stack: [
            { image: qr, fit: [110, 110] },
            { text: '扫码核验真伪与时效', style: 'small', alignment: 'center', margin: [0, 2, 0, 0] },
          ],
        },
        { width: '*', text: '' },
        {
          width: 190,
          stack: [
            { svg: sealSvg(district.name, FONT_FAMILY), width: 120, height: 120, alignment: 'center' },
            { text: district.name, alignment: 'center', bold: true, margin: [0, -78, 0, 0] },
            { text: issued, alignment: 'center', margin: [0, 0, 0, 0] },
            { text: `（${SEAL_NOTE}：由系统生成，非实物印章；真伪以二维码核验为准）`, style: 'small', alignment: 'center', margin: [0, 34, 0, 0] },
          ],
        },
      ],
    },
    { text: `核验码：${v.permitCode}`, style: 'code', margin: [0, 6, 0, 0] },
  ];
  const doc: TDocumentDefinitions = {
    info: { title: `进校招生宣传批准书 ${v.permitSerial}`, subject: `${school.name} → ${jh.name} ${v.date} ${v.start}-${v.end}` },
    pageSize: 'A4',
    pageMargins: [56, 44, 56, 48],
    content,
    footer: () => ({ text: `${v.permitSerial} · 核验：${verifyUrl.length > 80 ? `${verifyUrl.slice(0, 80)}…` : verifyUrl}`, style: 'footer' }),
    defaultStyle: { fontSize: 11, lineHeight: 1.3 },
    styles: {
      notice: { fontSize: 13, bold: true, color: '#b71c1c', margin: [0, 0, 0, 10] },
      issuer: { fontSize: 16, bold: true, alignment: 'center', color: '#b71c1c' },
      title: { fontSize: 22, bold: true, alignment: 'center', margin: [0, 6, 0, 2] },
      serial: { fontSize: 11, alignment: 'center' },
      h2: { fontSize: 12, bold: true, margin: [0, 4, 0, 4] },
      small: { fontSize: 8, color: '#555555' },
      code: { fontSize: 6.5, color: '#777777' },
      footer: { fontSize: 7.5, color: '#666666', alignment: 'center', margin: [56, 20, 56, 0] },
    },
  };
  return { pdf: await renderPdf(doc), filename: `进校宣传批准书-${v.permitSerial}-${school.name}-${jh.name}.pdf` };
}
