import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { auditListQuery, auditListResponse, auditVerifyResponse } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { audit, organizations } from '../../db/schema';
import { auditScope } from '../../auth/scope-sql';
import { verifyAudit } from '../../audit/verify-audit';
import { flushAuditQueue } from '../../audit/write-audit';
import { likeText } from '../organizations/queries';

const tags = ['audit'];
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/audit', { schema: { tags, summary: '审计日志 The audit log (newest first)', querystring: auditListQuery, response: { 200: auditListResponse } }, config: { access: 'audit.read' } }, async (req) => {
      const q = req.query;
      // Queued events (applications saved in the last second) are chained first, so the page shows them.
      await flushAuditQueue(deps.db);
      // Scope through the organisation an event concerns; events without one are the city's.
      const conditions: Array<SQL | undefined> = [auditScope(req.actor!, audit.organizationId)];
      if (q.action) conditions.push(or(eq(audit.action, q.action), ilike(audit.action, `${q.action.replace(/[\\%_]/g, '\\$&')}.%`)));
      if (q.objectType) conditions.push(eq(audit.objectType, q.objectType));
      if (q.objectId) conditions.push(eq(audit.objectId, q.objectId));
      if (q.actor) conditions.push(ilike(audit.actorUsername, likeText(q.actor)));
      if (q.organizationId) conditions.push(eq(audit.organizationId, q.organizationId));
      if (q.from) conditions.push(gte(audit.at, new Date(`${q.from}T00:00:00Z`)));
      if (q.to) conditions.push(lt(audit.at, nextDay(q.to)));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        deps.db
          .select({ a: audit, orgName: organizations.name })
          .from(audit)
          .leftJoin(organizations, eq(organizations.id, audit.organizationId))
          .where(where)
          .orderBy(desc(audit.seq))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        deps.db.select({ n: count() }).from(audit).leftJoin(organizations, eq(organizations.id, audit.organizationId)).where(where),
      ]);
      return {
        items: rows.map(({ a, orgName }) => ({
          seq: a.seq, at: a.at.toISOString(), actorUserId: a.actorUserId, actorUsername: a.actorUsername, organizationId: a.organizationId,
          organizationName: orgName, action: a.action, objectType: a.objectType, objectId: a.objectId, changes: a.changes, requestId: a.requestId, ip: a.ip,
        })),
        total: Number(total!.n),
        page: q.page,
        pageSize: q.pageSize,
      };
    });

    app.get('/api/audit/verify', { schema: { tags, summary: '校验审计链 Verify the hash chain', response: { 200: auditVerifyResponse } }, config: { access: 'audit.read' } }, async () => {
      await flushAuditQueue(deps.db);
      const r = await verifyAudit(deps.db);
      return { ok: r.ok, count: r.count, head: r.head ? { seq: r.head.seq, hash: r.head.hash } : null, break: r.break };
    });
  };
