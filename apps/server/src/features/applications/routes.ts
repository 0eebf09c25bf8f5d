/**
 * The application (志愿, R4, R7, R11, R21): the family's own routes (`/api/me/...`, found by the
 * account: a student's own, a guardian's student), junior-high staff entering on the family's
 * behalf, the 志愿表 PDF and its history, pressure reports to the district bureau, what a
 * vocational school sees of its applicants, and the notification outbox. Thin routes: validate
 * with the contract, authorize, call one use case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import {
  applicationHistory, applicationView, confirmApplicationBody, familyMe, idParam, notificationList, notificationQuery, okResponse, pressureReport,
  pressureReportBody, pressureReportList, pressureReportListQuery, programmeList, remindersResponse, saveApplicationBody, schoolApplicantList, schoolApplicantQuery,
} from '@zhizhao/contracts';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { authorizeStudent } from '../../auth/student-policy';
import { authorizeInDistrict } from '../../auth/policy';
import { originOf } from '../public/routes';
import { familyCtx, studentCtxById, studentRefOf } from './queries';
import { viewOf } from './view';
import { programmeListOf } from './programmes';
import { saveApplication } from './save-application';
import { confirmApplication } from './confirm-application';
import { applicationHistoryOf } from './history';
import { applicationPdf } from './application-pdf';
import { acknowledgePressureReport, createPressureReport, listPressureReports } from './pressure-reports';
import { listSchoolApplicants } from './school-applicants';
import { listNotifications, queueDeadlineReminders } from './notifications';
import { campaignById } from './bureau-campaign';

const tags = ['applications'];
const self = { access: 'application.self' } as const;

function sendPdf(reply: FastifyReply, out: { pdf: Buffer; filename: string }) {
  reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(out.filename)}`).header('cache-control', 'no-store');
  return out.pdf;
}

export const applicationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ------------------------------------------------------------ the family (student, guardian)
    app.get('/api/me/student', { schema: { tags, summary: '本人（家庭账号）的学生信息 The family account\'s student', response: { 200: familyMe } }, config: self }, async (req) => {
      const { student, juniorHighName } = await familyCtx(deps.db, req.actor!);
      return {
        role: req.actor!.role as 'student' | 'guardian', studentId: student.id, studentName: student.name, examNo: student.examNo, juniorHighName,
        className: student.className, guardianName: student.guardianName, phoneMasked: student.phoneMasked, social: student.kind === 'social',
      };
    });
    app.get('/api/me/application', { schema: { tags, summary: '我的志愿 My application', response: { 200: applicationView } }, config: self }, async (req) =>
      viewOf(deps.db, await familyCtx(deps.db, req.actor!), (await deps.clock()).today),
    );
    app.put('/api/me/application', { schema: { tags, summary: '填报志愿（普职不兼报 R11；R4、R7）Save my application', body: saveApplicationBody, response: { 200: applicationView } }, config: self }, async (req) =>
      saveApplication(deps, req.ctx, await familyCtx(deps.db, req.actor!), req.actor!.role === 'guardian' ? 'guardian' : 'student', req.body),
    );
    app.post('/api/me/application/confirm', { schema: { tags, summary: '确认志愿（学生、家长各自确认）Confirm the current version', body: confirmApplicationBody, response: { 200: applicationView } }, config: self }, async (req) =>
      confirmApplication(deps, req.ctx, await familyCtx(deps.db, req.actor!), req.actor!.role === 'guardian' ? 'guardian' : 'student', req.body.version),
    );
    app.get('/api/me/application/programmes', { schema: { tags, summary: '可填报的专业（R4 有招生资格、R7 简章已备案）Programmes to choose from', response: { 200: programmeList } }, config: self }, async (req) => {
      const ctx = await familyCtx(deps.db, req.actor!);
      return { items: await programmeListOf(deps.db, ctx.campaign), maxChoices: ctx.campaign.settings.maxChoices };
    });
    app.get('/api/me/application/history', { schema: { tags, summary: '志愿修改记录 History of my application', response: { 200: applicationHistory } }, config: self }, async (req) =>
      applicationHistoryOf(deps.db, (await familyCtx(deps.db, req.actor!)).app?.id ?? null),
    );
    app.get('/api/me/application/pdf', { schema: { tags, summary: '志愿表 PDF（确认后带核验二维码）The application form' }, config: self }, async (req, reply) =>
      sendPdf(reply, await applicationPdf(deps, req.ctx, await familyCtx(deps.db, req.actor!), originOf(deps, req))),
    );
    app.post('/api/me/pressure-report', { schema: { tags, summary: '反映被强迫选择或被劝阻参加中考（直达区教育局，R11、R21）Report pressure', body: pressureReportBody, response: { 200: okResponse } }, config: self }, async (req) =>
      createPressureReport(deps, req.ctx, await familyCtx(deps.db, req.actor!), req.body),
    );

    // ------------------------------------------------------------ junior-high staff, bureaus
    app.put('/api/students/:id/application', { schema: { tags, summary: '代为填报（初中学校；须家庭确认）Enter on the family\'s behalf', params: idParam, body: saveApplicationBody, response: { 200: applicationView } }, config: { access: 'application.onbehalf' } }, async (req) => {
      const ctx = await studentCtxById(deps.db, req.params.id);
      authorizeStudent(req.actor!, 'application.onbehalf', studentRefOf(ctx));
      return saveApplication(deps, req.ctx, ctx, 'staff', req.body);
    });
    app.get('/api/students/:id/application/pdf', { schema: { tags, summary: '学生的志愿表 PDF A student\'s application form', params: idParam }, config: { access: 'student.read' } }, async (req, reply) => {
      const ctx = await studentCtxById(deps.db, req.params.id);
      authorizeStudent(req.actor!, 'student.read', studentRefOf(ctx));
      return sendPdf(reply, await applicationPdf(deps, req.ctx, ctx, originOf(deps, req)));
    });
    app.get('/api/students/:id/application/history', { schema: { tags, summary: '学生的志愿修改记录 A student\'s application history', params: idParam, response: { 200: applicationHistory } }, config: { access: 'student.read' } }, async (req) => {
      const ctx = await studentCtxById(deps.db, req.params.id);
      authorizeStudent(req.actor!, 'student.read', studentRefOf(ctx));
      return applicationHistoryOf(deps.db, ctx.app?.id ?? null);
    });

    app.get('/api/campaigns/:id/programmes', { schema: { tags, summary: '本招生活动可填报的专业（代填、查看）The campaign\'s programmes', params: idParam, response: { 200: programmeList } }, config: { access: 'major.read' } }, async (req) => {
      const c = await campaignById(deps.db, req.params.id);
      authorizeInDistrict(req.actor!, 'major.read', c.district);
      return { items: await programmeListOf(deps.db, c), maxChoices: withSettingDefaults(c.settings as CampaignSettings).maxChoices };
    });

    // ------------------------------------------------------------ pressure reports (district bureau only)
    app.get('/api/pressure-reports', { schema: { tags, summary: '学生家长反映（仅区教育局，R21）Pressure reports', querystring: pressureReportListQuery, response: { 200: pressureReportList } }, config: { access: 'pressure.read' } }, async (req) =>
      listPressureReports(deps, req.actor!, req.query),
    );
    app.post('/api/pressure-reports/:id/acknowledge', { schema: { tags, summary: '受理反映（区教育局）Acknowledge a report', params: idParam, response: { 200: pressureReport } }, config: { access: 'pressure.read' } }, async (req) =>
      acknowledgePressureReport(deps, req.ctx, req.params.id),
    );

    // ------------------------------------------------------------ vocational schools
    app.get('/api/school/applicants', { schema: { tags, summary: '填报本校专业的考生（职业学校）Applicants who chose the school', querystring: schoolApplicantQuery, response: { 200: schoolApplicantList } }, config: { access: 'application.read' } }, async (req) =>
      listSchoolApplicants(deps, req.actor!, req.query),
    );

    // ------------------------------------------------------------ notifications (outbox)
    app.get('/api/notifications', { schema: { tags, summary: '通知发件箱（教育局）The notification outbox', querystring: notificationQuery, response: { 200: notificationList } }, config: { access: 'notification.read' } }, async (req) =>
      listNotifications(deps, req.actor!, req.query),
    );
    app.post('/api/campaigns/:id/notifications/deadline-reminders', { schema: { tags, summary: '发送截止提醒（未确认志愿的学生，每人每天一次）Queue deadline reminders', params: idParam, response: { 200: remindersResponse } }, config: { access: 'notification.read' } }, async (req) =>
      queueDeadlineReminders(deps, req.ctx, req.params.id),
    );
  };
