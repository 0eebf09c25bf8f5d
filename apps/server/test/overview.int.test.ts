/**
 * The live picture (R11, R12, 统筹): the summary's counts add up (each junior high's three
 * counts to its graduates, the junior highs to the district), only confirmed applications
 * count, the share is vocational / decided against the campaign's ratio; a district never
 * reads another's; a junior high reads no summary and only its own row of the overview.
 * Counts are compared before/after adding students, so demo students do not matter.
 */
import { expect, it } from 'vitest';
import { describeBackends } from './harness';
import { clients, expectError, orgId, readSheet } from './factories';
import { campaignIdOf, createStudents } from './support-students';
import { programmesOf, setApplication } from './support-overview';

type JhRow = { organizationId: number; graduates: number; sendingTarget: number | null; vocational: number; general: number; undecided: number };
type Summary = { campaignId: number; district: { graduates: number; vocational: number; general: number; undecided: number; vocationalShare: number | null; ratioTarget: number }; juniorHighs: JhRow[] };

function expectConsistent(s: Summary) {
  for (const r of s.juniorHighs) expect(r.vocational + r.general + r.undecided, `row ${r.organizationId}`).toBe(r.graduates);
  const sum = (k: keyof JhRow) => s.juniorHighs.reduce((a, r) => a + (r[k] as number), 0);
  expect(s.district).toMatchObject({ graduates: sum('graduates'), vocational: sum('vocational'), general: sum('general'), undecided: sum('undecided') });
  const decided = s.district.vocational + s.district.general;
  expect(s.district.vocationalShare).toBe(decided ? s.district.vocational / decided : null);
}

