import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';

export const overviewRoutes =
  (_deps: AppDeps): FastifyPluginAsyncZod =>
  async (_app) => {};
