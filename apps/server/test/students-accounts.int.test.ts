/**
 * Family accounts (issue 9): a student signs in with the exam number and the slip's password,
 * must change it, then signs in with the new one; the guardian signs in with the exam number and
 * the confirmation code; a reset makes the old secret useless and ends the sessions; the slips
 * PDF carries the exam number and the password, marks the slips issued, is audited and queues
 * one message per family.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notifications } from '../src/db/schema';
import { call, describeBackends, signIn } from './harness';
import { auditMark, clients, expectError, oneAudit } from './factories';
import { campaignIdOf, createStudents, studentRow } from './support-students';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

function pdfText(data: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zz-slips-'));
  try {
    const file = path.join(dir, 's.pdf');
    fs.writeFileSync(file, data);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeBackends('students: family accounts and slips', (env) => {
  const as = clients(env);
  const login = (username: string, password: string) => env().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const guardianLogin = (examNo: string, code: string) => env().app.inject({ method: 'POST', url: '/api/auth/guardian-login', payload: { examNo, code } });

  it('a student signs in with the exam number and the slip password, must change it, then uses the new one', async () => {
    const [s] = await createStudents(env(), { juniorHighCode: 'JH01', count: 1 });
    const first = await login(s!.examNo, s!.initialPassword);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ role: 'student', user: { mustChangePassword: true } });
    const cookie = await signIn(env().app, s!.examNo, s!.initialPassword);
    const changed = await call(env().app, cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: s!.initialPassword, newPassword: 'Wo-de-mima-2027' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expectError(await login(s!.examNo, s!.initialPassword), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await login(s!.examNo, 'Wo-de-mima-2027')).json()).toMatchObject({ user: { mustChangePassword: false } });
    expect((await studentRow(env(), s!.id)).initialPasswordCipher).toBeNull();
    expect((await (await as('jh01.admin')).get(`/api/students/${s!.id}`)).json().account).toBe('active');
  });

  it('the guardian signs in with the exam number and the confirmation code', async () => {
    const [s] = await createStudents(env(), { juniorHighCode: 'JH01', count: 1 });
    const res = await guardianLogin(s!.examNo, s!.guardianCode);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'guardian', user: { username: `g.${s!.examNo.toLowerCase()}`, mustChangePassword: false } });
    expect(res.cookies.find((c) => c.name === 'zz_session')).toBeTruthy();
    expectError(await guardianLogin(s!.examNo, '00000000'), 401, 'AUTH_INVALID_CREDENTIALS');
    // The guardian's code is not the student's password, and the reverse.
    expectError(await login(s!.examNo, s!.guardianCode), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await guardianLogin(s!.examNo, s!.initialPassword), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it('reset-credentials makes the old secret useless and ends the sessions', async () => {
    const [s] = await createStudents(env(), { juniorHighCode: 'JH01', count: 1 });
    const studentCookie = await signIn(env().app, s!.examNo, s!.initialPassword);
    const guardianCookie = `zz_session=${(await guardianLogin(s!.examNo, s!.guardianCode)).cookies.find((c) => c.name === 'zz_session')!.value}`;
    const jh = await as('jh01.admin');
    const mark = await auditMark(env());
    const res = await jh.post(`/api/students/${s!.id}/reset-credentials`, { what: 'both' });
    expect(res.statusCode, res.body).toBe(200);
    const event = await oneAudit(env(), mark, 'student.reset_credentials');
    expect(event.changes).toMatchObject({ what: 'both' });
    expectError(await login(s!.examNo, s!.initialPassword), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await guardianLogin(s!.examNo, s!.guardianCode), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await call(env().app, studentCookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await call(env().app, guardianCookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const row = await studentRow(env(), s!.id);
    const password = env().deps.pii.decrypt(row.initialPasswordCipher!);
    const code = env().deps.pii.decrypt(row.guardianCodeCipher!);
    expect((await login(s!.examNo, password)).json()).toMatchObject({ user: { mustChangePassword: true } });
    expect((await guardianLogin(s!.examNo, code)).statusCode).toBe(200);
    expectError(await (await as('jh02.admin')).post(`/api/students/${s!.id}/reset-credentials`, { what: 'password' }), 403, 'FORBIDDEN');
    expectError(await (await as('city.admin')).post(`/api/students/${s!.id}/reset-credentials`, { what: 'password' }), 403, 'FORBIDDEN');
  });

  it('the slips PDF carries the exam number and password, marks the slips issued, is audited and queues a message per family', async () => {
    const made = await createStudents(env(), { juniorHighCode: 'JH08', count: 5, className: '九年级6班' });
    const campaignId = await campaignIdOf(env());
    const jh = await as('jh08.admin');
    const mark = await auditMark(env());
    const res = await jh.get(`/api/campaigns/${campaignId}/students/slips.pdf?className=${encodeURIComponent('九年级6班')}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const event = await oneAudit(env(), mark, 'student.slips_print');
    expect(event.changes).toMatchObject({ count: 5, className: '九年级6班' });
    expect(JSON.stringify(event.changes)).not.toContain(made[0]!.initialPassword);
    for (const s of made) expect((await studentRow(env(), s.id)).slipsIssuedAt).not.toBeNull();
    const queued = await env().database.db.select().from(notifications).where(eq(notifications.studentId, made[0]!.id));
    expect(queued).toMatchObject([{ template: 'slip_issued', recipient: 'guardian', to: '139****' + made[0]!.guardianPhone.slice(7) }]);
    expect(queued[0]!.body).not.toContain(made[0]!.guardianCode);
    expect((await jh.get(`/api/students/${made[0]!.id}`)).json().account).toBe('issued');
    if (hasPdftotext) {
      const text = pdfText(res.rawPayload);
      for (const s of made) {
        expect(text).toContain(s.examNo);
        expect(text).toContain(s.initialPassword);
        expect(text).toContain(s.guardianCode);
      }
      expect(text).toContain('家长确认');
    }
    // Printing again the same day queues no second message.
    await jh.get(`/api/campaigns/${campaignId}/students/slips.pdf?studentId=${made[0]!.id}`);
    expect(await env().database.db.select().from(notifications).where(eq(notifications.studentId, made[0]!.id))).toHaveLength(1);
  });

  it('an activated student\'s slip says so instead of a password; another school cannot print it', async () => {
    const [s] = await createStudents(env(), { juniorHighCode: 'JH08', count: 1 });
    const cookie = await signIn(env().app, s!.examNo, s!.initialPassword);
    await call(env().app, cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: s!.initialPassword, newPassword: 'Wo-de-mima-2027' } });
    const campaignId = await campaignIdOf(env());
    const res = await (await as('jh08.admin')).get(`/api/campaigns/${campaignId}/students/slips.pdf?studentId=${s!.id}`);
    expect(res.statusCode).toBe(200);
    if (hasPdftotext) {
      const text = pdfText(res.rawPayload);
      expect(text).toContain('已激活');
      expect(text).not.toContain(s!.initialPassword);
      expect(text).toContain(s!.guardianCode);
    }
    expectError(await (await as('jh01.admin')).get(`/api/campaigns/${campaignId}/students/slips.pdf?studentId=${s!.id}`), 404, 'NOT_FOUND');
    expectError(await (await as('city.admin')).get(`/api/campaigns/${campaignId}/students/slips.pdf?studentId=${s!.id}`), 403, 'FORBIDDEN');
  });
});
