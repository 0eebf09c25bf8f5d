import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { OrgKind } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { campuses, organizations, qualifications } from '../../db/schema';
import { orgScope } from '../../auth/scope-sql';
import { can, type Actor, type OrgRef } from '../../auth/policy';
import { AppError } from '../../errors';

export type OrgRow = typeof organizations.$inferSelect;

export function presentOrg(o: OrgRow) {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind as OrgKind,
    parentId: o.parentId,
    districtId: o.districtId,
    runBy: o.runBy as 'district' | 'city' | null,
    ownership: o.ownership as 'public' | 'private' | null,
    address: o.address,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    active: o.active,
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function refOf(o: Pick<OrgRow, 'id' | 'kind' | 'districtId' | 'cityId'> & { runBy?: string | null }): OrgRef {
  return { id: o.id, kind: o.kind as OrgKind, districtId: o.districtId, cityId: o.cityId, runBy: o.runBy ?? null };
}

export async function getOrg(db: Queryable, id: number): Promise<OrgRow> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new AppError('NOT_FOUND', { organizationId: id });
  return row;
}

export type OrgFilters = { kind?: OrgKind; q?: string; districtId?: number; active?: 'true' | 'false'; page: number; pageSize: number };

/** Escapes LIKE wildcards in user text. */
export const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listOrgs(db: Queryable, actor: Actor, f: OrgFilters) {
  const conditions: Array<SQL | undefined> = [orgScope(actor)];
  if (f.kind) conditions.push(eq(organizations.kind, f.kind));
  if (f.districtId) conditions.push(or(eq(organizations.districtId, f.districtId), eq(organizations.id, f.districtId)));
  if (f.active) conditions.push(eq(organizations.active, f.active === 'true'));
  if (f.q) conditions.push(or(ilike(organizations.name, likeText(f.q)), ilike(organizations.code, likeText(f.q))));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db.select().from(organizations).where(where).orderBy(asc(organizations.kind), asc(organizations.code)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { items: items.map((o) => ({ ...presentOrg(o), manageable: can(actor, 'org.write', refOf(o)) })), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}

export async function orgDetail(db: Queryable, org: OrgRow, actor?: Actor) {
  const [parent] = org.parentId ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, org.parentId)) : [];
  const cs = await db.select().from(campuses).where(eq(campuses.organizationId, org.id)).orderBy(asc(campuses.id));
  const qs = await db.select().from(qualifications).where(eq(qualifications.organizationId, org.id)).orderBy(asc(qualifications.year));
  return {
    ...presentOrg(org),
    ...(actor ? { manageable: can(actor, 'org.write', refOf(org)) } : {}),
    parentName: parent?.name ?? null,
    campuses: cs.map((c) => ({ id: c.id, name: c.name, address: c.address, active: c.active })),
    qualifications: qs.map((q) => ({ year: q.year, qualified: q.qualified, note: q.note })),
  };
}
