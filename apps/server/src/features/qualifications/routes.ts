/** R4: the yearly provincial list of qualified schools; the city bureau enters or imports it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importResult, qualificationImportQuery, qualificationListQuery, qualificationListResponse } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { attachment, uploadOf, XLSX_TYPE } from '../../files/upload';
import { qualificationExport, qualificationList } from './qualifications';
import { importQualifications } from './import-qualifications';

const tags = ['publicity'];

export const qualificationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/qualifications', { schema: { tags, summary: '年度招生资格名单（R4）Qualified schools of a year', querystring: qualificationListQuery, response: { 200: qualificationListResponse } }, config: { access: 'org.read' } }, async (req) =>
      qualificationList(deps.db, req.actor!, req.query.year),
    );
    app.get('/api/qualifications/export.xlsx', { schema: { tags, summary: '导出招生资格名单（亦为导入模板）Export the list (also the template)', querystring: qualificationListQuery }, config: { access: 'org.read' } }, async (req, reply) => {
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${req.query.year}年招生资格名单.xlsx`));
      return qualificationExport(deps.db, req.actor!, req.query.year);
    });
    app.post(
      '/api/qualifications/import',
      { schema: { tags, summary: '导入招生资格名单（R4）Import the list (multipart field "file")', querystring: qualificationImportQuery, response: { 200: importResult } }, config: { access: 'qualification.write' } },
      async (req) => importQualifications(deps, req.ctx, req.query.year, uploadOf(req), { dryRun: req.query.dryRun === 'true', locale: req.locale }),
    );
  };
