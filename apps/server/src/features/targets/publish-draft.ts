/**
 * Publishing the draft (R2: the split every junior high then sees) and discarding it.
 * Publishing refuses an incomplete draft (an active junior high without a row, a row of
 * a school no longer active, or targets that do not add up), and — R1 — a draft whose
 * total differs from the city's N_total unless the clerk acknowledges the difference.
 * The previous published version becomes superseded; every version is kept.
 */
import { eq } from 'drizzle-orm';
import type { TargetVersion } from '@zhizhao/contracts';
import type { Tx } from '../../db/client';
import { targetVersions } from '../../db/schema';
import { authorize } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import { presentSummary, presentVersion } from './present';
import { juniorHighs, loadCampaign, rowsOf, usernames, versionWithStatus } from './queries';

export type PublishInput = { note: string; acknowledgeTotalDifference: boolean };

export async function publishDraft(deps: AppDeps, ctx: RequestContext, campaignId: number, body: PublishInput): Promise<TargetVersion> {
  return deps.db.transaction(async (tx) => {
    const { c, version } = await publishDraftIn(tx, ctx, campaignId, body);
    return presentVersion(tx, c, version);
  });
}

export async function publishDraftIn(tx: Tx, ctx: RequestContext, campaignId: number, body: PublishInput) {
  const c = await loadCampaign(tx, campaignId, { lock: true });
  authorize(ctx.actor!, 'targets.publish', refOf(c.district));
  const draft = await versionWithStatus(tx, campaignId, 'draft', { lock: true });
  if (!draft) throw new AppError('TARGETS_NO_DRAFT', { campaignId });

  const rows = await rowsOf(tx, draft.id);
  const schools = await juniorHighs(tx, c.district.id);
  const inDraft = new Set(rows.map((r) => r.organizationId));
  const active = new Set(schools.map((s) => s.id));
  const missing = schools.filter((s) => !inDraft.has(s.id)).map((s) => ({ organizationId: s.id, code: s.code, name: s.name }));
  const inactive = rows.filter((r) => !active.has(r.organizationId)).map((r) => ({ organizationId: r.organizationId, code: r.code, name: r.name }));
  const sum = rows.reduce((a, r) => a + r.target, 0);
  if (!rows.length || missing.length || inactive.length || sum !== draft.nTotal) {
    throw new AppError('TARGETS_DRAFT_INCOMPLETE', { rule: 'R2', rows: rows.length, missing, inactive, sum, nTotal: draft.nTotal });
  }
  const cityNTotal = c.settings.nTotal;
  if (draft.nTotal !== cityNTotal && !body.acknowledgeTotalDifference) {
    throw new AppError('TARGETS_TOTAL_DIFFERS_FROM_CITY', { rule: 'R1', draftTotal: draft.nTotal, cityNTotal, difference: draft.nTotal - cityNTotal });
  }

  const previous = await versionWithStatus(tx, campaignId, 'published', { lock: true });
  if (previous) await tx.update(targetVersions).set({ status: 'superseded' }).where(eq(targetVersions.id, previous.id));
  const now = new Date();
  const note = body.note || draft.note;
  const [version] = await tx
    .update(targetVersions)
    .set({ status: 'published', publishedBy: ctx.actor!.userId, publishedAt: now, note })
    .where(eq(targetVersions.id, draft.id))
    .returning();
  await writeAudit(tx, ctx, {
    action: 'targets.publish',
    objectType: 'target_version',
    objectId: draft.id,
    changes: {
      number: draft.number, status: { from: 'draft', to: 'published' }, nTotal: draft.nTotal, cityNTotal,
      acknowledgedTotalDifference: draft.nTotal !== cityNTotal, supersededVersion: previous?.number ?? null,
      ...(note ? { note } : {}),
    },
    organizationId: c.district.id,
  });
  return { c, version: version! };
}

export async function discardDraft(deps: AppDeps, ctx: RequestContext, campaignId: number) {
  return deps.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId, { lock: true });
    authorize(ctx.actor!, 'targets.write', refOf(c.district));
    const draft = await versionWithStatus(tx, campaignId, 'draft', { lock: true });
    if (!draft) throw new AppError('TARGETS_NO_DRAFT', { campaignId });
    const [row] = await tx.update(targetVersions).set({ status: 'discarded' }).where(eq(targetVersions.id, draft.id)).returning();
    await writeAudit(tx, ctx, {
      action: 'targets.draft_discard', objectType: 'target_version', objectId: draft.id,
      changes: { number: draft.number, status: { from: 'draft', to: 'discarded' } }, organizationId: c.district.id,
    });
    return presentSummary(row!, await usernames(tx, [row!.createdBy, row!.publishedBy]));
  });
}
