import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  campus, campusBody, campusParams, createOrganizationBody, idParam, importQuery, importResult, organization, organizationDetail,
  orgListQuery, orgListResponse, qualification, qualificationBody, qualificationParams, updateCampusBody, updateOrganizationBody,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { authorize } from '../../auth/policy';
import { AppError } from '../../errors';
import { getOrg, listOrgs, orgDetail, refOf } from './queries';
import { createOrganization } from './create-organization';
import { setOrganizationActive, updateOrganization } from './update-organization';
import { addCampus, setQualification, updateCampus } from './campuses-and-qualifications';
import { directoryExport, directoryTemplate } from './directory';
import { importDirectory } from './import-directory';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['organizations'];

export const organizationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/organizations', { schema: { tags, summary: '机构列表 List organisations', querystring: orgListQuery, response: { 200: orgListResponse } }, config: { access: 'org.read' } }, async (req) =>
      listOrgs(deps.db, req.actor!, req.query),
    );

    app.get('/api/organizations/template.xlsx', { schema: { tags, summary: '机构名录模板 Directory template (Excel)' }, config: { access: 'org.import' } }, async (_req, reply) => {
      reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('机构名录模板.xlsx')}`);
      return directoryTemplate();
    });

    app.get('/api/organizations/export.xlsx', { schema: { tags, summary: '导出机构名录 Export the directory (Excel)' }, config: { access: 'org.read' } }, async (req, reply) => {
      reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('机构名录.xlsx')}`);
      return directoryExport(deps.db, req.actor!);
    });

    app.post(
      '/api/organizations/import',
      { schema: { tags, summary: '导入机构名录 Import the directory (multipart field "file")', querystring: importQuery, response: { 200: importResult } }, config: { access: 'org.import' } },
      async (req) => {
        if (!req.isMultipart()) throw new AppError('IMPORT_UNREADABLE', { reason: 'expected multipart/form-data with a file field' });
        const file = await req.file();
        if (!file) throw new AppError('IMPORT_UNREADABLE', { reason: 'no file in the upload' });
        const buffer = await file.toBuffer();
        return importDirectory(deps, req.ctx, buffer, { dryRun: req.query.dryRun === 'true', skipInvalid: req.query.skipInvalid === 'true', locale: req.locale });
      },
    );

    app.get('/api/organizations/:id', { schema: { tags, summary: '机构详情 An organisation', params: idParam, response: { 200: organizationDetail } }, config: { access: 'org.read' } }, async (req) => {
      const org = await getOrg(deps.db, req.params.id);
      authorize(req.actor!, 'org.read', refOf(org));
      return orgDetail(deps.db, org, req.actor!);
    });

    app.post('/api/organizations', { schema: { tags, summary: '新建机构 Create an organisation', body: createOrganizationBody, response: { 200: organization } }, config: { access: 'org.write' } }, async (req) =>
      createOrganization(deps, req.ctx, req.body),
    );

    app.patch('/api/organizations/:id', { schema: { tags, summary: '修改机构 Edit an organisation', params: idParam, body: updateOrganizationBody, response: { 200: organization } }, config: { access: 'org.write' } }, async (req) =>
      updateOrganization(deps, req.ctx, req.params.id, req.body),
    );

    for (const [verb, active] of [['deactivate', false], ['activate', true]] as const) {
      app.post(`/api/organizations/:id/${verb}`, { schema: { tags, summary: active ? '启用机构 Activate' : '停用机构 Deactivate', params: idParam, response: { 200: organization } }, config: { access: 'org.write' } }, async (req) =>
        setOrganizationActive(deps, req.ctx, req.params.id, active),
      );
    }

    app.post('/api/organizations/:id/campuses', { schema: { tags, summary: '新增校区 Add a campus', params: idParam, body: campusBody, response: { 200: campus } }, config: { access: 'org.write' } }, async (req) =>
      addCampus(deps, req.ctx, req.params.id, req.body),
    );

    app.patch('/api/organizations/:id/campuses/:campusId', { schema: { tags, summary: '修改校区 Edit a campus', params: campusParams, body: updateCampusBody, response: { 200: campus } }, config: { access: 'org.write' } }, async (req) =>
      updateCampus(deps, req.ctx, req.params.id, req.params.campusId, req.body),
    );

    app.put(
      '/api/organizations/:id/qualifications/:year',
      { schema: { tags, summary: '设置年度招生资格 Set the yearly enrollment qualification (R4)', params: qualificationParams, body: qualificationBody, response: { 200: qualification } }, config: { access: 'qualification.write' } },
      async (req) => setQualification(deps, req.ctx, req.params.id, req.params.year, req.body),
    );
  };

