/**
 * The roster (issue 9): create and edit with the ID-number checks, the scoped list and detail
 * (a junior high never sees another's students; a vocational school sees no roster; the city
 * reads but never writes), the audited reveal (no other response carries a whole ID number),
 * transfers with history, and the roster's count in the targets' graduates.
 */
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeResidentId } from '@zhizhao/domain';
import { users } from '../src/db/schema';
import { describeBackends } from './harness';
import { auditMark, clients, expectError, oneAudit, orgId } from './factories';
import { campaignIdOf, createStudents, studentRow } from './support-students';

// Exam numbers starting 88: away from the demo seed's (27…) and the factory's (9…).
const body = (over: Record<string, unknown> = {}) => ({
  name: '王小明', gender: 'male', idType: 'resident_id', idNumber: makeResidentId('110105', '2011-03-04', 123), examNo: '880100001',
  className: '九年级3班', cohort: 'current', hukouDistrict: '示例区', guardianName: '王大明', guardianRelation: '父亲', guardianPhone: '13800138000', ...over,
});

describeBackends('students: roster', (env) => {
  const as = clients(env);
  const url = async () => `/api/campaigns/${await campaignIdOf(env())}/students`;

  it('the factory writes students with accounts and secrets', async () => {
    const made = await createStudents(env(), { juniorHighCode: 'JH02', count: 3 });
    expect(made).toHaveLength(3);
    const row = await studentRow(env(), made[0]!.id);
    expect(row.idMasked).toMatch(/^659001\*{8}\d{3}[\dX]$/);
    expect(env().deps.pii.decrypt(row.initialPasswordCipher!)).toBe(made[0]!.initialPassword);
    expect(env().deps.pii.decrypt(row.idCipher)).toBe(made[0]!.idNumber);
  });

  it('a junior high adds a student to its own roster, audited, masked in the response', async () => {
    const jh = await as('jh01.admin');
    const mark = await auditMark(env());
    const res = await jh.post(await url(), body());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '王小明', examNo: '880100001', juniorHighId: await orgId(env(), 'JH01'), idMasked: `110105********${body().idNumber.slice(14)}`,
      phoneMasked: '138****8000', account: 'none', applicationStatus: 'undecided', track: null,
    });
    expect(res.body).not.toContain(body().idNumber);
    expect(res.body).not.toContain('13800138000');
    const event = await oneAudit(env(), mark, 'student.create');
    expect(JSON.stringify(event.changes)).not.toContain(body().idNumber);
    expect(JSON.stringify(event.changes)).not.toContain('13800138000');
  });

  it('refuses a bad check digit or date, a wrong gender, a taken exam number or ID number', async () => {
    const jh = await as('jh01.admin');
    const good = body({ examNo: '880100002', idNumber: makeResidentId('110105', '2011-05-06', 125) });
    const badCheck = good.idNumber.slice(0, 17) + (good.idNumber[17] === '0' ? '1' : '0');
    expect(expectError(await jh.post(await url(), { ...good, idNumber: badCheck }), 400, 'STUDENT_ID_INVALID').zh).toContain('校验码');
    expect(expectError(await jh.post(await url(), { ...good, idNumber: '110105201102300015' }), 400, 'STUDENT_ID_INVALID').zh).toContain('出生日期');
    expectError(await jh.post(await url(), { ...good, idType: 'passport', idNumber: 'E12#45' }), 400, 'STUDENT_DOCUMENT_INVALID');
    expectError(await jh.post(await url(), { ...good, gender: 'female' }), 400, 'STUDENT_GENDER_MISMATCH');
    expectError(await jh.post(await url(), { ...good, examNo: '880100001' }), 409, 'STUDENT_EXAM_NO_TAKEN');
    expectError(await jh.post(await url(), { ...good, idNumber: body().idNumber }), 409, 'STUDENT_ID_TAKEN');
    // Not a junior high's to name another school; the bureau must name one of its district's.
    expectError(await jh.post(await url(), { ...good, juniorHighId: await orgId(env(), 'JH02') }), 403, 'FORBIDDEN');
    const district = await as('district.admin');
    expectError(await district.post(await url(), good), 400, 'STUDENT_NOT_A_JUNIOR_HIGH');
    expectError(await district.post(await url(), { ...good, juniorHighId: await orgId(env(), 'JN01') }), 400, 'STUDENT_NOT_A_JUNIOR_HIGH');
    const ok = await district.post(await url(), { ...good, juniorHighId: await orgId(env(), 'JH03') });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().juniorHighId).toBe(await orgId(env(), 'JH03'));
    // Other documents: shape only, gender free.
    const passport = await district.post(await url(), { ...good, examNo: '880100003', idType: 'passport', idNumber: 'E12345678', gender: 'female', juniorHighId: await orgId(env(), 'JH03') });
    expect(passport.json().idMasked).toBe('E1*****78');
  });

  it('a junior high lists and reads only its own students; the city reads but never writes; a vocational school sees no roster', async () => {
    const [mine] = await createStudents(env(), { juniorHighCode: 'JH01', count: 1, className: '九年级7班' });
    const [theirs] = await createStudents(env(), { juniorHighCode: 'JH02', count: 1 });
    const jh = await as('jh01.admin');
    const list = await jh.get(`${await url()}?pageSize=200&q=${mine!.examNo}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((s: { id: number }) => s.id)).toEqual([mine!.id]);
    expect(list.json().classes).toContain('九年级7班');
    const other = await jh.get(`${await url()}?q=${theirs!.examNo}`);
    expect(other.json().items).toEqual([]);
    expect((await jh.get(`${await url()}?juniorHighId=${theirs!.juniorHighId}`)).json().items).toEqual([]);
    expectError(await jh.get(`/api/students/${theirs!.id}`), 403, 'FORBIDDEN');
    expectError(await jh.patch(`/api/students/${theirs!.id}`, { className: 'x' }), 403, 'FORBIDDEN');
    const detail = await jh.get(`/api/students/${mine!.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ id: mine!.id, transfers: [] });
    expect(detail.json().application === null || detail.json().application.status === 'undecided').toBe(true);

    const city = await as('city.admin');
    expect((await city.get(`/api/students/${theirs!.id}`)).statusCode).toBe(200);
    expect((await city.get(`${await url()}?q=${theirs!.examNo}`)).json().items).toHaveLength(1);
    expectError(await city.patch(`/api/students/${theirs!.id}`, { className: 'x' }), 403, 'FORBIDDEN');
    expectError(await city.post(await url(), body({ examNo: '880100009' })), 403, 'FORBIDDEN');
    const north = await as('north.admin');
    expectError(await north.get(`/api/students/${theirs!.id}`), 403, 'FORBIDDEN');
    // Another district's campaign roster is refused as a whole, not shown empty.
    expectError(await north.get(`${await url()}?q=${theirs!.examNo}`), 403, 'FORBIDDEN');
    expectError(await (await as('jn01.admin')).get(await url()), 403, 'FORBIDDEN');
    const school = await as('v01.admin');
    expectError(await school.get(await url()), 403, 'FORBIDDEN');
    expectError(await school.get(`/api/students/${theirs!.id}`), 403, 'FORBIDDEN');
  });

  it('filters by class, name and exam-number prefix', async () => {
    const made = await createStudents(env(), { juniorHighCode: 'JH04', count: 4, className: (i) => (i < 3 ? '九年级A班' : '九年级B班'), name: (i) => `筛选${i}号` });
    const district = await as('district.staff');
    const base = `${await url()}?juniorHighId=${made[0]!.juniorHighId}`;
    expect((await district.get(`${base}&className=九年级A班&q=筛选`)).json().total).toBe(3);
    expect((await district.get(`${base}&q=筛选3`)).json().items.map((s: { id: number }) => s.id)).toEqual([made[3]!.id]);
    expect((await district.get(`${base}&q=${made[1]!.examNo.slice(0, 9)}&className=九年级A班`)).json().items.length).toBeGreaterThanOrEqual(1);
    const classes = (await district.get(base)).json().classes;
    expect(classes).toEqual(expect.arrayContaining(['九年级A班', '九年级B班']));
    expect((await district.get(`${base}&track=undecided&status=undecided&q=筛选`)).json().total).toBe(4);
    expect((await district.get(`${base}&track=vocational&q=筛选`)).json().total).toBe(0);
  });

  it('edits a student: the same checks, sealed again, both sign-in names follow the exam number', async () => {
    const [s] = await createStudents(env(), { juniorHighCode: 'JH01', count: 1 });
    const jh = await as('jh01.admin');
    const mark = await auditMark(env());
    const res = await jh.patch(`/api/students/${s!.id}`, { className: '九年级9班', guardianPhone: '13911112222', examNo: '880199999' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ className: '九年级9班', phoneMasked: '139****2222', examNo: '880199999' });
    const event = await oneAudit(env(), mark, 'student.update');
    expect(event.changes).toMatchObject({ className: { from: '九年级1班', to: '九年级9班' }, guardianPhone: 'changed' });
    expect(JSON.stringify(event.changes)).not.toContain('13911112222');
    const [u] = await env().database.db.select({ username: users.username }).from(users).where(eq(users.id, s!.userId));
    expect(u!.username).toBe('880199999');
    expectError(await jh.patch(`/api/students/${s!.id}`, { gender: s!.gender === 'male' ? 'female' : 'male' }), 400, 'STUDENT_GENDER_MISMATCH');
  });

  it('reveal shows one whole value, audited with the reason and never the value; only with student.reveal', async () => {
    const [s] = await createStudents(env(), { juniorHighCode: 'JH01', count: 1 });
    const jh = await as('jh01.admin');
    const mark = await auditMark(env());
    const res = await jh.post(`/api/students/${s!.id}/reveal`, { field: 'idNumber', reason: '核对中考报名信息' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ field: 'idNumber', value: s!.idNumber });
    const event = await oneAudit(env(), mark, 'student.reveal');
    expect(event.changes).toEqual({ field: 'idNumber', reason: '核对中考报名信息' });
    expect(JSON.stringify(event)).not.toContain(s!.idNumber);
    expect((await jh.post(`/api/students/${s!.id}/reveal`, { field: 'guardianPhone', reason: '联系家长' })).json().value).toBe(s!.guardianPhone);
    expectError(await (await as('district.staff')).post(`/api/students/${s!.id}/reveal`, { field: 'idNumber', reason: '核对' }), 403, 'FORBIDDEN');
    expectError(await (await as('jh02.admin')).post(`/api/students/${s!.id}/reveal`, { field: 'idNumber', reason: '核对' }), 403, 'FORBIDDEN');
    // No other answer carries the whole number.
    for (const r of [await jh.get(`/api/students/${s!.id}`), await jh.get(`${await url()}?q=${s!.examNo}`), await jh.get(`${await url()}/export.xlsx`)]) {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(s!.idNumber);
      expect(r.body).not.toContain(s!.guardianPhone);
    }
  });

  it('a transfer moves the student and both accounts, keeps the history, and refuses a school outside the district', async () => {
    const [s] = await createStudents(env(), { juniorHighCode: 'JH01', count: 1 });
    const jh = await as('jh01.admin');
    const jh02 = await orgId(env(), 'JH02');
    expectError(await jh.post(`/api/students/${s!.id}/transfer`, { toJuniorHighId: await orgId(env(), 'JN01'), reason: '随父母迁居' }), 409, 'STUDENT_TRANSFER_INVALID');
    expectError(await jh.post(`/api/students/${s!.id}/transfer`, { toJuniorHighId: await orgId(env(), 'JH01'), reason: '随父母迁居' }), 409, 'STUDENT_TRANSFER_INVALID');
    expectError(await jh.post(`/api/students/${s!.id}/transfer`, { toJuniorHighId: await orgId(env(), 'V01'), reason: '随父母迁居' }), 409, 'STUDENT_TRANSFER_INVALID');
    const mark = await auditMark(env());
    const res = await jh.post(`/api/students/${s!.id}/transfer`, { toJuniorHighId: jh02, reason: '随父母迁居' });
    expect(res.statusCode, res.body).toBe(200);
    await oneAudit(env(), mark, 'student.transfer');
    const accounts = await env().database.db.select({ org: users.organizationId }).from(users).where(eq(users.id, s!.userId));
    expect(accounts[0]!.org).toBe(jh02);
    // The old school no longer sees the student; the new one sees it with its history.
    expectError(await jh.get(`/api/students/${s!.id}`), 403, 'FORBIDDEN');
    const detail = (await (await as('jh02.admin')).get(`/api/students/${s!.id}`)).json();
    expect(detail.juniorHighId).toBe(jh02);
    expect(detail.transfers).toMatchObject([{ fromJuniorHighName: '示例区第一中学', reason: '随父母迁居', createdBy: 'jh01.admin' }]);
    // The bureau moves it back: two entries, nothing deleted.
    expect((await (await as('district.admin')).post(`/api/students/${s!.id}/transfer`, { toJuniorHighId: await orgId(env(), 'JH01'), reason: '回原校' })).statusCode).toBe(200);
    expect((await jh.get(`/api/students/${s!.id}`)).json().transfers).toHaveLength(2);
  });

  it('the targets show the roster count beside the entered graduates, and the split uses it', async () => {
    const campaignId = await campaignIdOf(env());
    const district = await as('district.admin');
    const before = (await district.get(`/api/campaigns/${campaignId}/graduates`)).json();
    const jh05 = await orgId(env(), 'JH05');
    const r0 = before.rows.find((r: { organizationId: number }) => r.organizationId === jh05).rosterCount ?? 0;
    await createStudents(env(), { juniorHighCode: 'JH05', count: 3 });
    await createStudents(env(), { juniorHighCode: 'JH05', count: 2, cohort: 'past' });
    const after = (await district.get(`/api/campaigns/${campaignId}/graduates`)).json();
    const row = after.rows.find((r: { organizationId: number }) => r.organizationId === jh05);
    expect(row.rosterCount).toBe(r0 + 3);
    expect(row).toHaveProperty('graduates');
    const draft = await district.post(`/api/campaigns/${campaignId}/targets/draft`, { method: 'hamilton' });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().rows.find((r: { organizationId: number }) => r.organizationId === jh05).graduates).toBe(r0 + 3);
    // A junior high sees its own row only, with its roster count.
    const own = (await (await as('jh05.admin')).get(`/api/campaigns/${campaignId}/graduates`)).json();
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0].rosterCount).toBe(r0 + 3);
  });
});
