/**
 * Sign-in throttling that holds under bursts and across servers (issue 14 §2, §3), in PostgreSQL:
 *  - a client address: every attempt is counted before anything is checked, a success refunds
 *    it; past `ipMaxFailures` in the window the address is answered 429 with Retry-After;
 *  - an account: the attempt is reserved under the user's row lock before the password is
 *    checked (the domain's afterFailure: after `maxFailures` in a row each attempt waits 1, 2,
 *    4 … up to `maxDelaySeconds`); a slowed account answers exactly like a wrong password,
 *    without checking it, so a burst gets `maxFailures` password checks, never 60; a success
 *    clears the count. Nobody is locked out by someone else for longer than the cap.
 */
import { eq, sql } from 'drizzle-orm';
import { afterFailure, isLocked, type LockoutPolicy } from '@zhizhao/domain';
import { queryRows, type Db } from '../db/client';
import { users } from '../db/schema';

export type IpVerdict = { refused: false } | { refused: true; retryAfterSeconds: number };

export async function countIpAttempt(db: Db, ip: string, now: Date, p: LockoutPolicy): Promise<IpVerdict> {
  const [r] = await queryRows<{ failures: number; window_start: Date | string }>(db, sql`
    insert into login_throttle (ip, failures, window_start) values (${ip}, 1, ${now})
    on conflict (ip) do update set
      failures = case when login_throttle.window_start <= ${now}::timestamptz - make_interval(mins => ${p.ipWindowMinutes}) then 1 else login_throttle.failures + 1 end,
      window_start = case when login_throttle.window_start <= ${now}::timestamptz - make_interval(mins => ${p.ipWindowMinutes}) then ${now}::timestamptz else login_throttle.window_start end
    returning failures, window_start`);
  if (!r || Number(r.failures) <= p.ipMaxFailures) return { refused: false };
  const ends = new Date(r.window_start).getTime() + p.ipWindowMinutes * 60_000;
  return { refused: true, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

/** A success gives the address its attempt back (a lab of students signing in is never throttled). */
export async function refundIpAttempt(db: Db, ip: string): Promise<void> {
  await db.execute(sql`update login_throttle set failures = greatest(failures - 1, 0) where ip = ${ip}`);
}

export type Reservation = { allowed: false } | { allowed: true; failedLogins: number; slowedUntil: Date | null };

/** Reserves one attempt on the account (counted as a failure until a success clears it). */
export async function reserveAttempt(db: Db, userId: number, now: Date, p: LockoutPolicy): Promise<Reservation> {
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId)).for('update');
    if (!u || isLocked(u, now)) return { allowed: false };
    const next = afterFailure(u, now, p);
    await tx.update(users).set(next).where(eq(users.id, userId));
    return { allowed: true, failedLogins: next.failedLogins, slowedUntil: next.lockedUntil };
  });
}

export async function clearAttempts(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}
