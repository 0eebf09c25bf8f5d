/**
 * Rate limits on the anonymous routes (issue 14 §4): per client address (`req.ip`, which honours
 * only the proxies TRUST_PROXY names) and bucket, a fixed one-minute window counted in
 * PostgreSQL with one statement, so every server instance shares the count. Past the limit:
 * 429 RATE_LIMITED with Retry-After. Signed-in callers are not limited here (their routes are
 * authorized per object); health, the business date and the API docs are never limited.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';

export type Bucket = { name: string; perMinute: number };

/** The bucket of an anonymous route (null: not limited), scaled from the configured base (default 120 a minute). */
export function bucketOf(method: string, url: string, base: number): Bucket | null {
  if (base <= 0) return null;
  if (url === '/api/health' || url === '/api/clock' || url === '/api/openapi.json' || url.startsWith('/api/docs') || url === '/api/auth/logout') return null;
  // A computer lab of students signs in from one address: the sign-in bucket is as wide as the
  // default; wrong passwords are throttled on their own (auth/throttle.ts).
  if (url === '/api/auth/login' || url === '/api/auth/guardian-login') return { name: 'signin', perMinute: base };
  if (method !== 'GET') return { name: 'form', perMinute: Math.max(1, Math.floor(base / 12)) };
  if (url.endsWith('/pdf')) return { name: 'pdf', perMinute: Math.max(1, Math.floor(base / 4)) };
  // A gate checks permits one after another: verification has its own bucket beside the public lists.
  if (url.startsWith('/api/verify/')) return { name: 'verify', perMinute: base };
  return { name: 'public', perMinute: base };
}

export type RateVerdict = { limited: false } | { limited: true; retryAfterSeconds: number };

export async function hit(db: Db, bucket: Bucket, key: string, now: Date): Promise<RateVerdict> {
  const [r] = await queryRows<{ hits: number; window_start: Date | string }>(db, sql`
    insert into rate_limits (bucket, key, window_start, hits) values (${bucket.name}, ${key}, ${now}, 1)
    on conflict (bucket, key) do update set
      hits = case when rate_limits.window_start <= ${now}::timestamptz - interval '1 minute' then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= ${now}::timestamptz - interval '1 minute' then ${now}::timestamptz else rate_limits.window_start end
    returning hits, window_start`);
  if (!r || Number(r.hits) <= bucket.perMinute) return { limited: false };
  const ends = new Date(r.window_start).getTime() + 60_000;
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
}

/** Windows long gone (housekeeping; main.ts runs it every few minutes). */
export async function purgeRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.execute(sql`delete from rate_limits where window_start < ${now}::timestamptz - interval '10 minutes'`);
  await db.execute(sql`delete from login_throttle where window_start < ${now}::timestamptz - interval '1 day'`);
}
