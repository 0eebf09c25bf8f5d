/**
 * The verifier of 志愿表 codes (payload `t: 'application'`, `id`, `v`) behind the public
 * `GET /api/verify/:code`: the signature has been checked (signing/codes.ts); this says whether
 * the application exists, was signed by its campaign's district bureau, and whether the
 * printed version is the current confirmed one (valid) or a later version exists (superseded).
 * The page is public: a masked name and exam number (last 4), never an ID number or phone.
 */
import { eq } from 'drizzle-orm';
import { maskName, trackLabels, type Track } from '@zhizhao/domain';
import type { Verifier, VerifyResult } from '../../signing/codes';
import { applications, students } from '../../db/schema';
import { loadChoices, loadStudentCtx } from './queries';

const maskExamNo = (s: string) => (s.length <= 4 ? s : `${'*'.repeat(s.length - 4)}${s.slice(-4)}`);

export const verifyApplicationCode: Verifier = async (db, payload, key) => {
  const unknown: VerifyResult = { kind: 'application', status: 'unknown', message: { zh: '签名有效，但系统中找不到该志愿记录', en: 'The signature is valid, but no such application is on record' }, keyId: key.kid, facts: null };
  const id = Number(payload.id);
  const v = Number(payload.v);
  if (!Number.isInteger(id) || id <= 0 || !Number.isInteger(v) || v <= 0) return unknown;
  const [row] = await db.select({ studentId: applications.studentId }).from(applications).where(eq(applications.id, id));
  if (!row) return unknown;
  const ctx = await loadStudentCtx(db, eq(students.id, row.studentId));
  const app = ctx?.app;
  if (!ctx || !app || v > app.version) return unknown;
  if (key.organizationId !== ctx.campaign.districtId) {
    return { kind: 'application', status: 'invalid', message: { zh: '签名密钥不属于该招生活动所在区的教育局，二维码不可信', en: 'The code was not signed by the district bureau of the application\'s campaign' }, keyId: key.kid, facts: null };
  }
  const who = { student: maskName(ctx.student.name), examNo: maskExamNo(ctx.student.examNo), juniorHigh: ctx.juniorHighName, campaign: ctx.campaign.name, version: v };
  if (v < app.version) {
    return {
      kind: 'application', status: 'superseded',
      message: { zh: `该志愿表（第${v}版）已被修改，不是现行版本（现行为第${app.version}版），请以最新确认的志愿表为准`, en: `This application form (version ${v}) has been changed since: version ${app.version} is current` },
      keyId: key.kid, facts: { ...who, currentVersion: app.version },
    };
  }
  const confirmed = app.status === 'confirmed';
  const choices = await loadChoices(db, app.id);
  const facts = {
    ...who,
    track: app.track ? trackLabels[app.track as Track].zh : null,
    choices: app.track === 'vocational' ? choices.map((c) => ({ rank: c.rank, school: c.schoolName, major: c.majorName, campus: c.campusName })) : [],
    acceptAdjustment: app.track === 'vocational' ? app.acceptAdjustment : null,
    studentConfirmedAt: app.studentConfirmedVersion === v ? (app.studentConfirmedAt?.toISOString() ?? null) : null,
    guardianConfirmedAt: app.guardianConfirmedVersion === v ? (app.guardianConfirmedAt?.toISOString() ?? null) : null,
  };
  if (!confirmed) return { ...unknown, facts: null };
  return { kind: 'application', status: 'valid', message: { zh: `有效：该志愿表为现行已确认版本（第${v}版），由${ctx.student.kind === 'social' ? '本人' : '学生和家长本人'}确认`, en: `Valid: this is the current confirmed version (${v}) of the application` }, keyId: key.kid, facts };
};
