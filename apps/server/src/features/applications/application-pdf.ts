/**
 * The printable 志愿表 (issue 9 §5): campaign, student, exam number, junior high, class, track,
 * the ranked choices (school, major, campus), 服从调剂, who entered the version and when, the
 * confirmation times of the student and the guardian — and, once confirmed, a QR code of the
 * verification page carrying the code signed by the district bureau ({ t: 'application', id, v }).
 * An unconfirmed application prints as a draft (未确认（草稿）) with no QR: a family can prove
 * only what it confirmed. No ID number or phone is printed.
 */
import QRCode from 'qrcode';
import { eq } from 'drizzle-orm';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { applicationStatusLabels, enteredByLabels, localTime, trackLabels } from '@zhizhao/domain';
import type { ApplicationView } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queueAudit, type RequestContext } from '../../audit/write-audit';
import { renderPdf } from '../../files/pdf';
import { applications } from '../../db/schema';
import type { StudentCtx } from './queries';
import { viewOf } from './view';
import { auditOrgOf, lockApplication } from './save-application';
import { signApplication } from './confirm-application';

const two = (n: number) => String(n).padStart(2, '0');

/** The confirmed version's code: the stored one, or signed now (a version confirmed before codes were kept). */
async function ensureCode(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, view: ApplicationView): Promise<string | null> {
  if (view.status !== 'confirmed') return null;
  if (view.verifyCode) return view.verifyCode;
  return deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, ctx.student.id);
    if (!locked || locked.app.version !== view.version) return null;
    const code = await signApplication(deps, tx, rctx, ctx, locked.app);
    await tx.update(applications).set({ verifyCode: code }).where(eq(applications.id, locked.app.id));
    // The version becomes verifiable from now on: on record like any signing.
    await queueAudit(tx, rctx, { action: 'application.sign', objectType: 'application', objectId: locked.app.id, changes: { version: locked.app.version }, organizationId: auditOrgOf(ctx) });
    return code;
  });
}

export async function applicationPdf(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, origin: string): Promise<{ pdf: Buffer; filename: string }> {
  const { today } = await deps.clock();
  const view = await viewOf(deps.db, ctx, today);
  const code = await ensureCode(deps, rctx, ctx, view);
  const tz = deps.config.timeZone;
  const at = (iso: string | null) => {
    if (!iso) return '—';
    const l = localTime(new Date(iso), tz);
    return `${l.date} ${two(Math.floor(l.minutes / 60))}:${two(l.minutes % 60)}`;
  };
  const draft = view.status !== 'confirmed';
  const track = view.track ? trackLabels[view.track].zh : '尚未选择';
  const rows: Array<[string, string]> = [
    ['招生活动', ctx.campaign.name],
    ['姓名', view.studentName],
    [view.social ? '报名号' : '中考报名号', view.examNo],
    ['初中学校', view.juniorHighName ?? '—'],
    ['班级', ctx.student.className || '—'],
    ['升学方向', track],
  ];
  const choiceTable: Content =
    view.track === 'vocational'
      ? {
          table: {
            headerRows: 1,
            widths: [54, '*', '*', '*'],
            body: [
              [{ text: '志愿', bold: true }, { text: '学校', bold: true }, { text: '专业', bold: true }, { text: '校区', bold: true }],
              ...view.choices.map((c) => [`第${c.rank}志愿`, c.schoolName, c.majorName, c.campusName]),
            ],
          },
          margin: [0, 6, 0, 6],
        }
      : { text: view.track === 'general' ? '报考普通高中：普职不兼报，不填报中职志愿（R11）。' : '尚未选择升学方向。', margin: [0, 6, 0, 6] };
  const confirmRows: Array<[string, string]> = [
    ['服从调剂', view.track === 'vocational' ? (view.acceptAdjustment ? '服从' : '不服从') : '—'],
    ['本版填报', `${view.enteredBy ? enteredByLabels[view.enteredBy].zh : '—'}　${at(view.enteredAt)}（第 ${view.version} 版）`],
    ['学生确认', at(view.studentConfirmedAt)],
    ...(view.social ? [] : [['家长确认', at(view.guardianConfirmedAt)] as [string, string]]),
    ['状态', applicationStatusLabels[view.status].zh],
  ];
  const verifyUrl = code ? `${origin}/verify/${code}` : null;
  const qr = verifyUrl ? await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 }) : null;
  const kv = (r: Array<[string, string]>): Content => ({ table: { widths: [80, '*'], body: r.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 6] });
  const content: Content[] = [
    ...(draft ? [{ text: '未确认（草稿）：本表不能作为志愿凭证', style: 'draft' } as Content] : []),
    { text: '中等职业学校/普通高中志愿表', style: 'title' },
    { text: ctx.campaign.name, style: 'subtitle' },
    kv(rows),
    { text: '志愿', style: 'h2' },
    choiceTable,
    kv(confirmRows),
    qr
      ? {
          columns: [
            { width: 120, stack: [{ image: qr, fit: [110, 110] }, { text: '扫码核验', style: 'small', alignment: 'center' }] },
            { width: '*', text: '本志愿表由学生和家长本人确认（自愿填报，R11）。扫描二维码可核验本表内容是否为系统中现行的已确认版本。', style: 'small', margin: [10, 20, 0, 0] },
          ],
        }
      : { text: '确认后方可打印带核验二维码的志愿表。', style: 'small' },
    ...(code ? [{ text: `核验码：${code}`, style: 'code', margin: [0, 6, 0, 0] } as Content] : []),
  ];
  const doc: TDocumentDefinitions = {
    info: { title: `志愿表 ${view.examNo} 第${view.version}版` },
    pageSize: 'A4',
    pageMargins: [56, 44, 56, 48],
    content,
    ...(draft ? { watermark: { text: '草稿 未确认', opacity: 0.12, bold: true } } : {}),
    defaultStyle: { fontSize: 11, lineHeight: 1.3 },
    styles: {
      draft: { fontSize: 16, bold: true, color: '#b71c1c', alignment: 'center', margin: [0, 0, 0, 8] },
      title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 4, 0, 2] },
      subtitle: { fontSize: 11, alignment: 'center', margin: [0, 0, 0, 10] },
      h2: { fontSize: 12, bold: true, margin: [0, 4, 0, 0] },
      small: { fontSize: 8, color: '#555555' },
      code: { fontSize: 6.5, color: '#777777' },
    },
  };
  return { pdf: await renderPdf(doc), filename: `志愿表-${view.examNo}-${view.studentName}${draft ? '-草稿' : ''}.pdf` };
}
