/**
 * Free choice (R11 自愿, R21): a family's pressure report reaches the district bureau of the
 * campaign and nobody else — not the junior high (403 on the list and the acknowledgement, no
 * audit event on its audit page, no notification), not the city — and its audit event keeps
 * no description. The notification outbox: read by the bureaus; deadline reminders queued once
 * per student and day, by the district bureau only.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notifications } from '../src/db/schema';
import { describeBackends } from './harness';
import { auditMark, clients, expectError, oneAudit, orgId } from './factories';
import { family, programmesOf, vocational } from './support-applications';
import { campaignIdOf } from './support-students';

describeBackends('pressure reports and notifications (R11, R21)', (env) => {
  const as = clients(env);
  const description = '班主任多次要求我不要参加中考，直接去职校，否则不给毕业证。';

  it('a report reaches the district bureau only', async () => {
    const f = await family(env, 'JH05');
    const mark = await auditMark(env());
    const before = (await env().database.db.select().from(notifications)).length;
    expect((await f.guardian.post('/api/me/pressure-report', { kind: 'kept_from_exam', description })).json()).toEqual({ ok: true });
    const event = await oneAudit(env(), mark, 'pressure_report.create');
    expect(event.organizationId).toBe(await orgId(env(), 'D01'));
    expect(JSON.stringify(event.changes)).not.toContain('中考');
    expect(event.changes).toMatchObject({ kind: 'kept_from_exam', reporter: 'guardian' });
    // Nobody is notified (least of all the junior high).
    expect((await env().database.db.select().from(notifications)).length).toBe(before);

    const district = await as('district.admin');
    const list = (await district.get('/api/pressure-reports?status=open&pageSize=200')).json();
    const mine = list.items.find((r: { studentId: number }) => r.studentId === f.s.id);
    expect(mine).toMatchObject({ juniorHighName: '示例区第五中学', reporter: 'guardian', kind: 'kept_from_exam', description, status: 'open', examNo: f.s.examNo, phoneMasked: expect.stringContaining('****') });

    // The junior high: 403 on the list and the acknowledgement; its audit page does not show the event.
    const jh = await as('jh05.admin');
    expectError(await jh.get('/api/pressure-reports'), 403, 'FORBIDDEN');
    expectError(await jh.post(`/api/pressure-reports/${mine.id}/acknowledge`), 403, 'FORBIDDEN');
    const jhAudit = await (await as('jh05.admin')).get('/api/audit?action=pressure_report&pageSize=200');
    if (jhAudit.statusCode === 200) expect(jhAudit.json().items).toEqual([]);
    else expect(jhAudit.statusCode).toBe(403);
    // The city and another district's bureau neither.
    expectError(await (await as('city.admin')).get('/api/pressure-reports'), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).get(`/api/pressure-reports?campaignId=${await campaignIdOf(env())}`), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).post(`/api/pressure-reports/${mine.id}/acknowledge`), 403, 'FORBIDDEN');
    // The district's audit page does.
    const districtAudit = (await district.get('/api/audit?action=pressure_report.create&pageSize=200')).json();
    expect(districtAudit.items.some((a: { objectId: string }) => a.objectId === String(mine.id))).toBe(true);

    const ack = (await (await as('district.staff')).post(`/api/pressure-reports/${mine.id}/acknowledge`)).json();
    expect(ack).toMatchObject({ id: mine.id, status: 'acknowledged', acknowledgedAt: expect.any(String) });
    expectError(await district.post(`/api/pressure-reports/${mine.id}/acknowledge`), 409, 'PRESSURE_REPORT_ALREADY_ACKNOWLEDGED');
  });

  it('no other route shows the junior high who reported', async () => {
    const f = await family(env, 'JH06');
    await f.student.post('/api/me/pressure-report', { kind: 'pressure_choice', description: '老师替我填了职校志愿，我想读普高。' });
    const jh = await as('jh06.admin');
    for (const url of ['/api/audit?pageSize=200', `/api/students/${f.s.id}/application/history`]) {
      const res = await jh.get(url);
      expect(res.body).not.toContain('pressure');
      expect(res.body).not.toContain('老师替我');
    }
  });

  it('deadline reminders: one per unconfirmed student and day, by the district bureau only', async () => {
    const campaignId = await campaignIdOf(env());
    const done = await family(env, 'JH07');
    const open = await family(env, 'JH07');
    const v12 = await programmesOf(env, done.student, 'V12');
    await done.student.put('/api/me/application', vocational([v12[0]!]));
    await done.student.post('/api/me/application/confirm', { version: 1 });
    await done.guardian.post('/api/me/application/confirm', { version: 1 });

    expectError(await (await as('jh07.admin')).post(`/api/campaigns/${campaignId}/notifications/deadline-reminders`), 403, 'FORBIDDEN');
    expectError(await (await as('city.admin')).post(`/api/campaigns/${campaignId}/notifications/deadline-reminders`), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).post(`/api/campaigns/${campaignId}/notifications/deadline-reminders`), 403, 'FORBIDDEN');

    const district = await as('district.admin');
    const first = (await district.post(`/api/campaigns/${campaignId}/notifications/deadline-reminders`)).json();
    expect(first.queued).toBeGreaterThanOrEqual(1);
    expect((await district.post(`/api/campaigns/${campaignId}/notifications/deadline-reminders`)).json()).toEqual({ queued: 0 });
    const rows = async (studentId: number) => env().database.db.select().from(notifications).where(and(eq(notifications.studentId, studentId), eq(notifications.template, 'deadline_near')));
    expect(await rows(done.s.id)).toEqual([]);
    const [reminder] = await rows(open.s.id);
    expect(reminder).toMatchObject({ recipient: 'guardian', provider: 'outbox', status: 'queued', dedupeKey: `deadline_near:${open.s.id}:2027-04-21` });
    expect(reminder!.body).toContain('5月31日');
    expect(reminder!.to).not.toContain(open.s.guardianPhone);

    // The outbox: the district's and the city's bureaus read it; a junior high does not.
    const outbox = (await district.get('/api/notifications?template=deadline_near&pageSize=5')).json();
    expect(outbox.total).toBe(first.queued);
    expect((await (await as('city.admin')).get('/api/notifications?template=deadline_near&pageSize=5')).json().total).toBe(first.queued);
    expectError(await (await as('jh07.admin')).get('/api/notifications'), 403, 'FORBIDDEN');
    expect((await (await as('north.admin')).get('/api/notifications?template=deadline_near')).json().total).toBe(0);
  });
});
