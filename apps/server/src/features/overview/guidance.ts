/**
 * R8: the guidance a junior high gives its graduates and their parents (class and parents'
 * meetings, lectures: date, audience, how many came, which vocational schools took part). The
 * junior high records and deletes its own; the bureaus read the campaign's (the live picture
 * counts them per junior high). Writes are audited.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { hasPermission, type guidanceBody, type guidanceSession } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { guidanceSessions, organizations } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { canSummarize } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { loadCampaign } from './context';

type Session = z.infer<typeof guidanceSession>;
type Row = typeof guidanceSessions.$inferSelect;

async function present(db: Queryable, rows: Array<{ g: Row; juniorHighName: string }>): Promise<Session[]> {
  const ids = [...new Set(rows.flatMap((r) => r.g.schoolIds as number[]))];
  const names = new Map(ids.length ? (await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids))).map((o) => [o.id, o.name]) : []);
  return rows.map(({ g, juniorHighName }) => ({
    id: g.id, juniorHighId: g.juniorHighId, juniorHighName, date: g.date, kind: g.kind as Session['kind'], audience: g.audience as Session['audience'], attendees: g.attendees,
    schoolIds: g.schoolIds as number[], schoolNames: (g.schoolIds as number[]).map((i) => names.get(i) ?? String(i)), note: g.note, createdAt: g.createdAt.toISOString(),
  }));
}

const select = (db: Queryable) => db.select({ g: guidanceSessions, juniorHighName: organizations.name }).from(guidanceSessions).innerJoin(organizations, eq(organizations.id, guidanceSessions.juniorHighId));

export async function listGuidance(db: Queryable, actor: Actor, campaignId: number, juniorHighId?: number) {
  const c = await loadCampaign(db, campaignId);
  let only = juniorHighId;
  if (actor.orgKind === 'junior_high') {
    // A junior high reads its own records only.
    if (!hasPermission(actor.role, 'guidance.write') || actor.districtId !== c.district.id || (juniorHighId && juniorHighId !== actor.organizationId)) throw new AppError('FORBIDDEN', { permission: 'guidance.write' });
    only = actor.organizationId;
  } else if (!canSummarize(actor, c.district)) {
    throw new AppError('FORBIDDEN', { permission: 'application.summary' });
  }
  const rows = await select(db)
    .where(and(eq(guidanceSessions.campaignId, c.c.id), only ? eq(guidanceSessions.juniorHighId, only) : undefined))
    .orderBy(asc(guidanceSessions.date), asc(guidanceSessions.id));
  return { items: await present(db, rows) };
}

export async function recordGuidance(deps: AppDeps, ctx: RequestContext, campaignId: number, body: z.infer<typeof guidanceBody>) {
  const actor = ctx.actor!;
  const c = await loadCampaign(deps.db, campaignId);
  if (actor.orgKind !== 'junior_high' || actor.districtId !== c.district.id) throw new AppError('FORBIDDEN', { permission: 'guidance.write', reason: 'a junior high of the campaign\'s district records its own guidance' });
  if (body.date.slice(0, 4) !== String(c.c.year)) throw new AppError('GUIDANCE_INVALID', { rule: 'R8', field: 'date', reason: `the date must fall in ${c.c.year}` });
  const schoolIds = [...new Set(body.schoolIds)];
  if (schoolIds.length) {
    const schools = await deps.db.select().from(organizations).where(inArray(organizations.id, schoolIds));
    const bad = schoolIds.filter((id) => {
      const s = schools.find((x) => x.id === id);
      return !s || s.kind !== 'vocational_school' || !s.active || s.cityId !== actor.cityId;
    });
    if (bad.length) throw new AppError('GUIDANCE_INVALID', { rule: 'R8', schoolIds: bad });
  }
  const id = await deps.db.transaction(async (tx) => {
    const [g] = await tx
      .insert(guidanceSessions)
      .values({ campaignId: c.c.id, juniorHighId: actor.organizationId, date: body.date, kind: body.kind, audience: body.audience, attendees: body.attendees, schoolIds, note: body.note, createdBy: actor.userId })
      .returning();
    await writeAudit(tx, ctx, { action: 'guidance.create', objectType: 'guidance_session', objectId: g!.id, changes: { campaignId: c.c.id, ...body, schoolIds, rule: 'R8' } });
    return g!.id;
  });
  const [row] = await select(deps.db).where(eq(guidanceSessions.id, id));
  return (await present(deps.db, [row!]))[0]!;
}

export async function deleteGuidance(deps: AppDeps, ctx: RequestContext, id: number) {
  const actor = ctx.actor!;
  await deps.db.transaction(async (tx) => {
    const [g] = await tx.select().from(guidanceSessions).where(eq(guidanceSessions.id, id)).for('update');
    if (!g) throw new AppError('NOT_FOUND', { guidanceSessionId: id });
    if (actor.orgKind !== 'junior_high' || g.juniorHighId !== actor.organizationId) throw new AppError('FORBIDDEN', { permission: 'guidance.write' });
    await tx.delete(guidanceSessions).where(eq(guidanceSessions.id, id));
    await writeAudit(tx, ctx, { action: 'guidance.delete', objectType: 'guidance_session', objectId: id, changes: { campaignId: g.campaignId, date: g.date, kind: g.kind, attendees: g.attendees } });
  });
  return { ok: true as const };
}
