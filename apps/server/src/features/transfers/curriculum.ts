/**
 * R13: before a student may ask to study early, the junior high confirms that the student has
 * finished the compulsory curriculum (完成义务教育阶段课程). The junior high does it for its
 * roster (by class, in bulk), the district bureau for any junior high of its campaigns. Undoing
 * it is refused while the student has an early transfer in progress. Audited per batch.
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { curriculumBody, curriculumList, curriculumQuery } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { students } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { Actor } from '../../auth/policy';
import { scopeOf } from '../../auth/policy';
import { AppError } from '../../errors';
import { campaignOfActor } from '../applications/bureau-campaign';
import { FINAL } from './status-sql';

/** The roster the actor keeps the curriculum of, as SQL over `students s`. */
function curriculumScope(actor: Actor) {
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return actor.orgKind === 'junior_high' ? sql`s.junior_high_id = ${scope.organizationId}` : sql`false`;
  if (scope.kind === 'district') return sql`s.campaign_id in (select id from campaigns where district_id = ${scope.districtId})`;
  return sql`false`;
}

export async function listCurriculum(deps: AppDeps, actor: Actor, q: z.infer<typeof curriculumQuery>): Promise<z.infer<typeof curriculumList>> {
  const c = await campaignOfActor(deps, actor, q.campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaign: 'none' });
  const base = sql`s.campaign_id = ${c.id} and s.kind = 'grade9' and s.active and ${curriculumScope(actor)}`;
  const rows = await queryRows<{ id: number; name: string; exam_no: string; class_name: string; track: string | null; status: string | null; done: string | null; transfer: string | null; total: number }>(deps.db, sql`
    select s.id, s.name, s.exam_no, s.class_name, a.track, a.status, s.curriculum_completed_on as done,
      (select t.status from early_transfers t where t.student_id = s.id order by t.id desc limit 1) as transfer,
      count(*) over () as total
    from students s left join applications a on a.student_id = s.id
    where ${base} ${q.className ? sql`and s.class_name = ${q.className}` : sql``} ${q.q ? sql`and (s.name like ${`${q.q}%`} or s.exam_no like ${`${q.q}%`})` : sql``}
    order by s.class_name, s.exam_no limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const [agg] = await queryRows<{ classes: string[] | null; completed: number }>(deps.db, sql`
    select array(select distinct s.class_name from students s where ${base} order by 1) as classes,
      (select count(*) from students s where ${base} and s.curriculum_completed_on is not null)::int as completed`);
  return {
    items: rows.map((r) => ({
      id: Number(r.id), name: r.name, examNo: r.exam_no, className: r.class_name, track: r.track === 'vocational' || r.track === 'general' ? r.track : null,
      applicationStatus: r.status ?? 'undecided', curriculumCompletedOn: r.done, transferStatus: (r.transfer as never) ?? null,
    })),
    total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize, classes: agg?.classes ?? [], completed: Number(agg?.completed ?? 0),
  };
}

export async function setCurriculum(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof curriculumBody>) {
  const actor = rctx.actor!;
  const { now, today } = await deps.clock();
  const completedOn = body.completed ? (body.completedOn ?? today) : null;
  if (completedOn && completedOn > today) throw new AppError('VALIDATION_FAILED', { completedOn: '完成日期不能晚于今天', today });
  const ids = [...new Set(body.studentIds)];
  return deps.db.transaction(async (tx) => {
    const rows = await queryRows<{ id: number; junior_high_id: number | null; done: string | null; active_transfer: boolean }>(tx, sql`
      select s.id, s.junior_high_id, s.curriculum_completed_on as done,
        exists (select 1 from early_transfers t where t.student_id = s.id and t.status not in ${FINAL}) as active_transfer
      from students s where s.id = any(${sql.param(ids)}::int[]) and s.kind = 'grade9' and ${curriculumScope(actor)} for update of s`);
    const found = new Set(rows.map((r) => Number(r.id)));
    const outside = ids.filter((id) => !found.has(id));
    if (outside.length) throw new AppError('FORBIDDEN', { permission: 'curriculum.write', studentIds: outside });
    if (!body.completed) {
      const locked = rows.filter((r) => r.active_transfer).map((r) => Number(r.id));
      if (locked.length) throw new AppError('EARLY_TRANSFER_CURRICULUM_LOCKED', { rule: 'R13', studentIds: locked });
    }
    const changed = rows.filter((r) => (r.done ?? null) !== completedOn);
    if (changed.length) {
      await tx.update(students).set({ curriculumCompletedOn: completedOn, curriculumConfirmedBy: completedOn ? actor.userId : null, curriculumConfirmedAt: completedOn ? now : null, updatedAt: new Date() })
        .where(and(inArray(students.id, changed.map((r) => Number(r.id)))));
      const byJh = new Map<number, number[]>();
      for (const r of changed) byJh.set(Number(r.junior_high_id), [...(byJh.get(Number(r.junior_high_id)) ?? []), Number(r.id)]);
      for (const [jh, list] of byJh) {
        await writeAudit(tx, rctx, { action: 'student.curriculum', objectType: 'junior_high', objectId: jh, organizationId: jh, changes: { completed: body.completed, completedOn, studentIds: list, rule: 'R13', businessAt: now.toISOString() } });
      }
    }
    return { updated: changed.length, unchanged: rows.length - changed.length };
  });
}
