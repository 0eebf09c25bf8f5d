/**
 * The brochure workflow through the API (R4, R6, R7), each step audited: return with a
 * comment → fix and resubmit → approve → file (number from the campaign's pattern, signed
 * code); edit after filing starts a new version and the public keeps the filed one until the
 * new one is filed; refusals name the rule; concurrent filings never share a number.
 */
import { expect, it } from 'vitest';
import { describeBackends } from './harness';
import { auditMark, auditSince, clients, expectError, orgId } from './factories';
import { brochureId, brochureRow, demoCampaignId } from './publicity';

describeBackends('brochures: the workflow (R4, R6, R7)', (env) => {
  const as = clients(env);
  const publicItem = async (school: string) => ((await env().app.inject({ method: 'GET', url: '/api/public/brochures' })).json().items as Array<{ school: string; id: number; filingNumber: string }>).find((i) => i.school === school);
  const actionsSince = async (mark: number) => (await auditSince(env(), mark)).map((e) => e.action).filter((a) => a !== 'auth.login');

  it('returns, fixes, resubmits, approves and files a city-run school\'s brochure, auditing every step', async () => {
    const id = await brochureId(env(), 'V13');
    const city = await as('city.admin');
    const school = await as('v13.admin');
    const mark = await auditMark(env());

    expectError(await city.post(`/api/brochures/${id}/return`, { summary: '请修改', comments: [{ sectionKey: 'nope', comment: 'x' }] }), 400, 'BROCHURE_UNKNOWN_SECTION');
    const returned = await city.post(`/api/brochures/${id}/return`, { summary: '请补充实训条件', comments: [{ sectionKey: 'intro', comment: '请写明实训基地' }, { sectionKey: 'facts', comment: '核对住宿费' }] });
    expect(returned.json()).toMatchObject({ status: 'returned', comments: [{ sectionKey: 'intro' }, { sectionKey: 'facts' }] });
    expectError(await school.post(`/api/brochures/${id}/approve`, {}), 403, 'FORBIDDEN');

    const sections = returned.json().sections.map((s: { key: string; title: string; html: string }) =>
      s.key === 'intro' ? { ...s, html: '<p>实训基地 <b>3</b> 个</p><script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">链接</a><img src=x onerror=alert(1)>' } : s,
    );
    const edited = (await school.patch(`/api/brochures/${id}`, { sections })).json();
    expect(edited.status).toBe('draft');
    expect(edited.sections[0].html).toBe('<p>实训基地 <b>3</b> 个</p><a rel="noopener noreferrer nofollow" target="_blank">链接</a>');
    expect(edited.comments).toHaveLength(2); // kept for the school until the next decision
    expectError(await school.post(`/api/brochures/${id}/submit`, {}), 400, 'VALIDATION_FAILED');
    expect((await school.post(`/api/brochures/${id}/submit`, { confirmFacts: true })).json().status).toBe('submitted');
    expect((await city.post(`/api/brochures/${id}/approve`, { comment: '同意' })).json()).toMatchObject({ status: 'approved', comments: [] });
    expectError(await school.patch(`/api/brochures/${id}`, { sections }), 409, 'BROCHURE_ILLEGAL_TRANSITION');

    const filed = (await city.post(`/api/brochures/${id}/file`)).json();
    expect(filed).toMatchObject({ status: 'filed', filingNumber: '示教职招备〔2027〕007号', verifyCode: expect.stringMatching(/^[\w-]+\.[\w-]+$/) });
    expect(filed.events.map((e: { action: string }) => e.action)).toEqual(['create', 'edit', 'submit', 'return', 'edit', 'submit', 'approve', 'file']);
    expect(filed.events[3]).toMatchObject({ by: '示例市教育局管理员', organization: '示例市教育局', comment: '请补充实训条件' });
    expect(await actionsSince(mark)).toEqual(['brochure.return', 'brochure.edit', 'brochure.submit', 'brochure.approve', 'brochure.file']);
    const fileEvent = (await auditSince(env(), mark, 'brochure.file'))[0]!;
    expect(fileEvent).toMatchObject({ objectType: 'brochure', objectId: String(id), organizationId: await orgId(env(), 'V13') });
    expect(fileEvent.changes).toMatchObject({ status: { from: 'approved', to: 'filed' }, filingNumber: '示教职招备〔2027〕007号', filingSeq: 7 });
    expect((await publicItem('示例市商贸旅游学校'))?.filingNumber).toBe('示教职招备〔2027〕007号');
    expectError(await city.post(`/api/brochures/${id}/file`), 409, 'BROCHURE_ILLEGAL_TRANSITION');
  });

  it('starts a new version when a filed brochure is edited; the public sees the filed one until the new one is filed', async () => {
    const v1 = await brochureId(env(), 'V11');
    const school = await as('v11.admin');
    const city = await as('city.admin');
    const before = await publicItem('示例市交通职业学校');
    expect(before?.id).toBe(v1);
    const patch = await school.patch(`/api/brochures/${v1}`, { sections: [] });
    expect(expectError(patch, 409, 'BROCHURE_ILLEGAL_TRANSITION')).toMatchObject({ rule: 'R7', status: 'filed', action: 'edit' });

    const v2 = (await school.post(`/api/brochures/${v1}/revise`)).json();
    expect(v2).toMatchObject({ version: 2, status: 'draft', facts: (await brochureRow(env(), v1)).facts });
    expectError(await school.post(`/api/brochures/${v1}/revise`), 409, 'BROCHURE_NOT_LATEST');
    const changed = v2.sections.map((s: { key: string; html: string }) => (s.key === 'intro' ? { ...s, html: '<p>新增城市轨道交通实训中心</p>' } : s));
    await school.patch(`/api/brochures/${v2.id}`, { sections: changed, refreshFacts: true });
    await school.post(`/api/brochures/${v2.id}/submit`, { confirmFacts: true });
    expect((await publicItem('示例市交通职业学校'))?.id).toBe(v1);
    const review = (await city.get(`/api/brochures/${v2.id}`)).json();
    expect(review.diff).toEqual([expect.objectContaining({ path: 'sections.intro', kind: 'changed' })]);
    await city.post(`/api/brochures/${v2.id}/approve`, {});
    expect((await publicItem('示例市交通职业学校'))?.id).toBe(v1);

    await city.post(`/api/brochures/${v2.id}/file`);
    expect((await publicItem('示例市交通职业学校'))?.id).toBe(v2.id);
    expect((await brochureRow(env(), v1)).status).toBe('superseded');
    const old = (await city.get(`/api/brochures/${v1}`)).json();
    expect(old.events.at(-1)).toMatchObject({ action: 'supersede' });
  });

  it('refuses an unqualified school (R4) and missing facts (R6), naming the rule', async () => {
    const v16 = await brochureId(env(), 'V16');
    const r4 = expectError(await (await as('v16.admin')).post(`/api/brochures/${v16}/submit`, { confirmFacts: true }), 409, 'SCHOOL_NOT_QUALIFIED');
    expect(r4).toMatchObject({ rule: 'R4', year: 2027, school: '示例市博远职业技术学校' });

    const v14 = await brochureId(env(), 'V14');
    const school = await as('v14.admin');
    await school.patch(`/api/organizations/${await orgId(env(), 'V14')}`, { address: '' });
    const refreshed = (await school.patch(`/api/brochures/${v14}`, { refreshFacts: true })).json();
    expect(refreshed.missingFacts.map((p: { path: string }) => p.path)).toEqual(['address']);
    const r6 = expectError(await school.post(`/api/brochures/${v14}/submit`, { confirmFacts: true }), 409, 'BROCHURE_FACTS_MISSING');
    expect(r6).toMatchObject({ rule: 'R6', missing: [{ path: 'address', zh: '缺少学校地址（R6）' }] });
    const msg = await school.post(`/api/brochures/${v14}/submit`, { confirmFacts: true });
    expect(msg.json().error.message).toContain('R6');
  });

  it('lets a school start only one brochure per campaign, for itself, in its own district', async () => {
    const campaignId = await demoCampaignId(env());
    const v11 = await orgId(env(), 'V11');
    expectError(await (await as('v11.admin')).post('/api/brochures', { campaignId, organizationId: v11 }), 409, 'BROCHURE_EXISTS');
    expectError(await (await as('v12.admin')).post('/api/brochures', { campaignId, organizationId: v11 }), 403, 'FORBIDDEN');
    const north = (await (await as('north.admin')).get('/api/campaigns')).json().items[0].id;
    expectError(await (await as('v11.admin')).post('/api/brochures', { campaignId: north, organizationId: v11 }), 400, 'BROCHURE_CAMPAIGN_MISMATCH');
  });

  it('gives concurrent filings distinct consecutive numbers', async () => {
    const v02next = await brochureId(env(), 'V02', 2);
    await (await as('district.admin')).post(`/api/brochures/${v02next}/approve`, {});
    const v14 = await brochureId(env(), 'V14');
    const school = await as('v14.admin');
    await school.patch(`/api/organizations/${await orgId(env(), 'V14')}`, { address: '示例市示例区机电路 1 号' });
    await school.patch(`/api/brochures/${v14}`, { refreshFacts: true });
    await school.post(`/api/brochures/${v14}/submit`, { confirmFacts: true });
    const city = await as('city.admin');
    await city.post(`/api/brochures/${v14}/approve`, {});
    expect(((await city.get('/api/brochures?queue=filing')).json().items as Array<{ id: number }>).map((i) => i.id).sort()).toEqual([v02next, v14].sort());
    const [a, b] = await Promise.all([city.post(`/api/brochures/${v02next}/file`), city.post(`/api/brochures/${v14}/file`)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().filingNumber, b.json().filingNumber].sort()).toEqual(['示教职招备〔2027〕009号', '示教职招备〔2027〕010号']);
  });

  it('takes the filing number pattern from the campaign settings', async () => {
    const campaignId = await demoCampaignId(env());
    const city = await as('city.admin');
    const res = await city.patch(`/api/campaigns/${campaignId}`, { settings: { filingNumberPattern: '示备{year}-{seq:4}' }, reason: '改用新备案号格式' });
    expect(res.json().settings.filingNumberPattern).toBe('示备{year}-{seq:4}');
    const id = await brochureId(env(), 'V11', 2);
    const v3 = (await (await as('v11.admin')).post(`/api/brochures/${id}/revise`)).json();
    await (await as('v11.admin')).post(`/api/brochures/${v3.id}/submit`, { confirmFacts: true });
    await city.post(`/api/brochures/${v3.id}/approve`, {});
    expect((await city.post(`/api/brochures/${v3.id}/file`)).json().filingNumber).toBe('示备2027-0011');
  });
});
