/**
 * Load against the running server with autocannon: 200 connections, one signed-in student
 * each (its own session cookie), bounded in time. `PUT /api/me/application` alternates between
 * two valid bodies, so every request is a real change (a new version, its audit event, the
 * denormalised status). Baseline: `GET /api/health` with the same connections and duration.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// autocannon ships no types; the few fields used here are typed below.
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

export type AutocannonResult = {
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  '2xx': number;
};

export type LoadFigures = { rps: number; total: number; ok: number; non2xx: number; errors: number; p50: number; p99: number; max: number };

const figures = (r: AutocannonResult): LoadFigures => ({
  rps: r['2xx'] / r.duration, total: r.requests.total, ok: r['2xx'], non2xx: r.non2xx, errors: r.errors + r.timeouts,
  p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max,
});

export async function healthLoad(base: string, connections: number, seconds: number): Promise<LoadFigures> {
  return figures(await autocannon({ url: `${base}/api/health`, connections, duration: seconds }));
}

/** Each connection takes the next cookie (one student per connection) and alternates the two bodies. */
export async function saveLoad(base: string, cookies: string[], bodies: [unknown, unknown], seconds: number): Promise<LoadFigures> {
  let next = 0;
  const request = (body: unknown) => ({
    method: 'PUT',
    path: '/api/me/application',
    setupRequest: (req: Record<string, unknown>, context: { cookie?: string }) => {
      context.cookie ??= cookies[next++ % cookies.length];
      return { ...req, headers: { 'content-type': 'application/json', cookie: context.cookie }, body: JSON.stringify(body) };
    },
  });
  return figures(await autocannon({ url: base, connections: cookies.length, duration: seconds, requests: [request(bodies[0]), request(bodies[1])] }));
}
