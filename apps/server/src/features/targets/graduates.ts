/**
 * 应届毕业生数: graduates per junior high of the campaign's district (the basis of the
 * R2 split). The bureau and the district's vocational schools read every school; a
 * junior high its own row.
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client';
import { graduates } from '../../db/schema';
import { authorize } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import { graduatesOf, juniorHighs, loadCampaign, viewerOf } from './queries';
import { rosterCounts } from '../students/queries';

export async function getGraduates(db: Queryable, ctx: RequestContext, campaignId: number) {
  const c = await loadCampaign(db, campaignId);
  const viewer = viewerOf(ctx.actor!, c);
  const schools = await juniorHighs(db, c.district.id);
  const counts = await graduatesOf(db, campaignId);
  // The roster's count beside the entered one (issue 9): the split uses the roster once a school has one.
  const roster = await rosterCounts(db, campaignId);
  const rows = schools
    .filter((s) => viewer !== 'junior_high' || s.id === ctx.actor!.organizationId)
    .map((s) => ({
      organizationId: s.id, code: s.code, name: s.name, graduates: counts.get(s.id)?.count ?? null, updatedAt: counts.get(s.id)?.updatedAt.toISOString() ?? null,
      rosterCount: roster.get(s.id) ?? null,
    }));
  return { campaignId, rows, total: rows.reduce((a, r) => a + (r.graduates ?? 0), 0) };
}

export type GraduatesInput = { rows: Array<{ organizationId: number; graduates: number }>; reason?: string };

export async function saveGraduates(deps: AppDeps, ctx: RequestContext, campaignId: number, body: GraduatesInput) {
  await deps.db.transaction((tx) => saveGraduatesIn(tx, ctx, campaignId, body, 'api'));
  return getGraduates(deps.db, ctx, campaignId);
}

/**
 * Writes the changed counts in the caller's transaction and audits them as one event
 * (`{ code: { from, to } }`). Every school must be an active junior high of the district.
 * Returns how many counts changed.
 */
export async function saveGraduatesIn(tx: Tx, ctx: RequestContext, campaignId: number, body: GraduatesInput, source: 'api' | 'import' | 'seed'): Promise<number> {
  const c = await loadCampaign(tx, campaignId, { lock: true });
  authorize(ctx.actor!, 'targets.write', refOf(c.district));
  const schools = new Map((await juniorHighs(tx, c.district.id)).map((s) => [s.id, s]));
  const unknown = body.rows.filter((r) => !schools.has(r.organizationId)).map((r) => r.organizationId);
  if (unknown.length) throw new AppError('TARGETS_UNKNOWN_JUNIOR_HIGH', { organizationIds: unknown });
  const before = await graduatesOf(tx, campaignId);
  const changes: Record<string, { from: number | null; to: number }> = {};
  // One count per school: a school listed twice keeps its last value.
  const wanted = [...new Map(body.rows.map((r) => [r.organizationId, r])).values()];
  for (const r of wanted) {
    const old = before.get(r.organizationId);
    if (old?.count === r.graduates) continue;
    changes[schools.get(r.organizationId)!.code] = { from: old?.count ?? null, to: r.graduates };
    const values = { count: r.graduates, updatedBy: ctx.actor!.userId, updatedAt: new Date() };
    if (old) await tx.update(graduates).set(values).where(and(eq(graduates.campaignId, campaignId), eq(graduates.organizationId, r.organizationId)));
    else await tx.insert(graduates).values({ campaignId, organizationId: r.organizationId, ...values });
  }
  const changed = Object.keys(changes).length;
  if (changed) {
    await writeAudit(tx, ctx, {
      action: 'targets.graduates_update', objectType: 'campaign', objectId: campaignId,
      changes: { graduates: changes, source, ...(body.reason ? { reason: body.reason } : {}) },
      organizationId: c.district.id,
    });
  }
  return changed;
}
