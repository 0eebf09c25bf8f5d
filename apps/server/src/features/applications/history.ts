/**
 * The history of an application (who entered or confirmed which version, when): rebuilt from
 * its audit events, which keep { by, version, track, choices, acceptAdjustment } — the chained
 * log is the one record, so the history cannot differ from what was audited (R11, R21).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { applicationHistory } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { audit, auditQueue } from '../../db/schema';

type History = z.infer<typeof applicationHistory>;
type Item = History['items'][number];

const actions = { 'application.save': 'save', 'application.confirm': 'confirm', 'application.resolve_conflict': 'resolve_conflict' } as const;
const byValues = new Set(['student', 'guardian', 'staff']);

export async function applicationHistoryOf(db: Queryable, applicationId: number | null): Promise<History> {
  if (applicationId === null) return { items: [] };
  const chained = await db
    .select({ at: audit.at, action: audit.action, changes: audit.changes })
    .from(audit)
    .where(and(eq(audit.objectType, 'application'), eq(audit.objectId, String(applicationId)), inArray(audit.action, Object.keys(actions))))
    .orderBy(asc(audit.seq));
  // Events not chained yet (queued within the last second): after the chained ones, in their order.
  const queued = await db
    .select({ at: auditQueue.at, action: auditQueue.action, changes: auditQueue.changes })
    .from(auditQueue)
    .where(and(eq(auditQueue.objectType, 'application'), eq(auditQueue.objectId, String(applicationId)), inArray(auditQueue.action, Object.keys(actions))))
    .orderBy(asc(auditQueue.id));
  const rows = [...chained, ...queued];
  return {
    items: rows.map((r) => {
      const c = (r.changes ?? {}) as Record<string, unknown>;
      const track = c.track === 'vocational' || c.track === 'general' ? c.track : null;
      return {
        // The campaign's clock when the event says it (the demo pretends another day), else the real time.
        at: typeof c.businessAt === 'string' ? c.businessAt : r.at.toISOString(),
        action: actions[r.action as keyof typeof actions],
        by: (byValues.has(String(c.by)) ? c.by : 'staff') as Item['by'],
        version: Number(c.version ?? 0),
        track,
        choices: Array.isArray(c.choices) ? c.choices.map(Number) : [],
        acceptAdjustment: typeof c.acceptAdjustment === 'boolean' ? c.acceptAdjustment : null,
      };
    }),
  };
}
