/**
 * Early transfer under concurrent requests on PostgreSQL (issue 10: R13; STACK.md pitfall 8):
 * a programme's early-transfer cap is never exceeded however many ready families ask at the
 * same moment, and a student and a guardian asking at the same moment make one form, not two.
 * PGlite runs one transaction at a time, so these tests only mean something on PostgreSQL and
 * are skipped on PGlite.
 */
import { expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { seatHoldingStatuses } from '@zhizhao/domain';
import { earlyTransfers } from '../src/db/schema';
import { describeBackends } from './harness';
import { capWithFree, programmeIdsOf, readyFamily } from './support-transfers';
import type { Family } from './support-applications';

const CAP = 3;
const FAMILIES = CAP + 5;
const PAIRS = 6;

describeBackends('early transfer races (R13)', (env) => {
  it(`gives exactly ${CAP} of ${FAMILIES} simultaneous requests the programme's ${CAP} free seats`, async (ctx) => {
    if (env().kind !== 'postgres') ctx.skip();
    const [, , , p] = await programmeIdsOf(env, 'V02');
    const { held } = await capWithFree(env, p!, CAP);
    const families: Family[] = [];
    // Families of several junior highs, each with a confirmed vocational application and curriculum.
    for (let i = 0; i < FAMILIES; i++) families.push(await readyFamily(env, p!, ['JH16', 'JH17', 'JH18', 'JH19'][i % 4]));
    const results = await Promise.all(families.map((f, i) => (i % 2 ? f.guardian : f.student).post('/api/me/early-transfer', { programmeId: p })));
    const outcomes = results.map((r) => (r.statusCode === 200 ? 'ok' : `${r.statusCode} ${r.json().error?.code}`));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(CAP);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(FAMILIES - CAP).fill('409 EARLY_TRANSFER_NO_SEATS'));
    const [row] = await env().database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(earlyTransfers)
      .where(and(eq(earlyTransfers.programmeId, p!), inArray(earlyTransfers.status, [...seatHoldingStatuses])));
    expect(Number(row!.n)).toBe(held + CAP);
  });

  it(`makes one form when a student and a guardian ask at the same moment, ${PAIRS} times over`, async (ctx) => {
    if (env().kind !== 'postgres') ctx.skip();
    const [, , p] = await programmeIdsOf(env, 'V12');
    await capWithFree(env, p!, PAIRS);
    for (let i = 0; i < PAIRS; i++) {
      const f = await readyFamily(env, p!, 'JH20');
      const [a, b] = await Promise.all([f.student.post('/api/me/early-transfer', { programmeId: p }), f.guardian.post('/api/me/early-transfer', { programmeId: p })]);
      const outcomes = [a, b].map((r) => (r.statusCode === 200 ? 'ok' : `${r.statusCode} ${r.json().error?.code}`)).sort();
      expect(outcomes, `pair ${i}`).toEqual(['409 EARLY_TRANSFER_ACTIVE', 'ok']);
      const rows = await env().database.db.select({ id: earlyTransfers.id, by: earlyTransfers.requestedBy }).from(earlyTransfers).where(eq(earlyTransfers.studentId, f.s.id));
      expect(rows, `pair ${i}`).toHaveLength(1);
      // The one form is the winner's, with only the winner's confirmation implied.
      const winner = a.statusCode === 200 ? a.json() : b.json();
      expect(winner).toMatchObject({ id: rows[0]!.id, requestedBy: rows[0]!.by, pendingConfirmers: [rows[0]!.by === 'student' ? 'guardian' : 'student'] });
    }
  });
}, { config: { fixedNow: '2027-05-12' } });
