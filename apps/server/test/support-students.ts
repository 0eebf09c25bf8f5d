/**
 * A factory of roster students for the integration tests (issue 9): `createStudents(env, { juniorHighCode, count })`
 * writes `count` students of a junior high's roster in its district's campaign (2027 by default)
 * through the roster's bulk writer (students/write-roster.ts: the same rows, accounts and secrets as
 * the API and the import), with one audit event, and returns what a test needs to act as them:
 * ids, exam numbers (= the student's sign-in name), the slip's initial password, the guardian's code,
 * and the whole ID number and phone (for reveal checks). Valid GB 11643 numbers, unique per call.
 */
import { and, eq } from 'drizzle-orm';
import { makeResidentId } from '@zhizhao/domain';
import { campaigns, organizations, students } from '../src/db/schema';
import { actorByUsername } from '../src/auth/actor';
import { writeAudit } from '../src/audit/write-audit';
import { checkIdentity, normalizeExamNo } from '../src/features/students/fields';
import { insertStudents } from '../src/features/students/write-roster';
import type { TestEnv } from './harness';

export type CreateStudentsOptions = {
  juniorHighCode: string;
  count: number;
  /** Default: the campaign of the junior high's district for `year`. */
  campaignId?: number;
  year?: number;
  /** Default '九年级1班'; a function gives each student its own. */
  className?: string | ((i: number) => string);
  cohort?: 'current' | 'past';
  /** Default `g<n>` names: `测试学生<n>`. */
  name?: (i: number) => string;
};

export type TestStudent = {
  id: number;
  campaignId: number;
  juniorHighId: number;
  examNo: string;
  name: string;
  className: string;
  gender: 'male' | 'female';
  idNumber: string;
  guardianPhone: string;
  initialPassword: string;
  guardianCode: string;
  userId: number;
  guardianUserId: number;
};

let counter = 0;
// One run of exam numbers per process, away from the demo seed's (which start with 27).
const base = 900_000_000 + Math.floor(Math.random() * 90_000) * 1000;

export async function createStudents(env: TestEnv, opts: CreateStudentsOptions): Promise<TestStudent[]> {
  const db = env.database.db;
  const [jh] = await db.select().from(organizations).where(eq(organizations.code, opts.juniorHighCode));
  if (!jh || jh.kind !== 'junior_high' || !jh.districtId) throw new Error(`no junior high ${opts.juniorHighCode}`);
  let campaignId = opts.campaignId;
  if (!campaignId) {
    const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.districtId, jh.districtId), eq(campaigns.year, opts.year ?? 2027)));
    if (!c) throw new Error(`no ${opts.year ?? 2027} campaign for the district of ${opts.juniorHighCode}`);
    campaignId = c.id;
  }
  const rows = Array.from({ length: opts.count }, (_, i) => {
    const k = counter++;
    const gender: 'male' | 'female' = k % 2 === 0 ? 'male' : 'female';
    const birth = new Date(Date.UTC(2011, 0, 1) + (k % 365) * 86_400_000).toISOString().slice(0, 10);
    const seq = (Math.floor(k / 365) % 499) * 2 + (gender === 'male' ? 1 : 2);
    const idNumber = makeResidentId('659001', birth, seq);
    const className = typeof opts.className === 'function' ? opts.className(i) : (opts.className ?? '九年级1班');
    const input = {
      name: opts.name?.(i) ?? `测试学生${k}`, gender, idType: 'resident_id' as const, idNumber, examNo: normalizeExamNo(String(base + k)),
      className, cohort: opts.cohort ?? ('current' as const), hukouDistrict: '示例区', guardianName: `家长${k}`, guardianRelation: '母亲',
      guardianPhone: `139${String(10_000_000 + k).slice(-8)}`,
    };
    const id = checkIdentity(input);
    if (!id.ok) throw new Error(`factory made a bad row: ${JSON.stringify(id.problems)}`);
    return { ...input, juniorHighId: jh.id };
  });
  const actor = await actorByUsername(db, `${opts.juniorHighCode.toLowerCase()}.admin`);
  const created = await db.transaction(async (tx) => {
    const out = await insertStudents(tx, env.deps.pii, campaignId!, rows);
    await writeAudit(tx, { actor, requestId: null, ip: null }, { action: 'student.import', objectType: 'campaign', objectId: campaignId!, changes: { source: 'test-factory', created: out.length, juniorHighId: jh.id }, organizationId: jh.id });
    return out;
  });
  return created.map((c, i) => {
    const r = rows[i]!;
    return {
      id: c.id, campaignId: campaignId!, juniorHighId: jh.id, examNo: c.examNo, name: r.name, className: r.className, gender: r.gender,
      idNumber: r.idNumber, guardianPhone: r.guardianPhone, initialPassword: c.initialPassword, guardianCode: c.guardianCode, userId: c.userId, guardianUserId: c.guardianUserId,
    };
  });
}

/** The campaign id of a district's year (the demo: D01 2027). */
export async function campaignIdOf(env: TestEnv, districtCode = 'D01', year = 2027): Promise<number> {
  const [row] = await env.database.db.select({ id: campaigns.id }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(and(eq(organizations.code, districtCode), eq(campaigns.year, year)));
  if (!row) throw new Error(`no campaign ${districtCode} ${year}`);
  return row.id;
}

/** A student's row as stored (for checks on ciphers, slips, accounts). */
export async function studentRow(env: TestEnv, id: number) {
  const [row] = await env.database.db.select().from(students).where(eq(students.id, id));
  return row!;
}
