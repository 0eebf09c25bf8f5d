/** Reports of unauthorised recruiting (R19): the junior high's two-minute form, the bureaus' queue, acknowledgement. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createVisitReportBody, idParam, visitReport, visitReportListQuery, visitReportListResponse } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { listReports } from './report-queries';
import { createVisitReport } from './create-visit-report';
import { acknowledgeVisitReport } from './acknowledge-visit-report';

const tags = ['visits'];

export const visitReportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/api/visit-reports', { schema: { tags, summary: '举报违规招生（初中学校，R19）Report unauthorised recruiting', body: createVisitReportBody, response: { 200: visitReport } }, config: { access: 'visit.report' } }, async (req) =>
      createVisitReport(deps.db, { ...req.ctx, now: (await deps.clock()).now }, req.body),
    );
    app.get('/api/visit-reports', { schema: { tags, summary: '违规招生举报（教育局待办；初中学校看本校）Reports', querystring: visitReportListQuery, response: { 200: visitReportListResponse } }, config: { access: 'visit.read' } }, async (req) =>
      listReports(deps.db, req.actor!, req.query),
    );
    app.post('/api/visit-reports/:id/acknowledge', { schema: { tags, summary: '受理举报（区教育局）Acknowledge', params: idParam, response: { 200: visitReport } }, config: { access: 'visit.approve' } }, async (req) =>
      acknowledgeVisitReport(deps.db, { ...req.ctx, now: (await deps.clock()).now }, req.params.id),
    );
  };
