/**
 * Who sees which visits, permits and reports (R19): a school only its own visits, a junior high
 * only the visits to it, a district bureau every visit to its junior highs (city-run schools'
 * included) and never another district's, the city its districts'. Permits are listed for the
 * bureaus only; reports of unauthorised recruiting reach the bureau's queue and the reporting
 * junior high, never a school.
 */
import { expect, it } from 'vitest';
import { describeBackends } from './harness';
import { auditMark, clients, expectError, oneAudit, orgId } from './factories';
import { campaignOf, demoVisit, requestBody } from './visits';

type Item = { id: number; schoolId: number; juniorHighId: number; schoolName: string; juniorHighName: string };

describeBackends('visit scope', (env) => {
  const as = clients(env);
  const list = async (username: string, query = '') => (await (await as(username)).get(`/api/visits?pageSize=200${query}`)).json() as { items: Item[]; total: number };
  let northVisit = 0;

  it('shows a school only its own visits, a junior high only the visits to it', async () => {
    const v01 = await list('v01.admin');
    expect(v01.total).toBeGreaterThan(0);
    expect(new Set(v01.items.map((i) => i.schoolId))).toEqual(new Set([await orgId(env(), 'V01')]));
    const v12 = await list('v12.admin');
    expect(v12.items.map((i) => i.juniorHighName)).toEqual(['示例区第二中学', '示例区第三中学', '示例区实验中学', '示例区南湖中学']);
    const jh01 = await list('jh01.admin');
    expect(jh01.items.map((i) => i.schoolName)).toEqual(['市第一职业技术学校', '市职业高级中学校', '示例市交通职业学校']);
    const other = await demoVisit(env(), 'V02', 'JH02');
    expectError(await (await as('v01.admin')).get(`/api/visits/${other.id}`), 403, 'FORBIDDEN');
    expectError(await (await as('jh01.admin')).get(`/api/visits/${other.id}`), 403, 'FORBIDDEN');
    expect((await (await as('jh02.admin')).get(`/api/visits/${other.id}`)).json()).toMatchObject({ schoolName: '市职业高级中学校', overrun: true, actualMinutes: 135 });
    // Filters narrow within the scope, never beyond it.
    expect((await list('v01.admin', `&schoolId=${await orgId(env(), 'V02')}`)).items).toEqual([]);
  });

  it('shows the district every visit to its junior highs, city-run schools\' included, with the conflicts', async () => {
    const all = await list('district.staff', `&campaignId=${await campaignOf(env(), 'D01')}`);
    expect(all.total).toBe(24);
    expect(new Set(all.items.map((i) => i.schoolName)).size).toBe(5);
    const conflicted = all.items.filter((i: Item & { conflicts?: number[] }) => (i as { conflicts: number[] }).conflicts.length > 0).map((i) => `${i.schoolName}@${i.juniorHighName}`);
    expect(conflicted).toEqual(['市第一职业技术学校@示例区西城中学', '市职业高级中学校@示例区西城中学']);
    const day = await list('district.staff', '&from=2027-04-20&to=2027-04-20');
    expect(day.items.map((i) => i.juniorHighName)).toEqual(['示例区第二中学', '示例区第一中学']);
  });

  it('keeps districts apart: another district\'s bureau neither sees nor approves', async () => {
    expect((await list('north.admin')).total).toBe(0);
    const res = await (await as('v11.admin')).post('/api/visits', await requestBody(env(), 'V11', 'JN01', { date: '2027-04-28', start: '09:00', end: '10:00' }, await campaignOf(env(), 'D02')));
    expect(res.statusCode, res.body).toBe(200);
    northVisit = res.json().id;
    expect((await list('north.admin')).items.map((i) => i.id)).toEqual([northVisit]);
    expect((await list('district.admin')).items.map((i) => i.id)).not.toContain(northVisit);
    expectError(await (await as('district.admin')).get(`/api/visits/${northVisit}`), 403, 'FORBIDDEN');
    expectError(await (await as('district.admin')).post(`/api/visits/${northVisit}/approve`), 403, 'FORBIDDEN');
    expectError(await (await as('city.admin')).post(`/api/visits/${northVisit}/approve`), 403, 'FORBIDDEN');
    const approved = (await (await as('north.admin')).post(`/api/visits/${northVisit}/approve`)).json();
    // Its own district's key and its own sequence.
    expect(approved.permit).toMatchObject({ serial: '示北区教宣许〔2027〕0001号', issuedBy: '示例北区教育局' });
    const city = await list('city.admin');
    expect(city.total).toBe(25);
    expect((await (await as('city.admin')).get(`/api/visits/${northVisit}`)).statusCode).toBe(200);
  });

  it('lists permits for the bureaus only, each its own', async () => {
    const d01 = (await (await as('district.admin')).get('/api/permits')).json().items as Array<{ visitId: number; code: string }>;
    expect(d01.length).toBe(18);
    expect(d01.map((p) => p.visitId)).not.toContain(northVisit);
    expect((await (await as('north.admin')).get('/api/permits')).json().items.map((p: { visitId: number }) => p.visitId)).toEqual([northVisit]);
    expect((await (await as('city.auditor')).get('/api/permits')).json().items.length).toBe(19);
    expect((await (await as('city.admin')).get(`/api/permits?campaignId=${await campaignOf(env(), 'D02')}`)).json().items.length).toBe(1);
    for (const who of ['v01.admin', 'jh01.admin']) expectError(await (await as(who)).get('/api/permits'), 403, 'FORBIDDEN');
  });

  it('serves the permit PDF to the school, the junior high and the approving district only', async () => {
    const v = await demoVisit(env(), 'V11', 'JH04');
    const url = `/api/visits/${v.id}/permit.pdf`;
    for (const who of ['v11.admin', 'jh04.admin', 'district.staff']) expect((await (await as(who)).get(url)).statusCode, who).toBe(200);
    for (const who of ['v12.admin', 'jh05.admin', 'north.admin', 'city.admin']) expectError(await (await as(who)).get(url), 403, 'FORBIDDEN');
    expectError(await (await as('v02.admin')).get(`/api/visits/${(await demoVisit(env(), 'V02', 'JH11')).id}/permit.pdf`), 409, 'VISIT_NO_PERMIT');
  });

  it('takes a junior high\'s report in one step and puts it in the bureau\'s queue, never a school\'s', async () => {
    const campaignId = await campaignOf(env(), 'D01');
    const mark = await auditMark(env());
    const body = { campaignId, kind: 'payment', schoolId: await orgId(env(), 'V15'), occurredAt: '2027-04-20T16:00:00+08:00', description: '有人向班主任表示，每介绍一名学生可得“生源费”800元。' };
    const res = await (await as('jh20.admin')).post('/api/visit-reports', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', kind: 'payment', schoolText: '示例市华信职业学校', juniorHighName: '示例区石门镇中学' });
    expect((await oneAudit(env(), mark, 'visit_report.create')).changes).toMatchObject({ kind: 'payment', rule: 'R19' });
    expectError(await (await as('jh20.admin')).post('/api/visit-reports', { ...body, schoolId: null }), 400, 'VISIT_REPORT_INVALID');
    expectError(await (await as('jh20.admin')).post('/api/visit-reports', { ...body, campaignId: await campaignOf(env(), 'D02') }), 403, 'FORBIDDEN');

    const queue = (await (await as('district.staff')).get('/api/visit-reports')).json();
    expect(queue.items.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`)).toEqual(['no_permit:open', 'payment:open', 'intermediary:acknowledged']);
    expect((await (await as('jh20.admin')).get('/api/visit-reports')).json().items.map((r: { kind: string }) => r.kind)).toEqual(['payment']);
    expect((await (await as('jh01.admin')).get('/api/visit-reports')).json().items).toEqual([]);
    expect((await (await as('north.admin')).get('/api/visit-reports')).json().items).toEqual([]);
    expect((await (await as('city.admin')).get('/api/visit-reports')).json().total).toBe(3);
    expectError(await (await as('v15.admin')).get('/api/visit-reports'), 403, 'FORBIDDEN');

    const id = res.json().id;
    expectError(await (await as('north.admin')).post(`/api/visit-reports/${id}/acknowledge`), 403, 'FORBIDDEN');
    expect((await (await as('district.staff')).post(`/api/visit-reports/${id}/acknowledge`)).json()).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });
    expectError(await (await as('district.admin')).post(`/api/visit-reports/${id}/acknowledge`), 409, 'VISIT_REPORT_ILLEGAL_TRANSITION');
  });
}, { config: { fixedNow: '2027-04-21T10:00:00+08:00' } });
