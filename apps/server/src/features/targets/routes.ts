/**
 * Targets (R1, R2, R12): the city's district targets, graduates, the split in versions
 * (draft → adjust → publish), Annex 2 in Excel, and the city's page. Thin routes:
 * validate with the contract, call one use case (which checks the object's scope).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adjustBody, adjustPreview, adjustPreviewBody, campaignParam, cityTargetsQuery, cityTargetsResponse, compareQuery, compareResponse,
  createDraftBody, districtTargetsBody, districtTargetsResponse, graduatesBody, graduatesResponse, publishBody, targetsExportQuery,
  targetsImportQuery, targetsImportResult, targetsOverview, targetVersion, targetVersionSummary, versionParams,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { adjustDraft, previewAdjustment } from './adjust-draft';
import { annex2Export, annex2Template } from './annex2';
import { cityTargets } from './city-targets';
import { createDraft } from './create-draft';
import { getDistrictTargets, setDistrictTargets } from './district-targets';
import { getGraduates, saveGraduates } from './graduates';
import { importAnnex2 } from './import-annex2';
import { compareVersions, getTargetsOverview, getVersion } from './overview';
import { discardDraft, publishDraft } from './publish-draft';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['targets'];
const base = '/api/campaigns/:id';
const attachment = (filename: string) => `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;

export const targetRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(`${base}/district-targets`, { schema: { tags, summary: '区目标（R1）District targets set by the city', params: campaignParam, response: { 200: districtTargetsResponse } }, config: { access: 'targets.read' } }, async (req) =>
      getDistrictTargets(deps.db, req.ctx, req.params.id),
    );
    app.put(
      `${base}/district-targets`,
      { schema: { tags, summary: '下达区目标（R1，市教育局）Set N_district and N_total, with a reason', params: campaignParam, body: districtTargetsBody, response: { 200: districtTargetsResponse } }, config: { access: 'targets.district.write' } },
      async (req) => setDistrictTargets(deps, req.ctx, req.params.id, req.body),
    );

    app.get(`${base}/graduates`, { schema: { tags, summary: '应届毕业生数 Graduates per junior high', params: campaignParam, response: { 200: graduatesResponse } }, config: { access: 'targets.read' } }, async (req) =>
      getGraduates(deps.db, req.ctx, req.params.id),
    );
    app.put(`${base}/graduates`, { schema: { tags, summary: '填报应届毕业生数 Enter graduates', params: campaignParam, body: graduatesBody, response: { 200: graduatesResponse } }, config: { access: 'targets.write' } }, async (req) =>
      saveGraduates(deps, req.ctx, req.params.id, req.body),
    );

    app.get(`${base}/targets`, { schema: { tags, summary: '送培目标概览 The split as the caller may see it', params: campaignParam, response: { 200: targetsOverview } }, config: { access: 'targets.read' } }, async (req) =>
      getTargetsOverview(deps.db, req.ctx, req.params.id),
    );
    app.get(`${base}/targets/versions/:number`, { schema: { tags, summary: '某一版本 A version of the split', params: versionParams, response: { 200: targetVersion } }, config: { access: 'targets.read' } }, async (req) =>
      getVersion(deps.db, req.ctx, req.params.id, req.params.number),
    );
    app.get(`${base}/targets/compare`, { schema: { tags, summary: '版本比较 Compare two versions', params: campaignParam, querystring: compareQuery, response: { 200: compareResponse } }, config: { access: 'targets.read' } }, async (req) =>
      compareVersions(deps.db, req.ctx, req.params.id, req.query),
    );

    app.post(`${base}/targets/draft`, { schema: { tags, summary: '按比例分配生成草稿（R2）Split N_total into a new draft', params: campaignParam, body: createDraftBody, response: { 200: targetVersion } }, config: { access: 'targets.write' } }, async (req) =>
      createDraft(deps, req.ctx, req.params.id, req.body),
    );
    app.post(
      `${base}/targets/draft/preview`,
      { schema: { tags, summary: '调整预览（不保存）Preview an adjustment', params: campaignParam, body: adjustPreviewBody, response: { 200: adjustPreview } }, config: { access: 'targets.write' } },
      async (req) => previewAdjustment(deps.db, req.ctx, req.params.id, req.body),
    );
    app.post(`${base}/targets/draft/adjust`, { schema: { tags, summary: '调整某校目标（须填原因）Adjust one school, with a reason', params: campaignParam, body: adjustBody, response: { 200: targetVersion } }, config: { access: 'targets.write' } }, async (req) =>
      adjustDraft(deps, req.ctx, req.params.id, req.body),
    );
    app.post(`${base}/targets/draft/publish`, { schema: { tags, summary: '发布草稿 Publish the draft', params: campaignParam, body: publishBody, response: { 200: targetVersion } }, config: { access: 'targets.publish' } }, async (req) =>
      publishDraft(deps, req.ctx, req.params.id, req.body),
    );
    app.delete(`${base}/targets/draft`, { schema: { tags, summary: '作废草稿 Discard the draft', params: campaignParam, response: { 200: targetVersionSummary } }, config: { access: 'targets.write' } }, async (req) =>
      discardDraft(deps, req.ctx, req.params.id),
    );

    app.get(`${base}/targets/template.xlsx`, { schema: { tags, summary: '附件2模板 Annex 2 template (Excel)', params: campaignParam }, config: { access: 'targets.write' } }, async (req, reply) => {
      const { file, filename } = await annex2Template(deps.db, req.ctx, req.params.id);
      reply.header('content-type', XLSX).header('content-disposition', attachment(filename));
      return file;
    });
    app.post(
      `${base}/targets/import`,
      { schema: { tags, summary: '导入附件2 Import Annex 2 (multipart field "file")', params: campaignParam, querystring: targetsImportQuery, response: { 200: targetsImportResult } }, config: { access: 'targets.write' } },
      async (req) => {
        const readFile = async () => {
          if (!req.isMultipart()) throw new AppError('IMPORT_UNREADABLE', { reason: 'expected multipart/form-data with a file field' });
          const file = await req.file();
          if (!file) throw new AppError('IMPORT_UNREADABLE', { reason: 'no file in the upload' });
          return file.toBuffer();
        };
        return importAnnex2(deps, req.ctx, req.params.id, readFile, { dryRun: req.query.dryRun === 'true', locale: req.locale });
      },
    );
    app.get(
      `${base}/targets/export.xlsx`,
      { schema: { tags, summary: '导出附件2 Export Annex 2 (default: the published version)', params: campaignParam, querystring: targetsExportQuery }, config: { access: 'targets.read' } },
      async (req, reply) => {
        const { file, filename } = await annex2Export(deps.db, req.ctx, req.params.id, req.query.version);
        reply.header('content-type', XLSX).header('content-disposition', attachment(filename));
        return file;
      },
    );

    app.get('/api/targets/city', { schema: { tags, summary: '全市各区目标 Every district of the city', querystring: cityTargetsQuery, response: { 200: cityTargetsResponse } }, config: { access: 'targets.read' } }, async (req) =>
      cityTargets(deps.db, req.ctx, req.query.year),
    );
  };
