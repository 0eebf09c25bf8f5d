import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';
import { afterFailure, defaultLockoutPolicy, defaultSessionLimits, isLocked, sessionState, shouldTouch, slowdownSeconds } from './session-state';

describe('password policy', () => {
  it('accepts a long, uncommon password without the username', () => {
    expect(checkPassword('Lantern-river-42', 'jh01.admin')).toEqual([]);
  });
  it('rejects short, common and username-containing passwords, all at once', () => {
    expect(checkPassword('short', 'x')).toEqual(['too_short']);
    expect(checkPassword('1234567890', 'x')).toEqual(['common']);
    expect(checkPassword('QWERTYUIOP', 'x')).toEqual(['common']);
    expect(checkPassword('aaaaaaaaaaaa', 'x')).toEqual(['common']);
    expect(checkPassword('abcdefghijk', 'x')).toEqual(['common']);
    expect(checkPassword('my-City.Admin-pw', 'city.admin')).toEqual(['contains_username']);
    expect(checkPassword('xyz', 'xyz')).toEqual(['too_short', 'common', 'contains_username']);
    expect(checkPassword('Bridge-Morning', 'bridge')).toEqual(['contains_username']);
  });
  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('职招平台安全密码九字', 'x')).toEqual([]);
    expect(checkPassword('职招平台安全密码', 'x')).toEqual(['too_short']);
  });
});

describe('sessions', () => {
  const t0 = new Date('2027-04-20T08:00:00Z');
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);
  it('expires after 30 idle minutes', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(29), defaultSessionLimits)).toBe('active');
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(30), defaultSessionLimits)).toBe('idle_expired');
  });
  it('expires after 12 hours even when used all along', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(719) }, at(719.9), defaultSessionLimits)).toBe('active');
    expect(sessionState({ createdAt: t0, lastSeenAt: at(719) }, at(720), defaultSessionLimits)).toBe('absolute_expired');
  });
  it('touches at most once a minute', () => {
    expect(shouldTouch({ createdAt: t0, lastSeenAt: t0 }, at(0.5))).toBe(false);
    expect(shouldTouch({ createdAt: t0, lastSeenAt: t0 }, at(1))).toBe(true);
  });
});

describe('slowing an account, never locking it (issue 14 §3)', () => {
  const now = new Date('2027-04-20T08:00:00Z');
  it('lets 4 attempts through without a wait, then waits 1, 2, 4 … seconds, never more than the cap', () => {
    let s = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) s = afterFailure(s, now, defaultLockoutPolicy);
    expect(s).toEqual({ failedLogins: 4, lockedUntil: null });
    s = afterFailure(s, now, defaultLockoutPolicy);
    expect(s.lockedUntil?.toISOString()).toBe('2027-04-20T08:00:01.000Z');
    expect(isLocked(s, new Date('2027-04-20T08:00:00.999Z'))).toBe(true);
    expect(isLocked(s, new Date('2027-04-20T08:00:01Z'))).toBe(false);
    expect([5, 6, 7, 8, 10, 20, 100].map((n) => slowdownSeconds(n, defaultLockoutPolicy))).toEqual([1, 2, 4, 8, 32, 60, 60]);
    expect(slowdownSeconds(4, defaultLockoutPolicy)).toBe(0);
  });
  it('keeps counting while slowed: the wait grows with every attempt in a row', () => {
    const s = afterFailure({ failedLogins: 6, lockedUntil: new Date('2027-04-20T07:59:00Z') }, now, defaultLockoutPolicy);
    expect(s).toEqual({ failedLogins: 7, lockedUntil: new Date('2027-04-20T08:00:04Z') });
  });
});
