/** Which party the signed-in staff plays in early transfer (R13, R14), from its organisation's kind. */
import type { OrgKind } from '@zhizhao/contracts/roles';

export type StaffParty = 'source' | 'school' | 'bureau';

export function partyOfKind(kind: OrgKind): StaffParty {
  if (kind === 'junior_high') return 'source';
  if (kind === 'vocational_school') return 'school';
  return 'bureau';
}
