/**
 * What every workflow step shares: load and lock the version, check that the caller may see
 * it, ask the domain's state machine (R7) whether the caller's part allows the step, and —
 * after the step's own writes — record the event in the brochure's history and the audit log,
 * in the same transaction.
 */
import { brochureTransition, type BrochureAction, type BrochureActor } from '@zhizhao/domain';
import type { Tx } from '../../db/client';
import { brochureEvents } from '../../db/schema';
import { brochureActors, canSeeBrochure } from '../../auth/brochure-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import type { AppDeps } from '../../deps';
import { loadBrochure, reviewerKindOf, statusOf, type BrochureRow, type Loaded } from './queries';

/**
 * The request context plus the business time of the step (ADR 0007): the dates a brochure
 * shows (submitted, filed, its history) follow the campaign's clock, so the demo's March
 * filings read as March; the audit log keeps the real time.
 */
export type BrochureCtx = RequestContext & { now: Date };

/** Read the business clock before the transaction opens (PGlite is one session). */
export async function withNow(deps: AppDeps, ctx: RequestContext): Promise<BrochureCtx> {
  return { ...ctx, now: (await deps.clock()).now };
}

export async function loadForStep(tx: Tx, ctx: RequestContext, id: number, action: BrochureAction): Promise<Loaded & { as: BrochureActor }> {
  const loaded = await loadBrochure(tx, id, { lock: true });
  const { b, school } = loaded;
  const actor = ctx.actor!;
  if (!canSeeBrochure(actor, school, reviewerKindOf(b), statusOf(b))) throw new AppError('FORBIDDEN', { permission: 'brochure.read' });
  const parts = brochureActors(actor, school, reviewerKindOf(b));
  let refusal: ReturnType<typeof brochureTransition> | null = null;
  for (const part of parts) {
    const r = brochureTransition(statusOf(b), action, part);
    if (r.ok) return { ...loaded, as: part };
    if (!refusal || r.code === 'BROCHURE_ILLEGAL_TRANSITION') refusal = r;
  }
  // Nobody's part: still say whether the state or the actor is the problem.
  refusal ??= brochureTransition(statusOf(b), action, 'system');
  if (refusal.ok) refusal = { ok: false, code: 'BROCHURE_NOT_YOUR_STEP', zh: '', en: '' };
  const r = refusal as Extract<typeof refusal, { ok: false }>;
  throw new AppError(r.code, { rule: 'R7', status: statusOf(b), action, ...(r.zh ? { explanation: { 'zh-CN': r.zh, 'en-US': r.en } } : {}) });
}

/** One history event and its audit row. */
export async function recordStep(tx: Tx, ctx: BrochureCtx, b: Pick<BrochureRow, 'id' | 'organizationId' | 'version'>, action: string, comment: string, changes: Record<string, unknown>) {
  await tx.insert(brochureEvents).values({ brochureId: b.id, action, actorUserId: ctx.actor?.userId ?? null, organizationId: ctx.actor?.organizationId ?? null, comment, at: ctx.now });
  await writeAudit(tx, ctx, { action: `brochure.${action}`, objectType: 'brochure', objectId: b.id, changes: { version: b.version, ...changes, ...(comment ? { comment } : {}) }, organizationId: b.organizationId });
}
