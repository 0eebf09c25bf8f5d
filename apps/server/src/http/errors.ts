/**
 * One error envelope for every failure: `{ error: { code, message, details, requestId } }`
 * (ADR 0004). Messages come from the catalogue in the caller's language; no SQL, stack or
 * internal message ever reaches a response.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorCatalog, errorMessage, type ErrorCode, type Locale } from '@zhizhao/contracts';
import { AppError } from '../errors';

export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en-US' : 'zh-CN';
}

export function sendError(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, details?: unknown) {
  const status = errorCatalog[code].status;
  return reply.status(status).send({
    error: { code, message: errorMessage(code, req.locale ?? 'zh-CN'), ...(details === undefined ? {} : { details }), requestId: req.id },
  });
}

/** `spa`: answer non-API GETs with the web app's index.html (client-side routes). */
export function registerErrorHandling(app: FastifyInstance, opts: { spa: boolean }) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendError(reply, req, err.code, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? 'invalid',
      }));
      return sendError(reply, req, 'VALIDATION_FAILED', { fields });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return sendError(reply, req, 'PAYLOAD_TOO_LARGE');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 && !isResponseSerializationError(err)) {
      // Malformed JSON, wrong content type, multipart limits: the caller's fault, said plainly.
      return sendError(reply, req, 'VALIDATION_FAILED', { fields: [{ path: 'body', message: err.message.replace(/^FST_\w+: /, '') }] });
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, req, 'INTERNAL');
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spa && req.method === 'GET' && !req.url.startsWith('/api')) return reply.type('text/html').sendFile('index.html');
    return sendError(reply, req, 'NOT_FOUND', { method: req.method, url: req.url.split('?')[0] });
  });
}
