/**
 * 中考成绩 (issue 11 §1): the versions of a campaign's scores, the import (multipart "file":
 * .xlsx or UTF-8 .csv; a dry run checks only), the lock, one version's rows and the template.
 * Thin routes: validate with the contract, call one use case in scores.ts (which checks that
 * the actor is a bureau of the campaign's district).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignQuery, idParam, scoreImportQuery, scoreImportResult, scoreRowsPage, scoreRowsQuery, scoreSet, scoreSetList } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { attachment, uploadOf, XLSX_TYPE } from '../../files/upload';
import { importScores, listScoreSets, lockScoreSet, scoreRows, scoreTemplate } from './scores';

const tags = ['admission'];

export const scoreRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admission/score-sets',
      { schema: { tags, summary: '中考成绩版本（最新在前；current 为当前锁定版本）Score versions', querystring: campaignQuery, response: { 200: scoreSetList } }, config: { access: 'admission.read' } },
      async (req) => listScoreSets(deps, req.actor!, req.query.campaignId),
    );
    app.post(
      '/api/admission/score-sets/import',
      {
        schema: {
          tags,
          summary: '导入中考成绩（multipart 字段 file：.xlsx 或 UTF-8 CSV；dryRun 只检查）Import exam scores',
          querystring: scoreImportQuery,
          response: { 200: scoreImportResult },
        },
        config: { access: 'score.write' },
      },
      async (req) => importScores(deps, req.ctx, uploadOf(req), { ...req.query, locale: req.locale }),
    );
    app.post(
      '/api/admission/score-sets/:id/lock',
      { schema: { tags, summary: '锁定成绩版本（锁定后不能修改）Lock a score version', params: idParam, response: { 200: scoreSet } }, config: { access: 'score.write' } },
      async (req) => lockScoreSet(deps, req.ctx, req.params.id),
    );
    app.get(
      '/api/admission/score-sets/:id/rows',
      { schema: { tags, summary: '成绩版本的明细（按中考报名号）A version\'s rows', params: idParam, querystring: scoreRowsQuery, response: { 200: scoreRowsPage } }, config: { access: 'admission.read' } },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return scoreRows(deps, req.actor!, req.params.id, req.query);
      },
    );
    app.get(
      '/api/admission/score-template.xlsx',
      { schema: { tags, summary: '中考成绩导入模板 Score import template (Excel)', querystring: campaignQuery }, config: { access: 'score.write' } },
      async (req, reply) => {
        const data = await scoreTemplate(deps, req.actor!, req.query.campaignId);
        reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('中考成绩导入模板.xlsx'));
        return data;
      },
    );
  };
