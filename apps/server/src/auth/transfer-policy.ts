/**
 * Who sees and acts on early transfers (issue 10: R13, R14), beside the general policy
 * (policy.ts). A form and a list belong to a pair of schools in a campaign (a district's):
 *  - the source junior high (the roster that held the student) sees its forms and lists, seals
 *    and refuses as `source`, withdraws before filing;
 *  - the enrolling vocational school sees its forms and lists, seals and refuses as `school`,
 *    withdraws before filing, records exam preparation and results. A city-run school standing
 *    in the district is a party like any other: the district bureau files its lists, but never
 *    seals for it;
 *  - the campaign's district bureau sees everything of its campaigns and files lists and decides
 *    returns (`district`); it seals nothing;
 *  - the city bureau and auditors read their districts' transfers;
 *  - the family acts on its own through `/api/me/early-transfer` (found by the account).
 * A party acts only for its own organisation: nobody seals for another school.
 */
import { sql, type SQL } from 'drizzle-orm';
import { hasPermission, type Permission } from '@zhizhao/contracts';
import type { TransferParty } from '@zhizhao/domain';
import { AppError } from '../errors';
import { inScope, scopeOf, type Actor, type OrgRef } from './policy';

/** A form or list as the policy sees it: its two schools and its campaign's district. */
export type TransferRef = { juniorHighId: number; schoolId: number; district: OrgRef };

export function canReadTransfer(actor: Actor, t: TransferRef): boolean {
  if (!hasPermission(actor.role, 'transfer.read')) return false;
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return scope.organizationId === t.juniorHighId || scope.organizationId === t.schoolId;
  return inScope(actor, t.district);
}

/** The party the actor plays for this form or list, if any (the junior high, the school, the district bureau). */
export function partyOf(actor: Actor, t: TransferRef, permission: Extract<Permission, 'transfer.seal' | 'transfer.file' | 'transfer.prep'>): TransferParty | null {
  if (!hasPermission(actor.role, permission)) return null;
  if (permission === 'transfer.file') return actor.orgKind === 'district_bureau' && actor.organizationId === t.district.id ? 'district' : null;
  if (actor.orgKind === 'junior_high' && actor.organizationId === t.juniorHighId && permission === 'transfer.seal') return 'source';
  if (actor.orgKind === 'vocational_school' && actor.organizationId === t.schoolId) return 'school';
  return null;
}

export function authorizeReadTransfer(actor: Actor, t: TransferRef): void {
  if (!canReadTransfer(actor, t)) throw new AppError('FORBIDDEN', { permission: 'transfer.read' });
}

/** The actor's party, or FORBIDDEN when it cannot read the object, EARLY_TRANSFER_NOT_YOUR_SEAL when it reads but is no party. */
export function requireParty(actor: Actor, t: TransferRef, permission: Parameters<typeof partyOf>[2]): TransferParty {
  authorizeReadTransfer(actor, t);
  const party = partyOf(actor, t, permission);
  if (!party) throw new AppError(permission === 'transfer.file' ? 'FORBIDDEN' : 'EARLY_TRANSFER_NOT_YOUR_SEAL', { permission });
  return party;
}

/**
 * canReadTransfer as SQL over a table with `junior_high_id`, `school_id` and `campaign_id`
 * columns (early_transfers, early_transfer_lists), given as the table's alias.
 */
export function transferScope(actor: Actor, table: 't' | 'l'): SQL {
  if (!hasPermission(actor.role, 'transfer.read')) return sql`false`;
  const col = (c: string) => sql.raw(`${table}.${c}`);
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return sql`(${col('junior_high_id')} = ${scope.organizationId} or ${col('school_id')} = ${scope.organizationId})`;
  if (scope.kind === 'district') return sql`${col('campaign_id')} in (select id from campaigns where district_id = ${scope.districtId})`;
  return sql`${col('campaign_id')} in (select c.id from campaigns c join organizations d on d.id = c.district_id where d.city_id = ${scope.cityId})`;
}
