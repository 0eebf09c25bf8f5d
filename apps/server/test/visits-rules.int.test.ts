/**
 * Every refusal of a visit request through the API names its rule (R4, R7, R9, R10), with all
 * refusals in the details; approval re-checks the overlap; the junior high proposes another
 * slot and the school accepts or cancels; protected lesson time is kept by the junior high or
 * its district. The demo's visits and protected periods are the backdrop (seed/demo-visits.ts).
 */
import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { clients, expectError, orgId } from './factories';
import { brochureId } from './publicity';
import { demoVisit, requestBody } from './visits';

const day = (date: string, start: string, end: string) => ({ date, start, end });

describeBackends('visit rules through the API', (env) => {
  const as = clients(env);
  const request = async (school: string, jh: string, slot: ReturnType<typeof day>, patch: object = {}) =>
    (await as(`${school.toLowerCase()}.admin`)).post('/api/visits', { ...(await requestBody(env(), school, jh, slot)), ...patch });
  const codes = (details: { refusals: Array<{ code: string; rule: string | null }> }) => details.refusals.map((r) => `${r.code} ${r.rule}`);

  it('refuses a school not qualified this year (R4) and without a filed brochure (R7), listing both', async () => {
    const details = expectError(await request('V16', 'JH20', day('2027-04-28', '09:00', '10:00'), { brochureId: await brochureId(env(), 'V16') }), 409, 'SCHOOL_NOT_QUALIFIED');
    expect(details.rule).toBe('R4');
    expect(codes(details)).toEqual(['SCHOOL_NOT_QUALIFIED R4', 'VISIT_NO_FILED_BROCHURE R7']);
    expect(details.explanation['zh-CN']).toContain('R4');
  });

  it('refuses a brochure that is not the school\'s current filed one (R7)', async () => {
    // V13's brochure is still in the city's review.
    expect(codes(expectError(await request('V13', 'JH20', day('2027-04-28', '09:00', '10:00'), { brochureId: await brochureId(env(), 'V13') }), 409, 'VISIT_NO_FILED_BROCHURE'))).toEqual(['VISIT_NO_FILED_BROCHURE R7']);
    // V01's first version was superseded by the second.
    const details = expectError(await request('V01', 'JH20', day('2027-04-21', '16:00', '17:00'), { brochureId: await brochureId(env(), 'V01', 1) }), 409, 'VISIT_NO_FILED_BROCHURE');
    expect(details.refusals[0].details).toMatchObject({ brochureId: await brochureId(env(), 'V01', 1), currentFiledBrochureId: await brochureId(env(), 'V01', 2) });
  });

  it('keeps each kind of school in its window (R9), at the edges', async () => {
    expect(codes(expectError(await request('V01', 'JH20', day('2027-04-27', '09:00', '10:00')), 409, 'VISIT_OUTSIDE_WINDOW'))).toEqual(['VISIT_OUTSIDE_WINDOW R9']);
    // April 19 is both before the window and gone (the demo day is April 21): both are said.
    expect(codes(expectError(await request('V01', 'JH20', day('2027-04-19', '09:00', '10:00')), 409, 'VISIT_IN_PAST'))).toEqual(['VISIT_IN_PAST R19', 'VISIT_OUTSIDE_WINDOW R9']);
    expectError(await request('V11', 'JH20', day('2027-04-26', '09:00', '10:00')), 409, 'VISIT_OUTSIDE_WINDOW');
    expectError(await request('V11', 'JH20', day('2027-05-01', '09:00', '10:00')), 409, 'VISIT_OUTSIDE_WINDOW');
    const last = await request('V11', 'JH20', day('2027-04-30', '16:00', '17:00'));
    expect(last.statusCode, last.body).toBe(200);
  });

  it('refuses a day gone, hours outside the school day and a duplicate, naming the rule (issue 15 §2)', async () => {
    expect(codes(expectError(await request('V01', 'JH22', day('2027-04-20', '14:00', '15:00')), 409, 'VISIT_IN_PAST'))).toEqual(['VISIT_IN_PAST R19']);
    expect(codes(expectError(await request('V01', 'JH22', day('2027-04-22', '00:00', '01:55')), 409, 'VISIT_OUTSIDE_SCHOOL_DAY'))).toEqual(['VISIT_OUTSIDE_SCHOOL_DAY R10']);
    expectError(await request('V01', 'JH22', day('2027-04-22', '17:30', '18:30')), 409, 'VISIT_OUTSIDE_SCHOOL_DAY');
    // Today is still fine; a double click makes one request.
    const first = await request('V01', 'JH22', day('2027-04-21', '16:00', '17:00'));
    expect(first.statusCode, first.body).toBe(200);
    const again = expectError(await request('V01', 'JH22', day('2027-04-21', '16:00', '17:00')), 409, 'VISIT_DUPLICATE');
    expect(again.refusals[0].details).toEqual({ visitId: first.json().id });
    // Another school at the same time is not a duplicate (only a conflict for the bureau to weigh).
    expect((await request('V02', 'JH22', day('2027-04-21', '16:00', '17:00'))).statusCode).toBe(200);
  });

  it('allows exactly two hours and refuses two hours and a minute (R10)', async () => {
    expect((await request('V01', 'JH21', day('2027-04-22', '14:00', '16:00'))).json()).toMatchObject({ status: 'requested', minutes: 120 });
    const details = expectError(await request('V01', 'JH21', day('2027-04-23', '14:00', '16:01')), 409, 'VISIT_TOO_LONG');
    expect(codes(details)).toEqual(['VISIT_TOO_LONG R10']);
    expect(details.refusals[0].details).toEqual({ minutes: 121, max: 120 });
  });

  it('keeps out of the junior high\'s protected lesson time (R10), by weekday and by date', async () => {
    // JH01 protects weekday mornings; JH07 has its mid-term exams on April 22–23.
    expect(codes(expectError(await request('V02', 'JH01', day('2027-04-21', '10:00', '11:00')), 409, 'VISIT_IN_PROTECTED_TIME'))).toEqual(['VISIT_IN_PROTECTED_TIME R10']);
    expectError(await request('V01', 'JH07', day('2027-04-22', '16:00', '17:00')), 409, 'VISIT_IN_PROTECTED_TIME');
    expect((await request('V02', 'JH01', day('2027-04-21', '11:40', '12:30'))).statusCode).toBe(200); // touches the end
  });

  it('refuses an overlap with an approved visit, and says everything wrong at once', async () => {
    // V01 is approved at JH04 on April 21, 15:00–16:30.
    const d = expectError(await request('V02', 'JH04', day('2027-04-21', '16:00', '17:00')), 409, 'VISIT_OVERLAPS');
    expect(d.refusals[0].details.visitId).toBe((await demoVisit(env(), 'V01', 'JH04')).id);
    expect((await request('V02', 'JH04', day('2027-04-21', '16:30', '17:30'))).statusCode).toBe(200); // back to back
    const all = expectError(await request('V16', 'JH01', day('2027-04-26', '08:00', '10:30'), { brochureId: await brochureId(env(), 'V16') }), 409, 'SCHOOL_NOT_QUALIFIED');
    expect(codes(all)).toEqual(['SCHOOL_NOT_QUALIFIED R4', 'VISIT_NO_FILED_BROCHURE R7', 'VISIT_OUTSIDE_WINDOW R9', 'VISIT_TOO_LONG R10', 'VISIT_IN_PROTECTED_TIME R10']);
  });

  it('refuses a bad time, a school that is no junior high of the district, and answers in English when asked', async () => {
    expectError(await request('V01', 'JH20', day('2027-04-21', '10:00', '09:00')), 400, 'VISIT_BAD_TIME');
    expectError(await request('V01', 'JN01', day('2027-04-21', '10:00', '11:00')), 400, 'VISIT_NOT_A_JUNIOR_HIGH');
    expectError(await request('V01', 'V02', day('2027-04-21', '10:00', '11:00')), 400, 'VISIT_NOT_A_JUNIOR_HIGH');
    const cookie = await signIn(env().app, 'v01.admin');
    const en = await call(env().app, cookie, { method: 'POST', url: '/api/visits', headers: { 'accept-language': 'en' }, payload: await requestBody(env(), 'V01', 'JH20', day('2027-04-28', '09:00', '10:00')) });
    expect(en.json().error).toMatchObject({ code: 'VISIT_OUTSIDE_WINDOW', message: expect.stringContaining('R9') });
    expect(en.json().error.details.explanation['en-US']).toBe('district-run schools visit from 2027-04-20 to 2027-04-26 (R9)');
  });

  it('re-checks at approval: of two overlapping requests only the first approved stands; the other is refused with a reason', async () => {
    const a = (await request('V01', 'JH22', day('2027-04-23', '09:00', '10:00'))).json();
    const b = (await request('V02', 'JH22', day('2027-04-23', '09:30', '10:30'))).json();
    const bureau = await as('district.admin');
    expect((await bureau.get(`/api/visits/${b.id}`)).json().conflicts).toEqual([a.id]);
    expect((await bureau.post(`/api/visits/${a.id}/approve`)).json().status).toBe('approved');
    expect(expectError(await bureau.post(`/api/visits/${b.id}/approve`), 409, 'VISIT_OVERLAPS').refusals[0].details.visitId).toBe(a.id);
    expectError(await bureau.post(`/api/visits/${a.id}/approve`), 409, 'VISIT_ILLEGAL_TRANSITION');
    const refused = await bureau.post(`/api/visits/${b.id}/refuse`, { reason: '与已批准的进校宣传时间冲突，请改期' });
    expect((await (await as('v02.admin')).get(`/api/visits/${b.id}`)).json()).toMatchObject({ status: 'refused', refusalReason: '与已批准的进校宣传时间冲突，请改期', permit: null });
    expect(refused.statusCode).toBe(200);
  });

  it('lets the junior high propose another slot (itself within the rules) and the school accept it', async () => {
    const v = (await request('V02', 'JH10', day('2027-04-22', '14:00', '15:00'))).json();
    const host = await as('jh10.admin');
    // JH10 protects weekday mornings: it cannot propose one either.
    expectError(await host.post(`/api/visits/${v.id}/propose`, { ...day('2027-04-23', '09:00', '10:00'), note: '上午' }), 409, 'VISIT_IN_PROTECTED_TIME');
    expectError(await (await as('jh01.admin')).post(`/api/visits/${v.id}/propose`, { ...day('2027-04-23', '15:00', '16:00') }), 403, 'FORBIDDEN');
    const proposed = (await host.post(`/api/visits/${v.id}/propose`, { ...day('2027-04-23', '15:00', '16:00'), note: '22日下午有运动会' })).json();
    expect(proposed).toMatchObject({ status: 'proposed', proposedSlot: { date: '2027-04-23', start: '15:00', end: '16:00', note: '22日下午有运动会' }, date: '2027-04-22' });
    expectError(await (await as('district.admin')).post(`/api/visits/${v.id}/approve`), 409, 'VISIT_ILLEGAL_TRANSITION');
    const accepted = (await (await as('v02.admin')).post(`/api/visits/${v.id}/accept-proposal`)).json();
    expect(accepted).toMatchObject({ status: 'requested', date: '2027-04-23', start: '15:00', end: '16:00', proposedSlot: null });
    expect((await (await as('district.staff')).post(`/api/visits/${v.id}/approve`)).json().status).toBe('approved');
  });

  it('lets the school cancel, and a cancelled permit no longer admits anyone', async () => {
    const v = (await request('V01', 'JH23', day('2027-04-26', '09:00', '10:00'))).json();
    const permit = (await (await as('district.admin')).post(`/api/visits/${v.id}/approve`)).json().permit;
    expectError(await (await as('v02.admin')).post(`/api/visits/${v.id}/cancel`), 403, 'FORBIDDEN');
    expect((await (await as('v01.admin')).post(`/api/visits/${v.id}/cancel`)).json().status).toBe('cancelled');
    const verdict = (await env().app.inject({ method: 'GET', url: `/api/verify/${permit.code}` })).json();
    expect(verdict).toMatchObject({ kind: 'permit', status: 'revoked', facts: { cancelled: true } });
    expectError(await (await as('v01.admin')).post(`/api/visits/${v.id}/cancel`), 409, 'VISIT_ILLEGAL_TRANSITION');
    expectError(await (await as('jh23.admin')).post(`/api/visits/${v.id}/check-in`), 409, 'VISIT_ILLEGAL_TRANSITION');
  });

  it('keeps protected lesson time: the junior high or its district writes it, schools planning visits read it', async () => {
    const jh = await orgId(env(), 'JH24');
    const url = `/api/organizations/${jh}/protected-periods`;
    const periods = [{ weekday: 5, date: null, start: '14:00', end: '16:00', label: '周五班会' }];
    const saved = await (await as('jh24.admin')).put(url, { periods });
    expect(saved.json()).toEqual({ organizationId: jh, periods });
    expect((await (await as('v11.admin')).get(url)).json().periods).toEqual(periods);
    expectError(await (await as('v11.admin')).put(url, { periods: [] }), 403, 'FORBIDDEN');
    expectError(await (await as('jh01.admin')).put(url, { periods: [] }), 403, 'FORBIDDEN');
    expectError(await (await as('jh01.admin')).get(url), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).get(url), 403, 'FORBIDDEN');
    expectError(await (await as('jh24.admin')).put(url, { periods: [{ ...periods[0], end: '13:00' }] }), 400, 'PROTECTED_PERIODS_INVALID');
    expectError(await (await as('district.admin')).put(`/api/organizations/${await orgId(env(), 'V01')}/protected-periods`, { periods }), 400, 'PROTECTED_PERIODS_INVALID');
    expectError(await (await as('jh24.admin')).put(url, { periods: [{ ...periods[0], date: '2027-04-23' }] }), 400, 'VALIDATION_FAILED');
    // April 23 is a Friday: the new period holds at once.
    expectError(await request('V01', 'JH24', day('2027-04-23', '15:00', '16:00')), 409, 'VISIT_IN_PROTECTED_TIME');
    expect((await (await as('district.staff')).put(url, { periods: [] })).json().periods).toEqual([]);
    expect((await request('V01', 'JH24', day('2027-04-23', '15:00', '16:00'))).statusCode).toBe(200);
  });
}, { config: { fixedNow: '2027-04-21T09:00:00+08:00' } });
