/**
 * The admission round (R15, R5): batches, runs (dry run → publish) and their files, admissions
 * and letters, 退档, 注册入学, the family's result and 征集志愿, the public cutoffs. Scores are in
 * score-routes.ts. Thin routes: validate with the contract, call one use case (which authorizes).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  admissionBatch, admissionListQuery, admissionPage, admissionRow, admissionRun, batchBody, batchList, campaignQuery, idParam, letterList, myAdmission, publicCutoffs,
  registrationBody, registrationCandidates, returnDecisionBody, returnList, returnRequest, returnRequestBody, runBody, runDetail, runList, runPlacementsPage, runPlacementsQuery, solicitationBody,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { attachment, XLSX_TYPE } from '../../files/upload';
import { writeWorkbook } from '../../files/excel';
import { familyCtx } from '../applications/queries';
import { createBatch, listBatches, updateBatch } from './batches';
import { getRun, listRuns, previewRun, runFile, runPlacements, startRun } from './runs';
import { publishRun } from './publish';
import { allAdmissions, listAdmissions, listLetters, myAdmissionOf, publicCutoffsOf } from './results';
import { decideReturn, listReturns, requestReturn } from './returns';
import { saveSolicitation } from './solicitation';
import { registerSocial, registrationCandidatesOf } from './registration';

const tags = ['admission'];
const read = { access: 'admission.read' } as const;
const self = { access: 'application.self' } as const;
const fileParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), name: z.enum(['programs.csv', 'applicants.csv', 'results.csv']) });
const lettersQuery = campaignQuery.extend({ page: z.coerce.number().int().min(1).optional(), pageSize: z.coerce.number().int().min(1).max(5000).optional() });
const cutoffsQuery = z.object({ campaignId: z.coerce.number().int().positive().max(2_147_483_647) });

export const admissionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ------------------------------------------------------------ batches
    app.get('/api/admission/batches', { schema: { tags, summary: '录取批次 Batches', querystring: campaignQuery, response: { 200: batchList } }, config: read }, async (req) => listBatches(deps, req.actor!, req.query.campaignId));
    app.post('/api/admission/batches', { schema: { tags, summary: '新建批次 New batch', querystring: campaignQuery, body: batchBody, response: { 200: admissionBatch } }, config: { access: 'admission.run' } }, async (req) =>
      createBatch(deps, req.ctx, req.query.campaignId, req.body),
    );
    app.put('/api/admission/batches/:id', { schema: { tags, summary: '修改批次（发布前）Edit a batch', params: idParam, body: batchBody, response: { 200: admissionBatch } }, config: { access: 'admission.run' } }, async (req) =>
      updateBatch(deps, req.ctx, req.params.id, req.body),
    );

    // ------------------------------------------------------------ runs
    app.post('/api/admission/preview', { schema: { tags, summary: '试算（调整分数线的效果，不保存）What-if', body: runBody, response: { 200: runDetail } }, config: { access: 'admission.run' } }, async (req) => previewRun(deps, req.actor!, req.body));
    app.post('/api/admission/runs', { schema: { tags, summary: '试录取（后台计算）Start a run', body: runBody, response: { 200: admissionRun } }, config: { access: 'admission.run' } }, async (req) => startRun(deps, req.ctx, req.body));
    app.get('/api/admission/runs', { schema: { tags, summary: '录取计算记录 Runs', querystring: campaignQuery, response: { 200: runList } }, config: read }, async (req) => listRuns(deps, req.actor!, req.query.campaignId));
    app.get('/api/admission/runs/:id', { schema: { tags, summary: '录取计算结果 A run', params: idParam, response: { 200: runDetail } }, config: read }, async (req) => getRun(deps, req.actor!, req.params.id));
    app.get('/api/admission/runs/:id/placements', { schema: { tags, summary: '逐人录取情况 Placements', params: idParam, querystring: runPlacementsQuery, response: { 200: runPlacementsPage } }, config: read }, async (req) =>
      runPlacements(deps, req.actor!, req.params.id, req.query),
    );
    app.post('/api/admission/runs/:id/publish', { schema: { tags, summary: '发布录取结果 Publish', params: idParam, response: { 200: admissionRun } }, config: { access: 'admission.publish' } }, async (req) => publishRun(deps, req.ctx, req.params.id));
    app.get('/api/admission/runs/:id/files/:name', { schema: { tags, summary: '录取数据文件（admit 命令格式）Inputs and results as CSV', params: fileParams }, config: read }, async (req, reply) => {
      const body = await runFile(deps, req.actor!, req.params.id, req.params.name);
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(`run-${req.params.id}-${req.params.name}`)).header('cache-control', 'no-store');
      return body;
    });

    // ------------------------------------------------------------ admissions and letters
    app.get('/api/admission/admissions', { schema: { tags, summary: '录取名单 Admissions', querystring: admissionListQuery, response: { 200: admissionPage } }, config: read }, async (req) => listAdmissions(deps, req.actor!, req.query));
    app.get('/api/admission/admissions.xlsx', { schema: { tags, summary: '录取名单 Excel', querystring: admissionListQuery.omit({ page: true, pageSize: true }) }, config: read }, async (req, reply) => {
      const { campaign, rows } = await allAdmissions(deps, req.actor!, req.query);
      const file = await writeWorkbook([
        {
          name: '录取名单',
          columns: [
            { header: '中考报名号', key: 'examNo', width: 16 }, { header: '姓名', key: 'studentName', width: 10 }, { header: '性别', key: 'gender', width: 6 }, { header: '毕业学校', key: 'juniorHighName', width: 20 },
            { header: '录取学校', key: 'schoolName', width: 22 }, { header: '专业', key: 'majorName', width: 18 }, { header: '校区', key: 'campusName', width: 14 }, { header: '批次', key: 'batch', width: 10 },
            { header: '志愿', key: 'choice', width: 8 }, { header: '总分', key: 'score', width: 8 }, { header: '状态', key: 'status', width: 8 },
          ],
          rows: rows.map((r) => ({ ...r, gender: r.gender === 'male' ? '男' : '女', batch: r.batch ?? '注册入学', choice: r.choiceRank === 'adj' ? '调剂' : r.choiceRank ?? '', status: r.status === 'admitted' ? '已录取' : '已退档' })),
        },
      ]);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${campaign.name}-录取名单.xlsx`)).header('cache-control', 'no-store');
      return file;
    });
    app.get('/api/admission/letters', { schema: { tags, summary: '录取通知书核验码（教育局）Letters', querystring: lettersQuery, response: { 200: letterList } }, config: read }, async (req) => listLetters(deps, req.actor!, req.query));

    // ------------------------------------------------------------ 退档
    app.get('/api/admission/returns', { schema: { tags, summary: '退档申请 Returns', querystring: campaignQuery, response: { 200: returnList.extend({ reasons: z.array(z.string()) }) } }, config: read }, async (req) => listReturns(deps, req.actor!, req.query.campaignId));
    app.post('/api/admission/returns', { schema: { tags, summary: '申请退档（录取学校，限列明理由）Ask to return', body: returnRequestBody, response: { 200: returnRequest } }, config: { access: 'admission.return' } }, async (req) => requestReturn(deps, req.ctx, req.body));
    app.post('/api/admission/returns/:id/decide', { schema: { tags, summary: '决定退档（区教育局）Decide a return', params: idParam, body: returnDecisionBody, response: { 200: returnRequest } }, config: { access: 'admission.decide' } }, async (req) =>
      decideReturn(deps, req.ctx, req.params.id, req.body),
    );

    // ------------------------------------------------------------ 注册入学
    app.get('/api/admission/registration/candidates', { schema: { tags, summary: '可注册入学的社会考生 Candidates', querystring: campaignQuery, response: { 200: registrationCandidates } }, config: { access: 'admission.register' } }, async (req) =>
      registrationCandidatesOf(deps, req.actor!, req.query.campaignId),
    );
    app.post('/api/admission/registrations', { schema: { tags, summary: '注册入学（社会考生，先到先得）Admit by registration', body: registrationBody, response: { 200: admissionRow } }, config: { access: 'admission.register' } }, async (req) => registerSocial(deps, req.ctx, req.body));

    // ------------------------------------------------------------ the family
    app.get('/api/me/admission', { schema: { tags, summary: '我的成绩与录取结果 My result', response: { 200: myAdmission } }, config: self }, async (req) => myAdmissionOf(deps, await familyCtx(deps.db, req.actor!)));
    app.put('/api/me/admission/solicitation', { schema: { tags, summary: '填报征集志愿 Choose again', body: solicitationBody, response: { 200: myAdmission } }, config: self }, async (req) =>
      saveSolicitation(deps, req.ctx, await familyCtx(deps.db, req.actor!), req.body),
    );

    // ------------------------------------------------------------ the public
    app.get('/api/public/admission/cutoffs', { schema: { tags, summary: '各专业录取分数线（公开）Cutoffs', querystring: cutoffsQuery, response: { 200: publicCutoffs } }, config: { access: 'public' } }, async (req, reply) => {
      reply.header('cache-control', 'no-cache');
      return publicCutoffsOf(deps, req.query.campaignId);
    });

  };
