/**
 * After admission (issue 12: R16, R17, R18) on the demo district's 2026 campaign (demo-enrolment.ts),
 * end to end through the API on both backends: the demo's September as the pages read it on the
 * demo date; then, with the clock back in the registration window, registration by a letter's QR
 * (once, only at the admitting school), no-shows and their withdrawal, the contact log, care; the
 * October statistics (every row adding up, the overdue school, the dispute answered and agreed,
 * the workbook); the funnel against the targets; a junior high sees only its own students.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client';
import { seatsLeft } from '../src/features/admission/results';
import { call, describeBackends, signIn } from './harness';
import { expectError, orgId } from './factories';

type Json = Record<string, any>;

describeBackends('after admission on the demo district', (env) => {
  const cookies = new Map<string, string>();
  const as = async (user: string) => {
    if (!cookies.has(user)) cookies.set(user, await signIn(env().app, user));
    return cookies.get(user)!;
  };
  const send = async (user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    call(env().app, user ? await as(user) : null, { method, url, ...(payload ? { payload } : {}) });
  const ok = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<Json> => {
    const res = await send(user, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(env().database.db, q);
  const setClock = (date: string) => ok('district.admin', 'PUT', '/api/clock', { date });

  let campaignId = 0;
  let ids: Record<string, number> = {};
  beforeAll(async () => {
    const [c] = await rows<{ id: number }>(sql`select c.id from campaigns c join organizations d on d.id = c.district_id where d.code = 'D01' and c.year = 2026`);
    campaignId = Number(c!.id);
    for (const code of ['V01', 'V02', 'V15', 'JH03', 'D01']) ids[code] = await orgId(env(), code);
  });

  describe('the demo on the demo date (2027-04-21): the 2026 campaign run to the end', () => {
    it('every admitted student is registered or a no-show; nobody is pending after the deadline', async () => {
      const page = await ok('district.admin', 'GET', `/api/enrolment/intake?campaignId=${campaignId}&pageSize=200`);
      const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from admissions where campaign_id = ${campaignId} and status = 'admitted'`);
      expect(page.counts.total).toBe(Number(n));
      expect(page.counts.pending).toBe(0);
      expect(page.counts.registered + page.counts.noShow).toBe(page.counts.total);
      expect(page.counts.registered).toBeGreaterThan(page.counts.noShow);
      const noShows = await ok('district.admin', 'GET', `/api/enrolment/intake?campaignId=${campaignId}&state=no_show&pageSize=200`);
      expect(noShows.total).toBe(page.counts.noShow);
      expect(noShows.items.some((r: Json) => r.noShowByDeadline && r.noShowReason === 'unknown')).toBe(true);
      expect(noShows.items.some((r: Json) => !r.noShowByDeadline && r.noShowReason !== 'unknown')).toBe(true);
      // What a junior high follows up: everyone not registered.
      const open = await ok('jh03.admin', 'GET', `/api/enrolment/intake?campaignId=${campaignId}&state=open&pageSize=200`);
      expect(open.total).toBe(open.counts.pending + open.counts.noShow);
      expect(open.items.every((r: Json) => r.state !== 'registered' && r.juniorHighId === ids.JH03)).toBe(true);
      const careMissing = await ok('v01.admin', 'GET', `/api/enrolment/intake?campaignId=${campaignId}&careMissing=true`);
      expect(careMissing.items.every((r: Json) => r.state === 'registered' && r.care === null && r.schoolId === ids.V01)).toBe(true);
    });

    it('the statistics (the contract): every row adds up, one school overdue, one row disputed', async () => {
      const s = await ok('district.admin', 'GET', `/api/statistics/sending?campaignId=${campaignId}`);
      expect(s.items.length).toBeGreaterThan(10);
      for (const r of s.items) expect(r.admitted + r.earlyTransfer, JSON.stringify(r)).toBe(r.registered + r.noShow + r.pending);
      const overdue = s.status.filter((x: Json) => x.overdue);
      expect(overdue.map((x: Json) => x.schoolId)).toEqual([ids.V15]);
      expect(s.status.filter((x: Json) => x.submitted).length).toBe(s.status.length - 1 - s.status.filter((x: Json) => !x.submitted && !x.overdue).length);
      const disputed = s.items.filter((r: Json) => r.ack === 'disputed');
      expect(disputed.map((r: Json) => [r.schoolId, r.juniorHighId])).toEqual([[ids.V02, ids.JH03]]);
      // The figures agree with the intake, school by school.
      const intake = await ok('v01.admin', 'GET', `/api/enrolment/intake?campaignId=${campaignId}&pageSize=1`);
      const v01 = s.items.filter((r: Json) => r.schoolId === ids.V01);
      expect(v01.reduce((a: number, r: Json) => a + r.registered, 0)).toBe(intake.counts.registered);
    });

    it('the workbook: a completion sheet, a summary by junior high, a sheet per school', async () => {
      const res = await send('district.admin', 'GET', `/api/statistics/sending.xlsx?campaignId=${campaignId}`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toEqual(expect.arrayContaining(['完成情况', '按初中汇总', '市第一职业技术学校', '市职业高级中学校']));
    });
  });

  describe('registration in September (the clock in the 2026 window)', () => {
    let pending: Json[] = [];
    beforeAll(async () => {
      await setClock('2026-09-01');
      const page = await ok('district.admin', 'GET', `/api/enrolment/intake?campaignId=${campaignId}&state=pending&pageSize=200`);
      pending = page.items.filter((r: Json) => r.juniorHighId !== null);
      expect(pending.length).toBeGreaterThanOrEqual(3);
    });

    it('a school registers a student by the letter\'s QR, once; another school is told the rule', async () => {
      const st = pending[0]!;
      const school = await rows<{ code: string }>(sql`select code from organizations where id = ${st.schoolId}`);
      const admin = `${school[0]!.code.toLowerCase()}.admin`;
      const [a] = await rows<{ letter_code: string }>(sql`select letter_code from admissions where id = ${st.admissionId}`);
      const url = `http://localhost:3000/verify/${encodeURIComponent(a!.letter_code)}`;
      const other = school[0]!.code === 'V01' ? 'v02.admin' : 'v01.admin';
      expectError(await send(other, 'GET', `/api/enrolment/lookup?letterCode=${encodeURIComponent(url)}`), 409, 'ENROLMENT_WRONG_SCHOOL');
      expectError(await send(other, 'POST', '/api/enrolment/register', { letterCode: url }), 409, 'ENROLMENT_WRONG_SCHOOL');
      expectError(await send(other, 'POST', '/api/enrolment/register', { studentId: st.studentId }), 403, 'FORBIDDEN');
      const found = await ok(admin, 'GET', `/api/enrolment/lookup?letterCode=${encodeURIComponent(url)}`);
      expect(found).toMatchObject({ studentId: st.studentId, state: 'pending' });
      const done = await ok(admin, 'POST', '/api/enrolment/register', { letterCode: url });
      expect(done).toMatchObject({ studentId: st.studentId, state: 'registered', registeredOn: '2026-09-01' });
      expectError(await send(admin, 'POST', '/api/enrolment/register', { studentId: st.studentId }), 409, 'ENROLMENT_ALREADY_REGISTERED');
      const [audit] = await rows<{ n: number }>(sql`select count(*)::int as n from audit where action = 'enrolment.register' and object_id = ${String(st.studentId)}`);
      expect(Number(audit!.n)).toBe(1);
      // The bureau reads, never registers.
      expectError(await send('district.admin', 'POST', '/api/enrolment/register', { studentId: pending[1]!.studentId }), 403, 'FORBIDDEN');
      expectError(await send('v01.admin', 'GET', '/api/enrolment/lookup?letterCode=not-a-code'), 409, 'ENROLMENT_LETTER_INVALID');
    });

    it('the junior high records a no-show and its calls; the school cannot register over it until withdrawn', async () => {
      const st = pending[1]!;
      const [jh] = await rows<{ code: string }>(sql`select code from organizations where id = ${st.juniorHighId}`);
      const jhAdmin = `${jh!.code.toLowerCase()}.admin`;
      const [school] = await rows<{ code: string }>(sql`select code from organizations where id = ${st.schoolId}`);
      const admin = `${school!.code.toLowerCase()}.admin`;
      expectError(await send(jhAdmin, 'POST', `/api/enrolment/students/${st.studentId}/contacts`, { kind: 'call', on: '2026-09-02', result: '明天' }), 400, 'CONTACT_DATE_INVALID');
      const contacts = await ok(jhAdmin, 'POST', `/api/enrolment/students/${st.studentId}/contacts`, { kind: 'call', party: 'family', on: '2026-09-01', result: '家长说孩子想复读' });
      expect(contacts.items).toContainEqual(expect.objectContaining({ kind: 'call', on: '2026-09-01', result: '家长说孩子想复读' }));
      const seatsBefore = (await seatsLeft(env().database.db, campaignId)).get(st.programmeId)!;
      const marked = await ok(jhAdmin, 'POST', `/api/enrolment/students/${st.studentId}/no-show`, { reason: 'repeat_exam', note: '家长决定复读' });
      // R16: the seat goes back to 补录 (the campaign's default); the withdrawal takes it again.
      expect((await seatsLeft(env().database.db, campaignId)).get(st.programmeId)).toBe(seatsBefore + 1);
      expect(marked).toMatchObject({ state: 'no_show', noShowReason: 'repeat_exam', noShowByDeadline: false, contacts: contacts.items.length });
      expectError(await send(admin, 'POST', '/api/enrolment/register', { studentId: st.studentId }), 409, 'ENROLMENT_NO_SHOW_RECORDED');
      const back = await ok(admin, 'POST', `/api/enrolment/students/${st.studentId}/no-show/withdraw`, { reason: '学生已到校' });
      expect(back.state).toBe('pending');
      expect((await seatsLeft(env().database.db, campaignId)).get(st.programmeId)).toBe(seatsBefore);
      expectError(await send(admin, 'POST', `/api/enrolment/students/${st.studentId}/no-show/withdraw`, { reason: '再撤一次' }), 409, 'ENROLMENT_NOT_NO_SHOW');
      expect((await ok(admin, 'POST', '/api/enrolment/register', { studentId: st.studentId })).state).toBe('registered');
      // Another junior high's staff do not see or touch the student.
      const otherJh = jh!.code === 'JH01' ? 'jh02.admin' : 'jh01.admin';
      expectError(await send(otherJh, 'GET', `/api/enrolment/students/${st.studentId}/contacts`), 403, 'FORBIDDEN');
      const list = await ok(otherJh, 'GET', `/api/enrolment/intake?campaignId=${campaignId}&pageSize=200`);
      const otherId = await orgId(env(), otherJh.slice(0, 4).toUpperCase());
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((r: Json) => r.juniorHighId === otherId)).toBe(true);
    });

    it('an id never tells a stranger whether its student is admitted', async () => {
      // 26010008 (JH01) was not admitted in 2026 (demo-admission.ts).
      const [s] = await rows<{ id: number }>(sql`select id from students where campaign_id = ${campaignId} and exam_no = '26010008'`);
      const url = `/api/enrolment/students/${s!.id}/contacts`;
      expectError(await send('jh01.admin', 'GET', url), 409, 'ENROLMENT_NOT_ADMITTED');
      expectError(await send('district.admin', 'GET', url), 409, 'ENROLMENT_NOT_ADMITTED');
      expectError(await send('jh02.admin', 'GET', url), 403, 'FORBIDDEN');
      expectError(await send('v01.admin', 'POST', '/api/enrolment/register', { studentId: s!.id }), 403, 'FORBIDDEN');
      expectError(await send('north.admin', 'GET', url), 403, 'FORBIDDEN');
    });

    it('care: class, teacher and aid once registered; hardship needs its evidence', async () => {
      const st = pending[2]!;
      const [school] = await rows<{ code: string }>(sql`select code from organizations where id = ${st.schoolId}`);
      const admin = `${school!.code.toLowerCase()}.admin`;
      const care = { className: '机电2026级1班', homeroomTeacher: '王老师', tuitionFree: true, grant: true, hardship: true, hardshipEvidence: null };
      expectError(await send(admin, 'PUT', `/api/enrolment/students/${st.studentId}/care`, care), 409, 'ENROLMENT_NOT_REGISTERED');
      // The campus of registration is one of the school's own.
      const [foreign] = await rows<{ id: number }>(sql`select id from campuses where organization_id <> ${st.schoolId} order by id limit 1`);
      expectError(await send(admin, 'POST', '/api/enrolment/register', { studentId: st.studentId, campusId: Number(foreign!.id) }), 400, 'ENROLMENT_CAMPUS_INVALID');
      const [own] = await rows<{ id: number; name: string }>(sql`select id, name from campuses where organization_id = ${st.schoolId} order by id desc limit 1`);
      expect(await ok(admin, 'POST', '/api/enrolment/register', { studentId: st.studentId, campusId: Number(own!.id) })).toMatchObject({ state: 'registered', registeredCampusName: own!.name });
      expectError(await send(admin, 'PUT', `/api/enrolment/students/${st.studentId}/care`, care), 400, 'ENROLMENT_HARDSHIP_EVIDENCE');
      const saved = await ok(admin, 'PUT', `/api/enrolment/students/${st.studentId}/care`, { ...care, hardshipEvidence: 'subsistence' });
      expect(saved.care).toEqual({ ...care, hardshipEvidence: 'subsistence' });
    });

    it('outside the registration dates nobody registers', async () => {
      const st = pending[3] ?? pending[0]!;
      await setClock('2026-10-02');
      const [school] = await rows<{ code: string }>(sql`select code from organizations where id = ${st.schoolId}`);
      const res = await send(`${school!.code.toLowerCase()}.admin`, 'POST', '/api/enrolment/register', { studentId: st.studentId });
      expect(res.json().error.code).toMatch(/ENROLMENT_(WINDOW_CLOSED|ALREADY_REGISTERED)/);
      await setClock('2027-04-21');
    });
  });

  describe('the statistics\' disputes and the overdue school', () => {
    it('a dispute is answered with figures that add up, and agreed', async () => {
      const q = `campaignId=${campaignId}`;
      expectError(await send('v02.admin', 'POST', '/api/statistics/sending/answer', { campaignId, juniorHighId: ids.JH03, answer: '已核实', correction: { admitted: 5, earlyTransfer: 0, registered: 9, noShow: 0, pending: 0 } }), 400, 'STATISTICS_CORRECTION_INVALID');
      const before = (await ok('jh03.admin', 'GET', `/api/statistics/sending?${q}`)).items.find((r: Json) => r.schoolId === ids.V02);
      const fixed = { admitted: before.admitted, earlyTransfer: before.earlyTransfer, registered: before.registered - 1, noShow: before.noShow + 1, pending: before.pending };
      const answered = await ok('v02.admin', 'POST', '/api/statistics/sending/answer', { campaignId, juniorHighId: ids.JH03, answer: '已核实，该生9月3日报到，已更正', correction: fixed });
      const row = answered.items.find((r: Json) => r.juniorHighId === ids.JH03);
      expect(row).toMatchObject({ ...fixed, ack: 'pending', answer: '已核实，该生9月3日报到，已更正' });
      expect(row.correction.computed).toMatchObject({ registered: before.registered });
      expectError(await send('v02.admin', 'POST', '/api/statistics/sending/answer', { campaignId, juniorHighId: ids.JH03, answer: '再答一次' }), 409, 'STATISTICS_NOT_DISPUTED');
      const agreed = await ok('jh03.admin', 'POST', '/api/statistics/sending/ack', { campaignId, schoolId: ids.V02, decision: 'acknowledged' });
      expect(agreed.items.find((r: Json) => r.schoolId === ids.V02).ack).toBe('acknowledged');
      // A junior high reads only the rows that name it.
      expect(agreed.items.every((r: Json) => r.juniorHighId === ids.JH03)).toBe(true);
    });

    it('the overdue school submits (a correction needs figures that add up), once; only then can its rows be acknowledged', async () => {
      const live = await ok('v15.admin', 'GET', `/api/statistics/sending?campaignId=${campaignId}`);
      expect(live.status).toEqual([expect.objectContaining({ schoolId: ids.V15, submitted: false, overdue: true })]);
      const first = live.items[0];
      expectError(await send(first ? `${(await rows<{ code: string }>(sql`select code from organizations where id = ${first.juniorHighId}`))[0]!.code.toLowerCase()}.admin` : 'jh01.admin', 'POST', '/api/statistics/sending/ack', { campaignId, schoolId: ids.V15, decision: 'acknowledged' }), 409, 'STATISTICS_NOT_SUBMITTED');
      const bad = first ? [{ juniorHighId: first.juniorHighId, admitted: first.admitted, earlyTransfer: 0, registered: first.registered + 1, noShow: first.noShow, pending: first.pending, reason: '手工更正' }] : [];
      if (first) expectError(await send('v15.admin', 'POST', '/api/statistics/sending/submit', { campaignId, corrections: bad }), 400, 'STATISTICS_CORRECTION_INVALID');
      const done = await ok('v15.admin', 'POST', '/api/statistics/sending/submit', { campaignId });
      expect(done.status[0]).toMatchObject({ submitted: true, overdue: false });
      expectError(await send('v15.admin', 'POST', '/api/statistics/sending/submit', { campaignId }), 409, 'STATISTICS_ALREADY_SUBMITTED');
      const all = await ok('district.admin', 'GET', `/api/statistics/sending?campaignId=${campaignId}`);
      expect(all.status.filter((x: Json) => x.overdue)).toEqual([]);
    });
  });

  describe('against the targets', () => {
    it('the funnel per junior high and the district\'s registrations against N_district and N_total', async () => {
      const f = await ok('district.admin', 'GET', `/api/statistics/funnel?campaignId=${campaignId}`);
      const sum = (k: string) => f.juniorHighs.reduce((a: number, r: Json) => a + r[k], 0);
      expect(f.district.registeredTotal).toBe(sum('registered'));
      expect(f.district.registeredDistrictRun + f.district.registeredCityRun).toBe(f.district.registeredTotal);
      for (const r of f.juniorHighs) expect(r.registered + r.noShow).toBeLessThanOrEqual(r.admitted);
      expect(f.trend.at(-1).cumulative).toBe(f.district.registeredTotal);
      expect(f.district.vocationalShare).toBeCloseTo(f.district.registeredTotal / (f.district.registeredTotal + f.district.general), 6);
      // A junior high sees its own row; a school is refused the funnel; the city sees its districts.
      const own = await ok('jh03.admin', 'GET', `/api/statistics/funnel?campaignId=${campaignId}`);
      expect(own.juniorHighs.map((r: Json) => r.juniorHighId)).toEqual([ids.JH03]);
      expectError(await send('v01.admin', 'GET', `/api/statistics/funnel?campaignId=${campaignId}`), 403, 'FORBIDDEN');
      const city = await ok('city.admin', 'GET', '/api/statistics/city?year=2026');
      expect(city.items.map((d: Json) => d.districtId)).toContain(ids.D01);
    });
  });
});
