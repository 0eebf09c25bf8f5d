/**
 * Request pipeline before any handler: language, request context, CSRF defence, the
 * session, and the route's declared access (ADR 0003). Deny by default: an /api route
 * without `config.access` makes the server refuse to start.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission } from '@zhizhao/contracts';
import type { SessionLimits } from '@zhizhao/domain';
import type { Db } from '../db/client';
import { loadSession } from '../auth/sessions';
import { AppError } from '../errors';
import { localeOf } from './errors';
import type { Access } from './types';
import { bucketOf, hit } from './rate-limit';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origin check (ADR 0003): browsers send Origin / Sec-Fetch-Site on every cross-site write. */
export function isCrossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin) {
    const host = (req.headers['x-forwarded-host'] as string | undefined) ?? req.headers.host ?? '';
    try {
      const o = new URL(origin);
      // URL drops a default port (:80, :443); a Host header may still carry it.
      return o.host !== host.replace(o.protocol === 'https:' ? /:443$/ : /:80$/, '');
    } catch {
      return true;
    }
  }
  return false;
}

export function registerAccess(app: FastifyInstance, deps: { db: Db; limits: SessionLimits; cookieSecure: boolean; config: { rateLimitPerMinute: number; sessionCookie: string } }) {
  const routesWithoutAccess: string[] = [];
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push(`${method} ${route.url}`);
    if (!route.config?.access) routesWithoutAccess.push(`${route.method} ${route.url}`);
  });
  app.addHook('onReady', async () => {
    if (routesWithoutAccess.length) throw new Error(`routes without config.access (deny by default): ${routesWithoutAccess.join(', ')}`);
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (req, reply) => {
    req.locale = localeOf(req.headers['accept-language']);
    req.ctx = { actor: null, requestId: req.id, ip: req.ip ?? null };
    reply.header('x-request-id', req.id);
    if (!req.url.startsWith('/api')) return;
    if (!SAFE_METHODS.has(req.method) && isCrossSite(req)) throw new AppError('CSRF_REJECTED');

    const token = req.cookies?.[deps.config.sessionCookie];
    let expired = false;
    if (token) {
      const session = await loadSession(deps.db, token, deps.limits);
      if (session.status === 'active') {
        req.actor = session.actor;
        req.sessionId = session.sessionId;
        req.mustChangePassword = session.mustChangePassword;
        req.ctx.actor = session.actor;
      } else {
        expired = session.status === 'expired';
        reply.clearCookie(deps.config.sessionCookie, { path: '/' });
      }
    }

    const access: Access | undefined = req.routeOptions.config?.access;
    if (!access) return; // unknown route: the 404 handler answers
    if (access === 'public') {
      // Anonymous callers of public routes are limited per address (issue 14 §4).
      if (req.actor) return;
      const bucket = bucketOf(req.method, req.routeOptions.url ?? req.url, deps.config.rateLimitPerMinute);
      if (!bucket) return;
      const verdict = await hit(deps.db, bucket, req.ip ?? 'unknown', new Date());
      if (verdict.limited) throw new AppError('RATE_LIMITED', { retryAfterSeconds: verdict.retryAfterSeconds, bucket: bucket.name });
      return;
    }
    if (!req.actor) throw new AppError(expired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
    if (req.mustChangePassword && !req.routeOptions.config?.duringPasswordChange) throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
    if (access !== 'authenticated' && !hasPermission(req.actor.role, access)) throw new AppError('FORBIDDEN', { permission: access });
  });
}
