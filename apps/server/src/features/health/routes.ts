import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { healthResponse } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      { schema: { tags: ['system'], summary: '健康检查 Health', response: { 200: healthResponse } }, config: { access: 'public' } },
      async () => {
        await deps.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: deps.database.kind };
      },
    );
  };
