/**
 * Families ready to ask for an early transfer (issue 10): a roster student whose vocational
 * application both have confirmed, whose curriculum the junior high confirmed, and a programme
 * of a school with an early-transfer cap.
 */
import { and, eq } from 'drizzle-orm';
import { campaigns } from '../src/db/schema';
import type { TestEnv } from './harness';
import { clients, orgId } from './factories';
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
