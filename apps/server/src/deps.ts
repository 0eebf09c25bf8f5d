import { defaultLockoutPolicy, type LockoutPolicy, type SessionLimits } from '@zhizhao/domain';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import { businessTime, type BusinessTime } from './clock';
import { DEV_PII_KEY, makePii, type Pii } from './pii/crypto';

/** What every feature needs, built once by the app (nothing here is per-user state). */
export type AppDeps = {
  database: Database;
  db: Db;
  config: Config;
  /** Demo mode: seeded with the demo district and not production (ADR 0007). */
  demo: boolean;
  limits: SessionLimits;
  lockout: LockoutPolicy;
  clock: () => Promise<BusinessTime>;
  /** Encryption and keyed hashes of personal data (pii/crypto.ts). */
  pii: Pii;
  /** Wakes this server's job worker at once (jobs/jobs.ts); a no-op until the app starts one. Other servers poll. */
  jobs: { kick(): void };
};

export function makeDeps(database: Database, config: Config, demo: boolean, overrides: Partial<Pick<AppDeps, 'limits' | 'lockout'>> = {}): AppDeps {
  const deps: AppDeps = {
    database,
    db: database.db,
    config,
    demo,
    limits: overrides.limits ?? { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    lockout: overrides.lockout ?? defaultLockoutPolicy,
    clock: () => businessTime(database.db, { fixedNow: config.fixedNow, timeZone: config.timeZone, demo }),
    pii: makePii(config.piiKey ?? DEV_PII_KEY),
    jobs: { kick: () => {} },
  };
  return deps;
}
