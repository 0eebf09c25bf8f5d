/**
 * Campus visits (进校宣传, R9, R10, R19): the scoped list and detail, one route per step of the
 * workflow, the permit PDF, the bureaus' permit list, the junior highs' protected lesson time
 * and the reports of unauthorised recruiting (report-routes.ts). Thin routes: validate with the
 * contract, call one use case (which checks the object's scope and the caller's part).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  checkVisitBody, createVisitBody, idParam, permitListQuery, permitListResponse, proposeSlotBody, protectedPeriodsBody, protectedPeriodsResponse,
  refuseVisitBody, revokePermitBody, visit, visitListQuery, visitListResponse,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { canSeeVisit } from '../../auth/visit-policy';
import { AppError } from '../../errors';
import { originOf } from '../public/routes';
import { listVisits, loadVisit, presentVisit, refOfVisit } from './queries';
import { requestVisit } from './request-visit';
import { proposeSlot } from './propose-slot';
import { acceptProposal } from './accept-proposal';
import { cancelVisit } from './cancel-visit';
import { approveVisit } from './approve-visit';
import { refuseVisit } from './refuse-visit';
import { revokePermit } from './revoke-permit';
import { checkInVisit } from './check-in-visit';
import { checkOutVisit } from './check-out-visit';
import { permitPdf } from './permit-pdf';
import { listPermits } from './permits';
import { getProtectedPeriods, replaceProtectedPeriods } from './protected-periods';
import { visitReportRoutes } from './report-routes';

const tags = ['visits'];
const one = { 200: visit };

export const visitRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/visits', { schema: { tags, summary: '进校宣传列表（按范围）Visits in scope', querystring: visitListQuery, response: { 200: visitListResponse } }, config: { access: 'visit.read' } }, async (req) =>
      listVisits(deps.db, req.actor!, req.query),
    );
    app.get('/api/visits/:id', { schema: { tags, summary: '进校宣传详情 A visit', params: idParam, response: one }, config: { access: 'visit.read' } }, async (req) => {
      const l = await loadVisit(deps.db, req.params.id);
      if (!canSeeVisit(req.actor!, refOfVisit(l))) throw new AppError('FORBIDDEN', { permission: 'visit.read' });
      return presentVisit(deps.db, l);
    });
    app.post('/api/visits', { schema: { tags, summary: '申请进校宣传（学校；R4、R7、R9、R10）Request a visit', body: createVisitBody, response: one }, config: { access: 'visit.request' } }, async (req) =>
      requestVisit(deps, req.ctx, req.body),
    );
    app.post('/api/visits/:id/propose', { schema: { tags, summary: '建议改期（初中学校）Propose another slot', params: idParam, body: proposeSlotBody, response: one }, config: { access: 'visit.gate' } }, async (req) =>
      proposeSlot(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/visits/:id/accept-proposal', { schema: { tags, summary: '接受改期（学校）Accept the proposed slot', params: idParam, response: one }, config: { access: 'visit.request' } }, async (req) =>
      acceptProposal(deps, req.ctx, req.params.id),
    );
    app.post('/api/visits/:id/cancel', { schema: { tags, summary: '取消（学校）Cancel', params: idParam, response: one }, config: { access: 'visit.request' } }, async (req) =>
      cancelVisit(deps, req.ctx, req.params.id),
    );
    app.post('/api/visits/:id/approve', { schema: { tags, summary: '批准并签发批准书（区教育局，R19）Approve and issue the permit', params: idParam, response: one }, config: { access: 'visit.approve' } }, async (req) =>
      approveVisit(deps, req.ctx, req.params.id),
    );
    app.post('/api/visits/:id/refuse', { schema: { tags, summary: '不予批准（区教育局）Refuse', params: idParam, body: refuseVisitBody, response: one }, config: { access: 'visit.approve' } }, async (req) =>
      refuseVisit(deps, req.ctx, req.params.id, req.body.reason),
    );
    app.post('/api/visits/:id/revoke', { schema: { tags, summary: '吊销批准书（区教育局）Revoke the permit', params: idParam, body: revokePermitBody, response: one }, config: { access: 'visit.approve' } }, async (req) =>
      revokePermit(deps, req.ctx, req.params.id, req.body.reason),
    );
    app.post('/api/visits/:id/check-in', { schema: { tags, summary: '入校签到（初中学校）Check in', params: idParam, body: checkVisitBody.nullish(), response: one }, config: { access: 'visit.gate' } }, async (req) =>
      checkInVisit(deps, req.ctx, req.params.id, req.body?.at),
    );
    app.post('/api/visits/:id/check-out', { schema: { tags, summary: '离校签退（初中学校；R10 超时标记）Check out', params: idParam, body: checkVisitBody.nullish(), response: one }, config: { access: 'visit.gate' } }, async (req) =>
      checkOutVisit(deps, req.ctx, req.params.id, req.body?.at),
    );
    app.get('/api/visits/:id/permit.pdf', { schema: { tags, summary: '批准书 PDF（盖章示意、核验二维码）The permit PDF', params: idParam }, config: { access: 'visit.read' } }, async (req, reply) => {
      const { pdf, filename } = await permitPdf(deps.db, req.actor!, req.params.id, { origin: originOf(deps, req), timeZone: deps.config.timeZone });
      reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`).header('cache-control', 'no-store');
      return pdf;
    });
    app.get('/api/permits', { schema: { tags, summary: '本招生活动的批准书及其状态（教育局）Permits with their status', querystring: permitListQuery, response: { 200: permitListResponse } }, config: { access: 'visit.read' } }, async (req) => {
      const now = (await deps.clock()).now;
      return listPermits(deps.db, req.actor!, now, deps.config.timeZone, req.query.campaignId);
    });

    app.get('/api/organizations/:id/protected-periods', { schema: { tags, summary: '教学保护时段（R10）Protected lesson time', params: idParam, response: { 200: protectedPeriodsResponse } }, config: { access: 'visit.read' } }, async (req) =>
      getProtectedPeriods(deps.db, req.actor!, req.params.id),
    );
    // Two roles keep it (the junior high: visit.gate; its district: visit.approve): the use case decides, as for every object.
    app.put('/api/organizations/:id/protected-periods', { schema: { tags, summary: '设置教学保护时段（初中学校或区教育局，R10）Set protected lesson time', params: idParam, body: protectedPeriodsBody, response: { 200: protectedPeriodsResponse } }, config: { access: 'visit.read' } }, async (req) =>
      replaceProtectedPeriods(deps.db, req.ctx, req.params.id, req.body.periods),
    );

    await app.register(visitReportRoutes(deps));
  };
