/**
 * A campaign's roster as a whole (the list, the Excel, the slips): only for the campaign's own
 * district — its bureau and junior highs — and the city above it; everyone else is refused (403),
 * not shown an empty roster. The students themselves are filtered by studentScope.
 */
import type { Permission } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { authorizeInDistrict, type Actor } from '../../auth/policy';
import { refOf } from '../organizations/queries';
import { loadCampaign, type Campaign } from '../targets/queries';

export async function rosterCampaign(db: Queryable, actor: Actor, campaignId: number, permission: Extract<Permission, 'student.read' | 'student.write'>): Promise<Campaign> {
  const c = await loadCampaign(db, campaignId);
  authorizeInDistrict(actor, permission, refOf(c.district));
  return c;
}
