/**
 * The roster (学生名册, issue 9) and the family accounts' slips: the scoped list and detail,
 * create and edit, the Excel template / import / export, an audited reveal of one whole value,
 * a transfer between junior highs, the slips PDF and a reset of a slip's secret. Thin routes:
 * validate with the contract, call one use case (which checks the object's scope).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createStudentBody, idParam, okResponse, resetCredentialsBody, revealBody, revealResponse, slipsQuery, student, studentDetail, studentImportQuery,
  studentImportResponse, studentListQuery, studentListResponse, transferBody, updateStudentBody,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { originOf } from '../public/routes';
import { createStudent } from './create-student';
import { updateStudent } from './update-student';
import { readStudentDetail, readStudentList, studentDetailOf } from './read-students';
import { loadStudent } from './queries';
import { importStudents } from './import-students';
import { rosterExport, rosterTemplate } from './roster-excel';
import { revealStudentValue } from './reveal';
import { transferStudent } from './transfer-student';
import { resetCredentials } from './reset-credentials';
import { printSlips } from './slips-pdf';

const tags = ['students'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const campaignParam = z.object({ id: z.coerce.number().int().positive() });
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export const studentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/campaigns/:id/students', { schema: { tags, summary: '学生名册（按范围）The roster in scope', params: campaignParam, querystring: studentListQuery, response: { 200: studentListResponse } }, config: { access: 'student.read' } }, async (req) =>
      readStudentList(deps.db, req.actor!, req.params.id, req.query),
    );
    app.post('/api/campaigns/:id/students', { schema: { tags, summary: '新增学生（初中学校：本校；区教育局：指定初中）Add a student', params: campaignParam, body: createStudentBody, response: { 200: student } }, config: { access: 'student.write' } }, async (req) =>
      createStudent(deps, req.ctx, req.params.id, req.body),
    );
    app.get('/api/campaigns/:id/students/template.xlsx', { schema: { tags, summary: '学生名册导入模板 Roster template (Excel)', params: campaignParam }, config: { access: 'student.write' } }, async (req, reply) => {
      const data = await rosterTemplate(deps.db, req.actor!, req.params.id);
      reply.header('content-type', XLSX).header('content-disposition', attachment('学生名册模板.xlsx'));
      return data;
    });
    app.get('/api/campaigns/:id/students/export.xlsx', { schema: { tags, summary: '导出学生名册（证件号码、电话已脱敏）Export the roster (masked)', params: campaignParam, querystring: z.object({ juniorHighId: z.coerce.number().int().positive().optional() }) }, config: { access: 'student.read' } }, async (req, reply) => {
      const data = await rosterExport(deps.db, req.actor!, req.params.id, req.query.juniorHighId);
      reply.header('content-type', XLSX).header('content-disposition', attachment('学生名册.xlsx')).header('cache-control', 'no-store');
      return data;
    });
    app.post(
      '/api/campaigns/:id/students/import',
      { schema: { tags, summary: '导入学生名册（multipart 字段 file）Import the roster', params: campaignParam, querystring: studentImportQuery, response: { 200: studentImportResponse } }, config: { access: 'student.write' } },
      async (req) => {
        if (!req.isMultipart()) throw new AppError('IMPORT_UNREADABLE', { reason: 'expected multipart/form-data with a file field' });
        const file = await req.file();
        if (!file) throw new AppError('IMPORT_UNREADABLE', { reason: 'no file in the upload' });
        const buffer = await file.toBuffer();
        return importStudents(deps, req.ctx, req.params.id, buffer, { dryRun: req.query.dryRun === 'true', skipInvalid: req.query.skipInvalid === 'true', locale: req.locale });
      },
    );
    app.get('/api/campaigns/:id/students/slips.pdf', { schema: { tags, summary: '打印账号告知单（学生密码、家长确认码）Print the sign-in slips', params: campaignParam, querystring: slipsQuery }, config: { access: 'student.write' } }, async (req, reply) => {
      const { pdf, filename } = await printSlips(deps, req.ctx, req.params.id, req.query, { origin: originOf(deps, req) });
      reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`).header('cache-control', 'no-store');
      return pdf;
    });

    app.get('/api/students/:id', { schema: { tags, summary: '学生详情 A student', params: idParam, response: { 200: studentDetail } }, config: { access: 'student.read' } }, async (req) =>
      readStudentDetail(deps, req.actor!, req.params.id),
    );
    app.patch('/api/students/:id', { schema: { tags, summary: '修改学生信息 Edit a student', params: idParam, body: updateStudentBody, response: { 200: student } }, config: { access: 'student.write' } }, async (req) =>
      updateStudent(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/students/:id/reveal', { schema: { tags, summary: '查看完整证件号码或电话（须说明理由，留痕）Reveal one value (audited)', params: idParam, body: revealBody, response: { 200: revealResponse } }, config: { access: 'student.reveal' } }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return revealStudentValue(deps, req.ctx, req.params.id, req.body);
    });
    app.post('/api/students/:id/transfer', { schema: { tags, summary: '转学（本区另一所初中）Transfer to another junior high', params: idParam, body: transferBody, response: { 200: studentDetail } }, config: { access: 'student.write' } }, async (req) => {
      await transferStudent(deps, req.ctx, req.params.id, req.body);
      return studentDetailOf(deps, await loadStudent(deps.db, req.params.id));
    });
    app.post('/api/students/:id/reset-credentials', { schema: { tags, summary: '重置学生密码或家长确认码（重新打印告知单）Reset a slip secret', params: idParam, body: resetCredentialsBody, response: { 200: okResponse } }, config: { access: 'student.write' } }, async (req) => {
      await resetCredentials(deps, req.ctx, req.params.id, req.body.what);
      return { ok: true as const };
    });
  };
