/**
 * One import at a time per user (issue 14 §5). Every upload (a multipart request: the imports)
 * takes the user's row in `import_locks` before its handler runs and gives it back as the answer
 * goes out, so three parallel uploads of one account are one import and two refusals
 * (IMPORT_BUSY), on one server or several. A lock older than the lease — its server died in the
 * middle — is taken over.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';
import { AppError } from '../errors';

const LEASE = '10 minutes';

declare module 'fastify' {
  interface FastifyRequest {
    importLock?: number;
  }
}

export function registerImportLock(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (req) => {
    if (!req.actor || !req.isMultipart()) return;
    const userId = req.actor.userId;
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    const taken = await queryRows<{ user_id: number }>(db, sql`
      insert into import_locks (user_id, route) values (${userId}, ${route})
      on conflict (user_id) do update set route = excluded.route, started_at = now() where import_locks.started_at < now() - ${LEASE}::interval
      returning user_id`);
    if (!taken[0]) throw new AppError('IMPORT_BUSY', {});
    req.importLock = userId;
  });
  const release = async (req: { importLock?: number }) => {
    if (req.importLock === undefined) return;
    const userId = req.importLock;
    req.importLock = undefined;
    await db.execute(sql`delete from import_locks where user_id = ${userId}`);
  };
  // Given back before the answer leaves (onSend), so the client's next import never finds its own lock; the others are backstops.
  app.addHook('onSend', async (req, _reply, payload) => {
    await release(req);
    return payload;
  });
  app.addHook('onResponse', async (req) => release(req));
  app.addHook('onRequestAbort', async (req) => release(req));
}
