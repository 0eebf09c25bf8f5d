/**
 * Loading brochures (one row per version) with their school and campaign, and presenting
 * them: the summary of lists, and the detail a reviewer works from (R6 missing facts, the
 * diff against the previous filed version, the history, the caller's next steps).
 */
import { and, asc, count, desc, eq, isNotNull, lt, max, sql, type SQL } from 'drizzle-orm';
import { brochureTransition, checkMandatoryFacts, diffBrochure, type BrochureAction, type BrochureFacts, type BrochureSection, type BrochureState } from '@zhizhao/domain';
import { hasPermission } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { brochureEvents, brochures, campaigns, organizations, users } from '../../db/schema';
import { brochureActors, brochureScope, type ReviewerKind } from '../../auth/brochure-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import type { OrgRow } from '../organizations/queries';

export type BrochureRow = typeof brochures.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type Loaded = { b: BrochureRow; school: OrgRow; campaign: CampaignRow };

export const statusOf = (b: BrochureRow) => b.status as BrochureState;
export const reviewerKindOf = (b: BrochureRow) => b.reviewerKind as ReviewerKind;

export async function loadBrochure(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<Loaded> {
  const q = db.select().from(brochures).where(eq(brochures.id, id));
  const [b] = opts.lock ? await q.for('update') : await q;
  if (!b) throw new AppError('NOT_FOUND', { brochureId: id });
  const [school] = await db.select().from(organizations).where(eq(organizations.id, b.organizationId));
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, b.campaignId));
  return { b, school: school!, campaign: campaign! };
}

export async function latestVersion(db: Queryable, organizationId: number, campaignId: number): Promise<number> {
  const [row] = await db.select({ v: max(brochures.version) }).from(brochures).where(and(eq(brochures.organizationId, organizationId), eq(brochures.campaignId, campaignId)));
  return row?.v ?? 0;
}

export function presentSummary(b: BrochureRow, schoolName: string, year: number) {
  return {
    id: b.id, organizationId: b.organizationId, school: schoolName, campaignId: b.campaignId, year, version: b.version, status: statusOf(b),
    reviewerKind: reviewerKindOf(b), filingNumber: b.filingNumber, updatedAt: b.updatedAt.toISOString(),
    submittedAt: b.submittedAt?.toISOString() ?? null, filedAt: b.filedAt?.toISOString() ?? null,
  };
}

const detailActions = ['edit', 'submit', 'return', 'approve', 'file', 'withdraw', 'revise'] as const;

/** The previous filed version (filed, superseded or withdrawn since), the reviewer's baseline. */
export async function previousFiled(db: Queryable, b: BrochureRow): Promise<BrochureRow | null> {
  const [row] = await db
    .select()
    .from(brochures)
    .where(and(eq(brochures.organizationId, b.organizationId), eq(brochures.campaignId, b.campaignId), lt(brochures.version, b.version), isNotNull(brochures.filedAt)))
    .orderBy(desc(brochures.version))
    .limit(1);
  return row ?? null;
}

export async function presentDetail(db: Queryable, actor: Actor, { b, school, campaign }: Loaded) {
  const facts = b.facts as BrochureFacts;
  const sections = b.sections as BrochureSection[];
  const before = await previousFiled(db, b);
  const events = await db
    .select({ e: brochureEvents, by: users.displayName, organization: organizations.name })
    .from(brochureEvents)
    .leftJoin(users, eq(users.id, brochureEvents.actorUserId))
    .leftJoin(organizations, eq(organizations.id, brochureEvents.organizationId))
    .where(eq(brochureEvents.brochureId, b.id))
    .orderBy(asc(brochureEvents.id));
  const roles = brochureActors(actor, school, reviewerKindOf(b));
  const isLatest = (await latestVersion(db, b.organizationId, b.campaignId)) === b.version;
  const actions = detailActions.filter((a: BrochureAction) => roles.some((r) => brochureTransition(statusOf(b), a, r).ok) && (a !== 'revise' || isLatest));
  return {
    ...presentSummary(b, school.name, campaign.year),
    facts,
    sections,
    comments: b.comments as Array<{ sectionKey: string; comment: string }>,
    missingFacts: checkMandatoryFacts(facts),
    diff: diffBrochure(before ? { facts: before.facts as BrochureFacts, sections: before.sections as BrochureSection[] } : null, { facts, sections }),
    events: events.map(({ e, by, organization }) => ({ action: e.action, by, organization, at: e.at.toISOString(), comment: e.comment })),
    verifyCode: b.verifyCode,
    actions,
  };
}

export type ListFilters = { campaignId?: number; status?: BrochureState; organizationId?: number; queue?: 'review' | 'filing'; page: number; pageSize: number };

/** What waits for the caller: R7 — the district reviews district-run schools, the city city-run ones; the city files. */
function queueCondition(actor: Actor, queue: 'review' | 'filing'): SQL {
  if (queue === 'filing') {
    return hasPermission(actor.role, 'brochure.file') && actor.orgKind === 'city_bureau' ? and(eq(brochures.status, 'approved'), eq(organizations.cityId, actor.organizationId))! : sql`false`;
  }
  if (!hasPermission(actor.role, 'brochure.review')) return sql`false`;
  if (actor.orgKind === 'district_bureau') return and(eq(brochures.status, 'submitted'), eq(brochures.reviewerKind, 'district_bureau'), eq(organizations.districtId, actor.organizationId))!;
  if (actor.orgKind === 'city_bureau') return and(eq(brochures.status, 'submitted'), eq(brochures.reviewerKind, 'city_bureau'), eq(organizations.cityId, actor.organizationId))!;
  return sql`false`;
}

export async function listBrochures(db: Queryable, actor: Actor, f: ListFilters) {
  const where = and(
    brochureScope(actor),
    f.campaignId ? eq(brochures.campaignId, f.campaignId) : undefined,
    f.status ? eq(brochures.status, f.status) : undefined,
    f.organizationId ? eq(brochures.organizationId, f.organizationId) : undefined,
    f.queue ? queueCondition(actor, f.queue) : undefined,
  );
  const order = f.queue ? [asc(brochures.submittedAt), asc(brochures.id)] : [asc(organizations.code), desc(brochures.version)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ b: brochures, school: organizations.name, year: campaigns.year })
      .from(brochures)
      .innerJoin(organizations, eq(organizations.id, brochures.organizationId))
      .innerJoin(campaigns, eq(campaigns.id, brochures.campaignId))
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(brochures).innerJoin(organizations, eq(organizations.id, brochures.organizationId)).where(where),
  ]);
  return { items: rows.map((r) => presentSummary(r.b, r.school, r.year)), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}
