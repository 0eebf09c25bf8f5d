/**
 * R8: a vocational school's open days (开放日). The school announces them for one of its
 * campuses and deletes its own; staff lists follow the scope (a school its own, a bureau its
 * district's or city's schools; a junior high reads the public list); the public list shows the open
 * days of the schools qualified that year (R4), upcoming first, beside the brochures.
 */
import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { hasPermission, type openDay, type openDayBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { campuses, openDays, organizations, qualifications } from '../../db/schema';
import { scopeOf, type Actor } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';

type OpenDay = z.infer<typeof openDay>;

const select = (db: Queryable) =>
  db
    .select({ d: openDays, schoolName: organizations.name, schoolAddress: organizations.address, campusName: campuses.name, campusAddress: campuses.address })
    .from(openDays)
    .innerJoin(organizations, eq(organizations.id, openDays.organizationId))
    .innerJoin(campuses, eq(campuses.id, openDays.campusId));

type Loaded = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

const present = (x: Loaded): OpenDay => ({
  id: x.d.id, organizationId: x.d.organizationId, schoolName: x.schoolName, campusId: x.d.campusId, campusName: x.campusName, address: x.campusAddress || x.schoolAddress,
  date: x.d.date, start: x.d.start, end: x.d.end, title: x.d.title, note: x.d.note,
});

const yearOf = (year: number | undefined) => (year ? like(openDays.date, `${year}-%`) : undefined);

/** Staff list (openday.write or application.summary), in the caller's scope. */
export async function listOpenDays(db: Queryable, actor: Actor, f: { year?: number; organizationId?: number }) {
  if (!hasPermission(actor.role, 'openday.write') && !hasPermission(actor.role, 'application.summary')) throw new AppError('FORBIDDEN', { permission: 'openday.write' });
  const scope = scopeOf(actor);
  let inScope: SQL;
  if (actor.orgKind === 'vocational_school') inScope = eq(openDays.organizationId, actor.organizationId);
  else if (scope.kind === 'city') inScope = eq(organizations.cityId, scope.cityId);
  else if (scope.kind === 'district') inScope = eq(organizations.districtId, scope.districtId);
  // A junior high reads the public list like its families.
  else throw new AppError('FORBIDDEN', { permission: 'openday.write', reason: 'the public list /api/public/open-days shows every qualified school\'s open days' });
  const rows = await select(db)
    .where(and(inScope, yearOf(f.year), f.organizationId ? eq(openDays.organizationId, f.organizationId) : undefined))
    .orderBy(asc(openDays.date), asc(openDays.start), asc(openDays.id));
  return { items: rows.map(present) };
}

/** Public: open days of the schools qualified in that year (R4), upcoming first, then the past ones. */
export async function publicOpenDays(db: Queryable, year: number, today: string) {
  const rows = await select(db)
    .innerJoin(qualifications, and(eq(qualifications.organizationId, openDays.organizationId), eq(qualifications.year, year), eq(qualifications.qualified, true)))
    .where(and(yearOf(year), eq(organizations.active, true)))
    .orderBy(sql`${openDays.date} < ${today}`, sql`case when ${openDays.date} < ${today} then null else ${openDays.date} end asc`, sql`${openDays.date} desc`, asc(openDays.start), asc(openDays.id));
  return { items: rows.map(present) };
}

export async function createOpenDay(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof openDayBody>) {
  const actor = ctx.actor!;
  const year = Number((await deps.clock()).today.slice(0, 4));
  if (actor.orgKind !== 'vocational_school') throw new AppError('FORBIDDEN', { permission: 'openday.write' });
  const [campus] = await deps.db.select().from(campuses).where(eq(campuses.id, body.campusId));
  const problems: string[] = [];
  if (!campus || campus.organizationId !== actor.organizationId || !campus.active) problems.push('campusId');
  // A plausible date: this business year or the next (announced ahead).
  const y = Number(body.date.slice(0, 4));
  if (y !== year && y !== year + 1) problems.push('date');
  if (body.end <= body.start) problems.push('end');
  if (problems.length) throw new AppError('OPEN_DAY_INVALID', { fields: problems, rule: 'R8' });
  const id = await deps.db.transaction(async (tx) => {
    const [d] = await tx.insert(openDays).values({ organizationId: actor.organizationId, ...body, createdBy: actor.userId }).returning();
    await writeAudit(tx, ctx, { action: 'open_day.create', objectType: 'open_day', objectId: d!.id, changes: { ...body, rule: 'R8' } });
    return d!.id;
  });
  const [row] = await select(deps.db).where(eq(openDays.id, id));
  return present(row!);
}

export async function deleteOpenDay(deps: AppDeps, ctx: RequestContext, id: number) {
  const actor = ctx.actor!;
  await deps.db.transaction(async (tx) => {
    const [d] = await tx.select().from(openDays).where(eq(openDays.id, id)).for('update');
    if (!d) throw new AppError('NOT_FOUND', { openDayId: id });
    if (actor.orgKind !== 'vocational_school' || d.organizationId !== actor.organizationId) throw new AppError('FORBIDDEN', { permission: 'openday.write' });
    await tx.delete(openDays).where(eq(openDays.id, id));
    await writeAudit(tx, ctx, { action: 'open_day.delete', objectType: 'open_day', objectId: id, changes: { date: d.date, title: d.title, campusId: d.campusId } });
  });
  return { ok: true as const };
}
