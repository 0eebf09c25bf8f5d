/**
 * 批次: the campaign's admission batches, in order (R15). The district bureau defines them; a
 * published batch is frozen. Programmes named must be programmes of the campaign.
 */
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { admissionBatch, batchBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable } from '../../db/client';
import { admissionBatches } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { authorizeBureau } from '../../auth/admission-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { campaignById, campaignOfActor, type CampaignWithDistrict } from '../applications/bureau-campaign';

export type BatchRow = typeof admissionBatches.$inferSelect;
type Body = z.infer<typeof batchBody>;
type Line = { programmeId: number; minScore: number };

export function batchView(b: BatchRow): z.infer<typeof admissionBatch> {
  return {
    id: b.id, campaignId: b.campaignId, seq: b.seq, name: b.name, kind: b.kind as 'exam' | 'solicitation',
    programmeIds: (b.programmeIds as number[] | null) ?? null, minScore: b.minScore, programmeLines: b.programmeLines as Line[],
    publishOn: b.publishOn, returnUntil: b.returnUntil, solicitFrom: b.solicitFrom, solicitTo: b.solicitTo,
    status: b.publishedRunId ? 'published' : 'open', publishedRunId: b.publishedRunId,
  };
}

export const returnReasonsOf = (c: { settings: unknown }) => withSettingDefaults(c.settings as CampaignSettings).admissionReturnReasons;

export async function listBatches(deps: AppDeps, actor: Actor, campaignId: number | undefined) {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  authorizeBureau(actor, 'admission.read', c.district);
  const rows = await deps.db.select().from(admissionBatches).where(eq(admissionBatches.campaignId, c.id)).orderBy(asc(admissionBatches.seq));
  return { campaignId: c.id, items: rows.map(batchView), returnReasons: returnReasonsOf(c) };
}

export async function loadBatch(db: Queryable, id: number, lock = false): Promise<BatchRow> {
  const q = db.select().from(admissionBatches).where(eq(admissionBatches.id, id));
  const [b] = lock ? await q.for('update') : await q;
  if (!b) throw new AppError('NOT_FOUND', { batchId: id });
  return b;
}

async function checkBody(db: Queryable, c: CampaignWithDistrict, body: Body) {
  const named = [...new Set([...(body.programmeIds ?? []), ...body.programmeLines.map((l) => l.programmeId)])];
  if (named.length) {
    const found = await queryRows<{ id: number }>(db, sql`select id from planned_seats where campaign_id = ${c.id} and id in (${sql.join(named.map((i) => sql`${i}`), sql`, `)})`);
    const known = new Set(found.map((r) => Number(r.id)));
    const unknown = named.filter((i) => !known.has(i));
    if (unknown.length) throw new AppError('BATCH_INVALID', { reason: '专业计划不属于本招生活动', programmeIds: unknown });
  }
  if (body.programmeIds && body.programmeLines.some((l) => !body.programmeIds!.includes(l.programmeId))) {
    throw new AppError('BATCH_INVALID', { reason: '分专业控制线只能设在本批次的专业上' });
  }
  const year = String(c.year);
  for (const [k, v] of Object.entries({ publishOn: body.publishOn, returnUntil: body.returnUntil, solicitFrom: body.solicitFrom, solicitTo: body.solicitTo })) {
    if (v && !v.startsWith(`${year}-`)) throw new AppError('BATCH_INVALID', { field: k, reason: `日期须在 ${year} 年内` });
  }
}

const values = (body: Body) => ({
  name: body.name, kind: body.kind, programmeIds: body.programmeIds, minScore: body.minScore, programmeLines: body.programmeLines,
  publishOn: body.publishOn, returnUntil: body.returnUntil, solicitFrom: body.kind === 'solicitation' ? body.solicitFrom : null, solicitTo: body.kind === 'solicitation' ? body.solicitTo : null,
});

export async function createBatch(deps: AppDeps, rctx: RequestContext, campaignId: number | undefined, body: Body) {
  const actor = rctx.actor!;
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  authorizeBureau(actor, 'admission.run', c.district);
  await checkBody(deps.db, c, body);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('admission-batches'), ${c.id})`);
    const [{ seq }] = await tx.select({ seq: max(admissionBatches.seq) }).from(admissionBatches).where(eq(admissionBatches.campaignId, c.id));
    const [row] = await tx.insert(admissionBatches).values({ campaignId: c.id, seq: (seq ?? 0) + 1, ...values(body) }).returning();
    await writeAudit(tx, rctx, { action: 'admission.batch_create', objectType: 'admission_batch', objectId: row!.id, organizationId: c.districtId, changes: { ...values(body), seq: row!.seq } });
    return batchView(row!);
  });
}

export async function updateBatch(deps: AppDeps, rctx: RequestContext, id: number, body: Body) {
  const actor = rctx.actor!;
  const existing = await loadBatch(deps.db, id);
  const c = await campaignById(deps.db, existing.campaignId);
  authorizeBureau(actor, 'admission.run', c.district);
  await checkBody(deps.db, c, body);
  return deps.db.transaction(async (tx) => {
    const b = await loadBatch(tx, id, true);
    if (b.publishedRunId) throw new AppError('BATCH_PUBLISHED', { batchId: id });
    const [row] = await tx.update(admissionBatches).set({ ...values(body), updatedAt: new Date() }).where(and(eq(admissionBatches.id, id))).returning();
    const before = batchView(b);
    await writeAudit(tx, rctx, { action: 'admission.batch_update', objectType: 'admission_batch', objectId: id, organizationId: c.districtId, changes: { from: before, to: values(body) } });
    return batchView(row!);
  });
}
