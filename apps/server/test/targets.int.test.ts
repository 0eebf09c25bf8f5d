/**
 * Targets (R1, R2, R12) through the API: the city sets the district's targets, the district
 * enters graduates, splits, previews and adjusts one school with a reason, publishes; each
 * reader sees what it may (a junior high its own row only, another district nothing).
 */
import { expect, it } from 'vitest';
import { requiredForRatio } from '@zhizhao/domain';
import { describeBackends } from './harness';
import { auditMark, auditSince, clients, expectError, oneAudit, orgId } from './factories';

type Row = { organizationId: number; code: string; name: string; graduates: number; target: number; belowRatio: boolean; note: string };
type Change = { organizationId: number; name: string; old: number; new: number; delta: number };

describeBackends('targets: R1 district targets, the R2 split, R12 flags, who sees what', (env) => {
  const as = clients(env);
  let id = 0;
  let base = '';
  const campaignOf = async (username: string) => (await (await as(username)).get('/api/campaigns')).json().items[0].id as number;
  const rowOf = (rows: Row[], code: string) => rows.find((r) => r.code === code)!;

  it('opens with the demo: 1100 / 2000 from the city, 4,450 graduates, version 2 published (JH07 160 → 165)', async () => {
    id = await campaignOf('district.admin');
    base = `/api/campaigns/${id}`;
    const admin = await as('district.admin');
    const dt = (await admin.get(`${base}/district-targets`)).json();
    expect(dt).toMatchObject({ campaignId: id, districtName: '示例区教育局', year: 2027, nDistrict: 1100, nTotal: 2000 });
    expect(dt.history).toEqual([expect.objectContaining({ nDistrict: 1100, nTotal: 2000, reason: '市教育局下达2027年招生工作目标', changedBy: 'city.admin' })]);

    const o = (await admin.get(`${base}/targets`)).json();
    expect(o).toMatchObject({ nDistrict: 1100, nTotal: 2000, ratio: 0.45, draft: null, ownHistory: null, trackSplit: null });
    expect(o.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([[2, 'published'], [1, 'superseded']]);
    expect(o.published).toMatchObject({ number: 2, method: 'hamilton', nTotal: 2000, publishedBy: 'district.admin' });
    expect(o.published.rows).toHaveLength(24);
    expect(rowOf(o.published.rows, 'JH07')).toMatchObject({ graduates: 357, target: 165, note: '实验中学申请增加送培名额' });
    expect(o.published.adjustments).toEqual([expect.objectContaining({ name: '示例区实验中学', mode: 'rebalance', oldTarget: 160, newTarget: 165, oldTotal: 2000, newTotal: 2000, by: 'district.admin' })]);
    const v1 = (await admin.get(`${base}/targets/versions/1`)).json();
    expect(v1).toMatchObject({ status: 'superseded', nTotal: 2000 });
    expect([rowOf(v1.rows, 'JH07').target, rowOf(v1.rows, 'JH04').target]).toEqual([160, 112]);
    // R12: the district's 2000 of 4,450 is 44.9 %, short of 45 % by 3.
    expect(o.published.totals).toEqual({
      graduates: 4450, targets: 2000, share: 2000 / 4450, ratio: 0.45, requiredForRatio: 2003, belowRatio: true, cityNTotal: 2000, cityNDistrict: 1100, differsFromCity: false,
    });
  });

  it('flags each school below the campaign ratio exactly (R12), and follows the ratio setting', async () => {
    const admin = await as('district.admin');
    const rows: Row[] = (await admin.get(`${base}/targets`)).json().published.rows;
    for (const r of rows) expect(r.belowRatio, r.code).toBe(r.target * 100 < 45 * r.graduates);
    expect(rowOf(rows, 'JH07').belowRatio).toBe(false);
    expect(rowOf(rows, 'JH01').belowRatio).toBe(true); // 140 of 312 = 44.87 %
    expect(requiredForRatio(312, 0.45)).toBe(141);
    // The ratio is the city's to set (R12); the district's table follows it.
    const city = await as('city.admin');
    expectError(await admin.patch(base, { settings: { vocationalRatio: 0.4 }, reason: '比例试算' }), 403, 'CAMPAIGN_SETTING_SET_BY_CITY');
    expect((await city.patch(base, { settings: { vocationalRatio: 0.4 }, reason: '比例试算' })).statusCode).toBe(200);
    const at40 = (await admin.get(`${base}/targets`)).json().published;
    expect(at40.rows.filter((r: Row) => r.belowRatio)).toEqual([]);
    expect(at40.totals).toMatchObject({ ratio: 0.4, requiredForRatio: 1780, belowRatio: false });
    expect((await city.patch(base, { settings: { vocationalRatio: 0.45 }, reason: '恢复比例' })).statusCode).toBe(200);
  });

  it('lets only the city set N_district / N_total, with a reason, kept in the history (R1)', async () => {
    const city = await as('city.admin');
    const mark = await auditMark(env());
    const res = await city.put(`${base}/district-targets`, { nDistrict: 1150, nTotal: 2010, reason: '市教育局调整目标' });
    expect(res.json()).toMatchObject({ nDistrict: 1150, nTotal: 2010 });
    expect(res.json().history.map((h: { nTotal: number; changedBy: string }) => [h.nTotal, h.changedBy])).toEqual([[2010, 'city.admin'], [2000, 'city.admin']]);
    expect((await oneAudit(env(), mark, 'targets.district_set')).changes).toEqual({ nDistrict: { from: 1100, to: 1150 }, nTotal: { from: 2000, to: 2010 }, reason: '市教育局调整目标' });
    expectError(await city.put(`${base}/district-targets`, { nDistrict: 1150, nTotal: 2010 }), 400, 'VALIDATION_FAILED');
    expectError(await city.put(`${base}/district-targets`, { nDistrict: 3000, nTotal: 2010, reason: '区属大于总数' }), 400, 'CAMPAIGN_SETTINGS_INVALID');

    const admin = await as('district.admin');
    expectError(await admin.put(`${base}/district-targets`, { nDistrict: 1, nTotal: 2, reason: '区自行修改' }), 403, 'FORBIDDEN');
    const refused = await admin.patch(base, { settings: { nTotal: 1900 }, reason: '区自行修改' });
    expect(expectError(refused, 403, 'TARGETS_SET_BY_CITY')).toMatchObject({ fields: ['nTotal'], rule: 'R1' });
    expect(refused.json().error.message).toContain('R1');
    // The city may change them through the campaign too: the history follows.
    expect((await city.patch(base, { settings: { nDistrict: 1100, nTotal: 2000 }, reason: '恢复原目标' })).statusCode).toBe(200);
    const after = (await admin.get(`${base}/district-targets`)).json();
    expect(after).toMatchObject({ nDistrict: 1100, nTotal: 2000 });
    expect(after.history[0]).toMatchObject({ nTotal: 2000, reason: '恢复原目标', changedBy: 'city.admin' });
    expectError(await (await as('north.admin')).get(`${base}/district-targets`), 403, 'FORBIDDEN');
    expect((await (await as('jh01.admin')).get(`${base}/district-targets`)).statusCode).toBe(200);
  });

  it('keeps graduates per junior high: the bureau enters them (audited), a school sees its own', async () => {
    const staff = await as('district.staff');
    const g = (await staff.get(`${base}/graduates`)).json();
    expect([g.rows.length, g.total]).toEqual([24, 4450]);
    expect((await (await as('jh01.admin')).get(`${base}/graduates`)).json().rows.map((r: Row) => r.code)).toEqual(['JH01']);
    const jh01 = await orgId(env(), 'JH01');
    const mark = await auditMark(env());
    const res = await staff.put(`${base}/graduates`, { rows: [{ organizationId: jh01, graduates: 320 }], reason: '学校更正' });
    expect(res.json().total).toBe(4458);
    expect((await oneAudit(env(), mark, 'targets.graduates_update')).changes).toEqual({ graduates: { JH01: { from: 312, to: 320 } }, source: 'api', reason: '学校更正' });
    expectError(await staff.put(`${base}/graduates`, { rows: [{ organizationId: await orgId(env(), 'JN01'), graduates: 5 }] }), 400, 'TARGETS_UNKNOWN_JUNIOR_HIGH');
    expectError(await (await as('north.admin')).put(`${base}/graduates`, { rows: [{ organizationId: jh01, graduates: 1 }] }), 403, 'FORBIDDEN');
    expectError(await (await as('jh01.admin')).put(`${base}/graduates`, { rows: [{ organizationId: jh01, graduates: 1 }] }), 403, 'FORBIDDEN');
    await staff.put(`${base}/graduates`, { rows: [{ organizationId: jh01, graduates: 312 }] });
  });

  it('splits into a draft, previews both modes, adjusts with a reason and publishes (R1 acknowledged)', async () => {
    const staff = await as('district.staff');
    const admin = await as('district.admin');
    let mark = await auditMark(env());
    const webster = (await staff.post(`${base}/targets/draft`, { method: 'webster' })).json();
    expect(webster).toMatchObject({ number: 3, status: 'draft', method: 'webster', nTotal: 2000, createdBy: 'district.staff' });
    expect([rowOf(webster.rows, 'JH04').target, rowOf(webster.rows, 'JH07').target]).toEqual([111, 161]);
    const draft = (await staff.post(`${base}/targets/draft`, { method: 'hamilton', note: '重新分配' })).json();
    expect(draft).toMatchObject({ number: 4, method: 'hamilton', note: '重新分配' });
    expect((await auditSince(env(), mark, 'targets.draft_create')).map((e) => (e.changes as { replacedDraft: number | null }).replacedDraft)).toEqual([null, 3]);
    expect((await admin.get(`${base}/targets`)).json().versions.map((v: { status: string }) => v.status)).toEqual(['draft', 'discarded', 'published', 'superseded']);

    const jh03 = await orgId(env(), 'JH03');
    mark = await auditMark(env());
    const rebalance = (await staff.post(`${base}/targets/draft/preview`, { organizationId: jh03, target: 122, mode: 'rebalance' })).json();
    expect(rebalance).toMatchObject({ mode: 'rebalance', oldTotal: 2000, newTotal: 2000 });
    expect(rebalance.changes).toHaveLength(24);
    expect(rebalance.changes.find((c: Change) => c.organizationId === jh03)).toMatchObject({ old: 119, new: 122, delta: 3 });
    expect(rebalance.changes.reduce((a: number, c: Change) => a + c.delta, 0)).toBe(0);
    const byTotal = (await staff.post(`${base}/targets/draft/preview`, { organizationId: jh03, target: 122, mode: 'change_total', reason: '预览' })).json();
    expect(byTotal).toMatchObject({ oldTotal: 2000, newTotal: 2003 });
    expect(byTotal.changes.filter((c: Change) => c.delta !== 0)).toEqual([expect.objectContaining({ organizationId: jh03, delta: 3 })]);
    expect(await auditSince(env(), mark)).toEqual([]); // a preview writes nothing

    expectError(await staff.post(`${base}/targets/draft/adjust`, { organizationId: jh03, target: 122, mode: 'rebalance' }), 400, 'VALIDATION_FAILED');
    const adjusted = (await staff.post(`${base}/targets/draft/adjust`, { organizationId: jh03, target: 122, mode: 'rebalance', reason: '第三中学生源增加' })).json();
    expect(rowOf(adjusted.rows, 'JH03')).toMatchObject({ target: 122, note: '第三中学生源增加' });
    expect(adjusted.totals).toMatchObject({ targets: 2000, differsFromCity: false });
    const ev = await oneAudit(env(), mark, 'targets.adjust');
    expect(ev.changes).toMatchObject({ number: 4, school: 'JH03', mode: 'rebalance', target: { from: 119, to: 122 }, reason: '第三中学生源增加' });
    // A later re-balance keeps JH03 where its adjustment put it.
    const next = (await staff.post(`${base}/targets/draft/preview`, { organizationId: await orgId(env(), 'JH01'), target: 144, mode: 'rebalance' })).json();
    expect(next.changes.find((c: Change) => c.organizationId === jh03).delta).toBe(0);
    const jh05 = rowOf(adjusted.rows, 'JH05');
    const grown = (await staff.post(`${base}/targets/draft/adjust`, { organizationId: jh05.organizationId, target: jh05.target + 2, mode: 'change_total', reason: '第五中学增加两人' })).json();
    expect(grown).toMatchObject({ nTotal: 2002, totals: { targets: 2002, differsFromCity: true } });
    expect(grown.adjustments.map((a: { mode: string }) => a.mode)).toEqual(['rebalance', 'change_total']);

    expectError(await staff.post(`${base}/targets/draft/publish`, {}), 403, 'FORBIDDEN');
    const differs = await admin.post(`${base}/targets/draft/publish`, {});
    expect(expectError(differs, 409, 'TARGETS_TOTAL_DIFFERS_FROM_CITY')).toMatchObject({ rule: 'R1', draftTotal: 2002, cityNTotal: 2000, difference: 2 });
    expect(differs.json().error.message).toContain('R1');
    mark = await auditMark(env());
    const published = (await admin.post(`${base}/targets/draft/publish`, { acknowledgeTotalDifference: true, note: '两校调整后发布' })).json();
    expect(published).toMatchObject({ number: 4, status: 'published', nTotal: 2002, note: '两校调整后发布', publishedBy: 'district.admin' });
    expect((await oneAudit(env(), mark, 'targets.publish')).changes).toMatchObject({ number: 4, supersededVersion: 2, acknowledgedTotalDifference: true });
    const cmp = (await admin.get(`${base}/targets/compare?from=2&to=4`)).json();
    expect(cmp.rows.find((r: { organizationId: number }) => r.organizationId === jh03)).toMatchObject({ from: 119, to: 122, delta: 3 });
    expect(cmp.rows.reduce((a: number, r: { delta: number }) => a + r.delta, 0)).toBe(2);
    expectError(await admin.post(`${base}/targets/draft/publish`, {}), 409, 'TARGETS_NO_DRAFT');
    expectError(await admin.del(`${base}/targets/draft`), 409, 'TARGETS_NO_DRAFT');
  });

  it('refuses impossible splits with the domain\'s explanation, missing graduates and incomplete drafts', async () => {
    const admin = await as('district.admin');
    const jh01 = await orgId(env(), 'JH01');
    const tooHigh = expectError(await admin.post(`${base}/targets/draft`, { bounds: [{ organizationId: jh01, min: 2001, max: null }] }), 409, 'TARGETS_MIN_SUM_ABOVE_TOTAL');
    expect(tooHigh).toMatchObject({ sum: 2001, total: 2000 });
    expect(tooHigh.explanation['zh-CN']).toContain('2001');
    expect(tooHigh.explanation['en-US']).toContain('more than the total of 2000');
    const schools: Row[] = (await admin.get(`${base}/graduates`)).json().rows;
    const capped = schools.map((s) => ({ organizationId: s.organizationId, min: null, max: 10 }));
    expect(expectError(await admin.post(`${base}/targets/draft`, { bounds: capped }), 409, 'TARGETS_MAX_SUM_BELOW_TOTAL')).toMatchObject({ sum: 240 });
    expectError(await admin.post(`${base}/targets/draft`, { bounds: [{ organizationId: await orgId(env(), 'V01'), min: 1, max: 2 }] }), 400, 'TARGETS_UNKNOWN_JUNIOR_HIGH');

    expect((await admin.post(`${base}/targets/draft`, {})).statusCode).toBe(200);
    const created = await admin.post('/api/organizations', { code: 'JH40', name: '示例区第四十中学', kind: 'junior_high', districtId: await orgId(env(), 'D01') });
    const incomplete = expectError(await admin.post(`${base}/targets/draft/publish`, {}), 409, 'TARGETS_DRAFT_INCOMPLETE');
    expect(incomplete.missing).toEqual([expect.objectContaining({ code: 'JH40' })]);
    const missing = expectError(await admin.post(`${base}/targets/draft`, {}), 409, 'TARGETS_GRADUATES_MISSING');
    expect(missing.schools).toEqual([{ organizationId: created.json().id, code: 'JH40', name: '示例区第四十中学' }]);
    await admin.post(`/api/organizations/${created.json().id}/deactivate`);
    const mark = await auditMark(env());
    expect((await admin.del(`${base}/targets/draft`)).json()).toMatchObject({ number: 5, status: 'discarded' });
    expect((await oneAudit(env(), mark, 'targets.draft_discard')).changes).toMatchObject({ number: 5 });
  });

  it('shows a junior high only its own target and history, a vocational school the table, another district nothing', async () => {
    const v4 = (await (await as('district.admin')).get(`${base}/targets/versions/4`)).json();
    const jh = await as('jh07.admin');
    const own = await jh.get(`${base}/targets`);
    const o = own.json();
    expect(o).toMatchObject({ draft: null, versions: [], published: { number: 4, adjustments: [] } });
    expect(o.published.rows.map((r: Row) => r.code)).toEqual(['JH07']);
    expect(o.ownHistory.map((h: { number: number; target: number; status: string }) => [h.number, h.target, h.status])).toEqual([[4, rowOf(v4.rows, 'JH07').target, 'published'], [2, 165, 'superseded'], [1, 160, 'superseded']]);
    for (const other of ['JH01', '示例区第一中学', 'JH03', '第三中学生源增加']) expect(own.body).not.toContain(other);
    expectError(await jh.get(`${base}/targets/versions/4`), 403, 'FORBIDDEN');
    expectError(await jh.get(`${base}/targets/compare?from=1&to=2`), 403, 'FORBIDDEN');
    expectError(await jh.post(`${base}/targets/draft`, {}), 403, 'FORBIDDEN');

    const voc = await as('v01.admin');
    const table = (await voc.get(`${base}/targets`)).json();
    expect(table).toMatchObject({ draft: null, versions: [], ownHistory: null, published: { number: 4 } });
    expect(table.published.rows).toHaveLength(24);
    expect((await voc.get(`${base}/targets/versions/4`)).statusCode).toBe(200);
    expectError(await voc.get(`${base}/targets/versions/2`), 403, 'FORBIDDEN');

    for (const outsider of ['north.admin', 'jn01.admin']) {
      const c = await as(outsider);
      for (const url of [`${base}/targets`, `${base}/graduates`, `${base}/targets/versions/4`, `${base}/district-targets`]) expectError(await c.get(url), 403, 'FORBIDDEN');
    }
    const north = `/api/campaigns/${await campaignOf('north.admin')}`;
    expectError(await voc.get(`${north}/targets`), 403, 'FORBIDDEN');
    expectError(await (await as('district.admin')).post(`${north}/targets/draft`, {}), 403, 'FORBIDDEN');
    expect((await (await as('city.auditor')).get(`${base}/targets`)).json().versions).toHaveLength(5);
  });

  it('gives the city its districts side by side', async () => {
    const city = (await (await as('city.admin')).get('/api/targets/city?year=2027')).json();
    expect(city.districts).toEqual([
      expect.objectContaining({ districtName: '示例区教育局', campaignId: id, nDistrict: 1100, nTotal: 2000, graduates: 4450, publishedTotal: 2002, share: 2002 / 4450, belowRatio: true }),
      expect.objectContaining({ districtName: '示例北区教育局', nTotal: 2000, graduates: 399, publishedTotal: null, share: null, belowRatio: null }),
    ]);
    expect((await (await as('city.auditor')).get('/api/targets/city?year=2027')).statusCode).toBe(200);
    expect((await (await as('city.admin')).get('/api/targets/city?year=2031')).json().districts[0]).toMatchObject({ campaignId: null, graduates: 0 });
    expectError(await (await as('district.admin')).get('/api/targets/city?year=2027'), 403, 'FORBIDDEN');
  });
});
