/**
 * The city bureau files an approved version (R7): a filing number from the campaign's pattern
 * and a sequence per campaign year, and a verify code signed with the city bureau's Ed25519
 * key (the QR of the published brochure). The previous filed version of the school becomes
 * superseded, so the public sees exactly one current version.
 *
 * The sequence is allocated under a transaction-scoped advisory lock per year, so concurrent
 * filings (several servers) never share a number; the unique index on filing_number backs it.
 */
import { and, eq, gt, isNotNull, max, ne, sql } from 'drizzle-orm';
import { formatFilingNumber, withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { brochures, campaigns } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { signCode } from '../../signing/codes';
import { assertQualified } from '../qualifications/qualifications';
import { loadBrochure, presentDetail, type Loaded } from './queries';
import { loadForStep, recordStep, withNow, type BrochureCtx } from './step';

/** Advisory-lock namespace of the filing sequence ("zz" + 1). */
const FILING_LOCK = 0x7a7a01;

export async function fileBrochure(deps: AppDeps, ctx: RequestContext, id: number) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await fileBrochureIn(tx, at, id, deps.config.keySecret)));
}

export async function fileBrochureIn(tx: Tx, ctx: BrochureCtx, id: number, keySecret: string | undefined): Promise<Loaded> {
  const { b, school, campaign } = await loadForStep(tx, ctx, id, 'file');
  const [newer] = await tx
    .select({ version: brochures.version })
    .from(brochures)
    .where(and(eq(brochures.organizationId, b.organizationId), eq(brochures.campaignId, b.campaignId), gt(brochures.version, b.version), isNotNull(brochures.filedAt)));
  if (newer) throw new AppError('BROCHURE_NOT_LATEST', { rule: 'R7', newerFiledVersion: newer.version });
  // R4: only a qualified school may publicise.
  await assertQualified(tx, school, campaign.year);

  const year = campaign.year;
  await tx.execute(sql`select pg_advisory_xact_lock(${FILING_LOCK}::int, ${year}::int)`);
  const [last] = await tx
    .select({ seq: max(brochures.filingSeq) })
    .from(brochures)
    .innerJoin(campaigns, eq(campaigns.id, brochures.campaignId))
    .where(eq(campaigns.year, year));
  const seq = (last?.seq ?? 0) + 1;
  const filingNumber = formatFilingNumber(withSettingDefaults(campaign.settings as CampaignSettings).filingNumberPattern, year, seq);
  const verifyCode = await signCode(tx, ctx, school.cityId!, { t: 'brochure', id: b.id, v: b.version, n: filingNumber, s: school.code, y: year }, keySecret);

  const now = ctx.now;
  const superseded = await tx
    .update(brochures)
    .set({ status: 'superseded', updatedAt: now })
    .where(and(eq(brochures.organizationId, b.organizationId), eq(brochures.campaignId, b.campaignId), eq(brochures.status, 'filed'), ne(brochures.id, b.id)))
    .returning();
  await tx.update(brochures).set({ status: 'filed', filingNumber, filingSeq: seq, verifyCode, filedAt: now, updatedAt: now }).where(eq(brochures.id, id));
  await recordStep(tx, ctx, b, 'file', '', { status: { from: b.status, to: 'filed' }, filingNumber, filingSeq: seq, supersedes: superseded.map((s) => s.version) });
  for (const s of superseded) {
    await recordStep(tx, ctx, s, 'supersede', `被第 ${b.version} 版（${filingNumber}）替代`, { status: { from: 'filed', to: 'superseded' }, by: { version: b.version, filingNumber } });
  }
  return loadBrochure(tx, id);
}
