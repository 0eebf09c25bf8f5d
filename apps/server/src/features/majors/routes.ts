/**
 * Majors (专业) and planned seats (招生计划), with their Excel import and export. Thin routes:
 * validate with the contract, call one use case (which checks the school's scope).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dryRunQuery, idParam, importResult, major, majorBody, majorListQuery, majorListResponse, plannedSeatsBody, plannedSeatsResponse, updateMajorBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { attachment, uploadOf, XLSX_TYPE } from '../../files/upload';
import { listMajors } from './queries';
import { createMajor, updateMajor } from './save-major';
import { majorsExport } from './majors-excel';
import { importMajors } from './import-majors';
import { getPlannedSeats, savePlannedSeats } from './planned-seats';
import { importPlannedSeats, plannedSeatsExport } from './planned-seats-excel';

const tags = ['publicity'];

export const majorRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/majors', { schema: { tags, summary: '专业列表 Majors', querystring: majorListQuery, response: { 200: majorListResponse } }, config: { access: 'major.read' } }, async (req) =>
      listMajors(deps.db, req.actor!, req.query),
    );
    app.get('/api/majors/export.xlsx', { schema: { tags, summary: '导出专业（亦为导入模板）Export majors (also the import template)' }, config: { access: 'major.read' } }, async (req, reply) => {
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('专业设置.xlsx'));
      return majorsExport(deps.db, req.actor!);
    });
    app.post(
      '/api/majors/import',
      { schema: { tags, summary: '导入专业 Import majors (multipart field "file")', querystring: dryRunQuery, response: { 200: importResult } }, config: { access: 'major.write' } },
      async (req) => importMajors(deps, req.ctx, uploadOf(req), { dryRun: req.query.dryRun === 'true', locale: req.locale }),
    );
    app.post('/api/majors', { schema: { tags, summary: '新增专业 Add a major', body: majorBody, response: { 200: major } }, config: { access: 'major.write' } }, async (req) =>
      createMajor(deps, req.ctx, req.body),
    );
    app.patch('/api/majors/:id', { schema: { tags, summary: '修改专业 Change a major', params: idParam, body: updateMajorBody, response: { 200: major } }, config: { access: 'major.write' } }, async (req) =>
      updateMajor(deps, req.ctx, req.params.id, req.body),
    );

    const base = '/api/campaigns/:id/planned-seats';
    app.get(base, { schema: { tags, summary: '招生计划 Planned seats of a campaign', params: idParam, response: { 200: plannedSeatsResponse } }, config: { access: 'major.read' } }, async (req) =>
      getPlannedSeats(deps.db, req.ctx, req.params.id),
    );
    app.put(base, { schema: { tags, summary: '设置招生计划 Set planned seats', params: idParam, body: plannedSeatsBody, response: { 200: plannedSeatsResponse } }, config: { access: 'major.write' } }, async (req) =>
      savePlannedSeats(deps, req.ctx, req.params.id, req.body),
    );
    app.get(`${base}/export.xlsx`, { schema: { tags, summary: '导出招生计划（亦为导入模板）Export planned seats (also the template)', params: idParam }, config: { access: 'major.read' } }, async (req, reply) => {
      const body = await plannedSeatsExport(deps.db, req.ctx, req.params.id);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('招生计划.xlsx'));
      return body;
    });
    app.post(
      `${base}/import`,
      { schema: { tags, summary: '导入招生计划 Import planned seats (multipart field "file")', params: idParam, querystring: dryRunQuery, response: { 200: importResult } }, config: { access: 'major.write' } },
      async (req) => importPlannedSeats(deps, req.ctx, req.params.id, uploadOf(req), { dryRun: req.query.dryRun === 'true', locale: req.locale }),
    );
  };
