/**
 * R5 社会人员注册入学: a public registration (no account) in a campaign whose window is open;
 * one per document; the confirming office (a vocational school of the city or the district
 * bureau) re-types the document number, which must match; confirming creates the student with
 * a registration number and an account that signs in and must change its password. Nothing
 * personal in the responses (masked) or the audit.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { defaultCampaignSettings, makeResidentId } from '@zhizhao/domain';
import { campaigns, students, users } from '../src/db/schema';
import { call, describeBackends } from './harness';
import { auditMark, clients, expectError, oneAudit, orgId } from './factories';
import { campaignIdOf } from './support-students';

describeBackends('social applicants', (env) => {
  const as = clients(env);
  const register = (payload: object) => call(env().app, null, { method: 'POST', url: '/api/public/social-registrations', payload });
  const idNumber = makeResidentId('110105', '1998-07-01', 511);
  const other = makeResidentId('110105', '1990-02-03', 322);
  let campaignId = 0;
  const body = () => ({ campaignId, name: '王社会', gender: 'male', idType: 'resident_id', idNumber, category: 'migrant_worker', education: 'junior_high', phone: '13800001234' });

  it('lists the open campaigns and takes a registration once per document', async () => {
    campaignId = await campaignIdOf(env());
    const open = (await call(env().app, null, { method: 'GET', url: '/api/public/campaigns/open' })).json();
    expect(open.items).toContainEqual({ id: campaignId, name: expect.any(String), districtName: '示例区教育局', year: 2027, window: { from: '2027-04-01', to: '2027-05-31' } });

    expectError(await register({ ...body(), idNumber: '110105199807015110' }), 400, 'STUDENT_ID_INVALID');
    const mark = await auditMark(env());
    const res = await register(body());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().trackingNo).toMatch(/^SR2027-[A-Z2-7]{6}$/);
    expect(res.json().message.zh).toContain(res.json().trackingNo);
    const event = await oneAudit(env(), mark, 'social.register');
    expect(JSON.stringify(event.changes)).not.toContain(idNumber);
    expect(JSON.stringify(event.changes)).not.toContain('13800001234');
    expectError(await register({ ...body(), name: '王二' }), 409, 'SOCIAL_ALREADY_REGISTERED');

    // A campaign whose window is not open takes none.
    const [d01] = await env().database.db.select({ districtId: campaigns.districtId }).from(campaigns).where(eq(campaigns.id, campaignId));
    const [later] = await env().database.db.insert(campaigns).values({ districtId: d01!.districtId, year: 2028, name: '2028', settings: defaultCampaignSettings(2028) }).returning();
    expectError(await register({ ...body(), campaignId: later!.id }), 409, 'SOCIAL_CAMPAIGN_CLOSED');
    expect((await call(env().app, null, { method: 'GET', url: '/api/public/campaigns/open' })).json().items.map((c: { id: number }) => c.id)).not.toContain(later!.id);
  });

  it('shows the registrations to the confirming offices, masked', async () => {
    const list = (await (await as('district.admin')).get(`/api/social-registrations?campaignId=${campaignId}&q=王社会`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name: '王社会', status: 'pending', idMasked: '110105********5113'.slice(0, 14) + idNumber.slice(14), phoneMasked: '138****1234', registrationNo: null });
    expect(JSON.stringify(list)).not.toContain(idNumber);
    const byTracking = (await (await as('v11.admin')).get(`/api/social-registrations?q=${list.items[0].trackingNo.slice(0, 8)}`)).json();
    expect(byTracking.items.map((r: { id: number }) => r.id)).toContain(list.items[0].id);
    expect((await (await as('north.admin')).get('/api/social-registrations')).json().items.map((r: { id: number }) => r.id)).not.toContain(list.items[0].id);
    expectError(await (await as('jh01.admin')).get('/api/social-registrations'), 403, 'FORBIDDEN');
  });

  it('confirms in person: the document must match; the applicant signs in and must change the password', async () => {
    const reg = (await (await as('district.admin')).get(`/api/social-registrations?campaignId=${campaignId}&q=王社会`)).json().items[0];
    const v01 = await as('v01.admin');
    expectError(await v01.post(`/api/social-registrations/${reg.id}/confirm`, { idNumber: other, idChecked: true }), 409, 'SOCIAL_ID_MISMATCH');
    expectError(await (await as('north.admin')).post(`/api/social-registrations/${reg.id}/confirm`, { idNumber, idChecked: true }), 403, 'FORBIDDEN');
    const mark = await auditMark(env());
    const res = await v01.post(`/api/social-registrations/${reg.id}/confirm`, { idNumber: idNumber.toLowerCase(), idChecked: true });
    expect(res.statusCode, res.body).toBe(200);
    const { registration, registrationNo, initialPassword } = res.json();
    expect(registrationNo).toMatch(/^S2027\d{5}$/);
    expect(registration).toMatchObject({ status: 'confirmed', decidedByOrgName: '市第一职业技术学校', registrationNo });
    expect(JSON.stringify(res.json())).not.toContain(idNumber);
    const event = await oneAudit(env(), mark, 'social.confirm');
    expect(JSON.stringify(event.changes)).not.toContain(idNumber);
    expect(JSON.stringify(event.changes)).not.toContain(initialPassword);

    const [s] = await env().database.db.select().from(students).where(eq(students.id, registration.studentId));
    expect(s).toMatchObject({ kind: 'social', juniorHighId: null, examNo: registrationNo, guardianUserId: null, socialCategory: 'migrant_worker', education: 'junior_high' });
    expect(env().deps.pii.decrypt(s!.initialPasswordCipher!)).toBe(initialPassword);
    expect(env().deps.pii.decrypt(s!.idCipher)).toBe(idNumber);
    const [u] = await env().database.db.select().from(users).where(eq(users.id, s!.userId!));
    expect(u).toMatchObject({ role: 'student', username: registrationNo.toLowerCase(), organizationId: await orgId(env(), 'V01'), mustChangePassword: true });

    const login = await call(env().app, null, { method: 'POST', url: '/api/auth/login', payload: { username: registrationNo, password: initialPassword } });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);

    expectError(await (await as('district.admin')).post(`/api/social-registrations/${reg.id}/confirm`, { idNumber, idChecked: true }), 409, 'SOCIAL_ALREADY_DECIDED');
    // A confirmed registration still blocks a second one with the same document.
    expectError(await register(body()), 409, 'SOCIAL_ALREADY_REGISTERED');

    // The next confirmation takes the next number.
    const second = await register({ ...body(), name: '李社会', idNumber: other, gender: 'female', phone: '13900004321' });
    expect(second.statusCode, second.body).toBe(200);
    const reg2 = (await (await as('district.admin')).get(`/api/social-registrations?q=李社会`)).json().items[0];
    const res2 = (await (await as('district.staff')).post(`/api/social-registrations/${reg2.id}/confirm`, { idNumber: other, idChecked: true })).json();
    expect(Number(res2.registrationNo.slice(5))).toBe(Number(registrationNo.slice(5)) + 1);
  });

  it('rejects once, with a reason', async () => {
    const third = makeResidentId('110105', '1985-11-11', 733);
    expect((await register({ ...body(), name: '赵社会', idNumber: third })).statusCode).toBe(200);
    const reg = (await (await as('district.admin')).get(`/api/social-registrations?q=赵社会`)).json().items[0];
    const mark = await auditMark(env());
    const res = await (await as('district.admin')).post(`/api/social-registrations/${reg.id}/reject`, { reason: '证件与本人不符' });
    expect(res.json(), res.body).toMatchObject({ status: 'rejected', rejectReason: '证件与本人不符', decidedByOrgName: '示例区教育局' });
    await oneAudit(env(), mark, 'social.reject');
    expectError(await (await as('district.admin')).post(`/api/social-registrations/${reg.id}/reject`, { reason: '再次' }), 409, 'SOCIAL_ALREADY_DECIDED');
    // A rejected registration does not block registering again.
    expect((await register({ ...body(), name: '赵社会', idNumber: third })).statusCode).toBe(200);
  });

  it('numbers concurrent confirmations without a clash', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => makeResidentId('110105', '1992-05-0' + (i + 1), 101 + i * 2));
    for (const [i, id] of ids.entries()) expect((await register({ ...body(), name: `并发${i}`, idNumber: id })).statusCode).toBe(200);
    const list = (await (await as('district.admin')).get('/api/social-registrations?q=并发&status=pending')).json().items as Array<{ id: number; name: string }>;
    expect(list).toHaveLength(6);
    const byName = new Map(list.map((r) => [r.name, r.id]));
    const clerks = await Promise.all(['district.admin', 'district.staff', 'v01.admin'].map((u) => as(u)));
    const results = await Promise.all(ids.map((id, i) => clerks[i % 3]!.post(`/api/social-registrations/${byName.get(`并发${i}`)}/confirm`, { idNumber: id, idChecked: true })));
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const numbers = results.map((r) => r.json().registrationNo as string);
    expect(new Set(numbers).size).toBe(6);
    const seqs = numbers.map((n) => Number(n.slice(5))).sort((a, b) => a - b);
    expect(seqs[5]! - seqs[0]!).toBe(5);
  });
});
