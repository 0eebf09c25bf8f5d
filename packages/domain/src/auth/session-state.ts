/**
 * Whether a server-side session is still alive, and whether a sign-in is allowed:
 * pure decisions over times, so the rules are tested without a clock or a database.
 */
export type SessionTimes = { createdAt: Date; lastSeenAt: Date };
export type SessionLimits = { idleMinutes: number; absoluteHours: number };

export const defaultSessionLimits: SessionLimits = { idleMinutes: 30, absoluteHours: 12 };

export type SessionState = 'active' | 'idle_expired' | 'absolute_expired';

export function sessionState(s: SessionTimes, now: Date, limits: SessionLimits): SessionState {
  if (now.getTime() - s.createdAt.getTime() >= limits.absoluteHours * 3_600_000) return 'absolute_expired';
  if (now.getTime() - s.lastSeenAt.getTime() >= limits.idleMinutes * 60_000) return 'idle_expired';
  return 'active';
}

/** Refreshing last-seen on every request would write on every request: once a minute is enough. */
export function shouldTouch(s: SessionTimes, now: Date): boolean {
  return now.getTime() - s.lastSeenAt.getTime() >= 60_000;
}

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };
export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export type LoginAttemptState = { failedLogins: number; lockedUntil: Date | null };

export function isLocked(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** After a failed password: the new counter and, on the Nth failure, the lock. */
export function afterFailure(state: LoginAttemptState, now: Date, policy: LockoutPolicy): LoginAttemptState {
  // A lock that has run out starts a fresh count.
  const base = state.lockedUntil && state.lockedUntil.getTime() <= now.getTime() ? 0 : state.failedLogins;
  const failedLogins = base + 1;
  if (failedLogins >= policy.maxFailures) {
    return { failedLogins, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedLogins, lockedUntil: null };
}
