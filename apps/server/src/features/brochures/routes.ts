/**
 * Brochures (招生简章, R6/R7): the scoped list and queues, the detail with the diff and the
 * caller's next steps, and one route per workflow step. Thin routes: validate with the
 * contract, call one use case (which checks the object's scope and the caller's part).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  approveBrochureBody, brochureDetail, brochureListQuery, brochureListResponse, createBrochureBody, idParam, returnBrochureBody, submitBrochureBody,
  updateBrochureBody, withdrawBrochureBody,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { canSeeBrochure } from '../../auth/brochure-policy';
import { AppError } from '../../errors';
import { listBrochures, loadBrochure, presentDetail, reviewerKindOf, statusOf } from './queries';
import { createBrochure } from './create-brochure';
import { editBrochure } from './edit-brochure';
import { submitBrochure } from './submit-brochure';
import { approveBrochure, returnBrochure } from './review-brochure';
import { fileBrochure } from './file-brochure';
import { withdrawBrochure } from './withdraw-brochure';
import { reviseBrochure } from './revise-brochure';

const tags = ['brochures'];
const detail = { 200: brochureDetail };

export const brochureRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/brochures', { schema: { tags, summary: '招生简章列表与待办（queue=review|filing）Brochures and queues', querystring: brochureListQuery, response: { 200: brochureListResponse } }, config: { access: 'brochure.read' } }, async (req) =>
      listBrochures(deps.db, req.actor!, req.query),
    );
    app.get('/api/brochures/:id', { schema: { tags, summary: '招生简章详情 A brochure version', params: idParam, response: detail }, config: { access: 'brochure.read' } }, async (req) => {
      const loaded = await loadBrochure(deps.db, req.params.id);
      if (!canSeeBrochure(req.actor!, loaded.school, reviewerKindOf(loaded.b), statusOf(loaded.b))) throw new AppError('FORBIDDEN', { permission: 'brochure.read' });
      return presentDetail(deps.db, req.actor!, loaded);
    });
    app.post('/api/brochures', { schema: { tags, summary: '新建招生简章（学校）Start a brochure', body: createBrochureBody, response: detail }, config: { access: 'brochure.edit' } }, async (req) =>
      createBrochure(deps, req.ctx, req.body),
    );
    app.patch('/api/brochures/:id', { schema: { tags, summary: '编辑草稿 Edit sections or refresh facts', params: idParam, body: updateBrochureBody, response: detail }, config: { access: 'brochure.edit' } }, async (req) =>
      editBrochure(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/brochures/:id/submit', { schema: { tags, summary: '提交审查（R4、R6）Submit for review', params: idParam, body: submitBrochureBody, response: detail }, config: { access: 'brochure.edit' } }, async (req) =>
      submitBrochure(deps, req.ctx, req.params.id),
    );
    app.post('/api/brochures/:id/return', { schema: { tags, summary: '退回修改（R7）Return with comments', params: idParam, body: returnBrochureBody, response: detail }, config: { access: 'brochure.review' } }, async (req) =>
      returnBrochure(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/brochures/:id/approve', { schema: { tags, summary: '审查通过（R7）Approve', params: idParam, body: approveBrochureBody, response: detail }, config: { access: 'brochure.review' } }, async (req) =>
      approveBrochure(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/brochures/:id/file', { schema: { tags, summary: '备案（市教育局，R7）File', params: idParam, response: detail }, config: { access: 'brochure.file' } }, async (req) =>
      fileBrochure(deps, req.ctx, req.params.id),
    );
    app.post('/api/brochures/:id/withdraw', { schema: { tags, summary: '撤销备案（市教育局）Withdraw', params: idParam, body: withdrawBrochureBody, response: detail }, config: { access: 'brochure.file' } }, async (req) =>
      withdrawBrochure(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/brochures/:id/revise', { schema: { tags, summary: '修改已冻结版本：新建版本（R7）Start a new version', params: idParam, response: detail }, config: { access: 'brochure.edit' } }, async (req) =>
      reviseBrochure(deps, req.ctx, req.params.id),
    );
  };
