/**
 * R2 adjustments of the draft: a clerk changes one school's target with a reason, either
 * re-balancing the others (the split re-run with that school fixed) or changing N_total
 * (the domain's `adjustTarget`). The preview shows the effect on every school and writes
 * nothing; the adjustment writes the rows, a `target_adjustments` row, the school's note
 * (= the reason) and an audit event.
 *
 * A school adjusted earlier in the same draft stays at its adjusted value when another
 * school is re-balanced: an adjustment with a reason is not undone by the next one.
 */
import { and, eq } from 'drizzle-orm';
import { adjustTarget, type AdjustMode, type AllocationMethod } from '@zhizhao/domain';
import type { TargetVersion } from '@zhizhao/contracts';
import type { Queryable, Tx } from '../../db/client';
import { targetAdjustments, targetRows, targetVersions } from '../../db/schema';
import { authorize } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import { presentVersion, refusal } from './present';
import { loadCampaign, rowsOf, versionWithStatus, type Campaign, type VersionRow } from './queries';

export type AdjustInput = { organizationId: number; target: number; mode: AdjustMode; reason?: string };

async function plan(db: Queryable, draft: VersionRow, body: AdjustInput) {
  const rows = await rowsOf(db, draft.id);
  const earlier = await db.select({ organizationId: targetAdjustments.organizationId }).from(targetAdjustments).where(eq(targetAdjustments.versionId, draft.id));
  const pinned = new Set(earlier.map((a) => a.organizationId));
  const schools = rows.map((r) => {
    const keep = body.mode === 'rebalance' && r.organizationId !== body.organizationId && pinned.has(r.organizationId);
    return { id: r.code, graduates: r.graduates, target: r.target, min: keep ? r.target : r.min, max: keep ? r.target : r.max };
  });
  const row = rows.find((r) => r.organizationId === body.organizationId);
  const result = adjustTarget({
    total: draft.nTotal, method: draft.method as AllocationMethod, schools,
    // An organisation not in the draft: the domain names the refusal (TARGETS_UNKNOWN_SCHOOL).
    schoolId: row?.code ?? `#${body.organizationId}`, target: body.target, mode: body.mode,
  });
  if (!result.ok) throw refusal(result);
  return { rows, row: row!, result };
}

async function openDraft(db: Queryable, ctx: RequestContext, campaignId: number, lock: boolean): Promise<{ c: Campaign; draft: VersionRow }> {
  const c = await loadCampaign(db, campaignId, { lock });
  authorize(ctx.actor!, 'targets.write', refOf(c.district));
  const draft = await versionWithStatus(db, campaignId, 'draft', { lock });
  if (!draft) throw new AppError('TARGETS_NO_DRAFT', { campaignId });
  return { c, draft };
}

export async function previewAdjustment(db: Queryable, ctx: RequestContext, campaignId: number, body: AdjustInput) {
  const { draft } = await openDraft(db, ctx, campaignId, false);
  const { rows, result } = await plan(db, draft, body);
  return {
    mode: result.mode, oldTotal: result.previousTotal, newTotal: result.total,
    changes: result.diff.map((d, i) => ({ organizationId: rows[i]!.organizationId, name: rows[i]!.name, old: d.old, new: d.new, delta: d.delta })),
  };
}

export async function adjustDraft(deps: AppDeps, ctx: RequestContext, campaignId: number, body: AdjustInput & { reason: string }): Promise<TargetVersion> {
  return deps.db.transaction(async (tx) => {
    const { c, draft } = await adjustDraftIn(tx, ctx, campaignId, body);
    return presentVersion(tx, c, draft);
  });
}

export async function adjustDraftIn(tx: Tx, ctx: RequestContext, campaignId: number, body: AdjustInput & { reason: string }) {
  const { c, draft } = await openDraft(tx, ctx, campaignId, true);
  const { rows, row, result } = await plan(tx, draft, body);
  const others: Record<string, { from: number; to: number }> = {};
  for (const [i, d] of result.diff.entries()) {
    const r = rows[i]!;
    const isSchool = r.organizationId === row.organizationId;
    if (d.delta === 0 && !isSchool) continue;
    if (!isSchool) others[r.code] = { from: d.old, to: d.new };
    // 备注: the adjusted school's row carries the reason of its latest adjustment.
    await tx.update(targetRows).set({ target: d.new, ...(isSchool ? { note: body.reason } : {}) }).where(and(eq(targetRows.versionId, draft.id), eq(targetRows.organizationId, r.organizationId)));
  }
  if (result.total !== draft.nTotal) await tx.update(targetVersions).set({ nTotal: result.total }).where(eq(targetVersions.id, draft.id));
  await tx.insert(targetAdjustments).values({
    versionId: draft.id, organizationId: row.organizationId, mode: body.mode, oldTarget: row.target, newTarget: body.target,
    oldTotal: result.previousTotal, newTotal: result.total, reason: body.reason, createdBy: ctx.actor!.userId,
  });
  await writeAudit(tx, ctx, {
    action: 'targets.adjust',
    objectType: 'target_version',
    objectId: draft.id,
    changes: {
      number: draft.number, school: row.code, mode: body.mode,
      target: { from: row.target, to: body.target }, nTotal: { from: result.previousTotal, to: result.total },
      others, reason: body.reason,
    },
    organizationId: c.district.id,
  });
  return { c, draft: { ...draft, nTotal: result.total } };
}
