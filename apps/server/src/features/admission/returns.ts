/**
 * 退档 (R15): within the batch's window, the enrolling school asks to return an admitted student
 * for a reason the campaign lists; the district bureau approves (the admission is withdrawn, its
 * letter verifies as withdrawn, the seat goes back to the programme and the student may take
 * part in the 征集志愿 round) or rejects, with a note. Both steps are audited.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { checkReturn } from '@zhizhao/domain/admission/index';
import type { returnDecisionBody, returnList, returnRequestBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable } from '../../db/client';
import { admissionReturns, admissions } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { admissionScope, authorizeAsSchool, authorizeBureau } from '../../auth/admission-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { campaignById, campaignOfActor } from '../applications/bureau-campaign';
import { returnReasonsOf } from './batches';
import { admissionById } from './results';

type ReturnRow = { id: number; admission_id: number; exam_no: string; name: string; school: string; major: string; reason: string; note: string; status: string; requested_at: Date; decided_at: Date | null; decision_note: string | null };

const returnSql = sql`
  select r.id, r.admission_id, s.exam_no, s.name, o.name as school, m.name as major, r.reason, r.note, r.status, r.requested_at, r.decided_at, r.decision_note
  from admission_returns r join admissions a on a.id = r.admission_id join students s on s.id = a.student_id join organizations o on o.id = a.school_id
  join planned_seats ps on ps.id = a.programme_id join majors m on m.id = ps.major_id`;

const view = (r: ReturnRow) => ({
  id: Number(r.id), admissionId: Number(r.admission_id), examNo: r.exam_no, studentName: r.name, schoolName: r.school, majorName: r.major, reason: r.reason, note: r.note,
  status: r.status as 'requested' | 'approved' | 'rejected', requestedAt: new Date(r.requested_at).toISOString(), decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null, decisionNote: r.decision_note,
});

async function returnById(db: Queryable, id: number) {
  const [r] = await queryRows<ReturnRow>(db, sql`${returnSql} where r.id = ${id}`);
  if (!r) throw new AppError('NOT_FOUND', { returnId: id });
  return view(r);
}

export async function listReturns(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<z.infer<typeof returnList> & { reasons: string[] }> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  const scope = admissionScope(actor, c.district);
  const where = 'schoolId' in scope ? sql`a.school_id = ${scope.schoolId}` : 'juniorHighId' in scope ? sql`s.junior_high_id = ${scope.juniorHighId}` : sql`true`;
  const rows = await queryRows<ReturnRow>(deps.db, sql`${returnSql} where a.campaign_id = ${c.id} and ${where} order by r.id desc limit 500`);
  return { items: rows.map(view), reasons: returnReasonsOf(c) };
}

async function loadAdmission(db: Queryable, id: number, lock = false) {
  const q = db.select().from(admissions).where(eq(admissions.id, id));
  const [a] = lock ? await q.for('update') : await q;
  if (!a) throw new AppError('NOT_FOUND', { admissionId: id });
  return a;
}

export async function requestReturn(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof returnRequestBody>) {
  const actor = rctx.actor!;
  const a0 = await loadAdmission(deps.db, body.admissionId);
  const c = await campaignById(deps.db, a0.campaignId);
  authorizeAsSchool(actor, 'admission.return', a0.schoolId, c.district);
  const today = (await deps.clock()).today;
  const id = await deps.db.transaction(async (tx) => {
    const a = await loadAdmission(tx, body.admissionId, true);
    const [b] = a.batchId ? await queryRows<{ return_until: string | null }>(tx, sql`select return_until from admission_batches where id = ${a.batchId}`) : [{ return_until: null }];
    const check = checkReturn({ status: a.status, reason: body.reason, today, returnUntil: b?.return_until ?? null, reasons: returnReasonsOf(c) });
    if (!check.ok) throw new AppError(check.rule, { reasons: returnReasonsOf(c) });
    const pending = await queryRows<{ id: number }>(tx, sql`select id from admission_returns where admission_id = ${a.id} and status = 'requested'`);
    if (pending[0]) throw new AppError('RETURN_PENDING', { returnId: Number(pending[0].id) });
    const [row] = await tx.insert(admissionReturns).values({ admissionId: a.id, reason: body.reason, note: body.note, requestedBy: actor.userId }).returning({ id: admissionReturns.id });
    await writeAudit(tx, rctx, { action: 'admission.return_request', objectType: 'admission', objectId: a.id, organizationId: a.schoolId, changes: { returnId: row!.id, reason: body.reason, note: body.note } });
    return row!.id;
  });
  return returnById(deps.db, id);
}

export async function decideReturn(deps: AppDeps, rctx: RequestContext, id: number, body: z.infer<typeof returnDecisionBody>) {
  const actor = rctx.actor!;
  const r0 = await returnById(deps.db, id);
  const a0 = await loadAdmission(deps.db, r0.admissionId);
  const c = await campaignById(deps.db, a0.campaignId);
  authorizeBureau(actor, 'admission.decide', c.district);
  await deps.db.transaction(async (tx) => {
    const [r] = await tx.select().from(admissionReturns).where(eq(admissionReturns.id, id)).for('update');
    if (!r || r.status !== 'requested') throw new AppError('RETURN_ALREADY_DECIDED', { returnId: id });
    const a = await loadAdmission(tx, r.admissionId, true);
    const now = new Date();
    await tx.update(admissionReturns).set({ status: body.approve ? 'approved' : 'rejected', decidedBy: actor.userId, decidedAt: now, decisionNote: body.note }).where(eq(admissionReturns.id, id));
    if (body.approve) {
      if (a.status !== 'admitted') throw new AppError('RETURN_NOT_ADMITTED', { admissionId: a.id });
      await tx.update(admissions).set({ status: 'returned', returnedAt: now, returnReason: r.reason }).where(eq(admissions.id, a.id));
    }
    await writeAudit(tx, rctx, { action: body.approve ? 'admission.return_approve' : 'admission.return_reject', objectType: 'admission', objectId: a.id, organizationId: c.districtId, changes: { returnId: id, reason: r.reason, note: body.note } });
  });
  return returnById(deps.db, id);
}

export { admissionById };
