/**
 * The junior high checks the visitors out: the actual length is recorded, and a visit that
 * ran past its approved slot or the campaign's limit (R10) is flagged for the bureau.
 */
import { localTime, visitOverrun, withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { whenOf } from './check-in-visit';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { presentVisit, slotOf, type LoadedVisit } from './queries';
import { loadForStep, updateVisit } from './step';

export async function checkOutVisit(deps: AppDeps, ctx: RequestContext, id: number, at?: string) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await checkOutVisitIn(tx, c, id, at)));
}

export async function checkOutVisitIn(tx: Tx, ctx: VisitCtx, id: number, at?: string): Promise<LoadedVisit> {
  const { v, campaign } = await loadForStep(tx, ctx, id, { action: 'check_out', part: 'host', permission: 'visit.gate', from: ['approved', 'revoked'] });
  if (!v.checkedInAt || v.checkedOutAt) throw new AppError('VISIT_ILLEGAL_TRANSITION', { status: v.status, action: 'check_out', checkedInAt: v.checkedInAt?.toISOString() ?? null, checkedOutAt: v.checkedOutAt?.toISOString() ?? null });
  const when = whenOf(ctx, at);
  // The same day as the check-in (a visit never crosses midnight), and after it.
  if (when.getTime() <= v.checkedInAt.getTime() || localTime(when, ctx.timeZone).date !== localTime(v.checkedInAt, ctx.timeZone).date) {
    throw new AppError('VISIT_CHECK_TIME', { rule: 'R10', reason: 'before_check_in_or_another_day', at: when.toISOString(), checkedInAt: v.checkedInAt.toISOString() });
  }
  const { maxVisitMinutes } = withSettingDefaults(campaign.settings as CampaignSettings);
  const r = visitOverrun(slotOf(v), v.checkedInAt, when, maxVisitMinutes);
  const out = await updateVisit(tx, ctx, id, { checkedOutAt: when, actualMinutes: r.actualMinutes, overrun: r.overrun });
  await recordVisit(tx, ctx, v, 'check_out', { checkedOutAt: when.toISOString(), actualMinutes: r.actualMinutes, plannedMinutes: r.plannedMinutes, overrun: r.overrun, permitSerial: v.permitSerial });
  return out;
}
