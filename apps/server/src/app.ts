/**
 * Builds the Fastify application: plugins, the access pipeline, every feature's routes,
 * OpenAPI, and the built web app. main.ts starts it; tests call `app.inject()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps';
import { registerErrorHandling } from './http/errors';
import { registerInputGuard } from './http/input-guard';
import { registerSecurityHeaders } from './http/security-headers';
import { registerAccess } from './http/access';
import './http/types';
import { authRoutes } from './features/auth/routes';
import { healthRoutes } from './features/health/routes';
import { clockRoutes } from './features/clock/routes';
import { organizationRoutes } from './features/organizations/routes';
import { userRoutes } from './features/users/routes';
import { campaignRoutes } from './features/campaigns/routes';
import { auditRoutes } from './features/audit/routes';
import { dashboardRoutes } from './features/dashboard/routes';
import { targetRoutes } from './features/targets/routes';
import { majorRoutes } from './features/majors/routes';
import { qualificationRoutes } from './features/qualifications/routes';
import { allianceRoutes } from './features/alliances/routes';
import { brochureRoutes } from './features/brochures/routes';
import { publicRoutes } from './features/public/routes';
import { visitRoutes } from './features/visits/routes';
import { studentRoutes } from './features/students/routes';
import { applicationRoutes } from './features/applications/routes';
import { earlyTransferRoutes } from './features/transfers/routes';
import { overviewRoutes } from './features/overview/routes';
import { admissionRoutes } from './features/admission/routes';
import { scoreRoutes } from './features/admission/score-routes';
import { enrolmentRoutes } from './features/enrolment/routes';
import { registerImportLock } from './http/import-lock';
import { letterRoutes } from './features/admission/letter-routes';
import { admissionJobHandlers } from './features/admission/jobs';
import { startJobWorker } from './jobs/jobs';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type BuildOptions = { logger?: boolean; serveWeb?: boolean; /** Run background jobs in this process (default true). */ jobs?: boolean };

/** Every kind of background job this server knows. */
export const jobHandlers = { ...admissionJobHandlers };

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: deps.config.logLevel,
      // No personal data in logs: no bodies, no cookies, no headers, no query strings (searches carry names).
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    // maxParamLength: a signed verify code (GET /api/verify/:code) is ~250 characters.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2000 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const spa = opts.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'));
  registerErrorHandling(app, { spa });
  registerInputGuard(app);
  registerSecurityHeaders(app);

  // The swagger plugins add routes of their own: they are public reading.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
  });
  await app.register(cookie); // parses cookies in an onRequest hook: before the access hook
  registerAccess(app, { db: deps.db, limits: deps.limits, cookieSecure: deps.config.cookieSecure, config: deps.config });

  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  registerImportLock(app, deps.db);
  await app.register(swagger, {
    openapi: {
      info: { title: 'zhizhao 职招 API', version: '0.1.0', description: 'Errors: `{ "error": { "code", "message", "details", "requestId" } }`; messages follow Accept-Language (zh-CN default, en-US).' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  for (const routes of [healthRoutes, authRoutes, clockRoutes, organizationRoutes, userRoutes, campaignRoutes, auditRoutes, dashboardRoutes, targetRoutes, majorRoutes, qualificationRoutes, allianceRoutes, brochureRoutes, publicRoutes, visitRoutes, studentRoutes, applicationRoutes, overviewRoutes, earlyTransferRoutes, admissionRoutes, scoreRoutes, letterRoutes, enrolmentRoutes]) {
    await app.register(routes(deps));
  }

  if (spa) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  if (opts.jobs !== false) {
    // The job worker of this server (jobs/jobs.ts); job state is in the database, so any server may finish any job.
    const worker = startJobWorker(deps, jobHandlers);
    deps.jobs = worker;
    app.addHook('onClose', async () => worker.stop());
  }
  return app;
}
