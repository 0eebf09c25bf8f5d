/**
 * 录取通知书 as PDF (R15) and the background jobs' status and files: one letter for the staff
 * who may read the admission and for the family, a school's letters as one PDF (a job), and
 * `/api/jobs/:id` (+ `/download`) for whoever asked for a job. Thin routes over letter-jobs.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { idParam, jobView, lettersJobBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { attachment } from '../../files/upload';
import { originOf } from '../public/routes';
import { familyCtx } from '../applications/queries';
import { myLetterId } from './results';
import { admissionLetterPdf, jobDownload, ownLetterPdf, readJob, startLettersBundle } from './letter-jobs';

const tags = ['admission'];

function sendPdf(reply: FastifyReply, out: { pdf: Buffer; filename: string }) {
  reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(out.filename)}`).header('cache-control', 'no-store');
  return out.pdf;
}

export const letterRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/admission/admissions/:id/letter.pdf', { schema: { tags, summary: '录取通知书 PDF（一份）An admission letter', params: idParam }, config: { access: 'admission.read' } }, async (req, reply) =>
      sendPdf(reply, await admissionLetterPdf(deps, req.actor!, req.params.id, originOf(deps, req))),
    );
    app.get('/api/me/admission/letter.pdf', { schema: { tags, summary: '我的录取通知书 PDF My admission letter' }, config: { access: 'application.self' } }, async (req, reply) => {
      const id = await myLetterId(deps, await familyCtx(deps.db, req.actor!));
      return sendPdf(reply, await ownLetterPdf(deps, id, originOf(deps, req)));
    });
    app.post('/api/admission/letters/bundle', { schema: { tags, summary: '批量打印录取通知书（后台生成一个 PDF）Print a school\'s letters', body: lettersJobBody, response: { 200: jobView } }, config: { access: 'admission.read' } }, async (req) =>
      startLettersBundle(deps, req.ctx, req.body, originOf(deps, req)),
    );
    app.get('/api/jobs/:id', { schema: { tags: ['jobs'], summary: '后台任务进度 A background job', params: idParam, response: { 200: jobView } }, config: { access: 'authenticated' } }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return readJob(deps, req.actor!, req.params.id);
    });
    app.get('/api/jobs/:id/download', { schema: { tags: ['jobs'], summary: '下载后台任务生成的文件 A job\'s file', params: idParam }, config: { access: 'authenticated' } }, async (req, reply) => {
      const file = await jobDownload(deps, req.actor!, req.params.id);
      reply.header('content-type', file.contentType).header('content-disposition', attachment(file.filename)).header('cache-control', 'no-store');
      return file.body;
    });
  };
