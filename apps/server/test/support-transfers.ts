/**
 * Families ready to ask for an early transfer (issue 10): a roster student whose vocational
 * application both have confirmed, whose curriculum the junior high confirmed, and a programme
 * of a school with an early-transfer cap.
 */
import { and, asc, eq } from 'drizzle-orm';
import { campaigns, majors, organizations, plannedSeats } from '../src/db/schema';
import type { TestEnv } from './harness';
import { auditSince, clients, orgId } from './factories';
import { family, programmesOf, vocational, type Family } from './support-applications';

/** Sets a cap on a school's first programme (as its school admin) and returns the programme id. */
export async function programmeWithCap(env: () => TestEnv, schoolCode: string, cap: number, f: Family): Promise<number> {
  const [programmeId] = await programmesOf(env, f.student, schoolCode);
  const school = await (clients(env))(`${schoolCode.toLowerCase()}.admin`);
  const campaignId = await campaignIdOf(env);
  const res = await school.put(`/api/campaigns/${campaignId}/early-transfer-caps`, { rows: [{ programmeId: programmeId!, cap }] });
  if (res.statusCode !== 200) throw new Error(`cap: ${res.statusCode} ${res.body}`);
  return programmeId!;
}

export async function campaignIdOf(env: () => TestEnv, district = 'D01'): Promise<number> {
  const id = await orgId(env(), district);
  const [c] = await env().database.db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.districtId, id), eq(campaigns.year, 2027)));
  return c!.id;
}

/** A family with a confirmed vocational application (choosing `programmeId`) and a confirmed curriculum. */
export async function readyFamily(env: () => TestEnv, programmeId: number | null, juniorHighCode = 'JH01'): Promise<Family> {
  const f = await family(env, juniorHighCode);
  const ids = programmeId ? [programmeId] : (await f.student.get('/api/me/application/programmes')).json().items.filter((p: { choosable: boolean }) => p.choosable).slice(0, 1).map((p: { programmeId: number }) => p.programmeId);
  const saved = await f.student.put('/api/me/application', vocational(ids));
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.body}`);
  const v = saved.json().version;
  for (const c of [f.student, f.guardian]) {
    const r = await c.post('/api/me/application/confirm', { version: v });
    if (r.statusCode !== 200) throw new Error(`confirm: ${r.body}`);
  }
  const jh = await (clients(env))(`${juniorHighCode.toLowerCase()}.admin`);
  const r = await jh.post('/api/curriculum', { studentIds: [f.s.id], completed: true, completedOn: '2027-04-30' });
  if (r.statusCode !== 200) throw new Error(`curriculum: ${r.body}`);
  return f;
}

// ---------------------------------------------------------------- helpers of the rules, lists and race tests (R13, R14)

type Staff = Awaited<ReturnType<ReturnType<typeof clients>>>;

/** Signed-in staff clients, one sign-in per username for the life of a backend's suite. */
export function cachedClients(env: () => TestEnv) {
  const as = clients(env);
  const cache = new Map<string, Promise<Staff>>();
  let db: unknown = null;
  return (username: string): Promise<Staff> => {
    // A new backend (a new database) signs in again.
    if (db !== env().database) {
      cache.clear();
      db = env().database;
    }
    let c = cache.get(username);
    if (!c) cache.set(username, (c = as(username)));
    return c;
  };
}

/** A school's programme ids in the D01 2027 campaign, in the order the family's list shows them (by major code). */
export async function programmeIdsOf(env: () => TestEnv, schoolCode: string): Promise<number[]> {
  const campaignId = await campaignIdOf(env);
  const rows = await env().database.db
    .select({ id: plannedSeats.id })
    .from(plannedSeats)
    .innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .innerJoin(organizations, eq(organizations.id, majors.organizationId))
    .where(and(eq(plannedSeats.campaignId, campaignId), eq(organizations.code, schoolCode)))
    .orderBy(asc(majors.code));
  return rows.map((r) => r.id);
}

/** Sets one programme's cap as `who` (default: the school's own admin); throws unless 200. */
export async function setCap(env: () => TestEnv, programmeId: number, cap: number, who: string): Promise<void> {
  const c = await (clients(env))(who);
  const res = await c.put(`/api/campaigns/${await campaignIdOf(env)}/early-transfer-caps`, { rows: [{ programmeId, cap }] });
  if (res.statusCode !== 200) throw new Error(`cap: ${res.statusCode} ${res.body}`);
}

/** A family with a vocational application (choosing `programmeId`) both have confirmed; the curriculum not confirmed yet. */
export async function confirmedFamily(env: () => TestEnv, programmeId: number, juniorHighCode = 'JH01'): Promise<Family> {
  const f = await family(env, juniorHighCode);
  const saved = await f.student.put('/api/me/application', vocational([programmeId]));
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.body}`);
  for (const c of [f.student, f.guardian]) {
    const r = await c.post('/api/me/application/confirm', { version: saved.json().version });
    if (r.statusCode !== 200) throw new Error(`confirm: ${r.body}`);
  }
  return f;
}

