/**
 * The campus visit through the API (R9, R10, R19): a school requests → the district bureau
 * approves and a permit is issued → the school opens the permit PDF → anyone verifies its QR
 * code → the junior high checks the visitors in and out → an overrun is flagged to the bureau.
 * Two business clocks: during the visit (14:40 on the demo day) and after it (18:00).
 */
import { expect, it } from 'vitest';
import { describeBackends } from './harness';
import { auditSince, auditMark, clients, expectError, oneAudit, orgId } from './factories';
import { hasPoppler, pdfText, requestBody } from './visits';

const slot = { date: '2027-04-21', start: '14:30', end: '16:00' };

describeBackends('visit workflow during the visit', (env) => {
  const as = clients(env);
  const anon = (url: string) => env().app.inject({ method: 'GET', url, headers: { host: 'zhizhao.example.cn' } });
  let id = 0;
  let code = '';

  it('takes a request, approves it and issues a signed permit with the next serial, all audited', async () => {
    const school = await as('v01.admin');
    const mark = await auditMark(env());
    const res = await school.post('/api/visits', await requestBody(env(), 'V01', 'JH16', slot));
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ status: 'requested', schoolName: '市第一职业技术学校', juniorHighName: '示例区红旗中学', runBy: 'district', minutes: 90, permit: null, conflicts: [], brochureFilingNumber: '示教职招备〔2027〕006号' });
    id = v.id;
    const requested = await oneAudit(env(), mark, 'visit.request');
    expect(requested.organizationId).toBe(await orgId(env(), 'JH16'));
    expect(JSON.stringify(requested.changes)).not.toContain('138-1111');

    const approved = await (await as('district.staff')).post(`/api/visits/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const p = approved.json().permit;
    // The demo issued 0001–0018.
    expect(p).toMatchObject({ serial: '示区教宣许〔2027〕0019号', issuedBy: '示例区教育局', revokedAt: null, code: expect.stringMatching(/^[\w-]+\.[\w-]+$/) });
    code = p.code;
    expect((await oneAudit(env(), mark, 'visit.approve')).changes).toMatchObject({ permitSerial: '示区教宣许〔2027〕0019号', status: { from: 'requested', to: 'approved' } });
  });

  it('serves the permit PDF to the school with the serial, the schools, the staff and the generated seal mark', async () => {
    const res = await (await as('v01.admin')).get(`/api/visits/${id}/permit.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('示区教宣许〔2027〕0019号');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (!hasPoppler) return;
    const text = pdfText(res.rawPayload).replace(/\s+/g, '');
    for (const s of ['进校招生宣传批准书', '示区教宣许〔2027〕0019号', '市第一职业技术学校', '示例区红旗中学', '2027年4月21日', '14:30—16:00', '测试老师', '第二位老师', '电子签章示意', '示教职招备〔2027〕006号']) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('138-1111');
  });

  it('verifies the code without login: valid now, with the school, junior high, day, times and names (no phones)', async () => {
    const res = await anon(`/api/verify/${code}`);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'permit', status: 'valid', keyId: expect.stringMatching(/^d01-/),
      facts: { serial: '示区教宣许〔2027〕0019号', school: '市第一职业技术学校', juniorHigh: '示例区红旗中学', date: '2027-04-21', start: '14:30', end: '16:00', staff: ['测试老师', '第二位老师'], issuer: '示例区教育局' },
    });
    expect(JSON.stringify(body)).not.toContain('138-1111');
  });

  it('lets only the visited junior high check the visitors in, once, within the slot', async () => {
    const at = (hm: string) => `2027-04-21T${hm}:00+08:00`;
    expectError(await (await as('jh01.admin')).post(`/api/visits/${id}/check-in`, {}), 403, 'FORBIDDEN');
    expectError(await (await as('v01.admin')).post(`/api/visits/${id}/check-in`, {}), 403, 'FORBIDDEN');
    const gate = await as('jh16.admin');
    expectError(await gate.post(`/api/visits/${id}/check-in`, { at: at('13:55') }), 409, 'VISIT_CHECK_TIME'); // 35 minutes early
    expectError(await gate.post(`/api/visits/${id}/check-in`, { at: at('15:00') }), 409, 'VISIT_CHECK_TIME'); // in the future
    const res = await gate.post(`/api/visits/${id}/check-in`, { at: at('14:32') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checkedInAt).toBe('2027-04-21T06:32:00.000Z');
    expectError(await gate.post(`/api/visits/${id}/check-in`), 409, 'VISIT_ILLEGAL_TRANSITION');
    expectError(await gate.post(`/api/visits/${id}/check-out`, { at: at('14:20') }), 409, 'VISIT_CHECK_TIME'); // before the check-in
  });
}, { config: { fixedNow: '2027-04-21T14:40:00+08:00' } });

