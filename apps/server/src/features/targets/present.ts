/**
 * Shapes a version of the split for the API (contracts `targetVersion`), with the R12
 * flags computed by the domain's exact ratio helpers against the campaign's own
 * `vocationalRatio` (never a constant), and the domain's refusals as AppErrors.
 */
import { asc, eq } from 'drizzle-orm';
import { districtRatio, schoolRatios, type TargetsError } from '@zhizhao/domain';
import type { TargetVersion } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { organizations, targetAdjustments } from '../../db/schema';
import { AppError } from '../../errors';
import { rowsOf, usernames, type Campaign, type RowWithSchool, type VersionRow, type VersionStatus } from './queries';

/** A refusal of the split or of an adjustment: its code, details, and the domain's exact explanation. */
export function refusal(e: TargetsError): AppError {
  return new AppError(e.code, { ...e.details, explanation: e.message });
}

export function presentSummary(v: VersionRow, names: Map<number, string>) {
  return {
    id: v.id,
    number: v.number,
    status: v.status as VersionStatus,
    method: v.method as 'hamilton' | 'webster',
    nTotal: v.nTotal,
    note: v.note,
    createdBy: v.createdBy === null ? null : (names.get(v.createdBy) ?? null),
    createdAt: v.createdAt.toISOString(),
    publishedBy: v.publishedBy === null ? null : (names.get(v.publishedBy) ?? null),
    publishedAt: v.publishedAt?.toISOString() ?? null,
  };
}

/** R12 for a set of rows: each row's share and flag, and the district's totals against R1's targets. */
export function measure(rows: Array<{ code: string; graduates: number; target: number }>, c: Campaign) {
  const ratio = c.settings.vocationalRatio;
  const input = rows.map((r) => ({ id: r.code, graduates: r.graduates, target: r.target }));
  const perRow = schoolRatios(input, ratio);
  const d = districtRatio(input, { ratio, nTotal: c.settings.nTotal });
  const totals = {
    graduates: d.graduates,
    targets: d.target,
    share: d.share,
    ratio,
    requiredForRatio: d.required,
    belowRatio: d.flagged,
    cityNTotal: c.settings.nTotal,
    cityNDistrict: c.settings.nDistrict,
    differsFromCity: d.target !== c.settings.nTotal,
  };
  return { perRow, totals };
}

export function presentRows(rows: RowWithSchool[], c: Campaign) {
  const { perRow, totals } = measure(rows, c);
  return {
    rows: rows.map((r, i) => ({
      organizationId: r.organizationId, code: r.code, name: r.name, graduates: r.graduates, target: r.target,
      min: r.min, max: r.max, share: perRow[i]!.share, belowRatio: perRow[i]!.flagged, note: r.note,
    })),
    totals,
  };
}

/**
 * A version as `targetVersion`. `onlyOrg`: a junior high's view — its own row only and no
 * adjustments (they name other schools); the totals stay the district's aggregates.
 */
export async function presentVersion(db: Queryable, c: Campaign, v: VersionRow, opts: { onlyOrg?: number } = {}): Promise<TargetVersion> {
  const rows = await rowsOf(db, v.id);
  const { rows: shown, totals } = presentRows(rows, c);
  const adjustments = opts.onlyOrg === undefined
    ? await db
        .select({ a: targetAdjustments, name: organizations.name })
        .from(targetAdjustments)
        .innerJoin(organizations, eq(organizations.id, targetAdjustments.organizationId))
        .where(eq(targetAdjustments.versionId, v.id))
        .orderBy(asc(targetAdjustments.id))
    : [];
  const names = await usernames(db, [v.createdBy, v.publishedBy, ...adjustments.map((x) => x.a.createdBy)]);
  return {
    ...presentSummary(v, names),
    rows: opts.onlyOrg === undefined ? shown : shown.filter((r) => r.organizationId === opts.onlyOrg),
    totals,
    adjustments: adjustments.map(({ a, name }) => ({
      organizationId: a.organizationId, name, mode: a.mode as 'rebalance' | 'change_total', oldTarget: a.oldTarget, newTarget: a.newTarget,
      oldTotal: a.oldTotal, newTotal: a.newTotal, reason: a.reason, by: a.createdBy === null ? null : (names.get(a.createdBy) ?? null), at: a.createdAt.toISOString(),
    })),
  };
}
