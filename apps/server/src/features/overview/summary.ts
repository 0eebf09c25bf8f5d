/**
 * `GET /api/applications/summary` (a contract other checks rely on) and
 * `GET /api/applications/overview`: the live picture per junior high (R11, R12, 统筹).
 * The summary is for the bureaus; a junior high reads the overview, narrowed to its own row.
 */
import type { z } from 'zod';
import { vocationalShare } from '@zhizhao/domain';
import type { applicationOverview, applicationSummary, overviewRow } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../auth/policy';
import { authorizeSummary, currentCampaign, type LoadedCampaign } from './context';
import { choicesBySchool, countsByJuniorHigh, juniorHighsOf, sendingTargets, signalsByJuniorHigh } from './counts';

type Summary = z.infer<typeof applicationSummary>;
type Overview = z.infer<typeof applicationOverview>;
type Row = z.infer<typeof overviewRow>;

/** Ratios of the overview to 6 decimals (plenty for a percentage; no long digit runs in the JSON). */
const ratio = (num: number, den: number | null) => (den ? Math.round((num / den) * 1e6) / 1e6 : null);

const zero = { graduates: 0, vocational: 0, general: 0, pending: 0, onBehalf: 0, withTrack: 0, changesAfterStaff: 0 };
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);

export async function applicationSummaryOf(db: Queryable, actor: Actor, year: number, campaignId?: number): Promise<Summary> {
  const c = await currentCampaign(db, actor, year, campaignId);
  authorizeSummary(actor, c, { bureausOnly: true });
  const [schools, counts, targets] = await Promise.all([juniorHighsOf(db, c.district.id), countsByJuniorHigh(db, c.c.id, { confirmedOnly: true }), sendingTargets(db, c.c.id)]);
  const juniorHighs = schools.map((s) => {
    const x = counts.get(s.id) ?? zero;
    return { organizationId: s.id, graduates: x.graduates, sendingTarget: targets ? (targets.get(s.id) ?? 0) : null, vocational: x.vocational, general: x.general, undecided: x.graduates - x.vocational - x.general };
  });
  const vocational = sum(juniorHighs, (r) => r.vocational);
  const general = sum(juniorHighs, (r) => r.general);
  const graduates = sum(juniorHighs, (r) => r.graduates);
  return {
    campaignId: c.c.id,
    district: { graduates, vocational, general, undecided: graduates - vocational - general, vocationalShare: vocationalShare(vocational, general), ratioTarget: c.settings.vocationalRatio },
    juniorHighs,
  };
}

/** A row of the table, with the two counts behind its on-behalf share (for the totals' share). */
export type BuiltRow = { row: Row; onBehalf: number; withTrack: number };

/** The overview table's rows for a campaign (all active junior highs, or one). */
export async function overviewRows(db: Queryable, c: LoadedCampaign, only?: number): Promise<BuiltRow[]> {
  const [schools, counts, targets, signals] = await Promise.all([juniorHighsOf(db, c.district.id, only), countsByJuniorHigh(db, c.c.id, { juniorHighId: only }), sendingTargets(db, c.c.id), signalsByJuniorHigh(db, c.c.id)]);
  return schools.map((s) => {
    const x = counts.get(s.id) ?? zero;
    const sig = signals.get(s.id) ?? { pressureReports: 0, guidanceSessions: 0, openConflicts: 0 };
    const sendingTarget = targets ? (targets.get(s.id) ?? 0) : null;
    const row: Row = {
      organizationId: s.id, code: s.code, name: s.name, roster: x.graduates, sendingTarget,
      vocational: x.vocational, general: x.general, undecided: x.graduates - x.vocational - x.general, pending: x.pending,
      // R12: progress to the junior high's sending target (R2)
      progress: ratio(x.vocational, sendingTarget),
      // R21: how much of the picture staff entered on the families' behalf
      onBehalfShare: ratio(x.onBehalf, x.withTrack),
      changesAfterStaff: x.changesAfterStaff, ...sig,
    };
    return { row, onBehalf: x.onBehalf, withTrack: x.withTrack };
  });
}

export function totalsOf(built: BuiltRow[]): Overview['totals'] {
  const rows = built.map((b) => b.row);
  const s = (f: (r: Row) => number) => sum(rows, f);
  const onBehalf = sum(built, (b) => b.onBehalf);
  const withTrack = sum(built, (b) => b.withTrack);
  const sendingTarget = rows.some((r) => r.sendingTarget !== null) ? s((r) => r.sendingTarget ?? 0) : null;
  const vocational = s((r) => r.vocational);
  return {
    roster: s((r) => r.roster), sendingTarget, vocational, general: s((r) => r.general), undecided: s((r) => r.undecided), pending: s((r) => r.pending),
    progress: ratio(vocational, sendingTarget), onBehalfShare: ratio(onBehalf, withTrack),
    changesAfterStaff: s((r) => r.changesAfterStaff), pressureReports: s((r) => r.pressureReports), guidanceSessions: s((r) => r.guidanceSessions), openConflicts: s((r) => r.openConflicts),
  };
}

export async function applicationOverviewOf(db: Queryable, actor: Actor, today: string, campaignId?: number): Promise<Overview> {
  const c = await currentCampaign(db, actor, Number(today.slice(0, 4)), campaignId);
  authorizeSummary(actor, c, { bureausOnly: false });
  // A junior high sees its own row only, and the school split of its own students' choices.
  const own = actor.orgKind === 'junior_high' ? actor.organizationId : undefined;
  const [built, bySchool] = await Promise.all([overviewRows(db, c, own), choicesBySchool(db, c.c.id, own)]);
  // R11: a pressure report reaches the bureau, never the junior high — not even as a count.
  const rows = own ? built.map((b) => ({ ...b, row: { ...b.row, pressureReports: 0 } })) : built;
  const totals = totalsOf(rows);
  return {
    campaignId: c.c.id, today, window: c.settings.phases.application, ratioTarget: c.settings.vocationalRatio, nDistrict: c.settings.nDistrict, nTotal: c.settings.nTotal,
    totals, vocationalShare: ratio(totals.vocational, totals.vocational + totals.general),
    firstChoiceDistrictRun: sum(bySchool.filter((b) => b.runBy === 'district'), (b) => b.firstChoices),
    firstChoiceCityRun: sum(bySchool.filter((b) => b.runBy === 'city'), (b) => b.firstChoices),
    bySchool,
    juniorHighs: rows.map((b) => b.row),
  };
}
