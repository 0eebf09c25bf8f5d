import { eq } from 'drizzle-orm';
import { placeOrganization, type OrgNode } from '@zhizhao/domain';
import type { CreateOrganization } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { organizations } from '../../db/schema';
import { canCreateOrg } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { presentOrg } from './queries';

async function node(db: Queryable, id: number | null): Promise<OrgNode | null> {
  if (id === null) return null;
  const [o] = await db.select().from(organizations).where(eq(organizations.id, id));
  return o ? { id: o.id, kind: o.kind as OrgNode['kind'], parentId: o.parentId, active: o.active } : null;
}

export async function createOrganization(deps: AppDeps, ctx: RequestContext, body: CreateOrganization) {
  const actor = ctx.actor!;
  return deps.db.transaction(async (tx) => {
    const placed = placeOrganization({
      kind: body.kind,
      parent: await node(tx, body.parentId),
      district: await node(tx, body.districtId),
      runBy: body.runBy,
      ownership: body.ownership,
    });
    if (!placed.ok) throw new AppError('ORG_INVALID_PARENT', { problems: placed.problems });
    if (!canCreateOrg(actor, body.kind, placed.placement)) throw new AppError('FORBIDDEN', { permission: 'org.write' });
    const [taken] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, body.code));
    if (taken) throw new AppError('ORG_CODE_TAKEN', { code: body.code });
    const [row] = await tx
      .insert(organizations)
      .values({ code: body.code, name: body.name, kind: body.kind, address: body.address, contactName: body.contactName, contactPhone: body.contactPhone, ...placed.placement })
      .returning();
    const org = presentOrg(row!);
    await writeAudit(tx, ctx, { action: 'org.create', objectType: 'organization', objectId: org.id, changes: { created: org }, organizationId: org.id });
    return org;
  });
}
