/** Who is acting: built from a user and their organisation, the same way everywhere (sessions, seeds). */
import { eq } from 'drizzle-orm';
import type { OrgKind, Role } from '@zhizhao/contracts';
import type { Queryable } from '../db/client';
import { organizations, users } from '../db/schema';
import type { Actor } from './policy';

export function actorOf(
  user: { id: number; username: string; role: string },
  org: { id: number; kind: string; districtId: number | null; cityId: number | null },
): Actor {
  const orgKind = org.kind as OrgKind;
  return {
    userId: user.id,
    username: user.username,
    role: user.role as Role,
    organizationId: org.id,
    orgKind,
    districtId: orgKind === 'district_bureau' ? org.id : orgKind === 'city_bureau' ? null : org.districtId,
    cityId: orgKind === 'city_bureau' ? org.id : org.cityId,
  };
}

/** The actor of an account by username (the demo seed acts through the use cases as real users). */
export async function actorByUsername(db: Queryable, username: string): Promise<Actor> {
  const [row] = await db.select({ user: users, org: organizations }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(eq(users.username, username));
  if (!row) throw new Error(`no account ${username}`);
  return actorOf(row.user, row.org);
}
