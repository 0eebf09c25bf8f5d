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

/**
 * Sign-in throttling (issue 14 §2, §3): an attacker must not keep a user out, so an account is
 * slowed, never locked — after `maxFailures` failures in a row each further attempt waits
 * 1, 2, 4 … up to `maxDelaySeconds` seconds — while a client address that fails too often is
 * answered 429 for the rest of its window. Every attempt is counted before the password is
 * checked (a burst cannot slip through); a success clears the account's count.
 */
export type LockoutPolicy = {
  /** Attempts in a row without a wait. */
  maxFailures: number;
  /** The first wait once slowed, seconds (then doubled at each attempt); 1 when absent. */
  baseDelaySeconds?: number;
  /** The longest wait between two attempts on a slowed account, seconds. */
  maxDelaySeconds: number;
  /** Failed sign-ins one client address may make in a window before it is answered 429. */
  ipMaxFailures: number;
  ipWindowMinutes: number;
};
export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, maxDelaySeconds: 60, ipMaxFailures: 50, ipWindowMinutes: 15 };

export type LoginAttemptState = { failedLogins: number; lockedUntil: Date | null };

/** Whether an attempt must wait (the account is slowed until `lockedUntil`). */
export function isLocked(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The wait after the n-th attempt in a row (0 below the free attempts), seconds. */
export function slowdownSeconds(attempts: number, policy: Pick<LockoutPolicy, 'maxFailures' | 'maxDelaySeconds' | 'baseDelaySeconds'>): number {
  if (attempts < policy.maxFailures) return 0;
  return Math.min(policy.maxDelaySeconds, (policy.baseDelaySeconds ?? 1) * 2 ** (attempts - policy.maxFailures));
}

/** After an attempt is counted: the new count and, once slowed, when the next attempt may come. */
export function afterFailure(state: LoginAttemptState, now: Date, policy: Pick<LockoutPolicy, 'maxFailures' | 'maxDelaySeconds' | 'baseDelaySeconds'>): LoginAttemptState {
  const failedLogins = state.failedLogins + 1;
  const wait = slowdownSeconds(failedLogins, policy);
  return { failedLogins, lockedUntil: wait > 0 ? new Date(now.getTime() + wait * 1000) : null };
}
