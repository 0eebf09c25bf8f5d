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
  const retry = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retry === 'number') reply.header('retry-after', String(retry));
  return reply.status(status).send({
    error: { code, message: errorMessage(code, req.locale ?? 'zh-CN'), ...(details === undefined ? {} : { details }), requestId: req.id },
  });
}

/** PostgreSQL error classes that mean bad input: numeric out of range, invalid text, NUL byte, bad encoding. */
const BAD_INPUT = new Set(['22003', '22P02', '22P05', '22021', '22001']);

/** The SQLSTATE of a database error, also when wrapped (Drizzle's query error keeps it in `cause`). */
export function pgCodeOf(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}

/**
 * What the log keeps of an error: never a query's parameters (a password hash, a phone number
 * were seen there). Drizzle's message carries "params: …": cut there; `params` fields are dropped.
 */
export function loggable(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: string; stack?: string; code?: unknown; cause?: unknown };
  const cut = (s: string | undefined) => (s ?? '').replace(/params:[\s\S]*$/m, 'params: [redacted]');
  return { type: e?.name, message: cut(e?.message), code: e?.code, stack: cut(e?.stack), cause: e?.cause ? { message: cut((e.cause as Error).message), code: (e.cause as { code?: unknown }).code } : undefined };
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
    // A database refusal that is the caller's input (a number out of range, a NUL byte, a broken
    // character) or a duplicate that a race let past the use case's own check: never a 500.
    const pg = pgCodeOf(err);
    if (pg && BAD_INPUT.has(pg)) return sendError(reply, req, 'VALIDATION_FAILED', { fields: [{ path: 'request', message: 'a value the database cannot store (out of range or an invalid character)' }] });
    if (pg === '23505') return sendError(reply, req, 'CONFLICT_DUPLICATE');
    req.log.error({ err: loggable(err) }, 'unhandled error');
    return sendError(reply, req, 'INTERNAL');
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spa && req.method === 'GET' && !req.url.startsWith('/api')) return reply.type('text/html').sendFile('index.html');
    return sendError(reply, req, 'NOT_FOUND', { method: req.method, url: req.url.split('?')[0] });
  });
}
