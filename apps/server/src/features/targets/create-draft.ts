/**
 * R2: a new draft of the split — the domain's `allocateTargets` over the district's
 * active junior highs and their graduates, with the city's N_total (R1) and optional
 * per-school floors and ceilings. A new draft replaces the current one (marked discarded,
 * kept for the record). Refuses, naming the cause, when graduates are missing or the
 * bounds make the split impossible (the domain's explanation goes along).
 */
import { eq, max } from 'drizzle-orm';
import { allocateTargets, type AllocationMethod } from '@zhizhao/domain';
import type { TargetVersion } from '@zhizhao/contracts';
import type { Tx } from '../../db/client';
import { targetRows, targetVersions } from '../../db/schema';
import { authorize } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import { presentVersion, refusal } from './present';
import { graduatesOf, juniorHighs, loadCampaign, versionWithStatus, type Campaign, type VersionRow } from './queries';
import { rosterCounts } from '../students/queries';

export type CreateDraftInput = {
  method: AllocationMethod;
  bounds: Array<{ organizationId: number; min: number | null; max: number | null }>;
  note: string;
};

export async function createDraft(deps: AppDeps, ctx: RequestContext, campaignId: number, body: CreateDraftInput): Promise<TargetVersion> {
  return deps.db.transaction(async (tx) => {
    const { c, version } = await createDraftIn(tx, ctx, campaignId, body);
    return presentVersion(tx, c, version);
  });
}

export async function createDraftIn(tx: Tx, ctx: RequestContext, campaignId: number, body: CreateDraftInput) {
  const c = await loadCampaign(tx, campaignId, { lock: true });
  authorize(ctx.actor!, 'targets.write', refOf(c.district));
  const schools = await juniorHighs(tx, c.district.id);
  if (!schools.length) throw new AppError('TARGETS_NO_JUNIOR_HIGHS', { districtId: c.district.id });
  const counts = await graduatesOf(tx, campaignId);
  // Issue 9: a junior high's graduates come from its roster once it has one; the entered count otherwise.
  const roster = await rosterCounts(tx, campaignId);
  const graduatesOfSchool = (id: number) => ((roster.get(id) ?? 0) > 0 ? roster.get(id)! : counts.get(id)?.count);
  const missing = schools.filter((s) => graduatesOfSchool(s.id) === undefined);
  if (missing.length) throw new AppError('TARGETS_GRADUATES_MISSING', { schools: missing.map((s) => ({ organizationId: s.id, code: s.code, name: s.name })) });
  const bounds = new Map(body.bounds.map((b) => [b.organizationId, b]));
  const unknown = [...bounds.keys()].filter((id) => !schools.some((s) => s.id === id));
  if (unknown.length) throw new AppError('TARGETS_UNKNOWN_JUNIOR_HIGH', { organizationIds: unknown });

  // The school code is the split's id: its tie-break (code-point order) is then one a clerk can read.
  const input = schools.map((s) => ({ id: s.code, graduates: graduatesOfSchool(s.id)!, min: bounds.get(s.id)?.min ?? null, max: bounds.get(s.id)?.max ?? null }));
  const split = allocateTargets({ total: c.settings.nTotal, schools: input, method: body.method });
  if (!split.ok) throw refusal(split);
  const rows = schools.map((s, i) => ({ organizationId: s.id, graduates: input[i]!.graduates, target: split.targets[i]!.target, min: input[i]!.min, max: input[i]!.max, note: '' }));
  const version = await insertDraft(tx, ctx, c, { method: body.method, nTotal: c.settings.nTotal, note: body.note, rows, source: 'split' });
  return { c, version };
}

export type DraftRow = { organizationId: number; graduates: number; target: number; min: number | null; max: number | null; note: string };

/** Writes a new draft (discarding the current one) and audits it. Shared by the split and the Excel import. */
export async function insertDraft(
  tx: Tx, ctx: RequestContext, c: Campaign,
  d: { method: AllocationMethod; nTotal: number; note: string; rows: DraftRow[]; source: 'split' | 'import' },
): Promise<VersionRow> {
  const previous = await versionWithStatus(tx, c.campaign.id, 'draft', { lock: true });
  if (previous) await tx.update(targetVersions).set({ status: 'discarded' }).where(eq(targetVersions.id, previous.id));
  const [last] = await tx.select({ n: max(targetVersions.number) }).from(targetVersions).where(eq(targetVersions.campaignId, c.campaign.id));
  const number = (last?.n ?? 0) + 1;
  const [version] = await tx
    .insert(targetVersions)
    .values({ campaignId: c.campaign.id, number, status: 'draft', method: d.method, nTotal: d.nTotal, note: d.note, createdBy: ctx.actor!.userId })
    .returning();
  if (d.rows.length) await tx.insert(targetRows).values(d.rows.map((r) => ({ versionId: version!.id, ...r })));
  await writeAudit(tx, ctx, {
    action: 'targets.draft_create',
    objectType: 'target_version',
    objectId: version!.id,
    changes: {
      number, method: d.method, nTotal: d.nTotal, source: d.source, schools: d.rows.length,
      bounds: d.rows.filter((r) => r.min !== null || r.max !== null).map((r) => ({ organizationId: r.organizationId, min: r.min, max: r.max })),
      replacedDraft: previous?.number ?? null,
      ...(d.note ? { note: d.note } : {}),
    },
    organizationId: c.district.id,
  });
  return version!;
}
