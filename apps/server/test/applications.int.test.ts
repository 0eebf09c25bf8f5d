/**
 * The application (志愿) end to end, on the demo campaign (D01 2027, demo day 2027-04-21 inside
 * the window 04-01..05-31): a family saves and confirms (R11 自愿: both confirm the current
 * version), a change drops it back; staff entering on the family's behalf stays unconfirmed
 * until the family confirms; every refusal names its rule (R11 exclusive track and K choices,
 * R4 qualification, R7 filing, the window); the 志愿表's code verifies valid, then superseded;
 * a vocational school sees only its applicants.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applications } from '../src/db/schema';
import { describeBackends } from './harness';
import { clients, expectError } from './factories';
import { family, programmesOf, vocational } from './support-applications';

describeBackends('applications (R4, R7, R11, R21)', (env) => {
  const as = clients(env);
  const verify = async (code: string) => (await env().app.inject({ method: 'GET', url: `/api/verify/${code}` })).json();
  const row = async (studentId: number) => (await env().database.db.select().from(applications).where(eq(applications.studentId, studentId)))[0]!;

  it('keeps every change when the student and the guardian save at the same moment (one statement, or the locked path on a clash)', async () => {
    const f = await family(env);
    const ids = await programmesOf(env, f.student, 'V02');
    expect((await f.student.put('/api/me/application', vocational([ids[0]!]))).statusCode).toBe(200);
    // Both read version 1; whichever writes second finds the version moved and retries under the lock.
    const [a, b] = await Promise.all([
      f.student.put('/api/me/application', vocational([ids[1] ?? ids[0]!, ids[0]!].filter((x, i, all) => all.indexOf(x) === i), false)),
      f.guardian.put('/api/me/application', { track: 'general', choices: [], acceptAdjustment: false }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const saved = await row(f.s.id);
    expect(saved.version).toBe(3);
    const history = (await f.student.get('/api/me/application/history')).json().items.filter((i: { action: string }) => i.action === 'save');
    expect(history.map((i: { version: number }) => i.version)).toEqual([1, 2, 3]);
    // What is stored is the last version's: its track and its choices, nothing of the other.
    const view = (await f.student.get('/api/me/application')).json();
    expect(view.version).toBe(3);
    expect(view.track).toBe(history[2].track);
    expect(view.choices.map((c: { programmeId: number }) => c.programmeId)).toEqual(history[2].choices);
    // Fewer choices than before: the surplus ranks are gone.
    expect((await f.student.put('/api/me/application', vocational([ids[0]!]))).json().choices).toHaveLength(1);
    expect((await f.student.get('/api/me/application')).json().choices).toHaveLength(1);
  });

  it('starts undecided, lists the programmes (R4, R7) and K', async () => {
    const f = await family(env);
    const me = (await f.student.get('/api/me/student')).json();
    expect(me).toMatchObject({ role: 'student', studentId: f.s.id, examNo: f.s.examNo, juniorHighName: '示例区第一中学', social: false });
    expect((await f.guardian.get('/api/me/student')).json().role).toBe('guardian');
    const view = (await f.student.get('/api/me/application')).json();
    expect(view).toMatchObject({ track: null, choices: [], version: 0, status: 'undecided', pendingConfirmers: [], maxChoices: 6, window: { from: '2027-04-01', to: '2027-05-31', open: true, daysLeft: 40 } });
    const list = (await f.student.get('/api/me/application/programmes')).json();
    expect(list.maxChoices).toBe(6);
    const v16 = await programmesOf(env, f.student, 'V16');
    const v13 = await programmesOf(env, f.student, 'V13');
    const v02 = await programmesOf(env, f.student, 'V02');
    expect(v16.length && v13.length && v02.length).toBeTruthy();
    const by = (id: number) => list.items.find((p: { programmeId: number }) => p.programmeId === id);
    expect(by(v16[0]!)).toMatchObject({ qualified: false, choosable: false });
    expect(by(v13[0]!)).toMatchObject({ qualified: true, brochureId: null, choosable: false });
    expect(by(v02[0]!)).toMatchObject({ qualified: true, choosable: true, brochureId: expect.any(Number), filingNumber: expect.any(String), runBy: 'district' });
    expect(JSON.stringify(list)).not.toMatch(/\d{17}[\dX]/);
    // Staff entering on the family's behalf read the same list by campaign; another district cannot.
    const staffList = (await (await as('jh01.admin')).get(`/api/campaigns/${f.s.campaignId}/programmes`)).json();
    expect(staffList).toEqual(list);
    expectError(await (await as('north.admin')).get(`/api/campaigns/${f.s.campaignId}/programmes`), 403, 'FORBIDDEN');
  });

  it('a student saves, the guardian confirms, the student confirms: confirmed; a change drops it back', async () => {
    const f = await family(env);
    const v02 = await programmesOf(env, f.student, 'V02');
    const v11 = await programmesOf(env, f.student, 'V11');
    const saved = (await f.student.put('/api/me/application', vocational([v02[0]!, v11[0]!]))).json();
    expect(saved).toMatchObject({ track: 'vocational', version: 1, status: 'draft', enteredBy: 'student', acceptAdjustment: true, pendingConfirmers: ['student', 'guardian'], verifyCode: null });
    expect(saved.choices.map((c: { rank: number; programmeId: number }) => [c.rank, c.programmeId])).toEqual([[1, v02[0]], [2, v11[0]]]);
    expect(saved.choices[0]).toMatchObject({ schoolName: '市职业高级中学校', majorName: expect.any(String), campusName: expect.any(String) });
    // The same again is no new version.
    expect((await f.student.put('/api/me/application', vocational([v02[0]!, v11[0]!]))).json().version).toBe(1);

    const g = (await f.guardian.post('/api/me/application/confirm', { version: 1 })).json();
    expect(g).toMatchObject({ status: 'awaiting_student', pendingConfirmers: ['student'], guardianConfirmedAt: expect.any(String), studentConfirmedAt: null, verifyCode: null });
    const s = (await f.student.post('/api/me/application/confirm', { version: 1 })).json();
    expect(s).toMatchObject({ status: 'confirmed', pendingConfirmers: [], studentConfirmedAt: expect.any(String), verifyCode: expect.any(String) });
    expect((await row(f.s.id)).status).toBe('confirmed');

    // The confirmed 志愿表: a PDF with the code, which verifies valid with masked facts.
    const pdf = await f.student.get('/api/me/application/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const valid = await verify(s.verifyCode);
    expect(valid).toMatchObject({ kind: 'application', status: 'valid', keyId: expect.stringMatching(/^d01-/), facts: { version: 1, track: '中职学校', juniorHigh: '示例区第一中学', examNo: expect.stringMatching(new RegExp(`^\\*+${f.s.examNo.slice(-4)}$`)) } });
    expect(valid.facts.choices).toHaveLength(2);
    expect(valid.facts.student).not.toBe(f.s.name);
    expect(JSON.stringify(valid)).not.toContain(f.s.idNumber);
    expect(JSON.stringify(valid)).not.toContain(f.s.guardianPhone);

    // The family is told through the outbox.
    const outbox = (await (await as('district.admin')).get('/api/notifications?template=choice_confirmed&pageSize=200')).json();
    expect(outbox.items.filter((n: { studentId: number }) => n.studentId === f.s.id)).toEqual([expect.objectContaining({ recipient: 'guardian', provider: 'outbox', status: 'queued', to: expect.stringContaining('****') })]);

    // A change afterwards: a new version, back to draft; the printed code is superseded.
    const changed = (await f.guardian.put('/api/me/application', vocational([v11[0]!]))).json();
    expect(changed).toMatchObject({ version: 2, status: 'draft', enteredBy: 'guardian', pendingConfirmers: ['student', 'guardian'], studentConfirmedAt: null, guardianConfirmedAt: null, verifyCode: null });
    expect(await verify(s.verifyCode)).toMatchObject({ status: 'superseded', facts: { version: 1, currentVersion: 2 } });
    const draftPdf = await f.student.get('/api/me/application/pdf');
    expect(draftPdf.statusCode).toBe(200);

    // The history, rebuilt from the audit log.
    const history = (await f.guardian.get('/api/me/application/history')).json().items;
    expect(history.map((h: { action: string; by: string; version: number }) => [h.action, h.by, h.version])).toEqual([
      ['save', 'student', 1], ['confirm', 'guardian', 1], ['confirm', 'student', 1], ['save', 'guardian', 2],
    ]);
    expect(history[3]).toMatchObject({ track: 'vocational', choices: [v11[0]], acceptAdjustment: true });
  });

  it('refuses a stale confirmation and confirming nothing', async () => {
    const f = await family(env);
    expectError(await f.student.post('/api/me/application/confirm', { version: 1 }), 409, 'APPLICATION_NOTHING_TO_CONFIRM');
    await f.student.put('/api/me/application', { track: 'general', choices: [], acceptAdjustment: false });
    await f.student.put('/api/me/application', vocational(await programmesOf(env, f.student, 'V12')));
    const details = expectError(await f.guardian.post('/api/me/application/confirm', { version: 1 }), 409, 'APPLICATION_STALE');
    expect(details).toMatchObject({ version: 1, currentVersion: 2 });
    expect((await f.guardian.post('/api/me/application/confirm', { version: 2 })).json().status).toBe('awaiting_student');
  });

  it('a general-high applicant confirms with no vocational choice', async () => {
    const f = await family(env);
    const v = (await f.student.put('/api/me/application', { track: 'general', choices: [], acceptAdjustment: true })).json();
    expect(v).toMatchObject({ track: 'general', choices: [], acceptAdjustment: false, version: 1 });
    await f.student.post('/api/me/application/confirm', { version: 1 });
    const done = (await f.guardian.post('/api/me/application/confirm', { version: 1 })).json();
    expect(done.status).toBe('confirmed');
    expect(await verify(done.verifyCode)).toMatchObject({ status: 'valid', facts: { track: '普通高中', choices: [] } });
  });

  it('refusals name the rule: R11 (both tracks, K choices), R4, R7', async () => {
    const f = await family(env);
    const v02 = await programmesOf(env, f.student, 'V02');
    const v11 = await programmesOf(env, f.student, 'V11');
    const v12 = await programmesOf(env, f.student, 'V12');
    const both = await f.student.put('/api/me/application', { track: 'general', choices: [{ programmeId: v02[0]! }], acceptAdjustment: false });
    expect(expectError(both, 409, 'APPLICATION_BOTH_TRACKS')).toMatchObject({ rule: 'R11', refusals: [expect.objectContaining({ code: 'APPLICATION_BOTH_TRACKS', rule: 'R11' })] });
    expect(both.json().error.message).toContain('R11');

    const seven = [...v02, ...v11].slice(0, 7);
    expect(seven).toHaveLength(7);
    expect(expectError(await f.student.put('/api/me/application', vocational(seven)), 409, 'APPLICATION_TOO_MANY_CHOICES')).toMatchObject({ rule: 'R11' });
    expect(expectError(await f.student.put('/api/me/application', vocational([v02[0]!, v02[0]!])), 409, 'APPLICATION_DUPLICATE_CHOICE')).toMatchObject({ rule: 'R11' });
    expect(expectError(await f.student.put('/api/me/application', vocational([])), 409, 'APPLICATION_NO_CHOICES')).toMatchObject({ rule: 'R11' });
    expect(expectError(await f.student.put('/api/me/application', vocational([999_999])), 409, 'APPLICATION_UNKNOWN_PROGRAMME')).toMatchObject({ refusals: [expect.objectContaining({ programmeIds: [999_999] })] });

    const v16 = await programmesOf(env, f.student, 'V16');
    const unqualified = await f.student.put('/api/me/application', vocational([v12[0]!, v16[0]!]));
    expect(expectError(unqualified, 409, 'APPLICATION_PROGRAMME_NOT_QUALIFIED')).toMatchObject({ rule: 'R4', refusals: expect.arrayContaining([expect.objectContaining({ code: 'APPLICATION_PROGRAMME_NOT_QUALIFIED', programmeIds: [v16[0]] })]) });
    expect(unqualified.json().error.message).toContain('R4');

    const v13 = await programmesOf(env, f.student, 'V13');
    const unfiled = await f.student.put('/api/me/application', vocational([v13[0]!]));
    expect(expectError(unfiled, 409, 'APPLICATION_PROGRAMME_NOT_FILED')).toMatchObject({ rule: 'R7' });
    expect(unfiled.json().error.message).toContain('R7');
    // Nothing was written by the refusals.
    expect((await f.student.get('/api/me/application')).json()).toMatchObject({ version: 0, status: 'undecided' });
  });

  it('junior-high staff enter on the family\'s behalf: unconfirmed until the family confirms; changes after staff are counted', async () => {
    const f = await family(env);
    const v12 = await programmesOf(env, f.student, 'V12');
    expectError(await (await as('jh02.admin')).put(`/api/students/${f.s.id}/application`, vocational([v12[0]!])), 403, 'FORBIDDEN');
    expectError(await (await as('district.admin')).put(`/api/students/${f.s.id}/application`, vocational([v12[0]!])), 403, 'FORBIDDEN');
    const jh = await as('jh01.admin');
    const staff = (await jh.put(`/api/students/${f.s.id}/application`, vocational([v12[0]!]))).json();
    expect(staff).toMatchObject({ version: 1, enteredBy: 'staff', status: 'draft', pendingConfirmers: ['student', 'guardian'] });
    expect(await row(f.s.id)).toMatchObject({ staffEntries: 1, changesAfterStaff: 0 });

    // The family changes it: counted (R21 signal), then both confirm.
    const mine = (await f.guardian.put('/api/me/application', vocational([v12[1]!, v12[0]!]))).json();
    expect(mine).toMatchObject({ version: 2, enteredBy: 'guardian' });
    expect(await row(f.s.id)).toMatchObject({ staffEntries: 1, changesAfterStaff: 1 });
    // Staff again, and the family confirms what staff entered: confirmed only with both.
    await jh.put(`/api/students/${f.s.id}/application`, vocational([v12[0]!]));
    expect(await row(f.s.id)).toMatchObject({ version: 3, staffEntries: 2, changesAfterStaff: 1, status: 'draft' });
    expect((await f.student.post('/api/me/application/confirm', { version: 3 })).json().status).toBe('awaiting_guardian');
    expect((await f.guardian.post('/api/me/application/confirm', { version: 3 })).json()).toMatchObject({ status: 'confirmed', enteredBy: 'staff' });

    // Staff read the history and print the form; another junior high cannot.
    const history = (await jh.get(`/api/students/${f.s.id}/application/history`)).json().items;
    expect(history.filter((h: { action: string }) => h.action === 'save').map((h: { by: string }) => h.by)).toEqual(['staff', 'guardian', 'staff']);
    expect((await jh.get(`/api/students/${f.s.id}/application/pdf`)).statusCode).toBe(200);
    expectError(await (await as('jh02.admin')).get(`/api/students/${f.s.id}/application/history`), 403, 'FORBIDDEN');
    expect((await (await as('district.admin')).get(`/api/students/${f.s.id}/application/history`)).statusCode).toBe(200);
  });

  it('a vocational school sees only the applicants who chose one of its programmes', async () => {
    const a = await family(env);
    const b = await family(env, 'JH02');
    const v15 = await programmesOf(env, a.student, 'V15');
    const v12 = await programmesOf(env, a.student, 'V12');
    await a.student.put('/api/me/application', vocational([v15[0]!, v12[0]!], false));
    await b.student.put('/api/me/application', vocational([v12[1]!]));
    const v15List = (await (await as('v15.admin')).get('/api/school/applicants?pageSize=200')).json();
    const mine = v15List.items.filter((i: { studentId: number }) => i.studentId === a.s.id || i.studentId === b.s.id);
    expect(mine).toEqual([{ studentId: a.s.id, name: a.s.name, gender: a.s.gender, examNo: a.s.examNo, juniorHighName: '示例区第一中学', social: false, rank: 1, programmeId: v15[0], majorName: expect.any(String), campusName: expect.any(String), acceptAdjustment: false, status: 'draft' }]);
    const v12List = (await (await as('v12.admin')).get(`/api/school/applicants?programmeId=${v12[0]}&pageSize=200`)).json();
    expect(v12List.items.filter((i: { studentId: number }) => i.studentId === a.s.id)).toEqual([expect.objectContaining({ rank: 2 })]);
    // A change of choice removes the student from the school's list.
    await a.student.put('/api/me/application', vocational([v12[0]!]));
    const after = (await (await as('v15.admin')).get('/api/school/applicants?pageSize=200')).json();
    expect(after.items.some((i: { studentId: number }) => i.studentId === a.s.id)).toBe(false);
    expect(JSON.stringify(after)).not.toMatch(/idMasked|phone/);
    // Not a school: refused.
    expectError(await (await as('jh01.admin')).get('/api/school/applicants'), 403, 'FORBIDDEN');
  });

  it('staff are not a family: the family routes refuse them', async () => {
    expectError(await (await as('jh01.admin')).get('/api/me/application'), 403, 'FORBIDDEN');
  });

  describe('the window', () => {
    it('refuses saving and confirming outside the application phase', async () => {
      const f = await family(env);
      await f.student.put('/api/me/application', { track: 'general', choices: [], acceptAdjustment: false });
      const admin = await as('district.admin');
      expect((await admin.put('/api/clock', { date: '2027-06-15' })).statusCode).toBe(200);
      try {
        const res = await f.student.put('/api/me/application', vocational(await programmesOf(env, f.student, 'V12')));
        expect(expectError(res, 409, 'APPLICATION_OUTSIDE_WINDOW')).toMatchObject({ window: { from: '2027-04-01', to: '2027-05-31' } });
        expectError(await f.guardian.post('/api/me/application/confirm', { version: 1 }), 409, 'APPLICATION_OUTSIDE_WINDOW');
        expect((await f.student.get('/api/me/application')).json().window).toMatchObject({ open: false, daysLeft: null });
      } finally {
        await admin.put('/api/clock', { date: '2027-04-21' });
      }
    });
  });
});
