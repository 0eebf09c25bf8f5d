/**
 * Early transfer end to end (issue 10: R13, R14), on the demo campaign with the business clock
 * in May (2027-05-12): a family asks, the guardian confirms, the junior high seals, the school
 * seals, both seal the combined list, the district bureau files it; the codes verify at every
 * step; a change after the first seal voids the seals; refusals name their rules.
 */
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notifications } from '../src/db/schema';
import { describeBackends } from './harness';
import { clients, expectError } from './factories';
import { campaignIdOf, programmeWithCap, readyFamily } from './support-transfers';
import { family } from './support-applications';
import { admissionPool } from '../src/features/transfers/admission-pool';

describeBackends('early transfer: request, two seals, the list, filing (R13, R14)', (env) => {
  const as = clients(env);
  const verify = async (code: string) => (await env().app.inject({ method: 'GET', url: `/api/verify/${code}` })).json();

  it('walks a form from the family to filing, and every code tells what it vouches for', async () => {
    const probe = await family(env);
    const programmeId = await programmeWithCap(env, 'V02', 3, probe);
    const f = await readyFamily(env, programmeId);
    const mine = (await f.student.get('/api/me/early-transfer')).json();
    expect(mine.window).toBe('open');
    expect(mine.problems).toEqual([]);
    expect(mine.programmes.find((p: { programmeId: number }) => p.programmeId === programmeId)).toMatchObject({ cap: 3, held: 0, left: 3, choosable: true, choiceRank: 1 });

    const asked = await f.student.post('/api/me/early-transfer', { programmeId });
    expect(asked.statusCode).toBe(200);
    const t = asked.json();
    expect(t).toMatchObject({ status: 'awaiting_family', version: 1, pendingConfirmers: ['guardian'], requestedBy: 'student', requestedOn: '2027-05-12' });
    expect(t.content.student.idMasked).toMatch(/\*/);
    const jh = await as('jh01.admin');
    // Nobody seals before the guardian confirms.
    expectError(await jh.post(`/api/early-transfers/${t.id}/seal`, { version: 1 }), 409, 'EARLY_TRANSFER_TRANSITION');
    const confirmed = (await f.guardian.post('/api/me/early-transfer/confirm', { version: 1 })).json();
    expect(confirmed.status).toBe('awaiting_source');

    const school = await as('v02.admin');
    // The school waits for the junior high.
    expectError(await school.post(`/api/early-transfers/${t.id}/seal`, { version: 1 }), 409, 'EARLY_TRANSFER_TRANSITION');
    // Another school cannot seal for it.
    expectError(await (await as('v01.admin')).post(`/api/early-transfers/${t.id}/seal`, { version: 1 }), 403, 'FORBIDDEN');
    const sourceSealed = (await jh.post(`/api/early-transfers/${t.id}/seal`, { version: 1 })).json();
    expect(sourceSealed.status).toBe('awaiting_school');
    expect(sourceSealed.seals).toMatchObject([{ party: 'source', valid: true }]);
    const v1 = await verify(sourceSealed.formCode);
    expect(v1).toMatchObject({ kind: 'transfer-form', status: 'valid' });
    expect(v1.facts.seals).toHaveLength(1);

    const sealed = (await school.post(`/api/early-transfers/${t.id}/seal`, { version: 1 })).json();
    expect(sealed.status).toBe('sealed');
    expect(sealed.seals.map((s: { party: string; valid: boolean }) => [s.party, s.valid])).toEqual([['source', true], ['school', true]]);
    expect((await verify(sealed.formCode)).facts.seals).toHaveLength(2);
    // Every altered byte of the code is refused.
    const code: string = sealed.formCode;
    for (const i of [0, 10, code.indexOf('.') + 3, code.length - 2]) {
      const c = code[i] === 'A' ? 'B' : 'A';
      expect((await verify(code.slice(0, i) + c + code.slice(i + 1))).status).toBe('invalid');
    }

    const campaignId = await campaignIdOf(env);
    const candidates = (await jh.get(`/api/early-transfer-lists/candidates?campaignId=${campaignId}`)).json().items;
    expect(candidates).toEqual([expect.objectContaining({ schoolId: t.schoolId, sealed: 1 })]);
    const list = (await jh.post('/api/early-transfer-lists', { campaignId, juniorHighId: t.juniorHighId, schoolId: t.schoolId })).json();
    expect(list).toMatchObject({ status: 'open', count: 1, actions: ['seal', 'withdraw'] });
    const district = await as('district.admin');
    // The demo already holds early transfers (the seed's May): figures are read before and after.
    const before = (await district.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json();
    expectError(await district.post(`/api/early-transfer-lists/${list.id}/file`), 409, 'EARLY_TRANSFER_LIST_NOT_SEALED');
    await jh.post(`/api/early-transfer-lists/${list.id}/seal`);
    const both = (await school.post(`/api/early-transfer-lists/${list.id}/seal`)).json();
    expect(both.status).toBe('sealed');
    expect((await verify(both.code))).toMatchObject({ kind: 'transfer-list', status: 'valid' });
    const filed = (await district.post(`/api/early-transfer-lists/${list.id}/file`)).json();
    expect(filed).toMatchObject({ status: 'filed', filedOn: '2027-05-12' });
    expect(filed.filingNumber).toMatch(/^示教职转备〔2027〕\d{3}号$/);
    expect(filed.seals.map((s: { party: string; valid: boolean }) => [s.party, s.valid])).toEqual([['source', true], ['school', true], ['district', true]]);
    const vl = await verify(filed.code);
    expect(vl).toMatchObject({ status: 'valid', facts: { filingNumber: filed.filingNumber } });
    expect(JSON.stringify(vl)).not.toContain(f.s.name);

    // The family is told at each turn (the outbox of the notification channel).
    const told = await env().database.db.select({ template: notifications.template, body: notifications.body }).from(notifications).where(eq(notifications.studentId, f.s.id));
    expect(told.map((n) => n.template)).toEqual(expect.arrayContaining(['early_transfer_sealed', 'early_transfer_filed']));
    expect(told.find((n) => n.template === 'early_transfer_filed')!.body).toContain(filed.filingNumber);
    const after = (await f.student.get('/api/me/early-transfer')).json().current;
    expect(after).toMatchObject({ status: 'filed', filingNumber: filed.filingNumber });
    // Filed: the family can no longer switch to general high.
    expectError(await f.student.put('/api/me/application', { track: 'general', choices: [], acceptAdjustment: false }), 409, 'APPLICATION_EARLY_TRANSFER_HOLDS');
    // The bureau's register and counts.
    const register = (await district.get(`/api/early-transfers?campaignId=${campaignId}&status=filed`)).json();
    expect(register.items.map((i: { id: number }) => i.id)).toContain(t.id);
    expect(register.items[0]).toHaveProperty('listCode');
    const report = (await district.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json();
    expect(report.totals.filed).toBe(before.totals.filed + 1);
    expect(report.nDistrict.filedDistrictRun).toBe(before.nDistrict.filedDistrictRun + 1);
    // The seat is held: the admission fills one seat fewer and does not consider the student again (R13, R15).
    const pool = await admissionPool(env().database.db, campaignId);
    const p = pool.programmes.find((x) => x.programmeId === programmeId)!;
    expect(p).toMatchObject({ heldByEarlyTransfer: 1, seatsForAdmission: p.seats - 1 });
    expect(pool.excludedStudentIds.has(f.s.id)).toBe(true);
    const caps = (await district.get(`/api/campaigns/${campaignId}/early-transfer-caps`)).json().rows;
    expect(caps.find((r: { programmeId: number }) => r.programmeId === programmeId)).toMatchObject({ cap: 3, held: 1, filed: 1, seatsForAdmission: p.seats - 1, editable: true });
    // Return after filing: the district's decision only.
    expectError(await f.student.post('/api/me/early-transfer/withdraw', { reason: '不想去了' }), 409, 'EARLY_TRANSFER_TRANSITION');
    const returned = (await district.post(`/api/early-transfers/${t.id}/return`, { reason: '学生身体原因回初中就读' })).json();
    expect(returned).toMatchObject({ status: 'returned', decidedBy: 'district' });
    expect((await verify(sealed.formCode)).status).toBe('withdrawn');
    for (const url of [`/api/early-transfers/${t.id}/pdf`, `/api/early-transfer-lists/${list.id}/pdf`, `/api/early-transfer-lists/${list.id}/xlsx`]) {
      const res = await district.get(url);
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('refuses before the junior high confirms the curriculum, and voids the seals on a change', async () => {
    const probe = await family(env);
    const programmeId = await programmeWithCap(env, 'V01', 5, probe);
    const refused = await probe.student.post('/api/me/early-transfer', { programmeId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('EARLY_TRANSFER_NOT_VOCATIONAL');

    const f = await readyFamily(env, programmeId);
    const t = (await f.guardian.post('/api/me/early-transfer', { programmeId })).json();
    await f.student.post('/api/me/early-transfer/confirm', { version: 1 });
    const jh = await as('jh01.admin');
    const sealed = (await jh.post(`/api/early-transfers/${t.id}/seal`, { version: 1 })).json();
    const other = (await f.student.get('/api/me/early-transfer')).json().programmes.find((p: { programmeId: number; choosable: boolean }) => p.programmeId !== programmeId && p.choosable);
    if (other) {
      const changed = (await f.student.put('/api/me/early-transfer', { programmeId: other.programmeId, version: 1 })).json();
      expect(changed).toMatchObject({ status: 'awaiting_family', version: 2, seals: [] });
      expect((await verify(sealed.formCode)).status).toBe('withdrawn');
    }
    const w = (await f.student.post('/api/me/early-transfer/withdraw', { reason: '家长不同意' })).json();
    expect(w.status).toBe('withdrawn');
  });
}, { config: { fixedNow: '2027-05-12' } });
