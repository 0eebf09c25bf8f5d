import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { campuses, qualifications } from '../../db/schema';
import { authorize } from '../../auth/policy';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { getOrg, refOf } from './queries';

async function vocationalSchool(tx: Tx, id: number) {
  const org = await getOrg(tx, id);
  if (org.kind !== 'vocational_school') throw new AppError('NOT_FOUND', { organizationId: id, expected: 'vocational_school' });
  return org;
}

export async function addCampus(deps: AppDeps, ctx: RequestContext, orgId: number, body: { name: string; address: string }) {
  return deps.db.transaction(async (tx) => {
    const org = await vocationalSchool(tx, orgId);
    authorize(ctx.actor!, 'org.write', refOf(org));
    const [row] = await tx.insert(campuses).values({ organizationId: orgId, name: body.name, address: body.address }).returning();
    await writeAudit(tx, ctx, { action: 'campus.create', objectType: 'campus', objectId: row!.id, changes: { created: body }, organizationId: orgId });
    return { id: row!.id, name: row!.name, address: row!.address, active: row!.active };
  });
}

export async function updateCampus(deps: AppDeps, ctx: RequestContext, orgId: number, campusId: number, patch: Partial<{ name: string; address: string; active: boolean }>) {
  return deps.db.transaction(async (tx) => {
    const org = await vocationalSchool(tx, orgId);
    authorize(ctx.actor!, 'org.write', refOf(org));
    const [before] = await tx.select().from(campuses).where(and(eq(campuses.id, campusId), eq(campuses.organizationId, orgId)));
    if (!before) throw new AppError('NOT_FOUND', { campusId });
    const changes = diff(before, patch);
    const [row] = await tx.update(campuses).set(patch).where(eq(campuses.id, campusId)).returning();
    if (Object.keys(changes).length) await writeAudit(tx, ctx, { action: 'campus.update', objectType: 'campus', objectId: campusId, changes, organizationId: orgId });
    return { id: row!.id, name: row!.name, address: row!.address, active: row!.active };
  });
}

/** R4: the provincial list of schools qualified to enroll in a year, entered by the city bureau. */
export async function setQualification(deps: AppDeps, ctx: RequestContext, orgId: number, year: number, body: { qualified: boolean; note: string }) {
  return deps.db.transaction(async (tx) => {
    const org = await vocationalSchool(tx, orgId);
    authorize(ctx.actor!, 'qualification.write', refOf(org));
    const [before] = await tx.select().from(qualifications).where(and(eq(qualifications.organizationId, orgId), eq(qualifications.year, year)));
    await tx
      .insert(qualifications)
      .values({ organizationId: orgId, year, qualified: body.qualified, note: body.note, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [qualifications.organizationId, qualifications.year], set: { qualified: body.qualified, note: body.note, updatedAt: new Date() } });
    await writeAudit(tx, ctx, {
      action: 'qualification.set',
      objectType: 'organization',
      objectId: orgId,
      changes: { year, qualified: { from: before?.qualified ?? null, to: body.qualified }, note: body.note },
      organizationId: orgId,
    });
    return { year, qualified: body.qualified, note: body.note };
  });
}
