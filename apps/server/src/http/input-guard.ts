/**
 * Text the database cannot store never reaches it (issue 14 §9): a NUL byte or a lone UTF-16
 * surrogate anywhere in a JSON body, the query string or the path parameters is refused with
 * 400 before validation, naming where it was — instead of a database error (500) later.
 */
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';

// eslint-disable-next-line no-control-regex
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first bad string in a parsed JSON value (depth-first), or null. */
export function badTextPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return BAD.test(value) ? path || '.' : null;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (BAD.test(k)) return `${path}.${k}`;
    const p = badTextPath(v, `${path}.${k}`, depth + 1);
    if (p) return p;
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req, reply) => {
    for (const [where, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
      const p = badTextPath(value);
      if (p) return sendError(reply, req, 'VALIDATION_FAILED', { fields: [{ path: `${where}${p === '.' ? '' : p}`, message: 'contains a NUL byte or a broken character (lone surrogate)' }] });
    }
  });
}
