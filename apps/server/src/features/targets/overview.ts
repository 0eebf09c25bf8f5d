/**
 * Reading the split (issue 3 §5): the bureau sees the draft, the published version and
 * every version; the district's vocational schools the published table only; a junior
 * high only its own row of the published version and its own history — never another
 * school's target. Another district is refused (403).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { targetRows, targetVersions } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { presentSummary, presentVersion } from './present';
import { allVersions, loadCampaign, rowsOf, usernames, versionByNumber, versionWithStatus, viewerOf, type Campaign, type Viewer, type VersionRow } from './queries';

export async function getTargetsOverview(db: Queryable, ctx: RequestContext, campaignId: number) {
  const c = await loadCampaign(db, campaignId);
  const viewer = viewerOf(ctx.actor!, c);
  const own = viewer === 'junior_high' ? { onlyOrg: ctx.actor!.organizationId } : {};
  const published = await versionWithStatus(db, campaignId, 'published');
  const draft = viewer === 'bureau' ? await versionWithStatus(db, campaignId, 'draft') : null;
  const versions = viewer === 'bureau' ? await allVersions(db, campaignId) : [];
  const names = await usernames(db, versions.flatMap((v) => [v.createdBy, v.publishedBy]));
  return {
    campaignId, year: c.campaign.year, districtId: c.district.id, districtName: c.district.name,
    nDistrict: c.settings.nDistrict, nTotal: c.settings.nTotal, ratio: c.settings.vocationalRatio,
    published: published ? await presentVersion(db, c, published, own) : null,
    draft: draft ? await presentVersion(db, c, draft) : null,
    versions: versions.map((v) => presentSummary(v, names)),
    ownHistory: viewer === 'junior_high' ? await ownHistory(db, campaignId, ctx.actor!.organizationId) : null,
    trackSplit: null,
  };
}

/** A junior high's own target in every published version (current and superseded), newest first. */
async function ownHistory(db: Queryable, campaignId: number, organizationId: number) {
  const rows = await db
    .select({ v: targetVersions, r: targetRows })
    .from(targetRows)
    .innerJoin(targetVersions, eq(targetVersions.id, targetRows.versionId))
    .where(and(eq(targetVersions.campaignId, campaignId), eq(targetRows.organizationId, organizationId), inArray(targetVersions.status, ['published', 'superseded'])))
    .orderBy(desc(targetVersions.number));
  return rows.map(({ v, r }) => ({
    number: v.number, publishedAt: v.publishedAt?.toISOString() ?? null, status: v.status as 'published' | 'superseded',
    target: r.target, graduates: r.graduates, note: r.note,
  }));
}

/**
 * A version the caller may read in full: the bureau any, a vocational school of the
 * district the published one; a junior high none (it reads its own row in the overview).
 */
export async function readableVersion(db: Queryable, ctx: RequestContext, campaignId: number, number: number | undefined): Promise<{ c: Campaign; v: VersionRow; viewer: Viewer }> {
  const c = await loadCampaign(db, campaignId);
  const viewer = viewerOf(ctx.actor!, c);
  if (viewer === 'junior_high') throw new AppError('FORBIDDEN', { permission: 'targets.read', reason: 'a junior high reads only its own target' });
  let v: VersionRow | null;
  if (number === undefined) {
    v = await versionWithStatus(db, campaignId, 'published');
    if (!v) throw new AppError('TARGETS_NOT_PUBLISHED', { campaignId });
  } else v = await versionByNumber(db, campaignId, number);
  if (viewer === 'vocational' && v.status !== 'published') throw new AppError('FORBIDDEN', { permission: 'targets.read', reason: 'only the published table' });
  return { c, v, viewer };
}

export async function getVersion(db: Queryable, ctx: RequestContext, campaignId: number, number: number) {
  const { c, v } = await readableVersion(db, ctx, campaignId, number);
  return presentVersion(db, c, v);
}

/** Two versions side by side, school by school (the bureau only). */
export async function compareVersions(db: Queryable, ctx: RequestContext, campaignId: number, q: { from: number; to: number }) {
  const c = await loadCampaign(db, campaignId);
  if (viewerOf(ctx.actor!, c) !== 'bureau') throw new AppError('FORBIDDEN', { permission: 'targets.read', reason: 'the bureau compares versions' });
  const from = await versionByNumber(db, campaignId, q.from);
  const to = await versionByNumber(db, campaignId, q.to);
  const [a, b] = [await rowsOf(db, from.id), await rowsOf(db, to.id)];
  const schools = new Map<number, { name: string; code: string }>();
  for (const r of [...a, ...b]) schools.set(r.organizationId, { name: r.name, code: r.code });
  const target = (rows: typeof a, id: number) => rows.find((r) => r.organizationId === id)?.target ?? null;
  const names = await usernames(db, [from.createdBy, from.publishedBy, to.createdBy, to.publishedBy]);
  return {
    from: presentSummary(from, names),
    to: presentSummary(to, names),
    rows: [...schools.entries()]
      .sort(([, x], [, y]) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0))
      .map(([id, s]) => ({ organizationId: id, name: s.name, from: target(a, id), to: target(b, id), delta: (target(b, id) ?? 0) - (target(a, id) ?? 0) })),
  };
}
