import { and, eq, or } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { organizations } from '../../db/schema';
import { authorize, scopeOf } from '../../auth/policy';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { getOrg, presentOrg, refOf } from './queries';

export type OrgPatch = Partial<{ name: string; address: string; contactName: string; contactPhone: string; ownership: 'public' | 'private' }>;

export async function updateOrganization(deps: AppDeps, ctx: RequestContext, id: number, patch: OrgPatch) {
  return deps.db.transaction(async (tx) => {
    const before = await getOrg(tx, id);
    authorize(ctx.actor!, 'org.write', refOf(before));
    // Master data (name, public/private) is the supervising bureau's: a school keeps its contact fields (issue 14 §6).
    const masterFields = (['name', 'ownership'] as const).filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
    if (masterFields.length && scopeOf(ctx.actor!).kind === 'org') throw new AppError('ORG_MASTER_DATA_BY_BUREAU', { fields: masterFields });
    if (patch.ownership && before.kind !== 'vocational_school') throw new AppError('ORG_INVALID_PARENT', { problems: [{ field: 'ownership', zh: '只有中职学校有办学性质', en: 'only vocational schools have ownership' }] });
    const changes = diff(presentOrg(before), patch);
    if (Object.keys(changes).length === 0) return presentOrg(before);
    const [row] = await tx.update(organizations).set({ ...patch, updatedAt: new Date() }).where(eq(organizations.id, id)).returning();
    await writeAudit(tx, ctx, { action: 'org.update', objectType: 'organization', objectId: id, changes, organizationId: id });
    return presentOrg(row!);
  });
}

/** Deactivating keeps every record; a bureau with active organisations below cannot be deactivated. */
export async function setOrganizationActive(deps: AppDeps, ctx: RequestContext, id: number, active: boolean) {
  return deps.db.transaction(async (tx) => {
    const before = await getOrg(tx, id);
    authorize(ctx.actor!, 'org.write', refOf(before));
    // Only a bureau above may switch an organisation on or off, never the organisation itself.
    if (ctx.actor!.organizationId === id || ctx.actor!.orgKind === 'junior_high' || ctx.actor!.orgKind === 'vocational_school') {
      throw new AppError('FORBIDDEN', { permission: 'org.write' });
    }
    if (before.active === active) return presentOrg(before);
    if (!active) {
      // Below = run by it (parent) or standing in it (a city-run school in a district).
      const [child] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(or(eq(organizations.parentId, id), eq(organizations.districtId, id)), eq(organizations.active, true)))
        .limit(1);
      if (child) throw new AppError('ORG_HAS_ACTIVE_CHILDREN');
    }
    const [row] = await tx.update(organizations).set({ active, updatedAt: new Date() }).where(eq(organizations.id, id)).returning();
    await writeAudit(tx, ctx, { action: active ? 'org.activate' : 'org.deactivate', objectType: 'organization', objectId: id, changes: { active: { from: before.active, to: active } }, organizationId: id });
    return presentOrg(row!);
  });
}
