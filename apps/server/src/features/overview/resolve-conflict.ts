/**
 * The junior high records, with the family, how a student found on both tracks resolves it
 * (R11 普职不兼报): keep vocational (the resolution only), or keep general — the application's
 * track becomes general, its choices are cleared and a new version is entered by staff, so the
 * family must confirm again (like any entry on its behalf, it is final only once confirmed).
 * Lock order: the conflict row, then the application row; one transaction with the audit event
 * (`application.resolve_conflict`, read by the application's history).
 */
import { asc, eq } from 'drizzle-orm';
import { applicationStatus, type Track } from '@zhizhao/domain';
import type { z } from 'zod';
import type { resolveConflictBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { applicationChoices, applications, students, trackConflicts } from '../../db/schema';
import { authorizeStudent } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { loadCampaign } from './context';
import { loadConflict, presentConflict } from './conflicts';

export async function resolveConflict(deps: AppDeps, ctx: RequestContext, id: number, body: z.infer<typeof resolveConflictBody>) {
  const actor = ctx.actor!;
  const now = (await deps.clock()).now;
  await deps.db.transaction(async (tx) => {
    const [t] = await tx.select().from(trackConflicts).where(eq(trackConflicts.id, id)).for('update');
    if (!t) throw new AppError('NOT_FOUND', { trackConflictId: id });
    const [s] = await tx.select().from(students).where(eq(students.id, t.studentId));
    const c = await loadCampaign(tx, t.campaignId);
    // Only the student's junior high talks to the family (application.onbehalf in its scope).
    if (actor.orgKind !== 'junior_high') throw new AppError('FORBIDDEN', { permission: 'application.onbehalf' });
    authorizeStudent(actor, 'application.onbehalf', { juniorHighId: s!.juniorHighId, district: c.district });
    if (t.resolution !== null) throw new AppError('CONFLICT_ALREADY_RESOLVED', { trackConflictId: id, resolution: t.resolution });

    const [a] = await tx.select().from(applications).where(eq(applications.studentId, t.studentId)).for('update');
    if (!a) throw new AppError('NOT_FOUND', { studentId: t.studentId, application: 'none' });
    let version = a.version;
    let track = a.track as Track | null;
    let choices = (await tx.select({ programmeId: applicationChoices.programmeId }).from(applicationChoices).where(eq(applicationChoices.applicationId, a.id)).orderBy(asc(applicationChoices.rank))).map((x) => x.programmeId);
    let acceptAdjustment = a.acceptAdjustment;
    if (body.resolution === 'keep_vocational') {
      if (a.track !== 'vocational') throw new AppError('CROSSCHECK_NOT_VOCATIONAL', { track: a.track, rule: 'R11' });
    } else {
      version = a.version + 1;
      track = 'general';
      choices = [];
      acceptAdjustment = false;
      const status = applicationStatus({ track, version, studentConfirmedVersion: a.studentConfirmedVersion, guardianConfirmedVersion: a.guardianConfirmedVersion, social: s!.kind === 'social' });
      await tx.delete(applicationChoices).where(eq(applicationChoices.applicationId, a.id));
      await tx
        .update(applications)
        .set({ track, version, acceptAdjustment, enteredBy: 'staff', enteredByUserId: actor.userId, enteredAt: now, status, staffEntries: a.staffEntries + 1, updatedAt: now })
        .where(eq(applications.id, a.id));
    }
    await tx.update(trackConflicts).set({ resolution: body.resolution, note: body.note, resolvedBy: actor.userId, resolvedAt: now }).where(eq(trackConflicts.id, id));
    await writeAudit(tx, ctx, {
      action: 'application.resolve_conflict', objectType: 'application', objectId: a.id, organizationId: s!.juniorHighId,
      changes: { by: 'staff', version, track, choices, acceptAdjustment, businessAt: now.toISOString(), resolution: body.resolution, trackConflictId: id, studentId: t.studentId, rule: 'R11' },
    });
  });
  return presentConflict(await loadConflict(deps.db, id));
}
