/**
 * Early transfer (提前到中职学习, R13, R14): the family's request (`/api/me/early-transfer`), the
 * schools' seals on the Annex 4 form, the combined lists and their filing by the district
 * bureau, the junior high's curriculum confirmations, exam preparation and results, the seat
 * caps and the register's counts. Thin routes: validate with the contract, authorize, call one
 * use case. The verifiers of `transfer-form` and `transfer-list` codes are in verify.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import {
  changeEarlyTransferBody, createTransferListBody, curriculumBody, curriculumList, curriculumQuery, curriculumResponse, earlyTransferCaps, earlyTransferCapsBody,
  earlyTransferDetail, earlyTransferList, earlyTransferListQuery, earlyTransferReport, examPrep, examPrepBody, examPrepList, examPrepQuery, examResultBody,
  idParam, myEarlyTransfer, reasonBody, reportQuery, requestEarlyTransferBody, transferListCandidates, transferListDetail, transferListPage, transferListQuery, versionBody,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { authorizeReadTransfer } from '../../auth/transfer-policy';
import { AppError } from '../../errors';
import { originOf } from '../public/routes';
import { familyCtx } from '../applications/queries';
import { changeEarlyTransfer, confirmEarlyTransfer, myEarlyTransfer as myEarlyTransferOf, requestEarlyTransfer, withdrawOwnEarlyTransfer } from './family';
import { listTransfers, refuseTransfer, returnTransfer, sealTransfer, setExamResult, staffDetail, withdrawTransfer } from './staff';
import { createList, fileList, listCandidates, listDetail, listDetailForDocument, listLists, listRefOf, sealList, withdrawList } from './lists';
import { listCurriculum, setCurriculum } from './curriculum';
import { getCaps, saveCaps } from './caps';
import { listExamPrep, saveExamPrep } from './prep';
import { transferReport } from './report';
import { detailOf, loadTransfer } from './queries';
import { renderTransferFormPdf } from './form-pdf';
import { renderTransferListPdf } from './list-pdf';
import { renderTransferListXlsx } from './list-xlsx';

const tags = ['early-transfer'];
const self = { access: 'application.self' } as const;
const who = (role: string) => (role === 'guardian' ? 'guardian' : 'student') as 'student' | 'guardian';

function send(reply: FastifyReply, body: Buffer, type: string, filename: string) {
  reply.header('content-type', type).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`).header('cache-control', 'no-store');
  return body;
}
const verifyUrl = (origin: string, code: string | null) => (code ? `${origin}/verify/${code}` : null);

export const earlyTransferRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ------------------------------------------------------------ the family
    app.get('/api/me/early-transfer', { schema: { tags, summary: '我的提前到中职学习申请（R13）My early transfer', response: { 200: myEarlyTransfer } }, config: self }, async (req) =>
      myEarlyTransferOf(deps, await familyCtx(deps.db, req.actor!), who(req.actor!.role)),
    );
    app.post('/api/me/early-transfer', { schema: { tags, summary: '申请提前到中职学校学习（R13：5月1日起，已完成义务教育课程）Ask to study early', body: requestEarlyTransferBody, response: { 200: earlyTransferDetail } }, config: self }, async (req) =>
      requestEarlyTransfer(deps, req.ctx, await familyCtx(deps.db, req.actor!), who(req.actor!.role), req.body.programmeId),
    );
    app.put('/api/me/early-transfer', { schema: { tags, summary: '更改专业（已盖章的作废）Change the programme', body: changeEarlyTransferBody, response: { 200: earlyTransferDetail } }, config: self }, async (req) =>
      changeEarlyTransfer(deps, req.ctx, await familyCtx(deps.db, req.actor!), who(req.actor!.role), req.body),
    );
    app.post('/api/me/early-transfer/confirm', { schema: { tags, summary: '确认申请（学生、家长各自确认）Confirm', body: versionBody, response: { 200: earlyTransferDetail } }, config: self }, async (req) =>
      confirmEarlyTransfer(deps, req.ctx, await familyCtx(deps.db, req.actor!), who(req.actor!.role), req.body.version),
    );
    app.post('/api/me/early-transfer/withdraw', { schema: { tags, summary: '撤回申请（备案前）Withdraw before filing', body: reasonBody, response: { 200: earlyTransferDetail } }, config: self }, async (req) =>
      withdrawOwnEarlyTransfer(deps, req.ctx, await familyCtx(deps.db, req.actor!), who(req.actor!.role), req.body),
    );
    app.get('/api/me/early-transfer/pdf', { schema: { tags, summary: '中等职业学校志愿填报表 PDF The Annex 4 form' }, config: self }, async (req, reply) => {
      const mine = await myEarlyTransferOf(deps, await familyCtx(deps.db, req.actor!), who(req.actor!.role));
      const detail = mine.current ?? (mine.past[0] ? await detailOf(deps.db, await loadTransfer(deps.db, mine.past[0].id), []) : null);
      if (!detail) throw new AppError('NOT_FOUND', { earlyTransfer: 'none' });
      const out = await renderTransferFormPdf({ detail, verifyUrl: verifyUrl(originOf(deps, req), detail.formCode), timeZone: deps.config.timeZone });
      return send(reply, out.pdf, 'application/pdf', out.filename);
    });

    // ------------------------------------------------------------ forms (schools, bureaus)
    app.get('/api/early-transfers', { schema: { tags, summary: '提前学习申请与交接登记 Early transfers', querystring: earlyTransferListQuery, response: { 200: earlyTransferList } }, config: { access: 'transfer.read' } }, async (req) =>
      listTransfers(deps, req.actor!, req.query),
    );
    app.get('/api/early-transfers/:id', { schema: { tags, summary: '志愿填报表详情 A form', params: idParam, response: { 200: earlyTransferDetail } }, config: { access: 'transfer.read' } }, async (req) =>
      staffDetail(deps, req.actor!, req.params.id),
    );
    app.post('/api/early-transfers/:id/seal', { schema: { tags, summary: '盖章（初中学校先、中职学校后）Seal', params: idParam, body: versionBody, response: { 200: earlyTransferDetail } }, config: { access: 'transfer.seal' } }, async (req) =>
      sealTransfer(deps, req.ctx, req.params.id, req.body.version),
    );
    app.post('/api/early-transfers/:id/refuse', { schema: { tags, summary: '不同意（说明理由）Refuse', params: idParam, body: reasonBody, response: { 200: earlyTransferDetail } }, config: { access: 'transfer.seal' } }, async (req) =>
      refuseTransfer(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/early-transfers/:id/withdraw', { schema: { tags, summary: '撤回（备案前，说明理由）Withdraw', params: idParam, body: reasonBody, response: { 200: earlyTransferDetail } }, config: { access: 'transfer.seal' } }, async (req) =>
      withdrawTransfer(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/early-transfers/:id/return', { schema: { tags, summary: '退回初中学校（备案后，区教育局决定）Return after filing', params: idParam, body: reasonBody, response: { 200: earlyTransferDetail } }, config: { access: 'transfer.file' } }, async (req) =>
      returnTransfer(deps, req.ctx, req.params.id, req.body),
    );
    app.put('/api/early-transfers/:id/exam-result', { schema: { tags, summary: '学业水平考试结果（中职学校登记，R14）Exam result', params: idParam, body: examResultBody, response: { 200: earlyTransferDetail } }, config: { access: 'transfer.prep' } }, async (req) =>
      setExamResult(deps, req.ctx, req.params.id, req.body),
    );
    app.get('/api/early-transfers/:id/pdf', { schema: { tags, summary: '志愿填报表 PDF The form', params: idParam }, config: { access: 'transfer.read' } }, async (req, reply) => {
      const detail = await staffDetail(deps, req.actor!, req.params.id);
      const out = await renderTransferFormPdf({ detail, verifyUrl: verifyUrl(originOf(deps, req), detail.formCode), timeZone: deps.config.timeZone });
      return send(reply, out.pdf, 'application/pdf', out.filename);
    });

    // ------------------------------------------------------------ combined lists
    app.get('/api/early-transfer-lists', { schema: { tags, summary: '汇总名单 Combined lists', querystring: transferListQuery, response: { 200: transferListPage } }, config: { access: 'transfer.read' } }, async (req) =>
      listLists(deps, req.actor!, req.query),
    );
    app.get('/api/early-transfer-lists/candidates', { schema: { tags, summary: '可生成汇总名单的学校组合 Pairs ready for a list', querystring: reportQuery, response: { 200: transferListCandidates } }, config: { access: 'transfer.seal' } }, async (req) =>
      listCandidates(deps, req.actor!, req.query.campaignId),
    );
    app.post('/api/early-transfer-lists', { schema: { tags, summary: '生成汇总名单（双方已盖章的申请）Make a list', body: createTransferListBody, response: { 200: transferListDetail } }, config: { access: 'transfer.seal' } }, async (req) =>
      createList(deps, req.ctx, req.body),
    );
    app.get('/api/early-transfer-lists/:id', { schema: { tags, summary: '汇总名单详情 A list', params: idParam, response: { 200: transferListDetail } }, config: { access: 'transfer.read' } }, async (req) =>
      listDetail(deps, req.actor!, req.params.id),
    );
    app.post('/api/early-transfer-lists/:id/seal', { schema: { tags, summary: '在汇总名单上盖章（中职学校盖章即同意接收，R14）Seal the list', params: idParam, response: { 200: transferListDetail } }, config: { access: 'transfer.seal' } }, async (req) =>
      sealList(deps, req.ctx, req.params.id),
    );
    app.post('/api/early-transfer-lists/:id/withdraw', { schema: { tags, summary: '撤回汇总名单（备案前）Withdraw the list', params: idParam, body: reasonBody, response: { 200: transferListDetail } }, config: { access: 'transfer.seal' } }, async (req) =>
      withdrawList(deps, req.ctx, req.params.id, req.body.reason),
    );
    app.post('/api/early-transfer-lists/:id/file', { schema: { tags, summary: '备案（区教育局）File the list', params: idParam, response: { 200: transferListDetail } }, config: { access: 'transfer.file' } }, async (req) =>
      fileList(deps, req.ctx, req.params.id),
    );
    for (const format of ['pdf', 'xlsx'] as const) {
      app.get(`/api/early-transfer-lists/:id/${format}`, { schema: { tags, summary: format === 'pdf' ? '汇总名单 PDF' : '汇总名单 Excel', params: idParam }, config: { access: 'transfer.read' } }, async (req, reply) => {
        const { detail, loaded } = await listDetailForDocument(deps.db, req.params.id);
        authorizeReadTransfer(req.actor!, listRefOf(loaded));
        const campaignName = loaded.campaign.name;
        if (format === 'xlsx') {
          return send(reply, await renderTransferListXlsx(detail, campaignName), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `提前学习汇总名单-${detail.juniorHighName}-${detail.schoolName}.xlsx`);
        }
        const out = await renderTransferListPdf({ list: detail, campaignName, verifyUrl: verifyUrl(originOf(deps, req), detail.code), timeZone: deps.config.timeZone });
        return send(reply, out.pdf, 'application/pdf', out.filename);
      });
    }

    // ------------------------------------------------------------ curriculum, exam preparation, caps, counts
    app.get('/api/curriculum', { schema: { tags, summary: '义务教育课程完成确认名单（R13）Curriculum confirmations', querystring: curriculumQuery, response: { 200: curriculumList } }, config: { access: 'curriculum.write' } }, async (req) =>
      listCurriculum(deps, req.actor!, req.query),
    );
    app.post('/api/curriculum', { schema: { tags, summary: '确认已完成义务教育阶段课程（批量）Confirm the curriculum', body: curriculumBody, response: { 200: curriculumResponse } }, config: { access: 'curriculum.write' } }, async (req) =>
      setCurriculum(deps, req.ctx, req.body),
    );
    app.get('/api/early-transfer-prep', { schema: { tags, summary: '学业水平考试备考安排（R14）Exam preparation', querystring: examPrepQuery, response: { 200: examPrepList } }, config: { access: 'transfer.read' } }, async (req) =>
      listExamPrep(deps, req.actor!, req.query.campaignId),
    );
    app.put('/api/early-transfer-prep', { schema: { tags, summary: '登记备考安排（中职学校）Record exam preparation', body: examPrepBody, response: { 200: examPrep } }, config: { access: 'transfer.prep' } }, async (req) =>
      saveExamPrep(deps, req.ctx, req.body),
    );
    app.get('/api/early-transfer-report', { schema: { tags, summary: '提前学习统计（按学校、初中，R1、R2）Counts', querystring: reportQuery, response: { 200: earlyTransferReport } }, config: { access: 'transfer.read' } }, async (req) =>
      transferReport(deps, req.actor!, req.query.campaignId),
    );
    app.get('/api/campaigns/:id/early-transfer-caps', { schema: { tags, summary: '各专业提前学习名额 Early-transfer caps', params: idParam, response: { 200: earlyTransferCaps } }, config: { access: 'major.read' } }, async (req) =>
      getCaps(deps, req.actor!, req.params.id),
    );
    app.put('/api/campaigns/:id/early-transfer-caps', { schema: { tags, summary: '设置提前学习名额（计划招生数的一部分）Set caps', params: idParam, body: earlyTransferCapsBody, response: { 200: earlyTransferCaps } }, config: { access: 'major.write' } }, async (req) =>
      saveCaps(deps, req.ctx, req.params.id, req.body),
    );
  };
