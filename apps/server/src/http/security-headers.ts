/**
 * Security headers on every answer (issue 14 §8): a strict Content-Security-Policy (scripts and
 * everything else only from this origin; antd's inline styles allowed; QR images as data: URLs;
 * never framed), nosniff, no Referer to other sites, `no-store` on whatever a signed-in caller
 * receives and on every download, and HSTS when the request came over TLS (directly or through
 * a proxy TRUST_PROXY names).
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const DOWNLOAD = /^(application\/(pdf|vnd\.openxmlformats|octet-stream|zip)|text\/csv)/;

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    // Pages and API answers get the policy; documents (PDF, Excel) are left to the browser's
    // viewer, and the API docs page (swagger-ui) brings its own.
    if (!DOWNLOAD.test(type) && !req.url.startsWith('/api/docs')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (req.actor || DOWNLOAD.test(type)) reply.header('cache-control', 'no-store');
    return payload;
  });
}
