/** Campaigns (R1, R9, R10, R12, R13, R18 settings), the demo clock, and the dashboard per scope. */
import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { auditMark, expectError, oneAudit, orgId } from './factories';

type Res = Awaited<ReturnType<typeof call>>;

function helpers(env: () => { app: Parameters<typeof call>[0] }) {
  return async (username: string) => {
    const cookie = await signIn(env().app, username);
    return {
      get: (url: string) => call(env().app, cookie, { method: 'GET', url }),
      post: (url: string, payload: object) => call(env().app, cookie, { method: 'POST', url, payload }),
      patch: (url: string, payload: object) => call(env().app, cookie, { method: 'PATCH', url, payload }),
      put: (url: string, payload: object) => call(env().app, cookie, { method: 'PUT', url, payload }),
    };
  };
}
const byKind = (res: Res) => Object.fromEntries(res.json().organizationsByKind.map((k: { kind: string; active: number }) => [k.kind, k.active]));

describeBackends('campaigns, clock and dashboard', (env) => {
  const as = helpers(env);
  const demoCampaign = async () => (await (await as('district.admin')).get('/api/campaigns')).json().items[0];

  it('shows each scope its own dashboard figures', async () => {
    const city = await (await as('city.admin')).get('/api/dashboard');
    expect(city.json()).toMatchObject({ today: '2027-04-21', organization: { name: '示例市教育局', kind: 'city_bureau' }, qualifiedSchools: { year: 2027, qualified: 7, total: 8 } });
    expect(byKind(city)).toEqual({ city_bureau: 1, district_bureau: 2, junior_high: 26, vocational_school: 8 });
    expect(city.json().users.active).toBe(39);
    expect(city.json().audit.recent.length).toBeGreaterThan(0);

    const district = await (await as('district.admin')).get('/api/dashboard');
    expect(byKind(district)).toEqual({ city_bureau: 0, district_bureau: 1, junior_high: 24, vocational_school: 8 });
    expect(district.json()).toMatchObject({ users: { active: 34, locked: 0, mustChangePassword: 0 }, campaign: { year: 2027, nDistrict: 1100, nTotal: 2000 } });
    expect(district.json().campaign.phasesToday).toEqual(['publicity', 'visits', 'application']);

    const north = await (await as('north.admin')).get('/api/dashboard');
    expect(byKind(north)).toEqual({ city_bureau: 0, district_bureau: 1, junior_high: 2, vocational_school: 0 });
    expect(north.json()).toMatchObject({ users: { active: 3 }, qualifiedSchools: { qualified: 0, total: 0 } });
    expect(north.json().campaign.id).not.toBe(district.json().campaign.id);

    const school = await (await as('jh01.admin')).get('/api/dashboard');
    expect(byKind(school)).toEqual({ city_bureau: 0, district_bureau: 0, junior_high: 1, vocational_school: 0 });
    expect(school.json()).toMatchObject({ users: { active: 1 }, audit: null, campaign: { id: district.json().campaign.id } });
  });

  it('seeds the demo campaign (2027, D01) with the plan\'s defaults', async () => {
    const c = await demoCampaign();
    expect(c).toMatchObject({ year: 2027, districtId: await orgId(env(), 'D01'), districtName: '示例区教育局' });
    expect(c.settings).toMatchObject({
      nDistrict: 1100,
      nTotal: 2000,
      visitWindowDistrictRun: { from: '2027-04-20', to: '2027-04-26' },
      visitWindowCityRun: { from: '2027-04-27', to: '2027-04-30' },
      maxVisitMinutes: 120,
      vocationalRatio: 0.45,
      earlyTransferFrom: '2027-05-01',
      statisticsDeadline: '2027-10-10',
    });
    const defaults = await (await as('jh01.admin')).get('/api/campaigns/defaults?year=2030');
    expect(defaults.json()).toMatchObject({ nDistrict: 1100, visitWindowDistrictRun: { from: '2030-04-20', to: '2030-04-26' }, statisticsDeadline: '2030-10-10' });
    expect(defaults.json().phases.admission).toEqual({ from: '2030-06-01', to: '2030-08-31' });
    expectError(await (await as('jh01.admin')).get('/api/campaigns/defaults?year=1999'), 400, 'VALIDATION_FAILED');
  });

  it('changes a setting with a reason, audited with from/to; refuses missing reasons and inconsistent settings', async () => {
    const admin = await as('district.admin');
    const c = await demoCampaign();
    let mark = await auditMark(env());
    const window = { from: '2027-04-19', to: '2027-04-26' };
    const own = await admin.patch(`/api/campaigns/${c.id}`, { settings: { visitWindowDistrictRun: window }, reason: '提前一天开始进校宣传' });
    expect(own.json().settings.visitWindowDistrictRun).toEqual(window);
    expect((await oneAudit(env(), mark, 'campaign.update')).changes).toEqual({ visitWindowDistrictRun: { from: { from: '2027-04-20', to: '2027-04-26' }, to: window }, reason: '提前一天开始进校宣传' });
    // R1: N_district and N_total are the city's; the district is refused, naming the rule.
    const r1 = await admin.patch(`/api/campaigns/${c.id}`, { settings: { nDistrict: 1150 }, reason: '区自行调整' });
    expect(expectError(r1, 403, 'TARGETS_SET_BY_CITY')).toMatchObject({ fields: ['nDistrict'], rule: 'R1' });
    mark = await auditMark(env());
    const res = await (await as('city.admin')).patch(`/api/campaigns/${c.id}`, { settings: { nDistrict: 1150 }, reason: '市教育局下达调整后的目标' });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toMatchObject({ nDistrict: 1150, nTotal: 2000 });
    const ev = await oneAudit(env(), mark, 'campaign.update');
    expect(ev).toMatchObject({ actorUsername: 'city.admin', objectId: String(c.id), organizationId: c.districtId });
    expect(ev.changes).toEqual({ nDistrict: { from: 1100, to: 1150 }, reason: '市教育局下达调整后的目标' });

    const noReason = expectError(await admin.patch(`/api/campaigns/${c.id}`, { settings: { nDistrict: 1200 } }), 400, 'VALIDATION_FAILED');
    expect(noReason.fields.map((f: { path: string }) => f.path)).toEqual(['body.reason']);
    const reversed = expectError(
      await admin.patch(`/api/campaigns/${c.id}`, { settings: { visitWindowDistrictRun: { from: '2027-04-26', to: '2027-04-20' } }, reason: '调整窗口' }),
      400, 'CAMPAIGN_SETTINGS_INVALID',
    );
    expect(reversed.problems).toEqual([expect.objectContaining({ path: 'visitWindowDistrictRun', en: expect.any(String), zh: expect.any(String) })]);
    const tooMany = expectError(await (await as('city.admin')).patch(`/api/campaigns/${c.id}`, { settings: { nDistrict: 2500 }, reason: '超出总目标' }), 400, 'CAMPAIGN_SETTINGS_INVALID');
    expect(tooMany.problems.map((p: { path: string }) => p.path)).toEqual(['nDistrict']);
    const wrongYear = expectError(await admin.patch(`/api/campaigns/${c.id}`, { settings: { statisticsDeadline: '2028-10-10' }, reason: '跨年' }), 400, 'CAMPAIGN_SETTINGS_INVALID');
    expect(wrongYear.problems.map((p: { path: string }) => p.path)).toEqual(['statisticsDeadline']);
    expectError(await admin.patch(`/api/campaigns/${c.id}`, { settings: { vocationalRatio: 1.2 }, reason: '比例' }), 400, 'VALIDATION_FAILED');
    expect((await demoCampaign()).settings.nDistrict).toBe(1150);
    expectError(await (await as('district.staff')).patch(`/api/campaigns/${c.id}`, { settings: { nDistrict: 1000 }, reason: '工作人员' }), 403, 'FORBIDDEN');
  });

  it('creates next year\'s campaign with the defaults, once per district and year', async () => {
    const admin = await as('district.admin');
    const d01 = await orgId(env(), 'D01');
    const mark = await auditMark(env());
    const res = await admin.post('/api/campaigns', { districtId: d01, year: 2028 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2028, name: '示例区教育局2028年中职招生活动', settings: { nDistrict: 1100, earlyTransferFrom: '2028-05-01', visitWindowCityRun: { from: '2028-04-27', to: '2028-04-30' } } });
    const ev = await oneAudit(env(), mark, 'campaign.create');
    expect(ev).toMatchObject({ objectId: String(res.json().id), organizationId: d01, changes: { year: 2028 } });
    expectError(await admin.post('/api/campaigns', { districtId: d01, year: 2028 }), 409, 'CAMPAIGN_EXISTS');
    expectError(await admin.post('/api/campaigns', { districtId: await orgId(env(), 'D02'), year: 2028 }), 403, 'FORBIDDEN');
    expectError(await admin.post('/api/campaigns', { districtId: d01, year: 2029, settings: { nTotal: 900 } }), 400, 'CAMPAIGN_SETTINGS_INVALID');
    expectError(await admin.post('/api/campaigns', { districtId: d01, year: 2029, settings: { nTotal: 2100 } }), 403, 'TARGETS_SET_BY_CITY'); // R1
    expect((await admin.get('/api/campaigns')).json().items.map((c: { year: number }) => c.year)).toEqual([2028, 2027, 2026]); // 2026: the demo's previous campaign (its admission round)
  });

  it('keeps districts apart: north.admin sees only its own campaign; schools read their district\'s', async () => {
    const c = await demoCampaign();
    const north = await as('north.admin');
    expectError(await north.get(`/api/campaigns/${c.id}`), 403, 'FORBIDDEN');
    expectError(await north.patch(`/api/campaigns/${c.id}`, { settings: { nDistrict: 1 }, reason: '越权修改' }), 403, 'FORBIDDEN');
    const list = (await north.get('/api/campaigns')).json();
    expect(list.items.map((x: { districtName: string; year: number }) => [x.districtName, x.year])).toEqual([['示例北区教育局', 2027]]);
    expect((await north.get(`/api/campaigns?districtId=${c.districtId}`)).json().total).toBe(0);
    expect((await (await as('jh01.admin')).get(`/api/campaigns/${c.id}`)).statusCode).toBe(200);
    expectError(await (await as('jn01.admin')).get(`/api/campaigns/${c.id}`), 403, 'FORBIDDEN');
    expect((await (await as('city.auditor')).get('/api/campaigns')).json().total).toBe(4);
  });

  it('moves the demo clock (bureau users only, audited) and the dashboard follows', async () => {
    const clock = await env().app.inject({ method: 'GET', url: '/api/clock' });
    expect(clock.json()).toMatchObject({ today: '2027-04-21', demo: true, source: 'demo' });
    expect(clock.json().now.slice(0, 10)).toMatch(/^2027-04-2[01]$/);

    const staff = await as('district.staff');
    const mark = await auditMark(env());
    const moved = await staff.put('/api/clock', { date: '2027-06-02' });
    expect(moved.json()).toMatchObject({ today: '2027-06-02', source: 'demo' });
    expect((await oneAudit(env(), mark, 'clock.set')).changes).toEqual({ date: { from: '2027-04-21', to: '2027-06-02' } });
    const dash = (await (await as('district.admin')).get('/api/dashboard')).json();
    expect(dash.today).toBe('2027-06-02');
    expect(dash.campaign.phasesToday).toEqual(['earlyTransfer', 'admission']);
    expect(dash.campaign.milestones[0]).toEqual({ date: '2027-06-30', phase: 'earlyTransfer', kind: 'end' });
    expect((await env().app.inject({ method: 'GET', url: '/api/clock' })).json().today).toBe('2027-06-02');

    const real = await staff.put('/api/clock', { date: null });
    expect(real.json()).toMatchObject({ source: 'real', demo: true });
    expect(Math.abs(Date.parse(real.json().now) - Date.now())).toBeLessThan(60_000);
    expectError(await (await as('jh01.admin')).put('/api/clock', { date: '2027-05-01' }), 403, 'FORBIDDEN');
    expectError(await (await as('city.auditor')).put('/api/clock', { date: '2027-05-01' }), 403, 'FORBIDDEN');
    expectError(await staff.put('/api/clock', { date: '2027-02-30' }), 400, 'VALIDATION_FAILED');
    expect((await staff.put('/api/clock', { date: '2027-04-21' })).json().today).toBe('2027-04-21');
  });
});

describeBackends('clock outside demo mode', (env) => {
  it('refuses to move the clock (409 DEMO_ONLY) and reports the real date', async () => {
    const clock = (await env().app.inject({ method: 'GET', url: '/api/clock' })).json();
    expect(clock).toMatchObject({ demo: false, source: 'real' });
    const cookie = await signIn(env().app, 'city.admin');
    const res = await call(env().app, cookie, { method: 'PUT', url: '/api/clock', payload: { date: '2027-06-02' }, headers: { 'accept-language': 'en-US' } });
    expectError(res, 409, 'DEMO_ONLY');
    expect(res.json().error.message).toBe('Only available in demo mode');
    expect((await call(env().app, cookie, { method: 'GET', url: '/api/auth/me' })).json().demo).toBe(false);
  });
}, { demo: false });