describeBackends('applications summary and overview', (env) => {
  const as = clients(env);
  let campaignId = 0;
  let before: Summary;

  it('counts confirmed applications per junior high, and everything adds up', async () => {
    campaignId = await campaignIdOf(env());
    const bureau = await as('district.admin');
    before = (await bureau.get(`/api/applications/summary?campaignId=${campaignId}`)).json();
    expectConsistent(before);
    expect(before.district.ratioTarget).toBe(0.45);
    // Every active junior high of D01 is listed, with the published target.
    expect(before.juniorHighs).toHaveLength(24);
    expect(before.juniorHighs.every((r) => typeof r.sendingTarget === 'number')).toBe(true);

    const v01 = await programmesOf(env(), 'V01', campaignId);
    const v11 = await programmesOf(env(), 'V11', campaignId);
    expect(v01.length).toBeGreaterThan(0);
    expect(v11.length).toBeGreaterThan(0);
    const a = await createStudents(env(), { juniorHighCode: 'JH01', count: 5 });
    const b = await createStudents(env(), { juniorHighCode: 'JH02', count: 4 });
    await setApplication(env(), a[0]!, { track: 'vocational', programmeIds: [v01[0]!, v11[0]!] });
    await setApplication(env(), a[1]!, { track: 'vocational', programmeIds: [v11[0]!] });
    await setApplication(env(), a[2]!, { track: 'general' });
    await setApplication(env(), a[3]!, { track: 'vocational', confirmed: false, enteredBy: 'staff', programmeIds: [v01[0]!], changesAfterStaff: 2 });
    await setApplication(env(), b[0]!, { track: 'general' });
    await setApplication(env(), b[1]!, { track: 'general', confirmed: false });

    const after: Summary = (await bureau.get(`/api/applications/summary?campaignId=${campaignId}`)).json();
    expectConsistent(after);
    const delta = (code: number) => {
      const x = after.juniorHighs.find((r) => r.organizationId === code)!;
      const y = before.juniorHighs.find((r) => r.organizationId === code)!;
      return { graduates: x.graduates - y.graduates, vocational: x.vocational - y.vocational, general: x.general - y.general, undecided: x.undecided - y.undecided };
    };
    // Only confirmed applications count: the staff draft and the unconfirmed general stay undecided.
    expect(delta(await orgId(env(), 'JH01'))).toEqual({ graduates: 5, vocational: 2, general: 1, undecided: 2 });
    expect(delta(await orgId(env(), 'JH02'))).toEqual({ graduates: 4, vocational: 0, general: 1, undecided: 3 });
    expect(after.district.graduates - before.district.graduates).toBe(9);
    // The default campaign is the caller's district's of the business year.
    expect((await bureau.get('/api/applications/summary')).json().campaignId).toBe(campaignId);
  });

  it('keeps districts apart and gives junior highs their own row only', async () => {
    expectError(await (await as('north.admin')).get(`/api/applications/summary?campaignId=${campaignId}`), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).get(`/api/applications/overview?campaignId=${campaignId}`), 403, 'FORBIDDEN');
    const north = (await (await as('north.admin')).get('/api/applications/summary')).json();
    expect(north.campaignId).not.toBe(campaignId);
    // D02 has no published targets.
    expect(north.juniorHighs.every((r: JhRow) => r.sendingTarget === null)).toBe(true);
    expectError(await (await as('v01.admin')).get('/api/applications/summary'), 403, 'FORBIDDEN');

    const jh01 = await as('jh01.admin');
    expectError(await jh01.get('/api/applications/summary'), 403, 'FORBIDDEN');
    const own = (await jh01.get('/api/applications/overview')).json();
    expect(own.juniorHighs.map((r: { organizationId: number }) => r.organizationId)).toEqual([await orgId(env(), 'JH01')]);
    const { organizationId, code, name, ...row } = own.juniorHighs[0];
    void organizationId, void code, void name;
    expect(own.totals).toEqual(row);
    expect(row.pending).toBeGreaterThanOrEqual(1);
    expect(row.changesAfterStaff).toBeGreaterThanOrEqual(2);
    // Its own students' choices only: the two confirmed vocational applications of JH01.
    expect(own.firstChoiceDistrictRun + own.firstChoiceCityRun).toBe(row.vocational);
  });

  it('shows the bureau the whole table, the split by who runs the first choice, and the signals', async () => {
    const o = (await (await as('district.staff')).get(`/api/applications/overview?campaignId=${campaignId}`)).json();
    expect(o).toMatchObject({ campaignId, today: '2027-04-21', window: { from: '2027-04-01', to: '2027-05-31' }, ratioTarget: 0.45 });
    expect(o.juniorHighs).toHaveLength(24);
    expect(o.totals.vocational).toBe(o.juniorHighs.reduce((a: number, r: { vocational: number }) => a + r.vocational, 0));
    const jh01 = o.juniorHighs.find((r: { code: string }) => r.code === 'JH01');
    expect(jh01.progress).toBeCloseTo(jh01.vocational / jh01.sendingTarget, 6);
    expect(jh01.onBehalfShare).toBeGreaterThan(0);
    const v01 = o.bySchool.find((s: { schoolName: string }) => s.schoolName === '市第一职业技术学校');
    const v11 = o.bySchool.find((s: { schoolName: string }) => s.schoolName === '示例市交通职业学校');
    expect(v01).toMatchObject({ runBy: 'district' });
    expect(v01.seats).toBeGreaterThan(0);
    expect(v11).toMatchObject({ runBy: 'city' });
    expect(v11.anyChoice).toBeGreaterThanOrEqual(2);
    const firsts = o.bySchool.reduce((a: number, s: { firstChoices: number }) => a + s.firstChoices, 0);
    expect(o.firstChoiceDistrictRun + o.firstChoiceCityRun).toBe(firsts);
    expect(o.vocationalShare).toBeCloseTo(o.totals.vocational / (o.totals.vocational + o.totals.general), 6);
  });

  it('exports the table with Chinese headers and a 合计 row, for bureaus only', async () => {
    const res = await (await as('district.admin')).get(`/api/applications/export.xlsx?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers.slice(0, 4)).toEqual(['学校代码', '学校名称', '名册人数', '送培目标']);
    expect(sheet.rows).toHaveLength(25);
    expect(sheet.rows[24]!['学校名称']).toBe('合计');
    const roster = sheet.rows.slice(0, 24).reduce((a, r) => a + Number(r['名册人数']), 0);
    expect(Number(sheet.rows[24]!['名册人数'])).toBe(roster);
    expectError(await (await as('jh01.admin')).get('/api/applications/export.xlsx'), 403, 'FORBIDDEN');
  });

  it('shows the city its districts side by side', async () => {
    const city = (await (await as('city.admin')).get('/api/applications/city?year=2027')).json();
    expect(city.districts.map((d: { districtName: string }) => d.districtName)).toEqual(['示例区教育局', '示例北区教育局']);
    const d01 = city.districts[0];
    const summary: Summary = (await (await as('district.admin')).get(`/api/applications/summary?campaignId=${campaignId}`)).json();
    expect(d01).toMatchObject({ campaignId, graduates: summary.district.graduates, vocational: summary.district.vocational, general: summary.district.general, undecided: summary.district.undecided, ratioTarget: 0.45 });
    expect((await (await as('city.auditor')).get('/api/applications/city')).statusCode).toBe(200);
    expectError(await (await as('district.admin')).get('/api/applications/city'), 403, 'FORBIDDEN');
  });
});
