/**
 * The student or the guardian confirms the current version of the application (R11 自愿, R21):
 * the version they saw must still be the current one (else APPLICATION_STALE), and there must
 * be a track to confirm. When the version becomes confirmed (both have confirmed; a social
 * applicant alone), the 志愿表's code is signed by the campaign's district bureau
 * ({ t: 'application', id, v }), kept in `verify_code`, and the family is told through the
 * notification channel (choice_confirmed).
 *
 * Lock order: application → the bureau's signing key (its organisation row) → audit head.
 */
import { eq } from 'drizzle-orm';
import { applicationStatus, type Confirmer } from '@zhizhao/domain';
import type { ApplicationView } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { applications } from '../../db/schema';
import { queueAudit, type RequestContext } from '../../audit/write-audit';
import { signCode } from '../../signing/codes';
import { AppError } from '../../errors';
import { loadChoices, type ApplicationRow, type StudentCtx } from './queries';
import { assertWindow, auditOrgOf, historyFacts, lockApplication } from './save-application';
import { confirmationFacts, presentApplication } from './view';
import { queueNotification } from './notify';

export async function confirmApplication(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, who: Confirmer, version: number): Promise<ApplicationView> {
  const { now, today } = await deps.clock();
  assertWindow(ctx, today);
  return deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, ctx.student.id);
    if (!locked || locked.app.track === null) throw new AppError('APPLICATION_NOTHING_TO_CONFIRM', { rule: 'R11' });
    const { app, ids } = locked;
    if (app.version !== version) throw new AppError('APPLICATION_STALE', { version, currentVersion: app.version });
    const already = who === 'student' ? app.studentConfirmedVersion === version : app.guardianConfirmedVersion === version;
    if (already) return presentApplication(ctx, app, await loadChoices(tx, app.id), today, ctx.campaign.settings);

    const social = ctx.student.kind === 'social';
    const confirmed = who === 'student' ? { studentConfirmedVersion: version, studentConfirmedAt: now } : { guardianConfirmedVersion: version, guardianConfirmedAt: now };
    const status = applicationStatus(confirmationFacts({ ...app, ...confirmed }, social));
    const verifyCode = status === 'confirmed' ? await signApplication(deps, tx, rctx, ctx, app) : app.verifyCode;
    const [saved] = await tx.update(applications).set({ ...confirmed, status, verifyCode, updatedAt: new Date() }).where(eq(applications.id, app.id)).returning();
    if (status === 'confirmed') await notifyConfirmed(tx, ctx, saved!);
    await queueAudit(tx, rctx, { action: 'application.confirm', objectType: 'application', objectId: app.id, changes: { ...historyFacts(who, app, ids, now), status }, organizationId: auditOrgOf(ctx) });
    return presentApplication(ctx, saved!, await loadChoices(tx, app.id), today, ctx.campaign.settings);
  });
}

/** The 志愿表's code of the application's current version, signed by the campaign's district bureau. */
export async function signApplication(deps: AppDeps, tx: Tx, rctx: RequestContext, ctx: StudentCtx, app: Pick<ApplicationRow, 'id' | 'version'>): Promise<string> {
  return signCode(tx, rctx, ctx.campaign.districtId, { t: 'application', id: app.id, v: app.version }, deps.config.keySecret);
}

async function notifyConfirmed(tx: Tx, ctx: StudentCtx, app: ApplicationRow) {
  const social = ctx.student.kind === 'social';
  const what = app.track === 'vocational' ? '中等职业学校' : '普通高中';
  await queueNotification(tx, {
    campaignId: ctx.campaign.id,
    studentId: ctx.student.id,
    recipient: social ? 'student' : 'guardian',
    template: 'choice_confirmed',
    to: ctx.student.phoneMasked,
    body: `【${ctx.campaign.name}】${ctx.student.name}的志愿（${what}，第${app.version}版）已由${social ? '本人' : '学生和家长'}确认。如非本人操作，请及时联系区教育局。`,
    dedupeKey: `choice_confirmed:${app.id}:${app.version}`,
  });
}