describeBackends('visit workflow after the visit', (env) => {
  const as = clients(env);

  it('records the actual length at check-out, flags the overrun (R10) and shows it to the bureau', async () => {
    const school = await as('v02.admin');
    const id = (await school.post('/api/visits', await requestBody(env(), 'V02', 'JH17', slot))).json().id;
    expect((await (await as('district.admin')).post(`/api/visits/${id}/approve`)).json().status).toBe('approved');
    const gate = await as('jh17.admin');
    expect((await gate.post(`/api/visits/${id}/check-in`, { at: '2027-04-21T14:30:00+08:00' })).statusCode).toBe(200);
    const mark = await auditMark(env());
    const out = await gate.post(`/api/visits/${id}/check-out`, { at: '2027-04-21T16:45:00+08:00' });
    expect(out.json()).toMatchObject({ actualMinutes: 135, overrun: true, checkedOutAt: '2027-04-21T08:45:00.000Z' });
    expect((await oneAudit(env(), mark, 'visit.check_out')).changes).toMatchObject({ actualMinutes: 135, plannedMinutes: 90, overrun: true });

    const flagged = (await (await as('district.staff')).get('/api/visits?overrun=true&pageSize=200')).json();
    // The demo's overrun on April 20 (V02 at JH02) and this one.
    expect(flagged.items.map((v: { juniorHighName: string }) => v.juniorHighName)).toEqual(['示例区第二中学', '示例区光明中学']);
    expect((await (await as('v01.admin')).get('/api/visits?overrun=true')).json().items).toEqual([]);
  });

  it('checks out on time without a flag, and answers "over" at the gate once the slot has ended', async () => {
    const id = (await (await as('v01.admin')).post('/api/visits', await requestBody(env(), 'V01', 'JH19', slot))).json().id;
    const permit = (await (await as('district.admin')).post(`/api/visits/${id}/approve`)).json().permit;
    const gate = await as('jh19.admin');
    await gate.post(`/api/visits/${id}/check-in`, { at: '2027-04-21T14:28:00+08:00' });
    expect((await gate.post(`/api/visits/${id}/check-out`, { at: '2027-04-21T15:55:00+08:00' })).json()).toMatchObject({ actualMinutes: 87, overrun: false });
    expectError(await gate.post(`/api/visits/${id}/check-out`), 409, 'VISIT_ILLEGAL_TRANSITION');
    const verdict = (await env().app.inject({ method: 'GET', url: `/api/verify/${permit.code}` })).json();
    expect(verdict).toMatchObject({ kind: 'permit', status: 'over', message: { zh: expect.stringContaining('时段已结束') } });
  });

  it('lists the campaign\'s permits for the bureau with their status at the business time', async () => {
    const items = (await (await as('district.admin')).get('/api/permits')).json().items as Array<{ serial: string; status: string; school: string; juniorHigh: string; code: string }>;
    expect(items.length).toBe(20);
    const by = (serial: string) => items.find((i) => i.serial === `示区教宣许〔2027〕${serial}号`)!;
    expect(by('0001')).toMatchObject({ status: 'over', school: '市第一职业技术学校', juniorHigh: '示例区第一中学', code: expect.any(String) });
    expect(by('0003').status).toBe('over'); // April 21, 15:00–16:30: over at 18:00
    expect(by('0005').status).toBe('not_yet');
    expect(by('0007').status).toBe('revoked');
    expect(new Set(items.map((i) => i.serial)).size).toBe(20);
    expect((await auditSince(env(), 0, 'visit.approve')).length).toBe(20);
  });
}, { config: { fixedNow: '2027-04-21T18:00:00+08:00' } });
