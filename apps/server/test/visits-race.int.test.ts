/**
 * Concurrency on PostgreSQL (STACK.md pitfall 8): two schools race for the same slot at one
 * junior high — both requests are in, two bureau clerks approve them at the same moment —
 * and exactly one is approved, every time. Permits approved at the same moment at different
 * junior highs get distinct, gapless serials. PGlite runs one transaction at a time, so these
 * tests only mean something on PostgreSQL and are skipped on PGlite.
 */
import { expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { visits } from '../src/db/schema';
import { describeBackends } from './harness';
import { clients } from './factories';
import { requestBody } from './visits';

const ROUNDS = 30;
/** Junior highs with no demo visit and no protected time (seed/demo-visits.ts). */
const QUIET = ['JH15', 'JH16', 'JH17', 'JH18', 'JH19', 'JH20', 'JH21', 'JH22', 'JH23', 'JH24'];
const DAYS = ['2027-04-21', '2027-04-22', '2027-04-23'];

describeBackends('visit approval races', (env) => {
  const as = clients(env);

  it(`approves exactly one of two overlapping requests, ${ROUNDS} rounds of simultaneous approvals`, async (ctx) => {
    if (env().kind !== 'postgres') ctx.skip();
    const [v01, v02, admin, staff] = await Promise.all([as('v01.admin'), as('v02.admin'), as('district.admin'), as('district.staff')]);
    const outcomes: string[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const jh = QUIET[r % QUIET.length]!;
      const date = DAYS[Math.floor(r / QUIET.length)]!;
      const a = (await v01.post('/api/visits', await requestBody(env(), 'V01', jh, { date, start: '16:00', end: '17:00' }))).json();
      const b = (await v02.post('/api/visits', await requestBody(env(), 'V02', jh, { date, start: '16:30', end: '17:30' }))).json();
      expect([a.status, b.status]).toEqual(['requested', 'requested']);
      const [ra, rb] = await Promise.all([admin.post(`/api/visits/${a.id}/approve`), staff.post(`/api/visits/${b.id}/approve`)]);
      const codes = [ra, rb].map((res) => (res.statusCode === 200 ? 'approved' : `${res.statusCode} ${res.json().error.code}`)).sort();
      outcomes.push(codes.join(' / '));
      const rows = await env().database.db.select({ status: visits.status }).from(visits).where(and(inArray(visits.id, [a.id, b.id]), eq(visits.status, 'approved')));
      expect(rows.length, `round ${r}`).toBe(1);
    }
    expect(new Set(outcomes)).toEqual(new Set(['409 VISIT_OVERLAPS / approved']));
  });

  it('gives simultaneous approvals at different junior highs distinct, consecutive serials', async (ctx) => {
    if (env().kind !== 'postgres') ctx.skip();
    const school = await as('v01.admin');
    const clerks = await Promise.all([as('district.admin'), as('district.staff')]);
    const ids: number[] = [];
    for (const jh of QUIET) ids.push((await school.post('/api/visits', await requestBody(env(), 'V01', jh, { date: '2027-04-26', start: '16:00', end: '17:00' }))).json().id);
    const results = await Promise.all(ids.map((id, i) => clerks[i % 2]!.post(`/api/visits/${id}/approve`)));
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const serials = results.map((r) => r.json().permit.serial as string);
    const numbers = serials.map((s) => Number(/〕(\d+)号$/.exec(s)![1])).sort((x, y) => x - y);
    expect(new Set(serials).size).toBe(ids.length);
    expect(numbers.at(-1)! - numbers[0]!).toBe(ids.length - 1);
  });
});
