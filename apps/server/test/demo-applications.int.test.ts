/**
 * The demo's students and applications (issue 9 §10): the rosters equal the graduates the
 * targets use, every application's stored status is the domain's, every state is there, the
 * duplicate, the pressure report, the social applicants, and `student.demo` with its guardian.
 */
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { applicationStatus, applicationStatuses, checkResidentId, demoJuniorHighs, maskIdNumber, maskPhone } from '@zhizhao/domain';
import { queryRows } from '../src/db/client';
import { loadProgrammes } from '../src/features/applications/programmes';
import { DEMO_PASSWORD, DEMO_STUDENT, DEMO_TARGETS } from '../src/seed/demo-data';
import { describeBackends } from './harness';

describeBackends('demo: students and applications of 示例区 on 2027-04-21', (env) => {
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(env().database.db, q);
  const campaignOf = async (district: string) => (await rows<{ id: number }>(sql`select c.id from campaigns c join organizations o on o.id = c.district_id where o.code = ${district} and c.year = 2027`))[0]!.id;

  it('has one active grade-9 student per graduate, per junior high, in both districts', async () => {
    const r = await rows<{ code: string; n: number; g: number | null }>(sql`
      select o.code, count(s.id)::int as n, (select g.count from graduates g where g.organization_id = o.id) as g
      from organizations o left join students s on s.junior_high_id = o.id and s.kind = 'grade9' and s.active and s.cohort = 'current'
        and s.campaign_id in (select id from campaigns where year = 2027) -- 2026's are the demo's previous campaign
      where o.kind = 'junior_high' group by o.id, o.code order by o.code`);
    const expected = Object.fromEntries([...demoJuniorHighs.map((j) => [j.code, j.graduates]), ...Object.entries(DEMO_TARGETS.northGraduates)]);
    expect(Object.fromEntries(r.map((x) => [x.code, x.n]))).toEqual(expected);
    for (const x of r) expect(Number(x.g), x.code).toBe(x.n);
    expect(r.reduce((a, x) => a + (x.code.startsWith('JH') ? x.n : 0), 0)).toBe(4450);
  });

  it('stores personal data sealed: valid fake ID numbers, masks, unique exam numbers, accounts for student and guardian', async () => {
    const sample = await rows<{ id_cipher: string; id_masked: string; phone_cipher: string; phone_masked: string; gender: string; exam_no: string; class_name: string; su: string; gu: string; sr: string; gr: string }>(sql`
      select s.id_cipher, s.id_masked, s.phone_cipher, s.phone_masked, s.gender, s.exam_no, s.class_name, u.username as su, g.username as gu, u.role as sr, g.role as gr
      from students s join users u on u.id = s.user_id join users g on g.id = s.guardian_user_id where s.kind = 'grade9' order by s.id limit 200`);
    for (const s of sample) {
      const id = env().deps.pii.decrypt(s.id_cipher);
      const check = checkResidentId(id);
      expect(check.ok && check.gender === s.gender, id).toBe(true);
      expect(id.startsWith('9901')).toBe(true);
      expect(s.id_masked).toBe(maskIdNumber(id));
      expect(s.phone_masked).toBe(maskPhone(env().deps.pii.decrypt(s.phone_cipher)));
      expect([s.sr, s.gr]).toEqual(['student', 'guardian']);
      expect(s.gu).toBe(`g.${s.exam_no.toLowerCase()}`);
      expect(s.su === s.exam_no.toLowerCase() || s.su === DEMO_STUDENT.username).toBe(true);
      expect(s.class_name).toMatch(/^九\(\d+\)班$/);
    }
    // Only student.demo and the README's two 2026 students (seed/demo-admission.ts) carry an argon2
    // hash of the demo password; the others keyed hashes of random secrets.
    const [h] = await rows<{ argon: number; hmac: number }>(sql`select count(*) filter (where password_hash not like 'hmac$%')::int as argon, count(*) filter (where password_hash like 'hmac$%')::int as hmac from users where role in ('student', 'guardian')`);
    expect(h!.argon).toBe(3);
    expect(h!.hmac).toBeGreaterThan(9000);
  });

  it('keeps every application consistent: status = applicationStatus(columns), choices only on the vocational track, all choosable', async () => {
    const apps = await rows<{ id: number; track: 'vocational' | 'general' | null; version: number; scv: number | null; gcv: number | null; status: string; kind: string; entered_by: string; staff_entries: number; n: number }>(sql`
      select a.id, a.track, a.version, a.student_confirmed_version as scv, a.guardian_confirmed_version as gcv, a.status, s.kind, a.entered_by, a.staff_entries,
        (select count(*)::int from application_choices c where c.application_id = a.id) as n
      from applications a join students s on s.id = a.student_id`);
    expect(apps.length).toBeGreaterThan(3000);
    for (const a of apps) {
      expect(a.status, `application ${a.id}`).toBe(applicationStatus({ track: a.track, version: a.version, studentConfirmedVersion: a.scv, guardianConfirmedVersion: a.gcv, social: a.kind === 'social' }));
      if (a.track === 'vocational') expect(a.n).toBeGreaterThanOrEqual(1);
      else expect(a.n).toBe(0);
      if (a.entered_by === 'staff') expect(a.staff_entries).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(applicationStatuses));
    expect(apps.some((a) => a.entered_by === 'staff' && a.status === 'awaiting_guardian')).toBe(true);
    for (const t of ['vocational', 'general'] as const) expect(apps.filter((a) => a.track === t && a.status === 'confirmed').length).toBeGreaterThan(1000);

    const d01 = await campaignOf('D01');
    const [d] = await rows<{ id: number }>(sql`select id from organizations where code = 'D01'`);
    const { facts } = await loadProgrammes(env().database.db, { id: d01, districtId: d!.id, year: 2027 });
    const chosen = await rows<{ programme_id: number }>(sql`select distinct c.programme_id from application_choices c join applications a on a.id = c.application_id where a.campaign_id = ${d01}`);
    for (const c of chosen) {
      const f = facts.get(Number(c.programme_id));
      expect(f && f.qualified && f.filed && f.seats > 0, `programme ${c.programme_id}`).toBe(true);
    }
  });

  it('leaves JH07 a little under its sending target and some junior highs over theirs', async () => {
    const r = await rows<{ code: string; target: number; voc: number }>(sql`
      select o.code, tr.target, (select count(*)::int from applications a join students s on s.id = a.student_id
        where s.junior_high_id = o.id and a.campaign_id = tv.campaign_id and a.track = 'vocational' and a.status = 'confirmed') as voc
      from target_rows tr join target_versions tv on tv.id = tr.version_id and tv.status = 'published' join organizations o on o.id = tr.organization_id`);
    const jh07 = r.find((x) => x.code === 'JH07')!;
    expect(jh07.voc).toBeLessThan(jh07.target);
    expect(jh07.voc).toBeGreaterThan(jh07.target * 0.85);
    expect(r.filter((x) => x.voc > x.target).length).toBeGreaterThanOrEqual(3);
  });

  it('has the duplicate across systems (JH03), the pressure report (JH11) and the slip notifications', async () => {
    const conflicts = await rows<{ code: string; track: string; status: string; resolution: string | null }>(sql`
      select o.code, a.track, a.status, t.resolution from track_conflicts t join students s on s.id = t.student_id
      join organizations o on o.id = s.junior_high_id join applications a on a.student_id = s.id`);
    expect(conflicts).toEqual([{ code: 'JH03', track: 'vocational', status: 'confirmed', resolution: null }]);
    expect(await rows(sql`select count(*)::int as n from general_list_imports`)).toEqual([{ n: 1 }]);
    const reports = await rows(sql`select o.code, p.reporter, p.kind, p.status from pressure_reports p join organizations o on o.id = p.junior_high_id`);
    expect(reports).toEqual([{ code: 'JH11', reporter: 'guardian', kind: 'pressure_choice', status: 'open' }]);
    const [n] = await rows<{ n: number; masked: number }>(sql`select count(*)::int as n, count(*) filter (where "to" like '139****%')::int as masked from notifications where template = 'slip_issued'`);
    expect(n).toEqual({ n: 312, masked: 312 });
  });

  it('has social applicants: three waiting to be confirmed, two confirmed with accounts, one applied', async () => {
    const regs = await rows<{ category: string; status: string; exam_no: string | null }>(sql`
      select r.category, r.status, s.exam_no from social_registrations r left join students s on s.id = r.student_id order by r.id`);
    expect(regs.filter((r) => r.status === 'pending').map((r) => r.category).sort()).toEqual(['discharged_soldier', 'migrant_worker', 'past_junior_high']);
    expect(regs.filter((r) => r.status === 'confirmed').map((r) => r.exam_no)).toEqual(['S202700001', 'S202700002']);
    const social = await rows<{ exam_no: string; org: string; status: string | null }>(sql`
      select s.exam_no, o.code as org, a.status from students s join users u on u.id = s.user_id join organizations o on o.id = u.organization_id
      left join applications a on a.student_id = s.id where s.kind = 'social' order by s.exam_no`);
    expect(social).toEqual([{ exam_no: 'S202700001', org: 'V02', status: 'confirmed' }, { exam_no: 'S202700002', org: 'D01', status: null }]);
  });

  it('lets student.demo sign in with the demo password (no application yet) and its guardian with the printed code', async () => {
    const res = await env().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: DEMO_STUDENT.username, password: DEMO_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    const [s] = await rows<{ exam_no: string; code: string; app: number }>(sql`
      select s.exam_no, o.code, (select count(*)::int from applications a where a.student_id = s.id) as app
      from students s join users u on u.id = s.user_id join organizations o on o.id = s.junior_high_id where u.username = ${DEMO_STUDENT.username}`);
    expect(s).toEqual({ exam_no: DEMO_STUDENT.examNo, code: 'JH01', app: 0 });
    const g = await env().app.inject({ method: 'POST', url: '/api/auth/guardian-login', payload: { examNo: DEMO_STUDENT.examNo, code: DEMO_STUDENT.guardianCode } });
    expect(g.statusCode, g.body).toBe(200);
  });

  it('gives the bureau a summary that adds up: 4,450 graduates, the confirmed applications, JH07 under its target', async () => {
    const login = await env().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'district.admin', password: DEMO_PASSWORD } });
    const cookie = `zz_session=${login.cookies.find((c) => c.name === 'zz_session')!.value}`;
    const res = await env().app.inject({ method: 'GET', url: '/api/applications/summary', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as { district: { graduates: number; vocational: number; general: number; undecided: number; vocationalShare: number }; juniorHighs: Array<{ organizationId: number; graduates: number; sendingTarget: number; vocational: number; general: number; undecided: number }> };
    const [c] = await rows<{ voc: number; gen: number }>(sql`select count(*) filter (where a.track = 'vocational')::int as voc, count(*) filter (where a.track = 'general')::int as gen
      from applications a join students s on s.id = a.student_id join organizations o on o.id = s.junior_high_id
      where a.status = 'confirmed' and s.kind = 'grade9' and o.code like 'JH%' and s.campaign_id in (select id from campaigns where year = 2027)`);
    expect(s.district).toMatchObject({ graduates: 4450, vocational: c!.voc, general: c!.gen, undecided: 4450 - c!.voc - c!.gen });
    expect(s.district.vocationalShare).toBeGreaterThan(0.45);
    for (const j of s.juniorHighs) expect(j.vocational + j.general + j.undecided).toBe(j.graduates);
    const [jh07] = await rows<{ id: number }>(sql`select id from organizations where code = 'JH07'`);
    const row = s.juniorHighs.find((j) => j.organizationId === jh07!.id)!;
    expect(row.vocational).toBeLessThan(row.sendingTarget);
  });

  it('records the seed in one audit event, counts only', async () => {
    const ev = await rows<{ changes: Record<string, unknown> }>(sql`select changes from audit where action = 'seed.demo_applications'`);
    expect(ev).toHaveLength(1);
    expect(JSON.stringify(ev[0]!.changes)).not.toMatch(/9901\d{12}|139\d{8}/);
  });
});
