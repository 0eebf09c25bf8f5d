/**
 * Families for the application tests: a roster student (support-students.ts) whose student and
 * guardian accounts are signed in (the initial password marked changed for convenience), and
 * the campaign's programmes by school code.
 */
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { call, signIn, type TestEnv } from './harness';
import { orgId } from './factories';
import { createStudents, type TestStudent } from './support-students';

export type Client = ReturnType<typeof clientOf>;
export function clientOf(env: () => TestEnv, cookie: string) {
  const send = (method: 'GET' | 'POST' | 'PUT') => (url: string, payload?: object) => call(env().app, cookie, { method, url, ...(payload ? { payload } : {}) });
  return { get: send('GET'), post: send('POST'), put: send('PUT') };
}

export type Family = { s: TestStudent; student: Client; guardian: Client };

export async function family(env: () => TestEnv, juniorHighCode = 'JH01'): Promise<Family> {
  const [s] = await createStudents(env(), { juniorHighCode, count: 1 });
  await env().database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, s!.userId));
  const student = clientOf(env, await signIn(env().app, s!.examNo.toLowerCase(), s!.initialPassword));
  const guardian = clientOf(env, await signIn(env().app, `g.${s!.examNo.toLowerCase()}`, s!.guardianCode));
  return { s: s!, student, guardian };
}

type Programme = { programmeId: number; schoolId: number; choosable: boolean; qualified: boolean; brochureId: number | null };

/** The programme ids of a school, from the family's list. */
export async function programmesOf(env: () => TestEnv, c: Client, schoolCode: string): Promise<number[]> {
  const id = await orgId(env(), schoolCode);
  const items: Programme[] = (await c.get('/api/me/application/programmes')).json().items;
  return items.filter((p) => p.schoolId === id).map((p) => p.programmeId);
}

export const vocational = (ids: number[], acceptAdjustment = true) => ({ track: 'vocational', choices: ids.map((programmeId) => ({ programmeId })), acceptAdjustment });