/** A ready family's request, confirmed by both: the form awaits the junior high's seal. */
export async function askedForm(env: () => TestEnv, programmeId: number, juniorHighCode = 'JH01'): Promise<{ f: Family; t: { id: number; version: number; juniorHighId: number; schoolId: number; status: string } }> {
  const f = await readyFamily(env, programmeId, juniorHighCode);
  const asked = await f.student.post('/api/me/early-transfer', { programmeId });
  if (asked.statusCode !== 200) throw new Error(`request: ${asked.body}`);
  const t = (await f.guardian.post('/api/me/early-transfer/confirm', { version: 1 })).json();
  if (t.status !== 'awaiting_source') throw new Error(`confirm: ${JSON.stringify(t)}`);
  return { f, t };
}

/** A form both schools sealed (the junior high's and the school's admins by code). */
export async function sealedForm(env: () => TestEnv, programmeId: number, schoolCode: string, juniorHighCode = 'JH01') {
  const { f, t } = await askedForm(env, programmeId, juniorHighCode);
  const as = clients(env);
  for (const who of [`${juniorHighCode.toLowerCase()}.admin`, `${schoolCode.toLowerCase()}.admin`]) {
    const r = await (await as(who)).post(`/api/early-transfers/${t.id}/seal`, { version: t.version });
    if (r.statusCode !== 200) throw new Error(`seal by ${who}: ${r.body}`);
  }
  const sealed = (await (await as(`${schoolCode.toLowerCase()}.admin`)).get(`/api/early-transfers/${t.id}`)).json();
  if (sealed.status !== 'sealed') throw new Error(`sealed: ${JSON.stringify(sealed)}`);
  return { f, t: sealed as { id: number; version: number; juniorHighId: number; schoolId: number; status: string; formCode: string } };
}

/** The pair's list made by the junior high, sealed by both schools, filed by the district bureau (unless `file` is false). */
export async function listOfPair(env: () => TestEnv, juniorHighCode: string, schoolCode: string, opts: { file?: boolean; district?: string } = {}) {
  const as = clients(env);
  const jh = await as(`${juniorHighCode.toLowerCase()}.admin`);
  const school = await as(`${schoolCode.toLowerCase()}.admin`);
  const body = { campaignId: await campaignIdOf(env), juniorHighId: await orgId(env(), juniorHighCode), schoolId: await orgId(env(), schoolCode) };
  const made = await jh.post('/api/early-transfer-lists', body);
  if (made.statusCode !== 200) throw new Error(`list: ${made.body}`);
  const id: number = made.json().id;
  for (const c of [jh, school]) {
    const r = await c.post(`/api/early-transfer-lists/${id}/seal`);
    if (r.statusCode !== 200) throw new Error(`list seal: ${r.body}`);
  }
  if (opts.file === false) return (await jh.get(`/api/early-transfer-lists/${id}`)).json();
  const filed = await (await as(opts.district ?? 'district.admin')).post(`/api/early-transfer-lists/${id}/file`);
  if (filed.statusCode !== 200) throw new Error(`file: ${filed.body}`);
  return filed.json();
}

/** What the public verification page says of a code. */
export async function verifyCode(env: () => TestEnv, code: string) {
  return (await env().app.inject({ method: 'GET', url: `/api/verify/${code}` })).json();
}

/** The early-transfer audit actions written since `mark` (sign-ins, keys and the rest left out). */
export async function transferAudit(env: () => TestEnv, mark: number, prefixes = ['early_transfer', 'planned_seats.early_transfer_cap', 'student.curriculum']) {
  const rows = await auditSince(env(), mark);
  return rows.filter((r) => prefixes.some((p) => r.action.startsWith(p)));
}

/**
 * Gives a programme `free` early-transfer seats beyond those already held (the demo's May holds
 * some), as the city bureau (which may set any school's cap); returns the cap and the seats held.
 */
export async function capWithFree(env: () => TestEnv, programmeId: number, free: number): Promise<{ cap: number; held: number }> {
  const city = await (clients(env))('city.admin');
  const url = `/api/campaigns/${await campaignIdOf(env)}/early-transfer-caps`;
  const row = (await city.get(url)).json().rows.find((r: { programmeId: number }) => r.programmeId === programmeId) as { held: number } | undefined;
  if (!row) throw new Error(`no programme ${programmeId}`);
  const res = await city.put(url, { rows: [{ programmeId, cap: row.held + free }] });
  if (res.statusCode !== 200) throw new Error(`cap: ${res.statusCode} ${res.body}`);
  return { cap: row.held + free, held: row.held };
}
