/**
 * Server-side sessions in the database, so any server behind a load balancer can serve
 * any request (ADR 0003). The cookie carries a random token; the table keeps its SHA-256.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import { sessionState, shouldTouch, type SessionLimits } from '@zhizhao/domain';
import type { Queryable } from '../db/client';
import { organizations, sessions, users } from '../db/schema';
import { sha256 } from '../audit/write-audit';
import type { Actor } from './policy';
import { actorOf } from './actor';

/** The session cookie's name outside HTTPS deployments (config.sessionCookie: `__Host-zz_session` when Secure). */
export const SESSION_COOKIE = 'zz_session';

export async function createSession(db: Queryable, userId: number, meta: { ip: string | null; userAgent: string | null }, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id: sha256(token), userId, createdAt: now, lastSeenAt: now, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  return token;
}

export type LoadedSession =
  | { status: 'active'; sessionId: string; actor: Actor; mustChangePassword: boolean; displayName: string }
  | { status: 'expired' | 'none' };

export async function loadSession(db: Queryable, token: string, limits: SessionLimits, now = new Date()): Promise<LoadedSession> {
  const id = sha256(token);
  const [row] = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      organizationId: organizations.id,
      orgKind: organizations.kind,
      orgDistrictId: organizations.districtId,
      orgCityId: organizations.cityId,
      orgActive: organizations.active,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sessions.id, id));
  if (!row) return { status: 'none' };
  if (!row.active || !row.orgActive) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { status: 'none' };
  }
  const state = sessionState(row, now, limits);
  if (state !== 'active') {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  if (shouldTouch(row, now)) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return {
    status: 'active',
    sessionId: id,
    mustChangePassword: row.mustChangePassword,
    displayName: row.displayName,
    actor: actorOf(
      { id: row.userId, username: row.username, role: row.role },
      { id: row.organizationId, kind: row.orgKind, districtId: row.orgDistrictId, cityId: row.orgCityId },
    ),
  };
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (password change by an admin, deactivation), optionally but one. */
export async function deleteUserSessions(db: Queryable, userId: number, except?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), except ? ne(sessions.id, except) : undefined));
}

/** Housekeeping: drop sessions idle beyond the limit (any server may run it). */
export async function purgeExpiredSessions(db: Queryable, limits: SessionLimits, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - limits.idleMinutes * 60_000)));
}
