import type { LockoutPolicy, SessionLimits } from '@zhizhao/domain';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import { businessTime, type BusinessTime } from './clock';

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
};

export function makeDeps(database: Database, config: Config, demo: boolean, overrides: Partial<Pick<AppDeps, 'limits' | 'lockout'>> = {}): AppDeps {
  const deps: AppDeps = {
    database,
    db: database.db,
    config,
    demo,
    limits: overrides.limits ?? { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    lockout: overrides.lockout ?? { maxFailures: 5, lockMinutes: 15 },
    clock: () => businessTime(database.db, { fixedNow: config.fixedNow, timeZone: config.timeZone, demo }),
  };
  return deps;
}
