import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';

export const applicationRoutes =
  (_deps: AppDeps): FastifyPluginAsyncZod =>
  async (_app) => {};
