/**
 * The live picture (R11, R12, 统筹), the cross-system duplicate check (查重, 普职不兼报),
 * guidance (R8) and open days, social applicants (R5) — with their public routes (open days,
 * the social registration form and its list of open campaigns). Thin routes: validate with
 * the contract, call one use case, which checks the object's scope.
 * Routes readable by several permissions declare `authenticated` and let the use case decide.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  applicationOverview, applicationSummary, cityOverview, confirmSocialBody, confirmSocialResponse, generalListImportResponse, guidanceBody, guidanceList, guidanceQuery,
  guidanceSession, idParam, okResponse, openCampaignList, openDay, openDayBody, openDayList, openDayQuery, rejectSocialBody, resolveConflictBody, socialRegistration,
  socialRegistrationBody, socialRegistrationList, socialRegistrationQuery, socialRegistrationReceipt, summaryQuery, trackConflict, trackConflictList, trackConflictQuery,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { attachment, uploadOf, XLSX_TYPE } from '../../files/upload';
import { applicationOverviewOf, applicationSummaryOf } from './summary';
import { cityOverviewOf } from './city-overview';
import { exportOverview } from './export-overview';
import { importGeneralList } from './import-general-list';
import { listConflicts } from './conflicts';
import { resolveConflict } from './resolve-conflict';
import { deleteGuidance, listGuidance, recordGuidance } from './guidance';
import { createOpenDay, deleteOpenDay, listOpenDays, publicOpenDays } from './open-days';
import { registerSocial } from './register-social';
import { listRegistrations, openCampaigns } from './social-queries';
import { confirmSocial, rejectSocial } from './confirm-social';

const tags = ['applications'];

const cityQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const overviewRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const today = async () => (await deps.clock()).today;
    const year = async () => Number((await today()).slice(0, 4));

    // ---------------------------------------------------------------- the live picture
    app.get('/api/applications/summary', { schema: { tags, summary: '志愿填报汇总（教育局；仅计双方确认）Summary of confirmed applications', querystring: summaryQuery, response: { 200: applicationSummary } }, config: { access: 'application.summary' } }, async (req) =>
      applicationSummaryOf(deps.db, req.actor!, await year(), req.query.campaignId),
    );
    app.get('/api/applications/overview', { schema: { tags, summary: '志愿填报实时情况（初中学校只看本校）The live picture', querystring: summaryQuery, response: { 200: applicationOverview } }, config: { access: 'application.summary' } }, async (req) =>
      applicationOverviewOf(deps.db, req.actor!, await today(), req.query.campaignId),
    );
    app.get('/api/applications/export.xlsx', { schema: { tags, summary: '导出志愿填报进度（教育局）Export the live picture', querystring: summaryQuery }, config: { access: 'application.summary' } }, async (req, reply) => {
      const { data, filename } = await exportOverview(deps.db, req.actor!, await year(), req.query.campaignId);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(filename)).header('cache-control', 'no-store');
      return data;
    });
    app.get('/api/applications/city', { schema: { tags, summary: '各区志愿填报对比（市教育局）Districts side by side', querystring: cityQuery, response: { 200: cityOverview } }, config: { access: 'application.summary' } }, async (req) =>
      cityOverviewOf(deps.db, req.actor!, req.query.year ?? (await year())),
    );

    // ---------------------------------------------------------------- 查重 (R11)
    app.post('/api/campaigns/:id/general-list/import', { schema: { tags, summary: '导入普高报名名单查重（区教育局，R11）Import the general-high list (multipart "file")', params: idParam, response: { 200: generalListImportResponse } }, config: { access: 'application.crosscheck' } }, async (req) =>
      importGeneralList(deps, req.ctx, req.params.id, uploadOf(req), req.locale),
    );
    app.get('/api/campaigns/:id/track-conflicts', { schema: { tags, summary: '普职重复报名（区教育局全部；初中学校本校）Students on both tracks', params: idParam, querystring: trackConflictQuery, response: { 200: trackConflictList } }, config: { access: 'authenticated' } }, async (req) =>
      listConflicts(deps.db, req.actor!, req.params.id, req.query),
    );
    app.post('/api/track-conflicts/:id/resolve', { schema: { tags, summary: '记录处理结果（初中学校与家庭，R11）Resolve a duplicate', params: idParam, body: resolveConflictBody, response: { 200: trackConflict } }, config: { access: 'application.onbehalf' } }, async (req) =>
      resolveConflict(deps, req.ctx, req.params.id, req.body),
    );

    // ---------------------------------------------------------------- guidance (R8)
    app.get('/api/campaigns/:id/guidance', { schema: { tags, summary: '升学指导记录（R8）Guidance sessions', params: idParam, querystring: guidanceQuery, response: { 200: guidanceList } }, config: { access: 'authenticated' } }, async (req) =>
      listGuidance(deps.db, req.actor!, req.params.id, req.query.juniorHighId),
    );
    app.post('/api/campaigns/:id/guidance', { schema: { tags, summary: '记录升学指导（初中学校，R8）Record guidance', params: idParam, body: guidanceBody, response: { 200: guidanceSession } }, config: { access: 'guidance.write' } }, async (req) =>
      recordGuidance(deps, req.ctx, req.params.id, req.body),
    );
    app.delete('/api/guidance/:id', { schema: { tags, summary: '删除升学指导记录（初中学校）Delete guidance', params: idParam, response: { 200: okResponse } }, config: { access: 'guidance.write' } }, async (req) =>
      deleteGuidance(deps, req.ctx, req.params.id),
    );

    // ---------------------------------------------------------------- open days (R8)
    app.get('/api/open-days', { schema: { tags, summary: '开放日（按范围）Open days in scope', querystring: openDayQuery, response: { 200: openDayList } }, config: { access: 'authenticated' } }, async (req) =>
      listOpenDays(deps.db, req.actor!, req.query),
    );
    app.post('/api/open-days', { schema: { tags, summary: '发布开放日（职业学校）Announce an open day', body: openDayBody, response: { 200: openDay } }, config: { access: 'openday.write' } }, async (req) =>
      createOpenDay(deps, req.ctx, req.body),
    );
    app.delete('/api/open-days/:id', { schema: { tags, summary: '删除开放日（职业学校）Delete an open day', params: idParam, response: { 200: okResponse } }, config: { access: 'openday.write' } }, async (req) =>
      deleteOpenDay(deps, req.ctx, req.params.id),
    );
    app.get('/api/public/open-days', { schema: { tags: ['public'], summary: '开放日（公开；具备招生资格的学校）Open days of qualified schools', querystring: openDayQuery.pick({ year: true }), response: { 200: openDayList } }, config: { access: 'public' } }, async (req) =>
      publicOpenDays(deps.db, req.query.year ?? (await year()), await today()),
    );

    // ---------------------------------------------------------------- social applicants (R5)
    app.get('/api/public/campaigns/open', { schema: { tags: ['public'], summary: '正在填报志愿的招生活动（公开）Campaigns open for applications', response: { 200: openCampaignList } }, config: { access: 'public' } }, async () =>
      openCampaigns(deps.db, await today()),
    );
    app.post('/api/public/social-registrations', { schema: { tags: ['public'], summary: '社会人员报名（公开，R5）Register as a social applicant', body: socialRegistrationBody, response: { 200: socialRegistrationReceipt } }, config: { access: 'public' } }, async (req) =>
      registerSocial(deps, req.ctx, req.body),
    );
    app.get('/api/social-registrations', { schema: { tags, summary: '社会人员报名（区教育局、职业学校）Social registrations', querystring: socialRegistrationQuery, response: { 200: socialRegistrationList } }, config: { access: 'social.confirm' } }, async (req) =>
      listRegistrations(deps.db, req.actor!, req.query),
    );
    app.post('/api/social-registrations/:id/confirm', { schema: { tags, summary: '现场确认身份（R5 注册入学）Confirm in person', params: idParam, body: confirmSocialBody, response: { 200: confirmSocialResponse } }, config: { access: 'social.confirm' } }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return confirmSocial(deps, req.ctx, req.params.id, req.body);
    });
    app.post('/api/social-registrations/:id/reject', { schema: { tags, summary: '不予确认 Reject', params: idParam, body: rejectSocialBody, response: { 200: socialRegistration } }, config: { access: 'social.confirm' } }, async (req) =>
      rejectSocial(deps, req.ctx, req.params.id, req.body),
    );
  };
