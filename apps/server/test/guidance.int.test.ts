/**
 * R8: guidance a junior high records (its own, the bureaus read; schools of the city only), and
 * open days a vocational school announces (its own campuses, a plausible date, end after start),
 * with the public list of qualified schools' open days, upcoming first. Writes are audited.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { campuses } from '../src/db/schema';
import { call, describeBackends } from './harness';
import { auditMark, clients, expectError, oneAudit, orgId } from './factories';
import { campaignIdOf } from './support-students';

describeBackends('guidance and open days', (env) => {
  const as = clients(env);
  const campusOf = async (code: string) => (await env().database.db.select().from(campuses).where(eq(campuses.organizationId, await orgId(env(), code))))[0]!.id;

  it('lets a junior high record and delete its own guidance; the bureau reads all of the campaign', async () => {
    const campaignId = await campaignIdOf(env());
    const jh01 = await as('jh01.admin');
    const v01 = await orgId(env(), 'V01');
    const body = { date: '2027-03-20', kind: 'parents_meeting', audience: 'both', attendees: 180, schoolIds: [v01, await orgId(env(), 'V11')], note: '九年级家长会' };
    const mark = await auditMark(env());
    const res = await jh01.post(`/api/campaigns/${campaignId}/guidance`, body);
    expect(res.json(), res.body).toMatchObject({ ...body, juniorHighId: await orgId(env(), 'JH01'), juniorHighName: '示例区第一中学', schoolNames: ['市第一职业技术学校', '示例市交通职业学校'] });
    await oneAudit(env(), mark, 'guidance.create');
    const id = res.json().id;

    expectError(await jh01.post(`/api/campaigns/${campaignId}/guidance`, { ...body, schoolIds: [await orgId(env(), 'JH02')] }), 400, 'GUIDANCE_INVALID');
    expectError(await jh01.post(`/api/campaigns/${campaignId}/guidance`, { ...body, date: '2026-03-20' }), 400, 'GUIDANCE_INVALID');
    expectError(await (await as('jn01.admin')).post(`/api/campaigns/${campaignId}/guidance`, body), 403, 'FORBIDDEN');
    expectError(await (await as('district.admin')).post(`/api/campaigns/${campaignId}/guidance`, body), 403, 'FORBIDDEN');

    const own = (await jh01.get(`/api/campaigns/${campaignId}/guidance`)).json().items.map((g: { id: number }) => g.id);
    expect(own).toContain(id);
    const jh02 = await as('jh02.admin');
    expect((await jh02.get(`/api/campaigns/${campaignId}/guidance`)).json().items.map((g: { id: number }) => g.id)).not.toContain(id);
    expectError(await jh02.get(`/api/campaigns/${campaignId}/guidance?juniorHighId=${await orgId(env(), 'JH01')}`), 403, 'FORBIDDEN');
    const bureau = (await (await as('district.staff')).get(`/api/campaigns/${campaignId}/guidance?juniorHighId=${await orgId(env(), 'JH01')}`)).json();
    expect(bureau.items.map((g: { id: number }) => g.id)).toContain(id);
    expectError(await (await as('north.admin')).get(`/api/campaigns/${campaignId}/guidance`), 403, 'FORBIDDEN');
    expectError(await (await as('v01.admin')).get(`/api/campaigns/${campaignId}/guidance`), 403, 'FORBIDDEN');
    // The live picture counts it.
    const row = (await jh01.get('/api/applications/overview')).json().juniorHighs[0];
    expect(row.guidanceSessions).toBe(own.length);

    expectError(await jh02.del(`/api/guidance/${id}`), 403, 'FORBIDDEN');
    const m2 = await auditMark(env());
    expect((await jh01.del(`/api/guidance/${id}`)).json()).toEqual({ ok: true });
    await oneAudit(env(), m2, 'guidance.delete');
    expect((await jh01.get(`/api/campaigns/${campaignId}/guidance`)).json().items.map((g: { id: number }) => g.id)).not.toContain(id);
  });

  it('lets a school announce open days on its own campuses, shown publicly when it is qualified', async () => {
    const v01 = await as('v01.admin');
    const body = { campusId: await campusOf('V01'), date: '2027-05-15', start: '09:00', end: '11:30', title: '校园开放日', note: '欢迎家长和学生参观' };
    const mark = await auditMark(env());
    const res = await v01.post('/api/open-days', body);
    expect(res.json(), res.body).toMatchObject({ ...body, organizationId: await orgId(env(), 'V01'), schoolName: '市第一职业技术学校', campusName: '第一职校本部校区' });
    expect(res.json().address).not.toBe('');
    await oneAudit(env(), mark, 'open_day.create');
    const id = res.json().id;
    const past = (await v01.post('/api/open-days', { ...body, date: '2027-04-02', title: '春季开放日' })).json().id;

    expectError(await v01.post('/api/open-days', { ...body, campusId: await campusOf('V02') }), 400, 'OPEN_DAY_INVALID');
    expectError(await v01.post('/api/open-days', { ...body, end: '08:00' }), 400, 'OPEN_DAY_INVALID');
    expectError(await v01.post('/api/open-days', { ...body, date: '2030-05-15' }), 400, 'OPEN_DAY_INVALID');
    expectError(await (await as('jh01.admin')).post('/api/open-days', body), 403, 'FORBIDDEN');
    // V16 is not qualified in 2027 (R4): its open day stays off the public list.
    const v16 = (await (await as('v16.admin')).post('/api/open-days', { ...body, campusId: await campusOf('V16'), title: '博远开放日' })).json().id;

    // (the demo may hold open days of its own: look at ours)
    const mine = [id, past, v16];
    const ours = (items: Array<{ id: number }>) => items.map((d) => d.id).filter((x) => mine.includes(x));
    const v01List = (await v01.get('/api/open-days?year=2027')).json().items;
    expect(ours(v01List)).toEqual([past, id]);
    expect(new Set(v01List.map((d: { organizationId: number }) => d.organizationId))).toEqual(new Set([await orgId(env(), 'V01')]));
    expect(ours((await (await as('v02.admin')).get('/api/open-days')).json().items)).toEqual([]);
    expect((await (await as('district.admin')).get('/api/open-days')).json().items.map((d: { id: number }) => d.id)).toEqual(expect.arrayContaining([id, past, v16]));
    expect(ours((await (await as('north.admin')).get('/api/open-days')).json().items)).toEqual([]);
    expectError(await (await as('jh01.admin')).get('/api/open-days'), 403, 'FORBIDDEN');

    const pub = await call(env().app, null, { method: 'GET', url: '/api/public/open-days' });
    const dates = pub.json().items.map((d: { date: string }) => d.date) as string[];
    const upcoming = dates.filter((d) => d >= '2027-04-21');
    // Upcoming first (the business date is 2027-04-21), soonest first; then the past ones.
    expect(dates.slice(0, upcoming.length)).toEqual([...upcoming].sort());
    expect(ours(pub.json().items)).toEqual([id, past]);
    expect((await call(env().app, null, { method: 'GET', url: '/api/public/open-days?year=2028' })).json().items).toEqual([]);

    expectError(await (await as('v02.admin')).del(`/api/open-days/${id}`), 403, 'FORBIDDEN');
    const m2 = await auditMark(env());
    expect((await v01.del(`/api/open-days/${id}`)).json()).toEqual({ ok: true });
    await oneAudit(env(), m2, 'open_day.delete');
    expect(ours((await call(env().app, null, { method: 'GET', url: '/api/public/open-days' })).json().items)).toEqual([past]);
  });
});
