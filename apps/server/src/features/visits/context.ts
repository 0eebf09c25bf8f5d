/**
 * What every visit use case shares: the business time of the step (ADR 0007; read before the
 * transaction opens, PGlite being one session), the campaign's time zone (dates and times of a
 * visit are local), the key secret for signing permits — and the audit of each step.
 */
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { writeAudit, type RequestContext } from '../../audit/write-audit';

export type VisitCtx = RequestContext & { now: Date; timeZone: string; keySecret: string | undefined };

export async function visitCtx(deps: AppDeps, ctx: RequestContext): Promise<VisitCtx> {
  return { ...ctx, now: (await deps.clock()).now, timeZone: deps.config.timeZone, keySecret: deps.config.keySecret };
}

/** One audit row per step, filed under the visited junior high (the district and the school's bureau see it). */
export async function recordVisit(tx: Tx, ctx: VisitCtx, v: { id: number; juniorHighId: number }, action: string, changes: Record<string, unknown>) {
  await writeAudit(tx, ctx, { action: `visit.${action}`, objectType: 'visit', objectId: v.id, changes, organizationId: v.juniorHighId });
}
