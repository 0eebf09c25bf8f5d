/**
 * 账号告知单: one slip per student, four per A4 page with cut lines, for the junior high to hand
 * out (or the district bureau for a school). A slip carries the school, class, name, the exam number
 * (the sign-in name), the initial password (or, once the student chose their own, a note to ask the
 * class teacher for a reset), where to sign in, and the guardian's confirmation code with how to use
 * it. Printing marks the slips issued, is audited (who printed how many — no secrets) and queues one
 * message per family in the outbox.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AppDeps } from '../../deps';
import { organizations, students, users } from '../../db/schema';
import { canStudent, studentScope } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { renderPdf } from '../../files/pdf';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import { rosterCampaign } from './campaign-scope';
import { queueNotifications } from '../applications/notify';

const PER_PAGE = 4;
/** A print run is for a school or a class: more at once would make a PDF nobody can print in one go. */
const MAX_SLIPS = 3000;

type Filter = { juniorHighId?: number; className?: string; studentId?: number };

export async function printSlips(deps: AppDeps, ctx: RequestContext, campaignId: number, f: Filter, opts: { origin: string }): Promise<{ pdf: Buffer; filename: string }> {
  const actor = ctx.actor!;
  const { today } = await deps.clock();
  const c = await rosterCampaign(deps.db, actor, campaignId, 'student.write');
  const conditions: Array<SQL | undefined> = [eq(students.campaignId, campaignId), eq(students.kind, 'grade9'), eq(students.active, true), studentScope(actor)];
  if (f.juniorHighId) conditions.push(eq(students.juniorHighId, f.juniorHighId));
  if (f.className) conditions.push(eq(students.className, f.className));
  if (f.studentId) conditions.push(eq(students.id, f.studentId));
  const rows = await deps.db
    .select({ s: students, school: organizations.name, mustChange: users.mustChangePassword })
    .from(students)
    .innerJoin(organizations, eq(organizations.id, students.juniorHighId))
    .leftJoin(users, eq(users.id, students.userId))
    .where(and(...conditions))
    .orderBy(asc(organizations.code), asc(students.className), asc(students.examNo));
  const district = refOf(c.district);
  for (const r of rows) if (!canStudent(actor, 'student.write', { juniorHighId: r.s.juniorHighId, district })) throw new AppError('FORBIDDEN', { permission: 'student.write' });
  if (f.studentId && !rows.length) throw new AppError('NOT_FOUND', { studentId: f.studentId });
  if (rows.length > MAX_SLIPS) throw new AppError('VALIDATION_FAILED', { reason: `at most ${MAX_SLIPS} slips at once: choose a school or a class`, count: rows.length });

  const loginUrl = `${opts.origin}/login`;
  const slips = rows.map((r, i) => {
    const activated = r.mustChange === false || !r.s.initialPasswordCipher;
    const password = activated ? null : deps.pii.decrypt(r.s.initialPasswordCipher!);
    const code = r.s.guardianCodeCipher ? deps.pii.decrypt(r.s.guardianCodeCipher) : null;
    return slip({ school: r.school, className: r.s.className, name: r.s.name, examNo: r.s.examNo, password, code, loginUrl, year: c.campaign.year }, i);
  });
  const doc: TDocumentDefinitions = {
    info: { title: `${c.campaign.year}年志愿填报账号告知单` },
    pageSize: 'A4',
    pageMargins: [40, 28, 40, 20],
    content: slips.length ? slips : [{ text: '没有符合条件的学生。' }],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.15 },
    styles: { title: { fontSize: 12, bold: true }, secret: { fontSize: 12, bold: true }, small: { fontSize: 8, color: '#444444' } },
  };
  const pdf = await renderPdf(doc);

  if (rows.length) {
    const now = new Date();
    await deps.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 5000) {
        const ids = rows.slice(i, i + 5000).map((r) => r.s.id);
        await tx.update(students).set({ slipsIssuedAt: now }).where(and(eq(students.campaignId, campaignId), inArray(students.id, ids)));
      }
      await writeAudit(tx, ctx, {
        action: 'student.slips_print', objectType: 'campaign', objectId: campaignId,
        changes: { count: rows.length, juniorHighId: f.juniorHighId ?? null, className: f.className ?? null, studentId: f.studentId ?? null },
        organizationId: actor.orgKind === 'junior_high' ? actor.organizationId : (rows[0]!.s.juniorHighId ?? null),
      });
      await queueNotifications(tx, rows.map((r) => ({
        campaignId, studentId: r.s.id, recipient: 'guardian' as const, template: 'slip_issued', to: r.s.phoneMasked,
        body: `${r.school}已向${r.s.name}发放志愿填报账号告知单。请凭中考报名号和家长确认码登录，与孩子一起确认志愿。`,
        dedupeKey: `slip:${r.s.id}:${today}`,
      })));
    });
  }
  const label = f.studentId && rows[0] ? `${rows[0].s.examNo}` : `${rows[0]?.school ?? ''}${f.className ?? ''}`;
  return { pdf, filename: `账号告知单-${label || campaignId}.pdf` };
}

type SlipFacts = { school: string; className: string; name: string; examNo: string; password: string | null; code: string | null; loginUrl: string; year: number };

function slip(s: SlipFacts, i: number): Content {
  const line = (k: string, v: string | Content) => ({ columns: [{ width: 80, text: k, color: '#555555' }, typeof v === 'string' ? { width: '*', text: v } : { width: '*', ...(v as object) }] }) as Content;
  return {
    unbreakable: true,
    pageBreak: i > 0 && i % PER_PAGE === 0 ? 'before' : undefined,
    stack: [
      { columns: [{ text: `${s.year}年中等职业学校志愿填报 · 账号告知单`, style: 'title' }, { text: '（沿虚线剪开）', style: 'small', alignment: 'right', width: 90 }] },
      { columns: [{ text: `学校：${s.school}` }, { text: `班级：${s.className || '—'}` }, { text: `姓名：${s.name}` }], margin: [0, 4, 0, 2] },
      line('登录名', { text: `${s.examNo}（中考报名号）`, bold: true }),
      line('初始密码', s.password ? { text: s.password, style: 'secret' } : { text: '已激活：如忘记密码请联系班主任重置', bold: true }),
      line('登录网址', s.loginUrl),
      { text: '学生：用登录名和初始密码登录，首次登录须修改密码；请妥善保管，不要告诉他人。', style: 'small', margin: [0, 2, 0, 4] },
      line('家长确认码', s.code ? { text: s.code, style: 'secret' } : { text: '请联系班主任', bold: true }),
      { text: `家长：在登录页选择「家长确认」，输入中考报名号 ${s.examNo} 和家长确认码，查看并确认孩子的志愿。升学方向由学生和家长自愿选择，任何人不得强迫。`, style: 'small', margin: [0, 2, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, dash: { length: 4, space: 3 }, lineWidth: 0.6, lineColor: '#888888' }], margin: [0, 12, 0, 14] },
    ],
  } as Content;
}
