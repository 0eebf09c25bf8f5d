/**
 * Early transfer's rules, refusal by refusal (issue 10: R4, R7, R13, R14), on the demo campaign
 * with the business clock in May: every refused request names its rule; the date gate at its
 * edges in the campaign's time zone (April 30 23:59 vs May 1 00:00, Beijing time); nobody seals
 * or refuses for another school; refusals at each school's turn; withdrawals by every party;
 * stale versions; the junior high's curriculum confirmations; the seat caps; exam preparation
 * and results (R14); and the audit event of every state change.
 *
 * Each test uses its own junior high and programmes so that seat caps and lists never meet.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { earlyTransfers } from '../src/db/schema';
import { describeBackends } from './harness';
import { auditMark, expectError, orgId } from './factories';
import { family, vocational } from './support-applications';
import { createStudents } from './support-students';
import {
  askedForm, cachedClients, campaignIdOf, capWithFree, confirmedFamily, listOfPair, programmeIdsOf, readyFamily, sealedForm, setCap, transferAudit, verifyCode,
} from './support-transfers';

type Problem = { code: string; rule: string };
const codes = (details: { problems: Problem[] }) => details.problems.map((p) => p.code);
const reason = { reason: '学生家长要求撤回申请' };

describeBackends('early transfer rules (R4, R7, R13, R14)', (env) => {
  const as = cachedClients(env);

  it('refuses each request naming its rule, and writes nothing', async () => {
    // The demo's May holds seats of some programmes: caps are set relative to what is held.
    const [p0, , , p1] = await programmeIdsOf(env, 'V02');
    const [p2] = await programmeIdsOf(env, 'V15');
    await capWithFree(env, p0!, 3);
    await setCap(env, p1!, 0, 'v02.admin');
    const { cap } = await capWithFree(env, p2!, 1);

    // No application at all, then a confirmed general one, then a vocational one only the student confirmed: R13 wants a confirmed vocational application.
    const none = await family(env);
    expect(codes(expectError(await none.student.post('/api/me/early-transfer', { programmeId: p0 }), 409, 'EARLY_TRANSFER_NOT_VOCATIONAL'))).toEqual(['EARLY_TRANSFER_NOT_VOCATIONAL', 'EARLY_TRANSFER_CURRICULUM']);
    const general = await family(env);
    const g = await general.student.put('/api/me/application', { track: 'general', choices: [], acceptAdjustment: false });
    for (const c of [general.student, general.guardian]) expect((await c.post('/api/me/application/confirm', { version: g.json().version })).statusCode).toBe(200);
    expect(expectError(await general.guardian.post('/api/me/early-transfer', { programmeId: p0 }), 409, 'EARLY_TRANSFER_NOT_VOCATIONAL').rule).toBe('R13');
    const half = await family(env);
    const v = await half.student.put('/api/me/application', vocational([p0!]));
    await half.student.post('/api/me/application/confirm', { version: v.json().version });
    expectError(await half.student.post('/api/me/early-transfer', { programmeId: p0 }), 409, 'EARLY_TRANSFER_NOT_VOCATIONAL');

    // Confirmed, but the junior high has not confirmed the compulsory curriculum (R13).
    const early = await confirmedFamily(env, p0!);
    expect(codes(expectError(await early.student.post('/api/me/early-transfer', { programmeId: p0 }), 409, 'EARLY_TRANSFER_CURRICULUM'))).toEqual(['EARLY_TRANSFER_CURRICULUM']);
    const mine = (await early.student.get('/api/me/early-transfer')).json();
    expect(mine).toMatchObject({ window: 'open', curriculumConfirmed: false, current: null });
    expect(mine.problems.map((p: Problem) => p.code)).toEqual(['EARLY_TRANSFER_CURRICULUM']);

    // Seats: a cap of 0 takes nobody; a full cap takes nobody more; a seat freed is taken again.
    const a = await readyFamily(env, p0!);
    expect(expectError(await a.student.post('/api/me/early-transfer', { programmeId: p1 }), 409, 'EARLY_TRANSFER_NO_SEATS').reason).toContain('为 0');
    expect((await a.student.get('/api/me/early-transfer')).json().programmes.map((p: { programmeId: number }) => p.programmeId)).not.toContain(p1);
    expect((await a.student.post('/api/me/early-transfer', { programmeId: p2 })).statusCode).toBe(200);
    const b = await readyFamily(env, p0!);
    expect(expectError(await b.guardian.post('/api/me/early-transfer', { programmeId: p2 }), 409, 'EARLY_TRANSFER_NO_SEATS').rule).toBe('R13');
    expect((await b.student.get('/api/me/early-transfer')).json().programmes.find((p: { programmeId: number }) => p.programmeId === p2)).toMatchObject({ cap, held: cap, left: 0, choosable: false });
    // A second request while one is in progress.
    expect(codes(expectError(await a.guardian.post('/api/me/early-transfer', { programmeId: p0 }), 409, 'EARLY_TRANSFER_ACTIVE'))).toEqual(['EARLY_TRANSFER_ACTIVE']);
    expect((await a.student.post('/api/me/early-transfer/withdraw', reason)).json().status).toBe('withdrawn');
    expect((await b.guardian.post('/api/me/early-transfer', { programmeId: p2 })).statusCode).toBe(200);

    // R4: V16 lacks the 2027 qualification (its admin can still set a cap); R7: V13 has no filed brochure.
    const [q16] = await programmeIdsOf(env, 'V16');
    await setCap(env, q16!, 2, 'v16.admin');
    const c = await readyFamily(env, p0!);
    const d = expectError(await c.student.post('/api/me/early-transfer', { programmeId: q16 }), 409, 'EARLY_TRANSFER_NOT_QUALIFIED');
    expect(d.rule).toBe('R4');
    expect(codes(d)).toEqual(['EARLY_TRANSFER_NOT_QUALIFIED', 'EARLY_TRANSFER_NOT_FILED']);
    const [q13] = await programmeIdsOf(env, 'V13');
    await setCap(env, q13!, 2, 'city.admin');
    expect(expectError(await c.student.post('/api/me/early-transfer', { programmeId: q13 }), 409, 'EARLY_TRANSFER_NOT_FILED').rule).toBe('R7');
    expectError(await c.student.post('/api/me/early-transfer', { programmeId: 999_999 }), 409, 'EARLY_TRANSFER_UNKNOWN_PROGRAMME');
    // Nothing was written for the refused requests.
    for (const f of [none, general, half, early, c]) {
      expect(await env().database.db.select({ id: earlyTransfers.id }).from(earlyTransfers).where(eq(earlyTransfers.studentId, f.s.id))).toEqual([]);
    }
  });

  it('lets only the form\'s own schools seal or refuse, each at its turn', async () => {
    const [, , p] = await programmeIdsOf(env, 'V11');
    await capWithFree(env, p!, 3);
    const { t } = await askedForm(env, p!);
    const url = (a: string) => `/api/early-transfers/${t.id}/${a}`;
    const [jh01, jh02, v11, v02, district] = await Promise.all(['jh01.admin', 'jh02.admin', 'v11.admin', 'v02.admin', 'district.admin'].map(as));
    // Outsiders cannot even read the form; the district bureau reads it but seals nothing.
    for (const c of [jh02!, v02!]) {
      expectError(await c.get(url('').slice(0, -1)), 403, 'FORBIDDEN');
      expectError(await c.post(url('seal'), { version: 1 }), 403, 'FORBIDDEN');
      expectError(await c.post(url('refuse'), reason), 403, 'FORBIDDEN');
      expectError(await c.post(url('withdraw'), reason), 403, 'FORBIDDEN');
    }
    expectError(await district!.post(url('seal'), { version: 1 }), 403, 'FORBIDDEN');
    expect((await district!.get(url('').slice(0, -1))).json().actions).toEqual([]);
    // The school waits for the junior high, and may not refuse before its turn.
    expect((await v11!.get(url('').slice(0, -1))).json().actions).toEqual(['withdraw']);
    expectError(await v11!.post(url('seal'), { version: 1 }), 409, 'EARLY_TRANSFER_TRANSITION');
    expectError(await v11!.post(url('refuse'), reason), 409, 'EARLY_TRANSFER_TRANSITION');
    expect((await jh01!.get(url('').slice(0, -1))).json().actions).toEqual(['seal', 'refuse', 'withdraw']);
    expect((await jh01!.post(url('seal'), { version: 1 })).json().status).toBe('awaiting_school');
    // The junior high's turn is over: no second seal, no refusal now.
    expectError(await jh01!.post(url('seal'), { version: 1 }), 409, 'EARLY_TRANSFER_TRANSITION');
    expectError(await jh01!.post(url('refuse'), reason), 409, 'EARLY_TRANSFER_TRANSITION');
    expectError(await v02!.post(url('seal'), { version: 1 }), 403, 'FORBIDDEN');
    const sealed = (await v11!.post(url('seal'), { version: 1 })).json();
    expect(sealed.seals.map((s: { party: string; organizationName: string }) => s.party)).toEqual(['source', 'school']);
    expect(sealed.seals[1].organizationId).toBe(await orgId(env(), 'V11'));
    expectError(await v11!.post(url('seal'), { version: 1 }), 409, 'EARLY_TRANSFER_TRANSITION');
  });

  it('records a refusal by the junior high with its reason, then one by the school at its turn', async () => {
    const [, , p] = await programmeIdsOf(env, 'V11');
    const { held } = await capWithFree(env, p!, 3);
    const { f, t } = await askedForm(env, p!);
    const [jh01, v11] = await Promise.all([as('jh01.admin'), as('v11.admin')]);
    let mark = await auditMark(env());
    const no = (await jh01.post(`/api/early-transfers/${t.id}/refuse`, { reason: '该生本学期课程尚未结束，暂不同意' })).json();
    expect(no).toMatchObject({ status: 'refused', decidedBy: 'source', reason: '该生本学期课程尚未结束，暂不同意', actions: [] });
    expect(no.history.at(-1)).toMatchObject({ action: 'refuse', party: 'source', reason: '该生本学期课程尚未结束，暂不同意', status: 'refused' });
    const [ev] = await transferAudit(env, mark);
    expect(ev).toMatchObject({ action: 'early_transfer.refuse', objectId: String(t.id), actorUsername: 'jh01.admin', changes: { party: 'source', reason: '该生本学期课程尚未结束，暂不同意' } });
    // The family sees the refusal, and may ask again (the refused form is final and holds no seat).
    const mine = (await f.student.get('/api/me/early-transfer')).json();
    expect(mine.current).toBeNull();
    expect(mine.past[0]).toMatchObject({ id: t.id, status: 'refused', reason: '该生本学期课程尚未结束，暂不同意' });
    expect(mine.programmes.find((x: { programmeId: number }) => x.programmeId === p)).toMatchObject({ held });

    const again = (await f.guardian.post('/api/me/early-transfer', { programmeId: p })).json();
    expect(again.id).not.toBe(t.id);
    await f.student.post('/api/me/early-transfer/confirm', { version: 1 });
    const half = (await jh01.post(`/api/early-transfers/${again.id}/seal`, { version: 1 })).json();
    mark = await auditMark(env());
    const school = (await v11.post(`/api/early-transfers/${again.id}/refuse`, { reason: '该专业本学期不具备接收条件' })).json();
    expect(school).toMatchObject({ status: 'refused', decidedBy: 'school', reason: '该专业本学期不具备接收条件' });
    expect((await transferAudit(env, mark)).map((a) => [a.action, (a.changes as { party: string }).party])).toEqual([['early_transfer.refuse', 'school']]);
    // The junior high's sealed copy no longer stands, and says why.
    const v = await verifyCode(env, half.formCode);
    expect(v).toMatchObject({ kind: 'transfer-form', status: 'withdrawn' });
    expect(v.message.zh).toContain('学校不同意');
    expect(v.message.zh).toContain('该专业本学期不具备接收条件');
  });

  it('lets the family and either school withdraw before filing, and nobody but the district after', async () => {
    const [p] = await programmeIdsOf(env, 'V12');
    await capWithFree(env, p!, 6);
    const [jh, v12, staff] = await Promise.all([as('jh06.admin'), as('v12.admin'), as('district.staff')]);
    const withdraw = async (c: { post: typeof jh.post }, id: number, why: string) => (await c.post(`/api/early-transfers/${id}/withdraw`, { reason: why })).json();

    const byGuardian = await askedForm(env, p!, 'JH06');
    expect((await byGuardian.f.guardian.post('/api/me/early-transfer/withdraw', reason)).json()).toMatchObject({ status: 'withdrawn', decidedBy: 'guardian' });

    const bySource = await askedForm(env, p!, 'JH06');
    const half = (await jh.post(`/api/early-transfers/${bySource.t.id}/seal`, { version: 1 })).json();
    const mark = await auditMark(env());
    expect(await withdraw(jh, bySource.t.id, '学生转学，初中学校撤回')).toMatchObject({ status: 'withdrawn', decidedBy: 'source', reason: '学生转学，初中学校撤回' });
    expect((await transferAudit(env, mark)).map((a) => [a.action, (a.changes as { party: string }).party, (a.changes as { sealsVoided: boolean }).sealsVoided])).toEqual([['early_transfer.withdraw', 'source', true]]);
    const v = await verifyCode(env, half.formCode);
    expect(v.status).toBe('withdrawn');
    expect(v.message.zh).toContain('学生转学，初中学校撤回');

    const bySchool = await sealedForm(env, p!, 'V12', 'JH06');
    expect(await withdraw(v12, bySchool.t.id, '中职学校撤回：专业调整')).toMatchObject({ status: 'withdrawn', decidedBy: 'school' });
    expect((await verifyCode(env, bySchool.t.formCode)).status).toBe('withdrawn');
    const byStudent = await sealedForm(env, p!, 'V12', 'JH06');
    expect((await byStudent.f.student.post('/api/me/early-transfer/withdraw', reason)).json()).toMatchObject({ status: 'withdrawn', decidedBy: 'student' });

    // Filed: neither school withdraws any more; the district bureau returns the student (district.staff holds transfer.file).
    const filed = await sealedForm(env, p!, 'V12', 'JH06');
    const list = await listOfPair(env, 'JH06', 'V12');
    expect(list).toMatchObject({ status: 'filed', count: 1 });
    expectError(await v12.post(`/api/early-transfers/${filed.t.id}/withdraw`, reason), 409, 'EARLY_TRANSFER_TRANSITION');
    expectError(await jh.post(`/api/early-transfers/${filed.t.id}/withdraw`, reason), 409, 'EARLY_TRANSFER_TRANSITION');
    expectError(await jh.post(`/api/early-transfers/${filed.t.id}/return`, reason), 403, 'FORBIDDEN');
    expect((await staff.post(`/api/early-transfers/${filed.t.id}/return`, { reason: '区教育局决定：回初中就读' })).json()).toMatchObject({ status: 'returned', decidedBy: 'district' });
    expectError(await staff.post(`/api/early-transfers/${filed.t.id}/return`, reason), 409, 'EARLY_TRANSFER_TRANSITION');
  });

  it('refuses steps taken on a version that has changed since', async () => {
    const [, p, q] = await programmeIdsOf(env, 'V12');
    await capWithFree(env, p!, 3);
    await capWithFree(env, q!, 3);
    const { f, t } = await askedForm(env, p!, 'JH05');
    const jh = await as('jh05.admin');
    const changed = (await f.student.put('/api/me/early-transfer', { programmeId: q, version: 1 })).json();
    expect(changed).toMatchObject({ version: 2, status: 'awaiting_family', pendingConfirmers: ['guardian'], programmeId: q });
    expect(expectError(await f.guardian.post('/api/me/early-transfer/confirm', { version: 1 }), 409, 'EARLY_TRANSFER_STALE')).toMatchObject({ version: 1, currentVersion: 2 });
    expectError(await f.guardian.put('/api/me/early-transfer', { programmeId: p, version: 1 }), 409, 'EARLY_TRANSFER_STALE');
    expect((await f.guardian.post('/api/me/early-transfer/confirm', { version: 2 })).json().status).toBe('awaiting_source');
    expect(expectError(await jh.post(`/api/early-transfers/${t.id}/seal`, { version: 1 }), 409, 'EARLY_TRANSFER_STALE')).toMatchObject({ currentVersion: 2 });
    expectError(await jh.post(`/api/early-transfers/${t.id}/refuse`, { reason: '旧版本上的拒绝', version: 1 }), 409, 'EARLY_TRANSFER_STALE');
    expectError(await f.student.post('/api/me/early-transfer/withdraw', { reason: '旧版本上的撤回', version: 1 }), 409, 'EARLY_TRANSFER_STALE');
    expect((await jh.post(`/api/early-transfers/${t.id}/seal`, { version: 2 })).json()).toMatchObject({ status: 'awaiting_school', version: 2 });
  });

  it('refuses a junior high\'s withdrawal given on a version that has changed since (the body carries `version`)', async () => {
    const [, , q] = await programmeIdsOf(env, 'V12');
    const [, , r] = await programmeIdsOf(env, 'V11');
    await capWithFree(env, q!, 3);
    await capWithFree(env, r!, 3);
    const { f, t } = await askedForm(env, q!, 'JH05');
    // The family moves the request to another school: version 2 is V11's; the junior high still looks at version 1.
    await f.student.put('/api/me/early-transfer', { programmeId: r, version: 1 });
    await f.guardian.post('/api/me/early-transfer/confirm', { version: 2 });
    const res = await (await as('jh05.admin')).post(`/api/early-transfers/${t.id}/withdraw`, { reason: '按第1版撤回', version: 1 });
    expectError(res, 409, 'EARLY_TRANSFER_STALE');
  });

  it('keeps the curriculum confirmations of the junior high\'s own roster, and locks them while a transfer is in progress', async () => {
    const students = await createStudents(env(), { juniorHighCode: 'JH08', count: 3 });
    const ids = students.map((s) => s.id);
    const [jh08, jh01, v01, staff, district, north] = await Promise.all(['jh08.admin', 'jh01.admin', 'v01.admin', 'district.staff', 'district.admin', 'north.admin'].map(as));
    const mark = await auditMark(env());
    expect((await jh08!.post('/api/curriculum', { studentIds: ids, completed: true, completedOn: '2027-05-01' })).json()).toEqual({ updated: 3, unchanged: 0 });
    expect((await jh08!.post('/api/curriculum', { studentIds: ids, completed: true, completedOn: '2027-05-01' })).json()).toEqual({ updated: 0, unchanged: 3 });
    const [ev, ...more] = await transferAudit(env, mark);
    expect(more).toEqual([]);
    expect(ev).toMatchObject({ action: 'student.curriculum', objectType: 'junior_high', objectId: String(await orgId(env(), 'JH08')), changes: { completed: true, completedOn: '2027-05-01', studentIds: ids } });
    const listed = (await jh08!.get(`/api/curriculum?q=${students[0]!.examNo}`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: ids[0], curriculumCompletedOn: '2027-05-01', transferStatus: null })]);
    expectError(await jh08!.post('/api/curriculum', { studentIds: ids, completed: true, completedOn: '2027-05-13' }), 400, 'VALIDATION_FAILED');

    // Another junior high, a school, district staff (no curriculum.write) and another district may not.
    expect(expectError(await jh01!.post('/api/curriculum', { studentIds: ids, completed: false }), 403, 'FORBIDDEN').studentIds).toEqual(ids);
    expectError(await v01!.post('/api/curriculum', { studentIds: ids, completed: false }), 403, 'FORBIDDEN');
    expectError(await staff!.post('/api/curriculum', { studentIds: ids, completed: false }), 403, 'FORBIDDEN');
    expectError(await north!.post('/api/curriculum', { studentIds: ids, completed: false }), 403, 'FORBIDDEN');
    // Nor does another junior high see them in its list.
    expect((await jh01!.get(`/api/curriculum?q=${students[0]!.examNo}`)).json()).toMatchObject({ items: [], total: 0 });
    // The district bureau keeps any junior high's of its campaign.
    expect((await district!.post('/api/curriculum', { studentIds: [ids[2]!], completed: false })).json()).toEqual({ updated: 1, unchanged: 0 });

    // While a transfer is in progress the confirmation stays; a batch with such a student changes nothing.
    const [, p] = await programmeIdsOf(env, 'V12');
    await capWithFree(env, p!, 2);
    const { f, t } = await askedForm(env, p!, 'JH08');
    const locked = expectError(await jh08!.post('/api/curriculum', { studentIds: [ids[0]!, f.s.id], completed: false }), 409, 'EARLY_TRANSFER_CURRICULUM_LOCKED');
    expect(locked).toMatchObject({ rule: 'R13', studentIds: [f.s.id] });
    expect((await jh08!.get(`/api/curriculum?q=${students[0]!.examNo}`)).json().items[0].curriculumCompletedOn).toBe('2027-05-01');
    expect((await jh08!.get(`/api/curriculum?q=${f.s.examNo}`)).json().items[0]).toMatchObject({ transferStatus: 'awaiting_source', track: 'vocational' });
    await jh08!.post(`/api/early-transfers/${t.id}/withdraw`, { reason: '学生决定留在初中' });
    expect((await jh08!.post('/api/curriculum', { studentIds: [f.s.id], completed: false })).json()).toEqual({ updated: 1, unchanged: 0 });
    expect((await jh08!.get(`/api/curriculum?q=${f.s.examNo}`)).json().items[0]).toMatchObject({ curriculumCompletedOn: null, transferStatus: 'withdrawn' });
  });

  it('sets the caps within the planned seats, by who manages each school, naming every bad row', async () => {
    const campaignId = await campaignIdOf(env);
    const url = `/api/campaigns/${campaignId}/early-transfer-caps`;
    const [v15a, v15b] = await programmeIdsOf(env, 'V15');
    const [v14] = await programmeIdsOf(env, 'V14');
    const [, v13] = await programmeIdsOf(env, 'V13');
    const [, , v01] = await programmeIdsOf(env, 'V01');
    const [city, district, v01admin, jh, north] = await Promise.all(['city.admin', 'district.admin', 'v01.admin', 'jh01.admin', 'north.admin'].map(as));
    type CapRow = { programmeId: number; schoolId: number; seats: number; cap: number; held: number; filed: number; editable: boolean; seatsForAdmission: number };
    const row = (rows: CapRow[], id: number) => rows.find((r) => r.programmeId === id)!;
    const { cap } = await capWithFree(env, v15b!, 1);
    await askedForm(env, v15b!, 'JH07');
    const before: CapRow[] = (await city!.get(url)).json().rows;
    expect(row(before, v15b!)).toMatchObject({ cap, held: cap });
    // Seats for the central admission: planned seats less those held by filed transfers (R15).
    for (const r of before) expect(r.seatsForAdmission).toBe(r.seats - r.filed);

    // Above the planned seats, below the seats held: both rows named, the good one not written either.
    const bad = expectError(await city!.put(url, { rows: [{ programmeId: v15a, cap: row(before, v15a!).seats + 1 }, { programmeId: v14, cap: row(before, v14!).cap + 1 }, { programmeId: v15b, cap: cap - 1 }] }), 400, 'EARLY_TRANSFER_CAP_INVALID');
    expect(bad.rows.map((r: { row: number; programmeId: number }) => [r.row, r.programmeId])).toEqual([[1, v15a], [3, v15b]]);
    expect(bad.rows[0].reason).toContain('不能超过该专业的计划招生数');
    expect(bad.rows[1].reason).toContain(`已有 ${cap} 名学生`);
    expect(row((await city!.get(url)).json().rows, v14!).cap).toBe(row(before, v14!).cap);
    expectError(await city!.put(url, { rows: [{ programmeId: 999_999, cap: 1 }] }), 400, 'PLANNED_SEATS_UNKNOWN_MAJOR');
    expectError(await city!.put(url, { rows: [{ programmeId: v14, cap: -1 }] }), 400, 'VALIDATION_FAILED');

    // A school its own; the district bureau its district-run schools; the city any (V13 is city-run).
    expect(expectError(await v01admin!.put(url, { rows: [{ programmeId: v13, cap: 2 }] }), 403, 'FORBIDDEN').programmeIds).toEqual([v13]);
    expect((await v01admin!.put(url, { rows: [{ programmeId: v01, cap: 1 }] })).statusCode).toBe(200);
    expect((await district!.put(url, { rows: [{ programmeId: v01, cap: 2 }] })).statusCode).toBe(200);
    expectError(await district!.put(url, { rows: [{ programmeId: v13, cap: 2 }] }), 403, 'FORBIDDEN');
    const mark = await auditMark(env());
    const saved = (await city!.put(url, { rows: [{ programmeId: v13, cap: 2 }] })).json();
    expect(row(saved.rows, v13!)).toMatchObject({ cap: 2, editable: true });
    const events = await transferAudit(env, mark);
    expect(events.map((e) => [e.action, e.organizationId, e.actorUsername])).toEqual([['planned_seats.early_transfer_cap', await orgId(env(), 'V13'), 'city.admin']]);
    expect(Object.values(events[0]!.changes as Record<string, unknown>)).toContainEqual({ from: 0, to: 2 });
    expectError(await jh!.put(url, { rows: [{ programmeId: v01, cap: 1 }] }), 403, 'FORBIDDEN');
    expectError(await north!.put(url, { rows: [{ programmeId: v01, cap: 1 }] }), 403, 'FORBIDDEN');
    expectError(await north!.get(url), 403, 'FORBIDDEN');

    // What each may edit, as the page shows it.
    const editable = async (c: typeof city) => new Set((await c!.get(url)).json().rows.filter((r: CapRow) => r.editable).map((r: CapRow) => r.schoolId));
    const [V01, V02, V13] = await Promise.all(['V01', 'V02', 'V13'].map((c) => orgId(env(), c)));
    expect(await editable(v01admin)).toEqual(new Set([V01]));
    expect(await editable(district)).toEqual(new Set([V01, V02]));
    expect((await editable(city)).has(V13)).toBe(true);
    expect(await editable(jh)).toEqual(new Set());
  });

  it('keeps exam preparation by the enrolling school and results for filed students only (R14)', async () => {
    const campaignId = await campaignIdOf(env);
    const [, , p] = await programmeIdsOf(env, 'V01');
    await capWithFree(env, p!, 2);
    const one = await sealedForm(env, p!, 'V01', 'JH09');
    const two = await sealedForm(env, p!, 'V01', 'JH09');
    const [v01, v02, jh09, jh10, district] = await Promise.all(['v01.admin', 'v02.admin', 'jh09.admin', 'jh10.admin', 'district.admin'].map(as));
    const JH09 = await orgId(env(), 'JH09');
    const V01 = await orgId(env(), 'V01');
    const ofPair = (items: Array<{ juniorHighId: number; schoolId: number }>) => items.filter((i) => i.juniorHighId === JH09 && i.schoolId === V01);
    const prep = async (c: typeof v01) => ofPair((await c.get(`/api/early-transfer-prep?campaignId=${campaignId}`)).json().items);
    const plan = { campaignId, juniorHighId: JH09, mode: 'school_courses', courses: [{ subject: '语文', teacher: '王老师', hoursPerWeek: 4 }, { subject: '数学', teacher: '李老师', hoursPerWeek: 4 }], notes: '每周五下午集中辅导' };

    expect(await prep(v01)).toEqual([expect.objectContaining({ students: 2, mode: null })]);
    expectError(await jh09.put('/api/early-transfer-prep', plan), 403, 'FORBIDDEN');
    expectError(await v01.put('/api/early-transfer-prep', { ...plan, courses: [] }), 400, 'VALIDATION_FAILED');
    expectError(await v01.put('/api/early-transfer-prep', { ...plan, juniorHighId: await orgId(env(), 'JH10') }), 409, 'EARLY_TRANSFER_TRANSITION');
    // Another school keeps only its own plan: it has no students from JH09.
    expectError(await v02.put('/api/early-transfer-prep', plan), 409, 'EARLY_TRANSFER_TRANSITION');
    let mark = await auditMark(env());
    expect((await v01.put('/api/early-transfer-prep', plan)).json()).toMatchObject({ juniorHighId: JH09, schoolId: V01, students: 2, mode: 'school_courses', courses: plan.courses, notes: plan.notes });
    const tiered = (await v01.put('/api/early-transfer-prep', { campaignId, juniorHighId: JH09, mode: 'tiered_at_junior_high', courses: [] })).json();
    expect(tiered).toMatchObject({ mode: 'tiered_at_junior_high', courses: [] });
    const events = await transferAudit(env, mark);
    expect(events.map((e) => e.action)).toEqual(['early_transfer.exam_prep', 'early_transfer.exam_prep']);
    expect(events[1]!.changes).toMatchObject({ before: { mode: 'school_courses' }, after: { mode: 'tiered_at_junior_high' }, rule: 'R14' });
    // Both schools of the pair and the bureau read the plan; another junior high does not.
    expect(await prep(jh09)).toEqual([expect.objectContaining({ mode: 'tiered_at_junior_high' })]);
    expect(await prep(district)).toHaveLength(1);
    expect(await prep(jh10)).toEqual([]);
    expect(await prep(v02)).toEqual([]);

    // Results: only for filed students, entered by their school.
    const result = { subjects: [{ subject: '语文', sat: true, passed: true }, { subject: '数学', sat: true, passed: true }] };
    expectError(await v01.put(`/api/early-transfers/${one.t.id}/exam-result`, result), 409, 'EARLY_TRANSFER_TRANSITION');
    await listOfPair(env, 'JH09', 'V01');
    expect((await v01.get(`/api/early-transfers/${one.t.id}`)).json().actions).toEqual(['examResult']);
    expectError(await jh09.put(`/api/early-transfers/${one.t.id}/exam-result`, result), 403, 'FORBIDDEN');
    expectError(await v02.put(`/api/early-transfers/${one.t.id}/exam-result`, result), 403, 'FORBIDDEN');
    expectError(await v01.put(`/api/early-transfers/${one.t.id}/exam-result`, { subjects: [{ subject: '语文', sat: true, passed: true }, { subject: '语文', sat: true, passed: false }] }), 400, 'VALIDATION_FAILED');
    mark = await auditMark(env());
    const saved = (await v01.put(`/api/early-transfers/${one.t.id}/exam-result`, result)).json();
    expect(saved.examResult).toMatchObject({ subjects: result.subjects, source: 'entered' });
    // Not sat is not passed, whatever was sent.
    const other = (await v01.put(`/api/early-transfers/${two.t.id}/exam-result`, { subjects: [{ subject: '语文', sat: true, passed: false }, { subject: '数学', sat: false, passed: true }] })).json();
    expect(other.examResult.subjects[1]).toEqual({ subject: '数学', sat: false, passed: false });
    expect((await transferAudit(env, mark)).map((e) => [e.action, e.organizationId])).toEqual([['early_transfer.exam_result', V01], ['early_transfer.exam_result', V01]]);

    // The report's exam section counts V01's filed students (the demo's May has none at V01).
    const report = (await district.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json();
    const exam = report.exam.find((e: { schoolId: number }) => e.schoolId === V01);
    expect(exam).toMatchObject({ students: 2, withResults: 2, satAll: 1, passedAll: 1 });
    expect(new Set(exam.bySubject)).toEqual(new Set([{ subject: '语文', sat: 2, passed: 1 }, { subject: '数学', sat: 1, passed: 1 }]));
  });

  it('writes the audit event of every state change, in order, and the form\'s history shows them', async () => {
    const [p, q] = await programmeIdsOf(env, 'V01');
    await capWithFree(env, p!, 1);
    await capWithFree(env, q!, 1);
    const f = await readyFamily(env, p!, 'JH04');
    const [jh, school, district] = await Promise.all([as('jh04.admin'), as('v01.admin'), as('district.admin')]);
    let id = 0;
    const step = async (name: string, run: () => Promise<{ statusCode: number; body: string; json: () => { id: number } }>, expected: string[]) => {
      const mark = await auditMark(env());
      const res = await run();
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      if (!id) id = res.json().id;
      const events = await transferAudit(env, mark);
      expect(events.map((e) => e.action), name).toEqual(expected);
      for (const e of events) expect((e.changes as { businessAt?: string }).businessAt, name).toMatch(/^2027-05-12T/);
      return res;
    };
    await step('request', () => f.student.post('/api/me/early-transfer', { programmeId: p }), ['early_transfer.request']);
    await step('change', () => f.student.put('/api/me/early-transfer', { programmeId: q, version: 1 }), ['early_transfer.change']);
    await step('confirm', () => f.guardian.post('/api/me/early-transfer/confirm', { version: 2 }), ['early_transfer.confirm']);
    await step('source seal', () => jh.post(`/api/early-transfers/${id}/seal`, { version: 2 }), ['early_transfer.seal']);
    await step('school seal', () => school.post(`/api/early-transfers/${id}/seal`, { version: 2 }), ['early_transfer.seal']);
    const pair = { campaignId: await campaignIdOf(env), juniorHighId: await orgId(env(), 'JH04'), schoolId: await orgId(env(), 'V01') };
    const list = (await step('list', () => school.post('/api/early-transfer-lists', pair), ['early_transfer.list', 'early_transfer_list.create'])).json() as unknown as { id: number };
    await step('list source seal', () => jh.post(`/api/early-transfer-lists/${list.id}/seal`), ['early_transfer_list.seal']);
    await step('list school seal', () => school.post(`/api/early-transfer-lists/${list.id}/seal`), ['early_transfer_list.seal']);
    await step('file', () => district.post(`/api/early-transfer-lists/${list.id}/file`), ['early_transfer.file', 'early_transfer_list.file']);
    await step('exam result', () => school.put(`/api/early-transfers/${id}/exam-result`, { subjects: [{ subject: '英语', sat: true, passed: true }] }), ['early_transfer.exam_result']);
    await step('return', () => district.post(`/api/early-transfers/${id}/return`, { reason: '区教育局决定退回' }), ['early_transfer.return']);
    const history = (await district.get(`/api/early-transfers/${id}`)).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['request', 'change', 'confirm', 'seal', 'seal', 'list', 'file', 'examResult', 'return']);
    expect(history.map((h: { party: string | null }) => h.party)).toEqual(['student', 'student', 'guardian', 'source', 'school', 'system', 'district', 'school', 'district']);
    // The chain still verifies.
    expect((await district.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    const rows = await env().database.db.select({ status: earlyTransfers.status }).from(earlyTransfers).where(and(eq(earlyTransfers.studentId, f.s.id)));
    expect(rows).toEqual([{ status: 'returned' }]);
  });
}, { config: { fixedNow: '2027-05-12' } });

// R13: "not before May 1", in the campaign's time zone (Asia/Shanghai): one minute before is refused,
// midnight is accepted — though both instants fall on April 30 in UTC.
describeBackends('early transfer date gate: April 30, 23:59 Beijing time', (env) => {
  it('refuses the request, naming the opening day', async () => {
    const [p] = await programmeIdsOf(env, 'V02');
    await capWithFree(env, p!, 2);
    const f = await readyFamily(env, p!);
    const mine = (await f.student.get('/api/me/early-transfer')).json();
    expect(mine).toMatchObject({ window: 'before', opensOn: '2027-05-01' });
    expect(mine.problems.map((x: Problem) => x.code)).toEqual(['EARLY_TRANSFER_NOT_OPEN']);
    const d = expectError(await f.student.post('/api/me/early-transfer', { programmeId: p }), 409, 'EARLY_TRANSFER_NOT_OPEN');
    expect(d).toMatchObject({ rule: 'R13' });
    expect(d.reason).toContain('2027-05-01');
  });
}, { config: { fixedNow: '2027-04-30T23:59:00+08:00' } });

describeBackends('early transfer date gate: May 1, 00:00 Beijing time', (env) => {
  it('accepts the request, dated May 1', async () => {
    const [p] = await programmeIdsOf(env, 'V02');
    await capWithFree(env, p!, 2);
    const f = await readyFamily(env, p!);
    expect((await f.student.get('/api/me/early-transfer')).json()).toMatchObject({ window: 'open', problems: [] });
    const res = await f.student.post('/api/me/early-transfer', { programmeId: p });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'awaiting_family', requestedOn: '2027-05-01', content: { requestedOn: '2027-05-01' } });
  });
}, { config: { fixedNow: '2027-05-01T00:00:00+08:00' } });
