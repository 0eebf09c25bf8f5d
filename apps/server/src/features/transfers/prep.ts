/**
 * R14: the enrolling school prepares its early-transfer students for the junior-high academic
 * exam (学业水平考试): its own courses (subject, teacher, hours a week) or tiered teaching kept
 * at the junior high (分层教学, the plan's alternative). One plan per (school, junior high) of
 * a campaign, kept by the school, read by both schools and the bureaus.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ExamPrepMode } from '@zhizhao/domain';
import type { z } from 'zod';
import type { examPrep, examPrepBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { examPrepPlans } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { Actor } from '../../auth/policy';
import { requireParty, transferScope } from '../../auth/transfer-policy';
import { AppError } from '../../errors';
import { campaignById, campaignOfActor } from '../applications/bureau-campaign';

type ExamPrep = z.infer<typeof examPrep>;
type Row = { school_id: number; school_name: string; junior_high_id: number; jh_name: string; students: number; mode: string | null; courses: unknown; notes: string | null; updated_at: Date | null };

export async function listExamPrep(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<{ items: ExamPrep[] }> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) return { items: [] };
  const rows = await queryRows<Row>(deps.db, sql`
    select t.school_id, s.name as school_name, t.junior_high_id, jh.name as jh_name, count(*)::int as students,
      p.mode, p.courses, p.notes, p.updated_at
    from early_transfers t
    join organizations s on s.id = t.school_id
    join organizations jh on jh.id = t.junior_high_id
    left join exam_prep_plans p on p.campaign_id = t.campaign_id and p.school_id = t.school_id and p.junior_high_id = t.junior_high_id
    where t.campaign_id = ${c.id} and t.status in ('sealed', 'listed', 'filed') and ${transferScope(actor, 't')}
    group by t.school_id, s.name, t.junior_high_id, jh.name, p.mode, p.courses, p.notes, p.updated_at
    order by s.name, jh.name`);
  return { items: rows.map(present) };
}

const present = (r: Row): ExamPrep => ({
  schoolId: Number(r.school_id), schoolName: r.school_name, juniorHighId: Number(r.junior_high_id), juniorHighName: r.jh_name, students: Number(r.students),
  mode: (r.mode as ExamPrepMode | null) ?? null, courses: (r.courses as ExamPrep['courses'] | null) ?? [], notes: r.notes ?? '',
  updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
});

export async function saveExamPrep(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof examPrepBody>): Promise<ExamPrep> {
  const actor = rctx.actor!;
  const c = await campaignById(deps.db, body.campaignId);
  const party = requireParty(actor, { juniorHighId: body.juniorHighId, schoolId: actor.organizationId, district: c.district }, 'transfer.prep');
  if (party !== 'school' || actor.orgKind !== 'vocational_school') throw new AppError('EARLY_TRANSFER_NOT_YOUR_SEAL', { permission: 'transfer.prep' });
  if (body.mode === 'school_courses' && !body.courses.length) throw new AppError('VALIDATION_FAILED', { courses: '由中职学校开设文化课程时，须至少填写一门课程（科目、任课教师、每周课时）' });
  const { now } = await deps.clock();
  await deps.db.transaction(async (tx) => {
    const [n] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from early_transfers where campaign_id = ${c.id} and school_id = ${actor.organizationId} and junior_high_id = ${body.juniorHighId} and status in ('sealed', 'listed', 'filed')`);
    if (!Number(n?.n)) throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: 'R14', reason: '本校没有来自该初中学校的提前学习学生' });
    const key = { campaignId: c.id, schoolId: actor.organizationId, juniorHighId: body.juniorHighId };
    const [before] = await tx.select().from(examPrepPlans).where(and(eq(examPrepPlans.campaignId, c.id), eq(examPrepPlans.schoolId, actor.organizationId), eq(examPrepPlans.juniorHighId, body.juniorHighId))).for('update');
    const values = { mode: body.mode, courses: body.courses, notes: body.notes, updatedBy: actor.userId, updatedAt: new Date() };
    await tx.insert(examPrepPlans).values({ ...key, ...values }).onConflictDoUpdate({ target: [examPrepPlans.campaignId, examPrepPlans.schoolId, examPrepPlans.juniorHighId], set: values });
    await writeAudit(tx, rctx, {
      action: 'early_transfer.exam_prep', objectType: 'exam_prep_plan', objectId: `${c.id}:${actor.organizationId}:${body.juniorHighId}`, organizationId: actor.organizationId,
      changes: { before: before ? { mode: before.mode, courses: before.courses, notes: before.notes } : null, after: { mode: body.mode, courses: body.courses, notes: body.notes }, rule: 'R14', businessAt: now.toISOString() },
    });
  });
  const item = (await listExamPrep(deps, actor, c.id)).items.find((i) => i.juniorHighId === body.juniorHighId && i.schoolId === actor.organizationId);
  return item!;
}
