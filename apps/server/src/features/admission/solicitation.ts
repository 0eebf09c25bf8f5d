/**
 * 征集志愿 (R15): while a solicitation batch's window is open, an applicant not admitted (or
 * returned) chooses again among the programmes with seats left; the batch then runs like any
 * other over these choices. Audited like the application itself.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { solicitationBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import type { StudentCtx } from '../applications/queries';
import { myAdmissionOf } from './results';

export async function saveSolicitation(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, body: z.infer<typeof solicitationBody>) {
  const mine = await myAdmissionOf(deps, ctx);
  const s = mine.solicitation;
  if (!s || s.batchId !== body.batchId) {
    if (mine.admission?.status === 'admitted' || ctx.app?.track !== 'vocational' || ctx.app?.status !== 'confirmed') throw new AppError('SOLICITATION_NOT_ELIGIBLE', {});
    throw new AppError('SOLICITATION_CLOSED', { batchId: body.batchId });
  }
  if (!s.open) throw new AppError('SOLICITATION_CLOSED', { from: s.from, to: s.to });
  const choices = [...new Set(body.choices)];
  if (choices.length !== body.choices.length) throw new AppError('VALIDATION_FAILED', { choices: '同一专业不能重复填报' });
  if (choices.length > s.maxChoices) throw new AppError('VALIDATION_FAILED', { choices: `最多填报 ${s.maxChoices} 个志愿` });
  const offered = new Set(s.programmes.map((p) => p.programmeId));
  const full = choices.filter((c) => !offered.has(c));
  if (full.length) throw new AppError('SOLICITATION_PROGRAMME_FULL', { programmeIds: full });
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into solicitation_choices (batch_id, student_id, choices, accept_adjustment, entered_by, updated_at)
      values (${s.batchId}, ${ctx.student.id}, ${JSON.stringify(choices)}::jsonb, ${body.acceptAdjustment}, ${rctx.actor!.userId}, now())
      on conflict (batch_id, student_id) do update set choices = excluded.choices, accept_adjustment = excluded.accept_adjustment, entered_by = excluded.entered_by, updated_at = now()`);
    await writeAudit(tx, rctx, { action: 'admission.solicitation_save', objectType: 'student', objectId: ctx.student.id, organizationId: ctx.campaign.districtId, changes: { batchId: s.batchId, choices, acceptAdjustment: body.acceptAdjustment } });
  });
  return myAdmissionOf(deps, ctx);
}
