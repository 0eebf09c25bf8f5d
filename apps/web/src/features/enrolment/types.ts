/**
 * After-admission types (issue 12: R16, R17, R18) inferred from the contracts' zod schemas, as
 * types only so zod stays out of the browser bundle.
 */
import type {
  careRecord, cityFunnel, contactBody, contactList, funnel, intakePage, intakeRow, sendingCounts, sendingRow, sendingStatistics, sendingStatus,
} from '@zhizhao/contracts';
import type { Infer, Input } from '../../lib/types';

export type IntakeRow = Infer<typeof intakeRow>;
export type IntakePage = Infer<typeof intakePage>;
export type IntakeState = IntakeRow['state'];
export type NoShowReason = NonNullable<IntakeRow['noShowReason']>;
export type CareRecord = Infer<typeof careRecord>;
export type HardshipEvidence = NonNullable<CareRecord['hardshipEvidence']>;
export type ContactBody = Input<typeof contactBody>;
export type ContactRow = Infer<typeof contactList>['items'][number];
export type ContactKind = ContactRow['kind'];
export type ContactParty = ContactRow['party'];

export type SendingCounts = Infer<typeof sendingCounts>;
export type SendingRow = Infer<typeof sendingRow>;
export type SendingStatus = Infer<typeof sendingStatus>;
export type SendingStatistics = Infer<typeof sendingStatistics>;
export type AckState = NonNullable<SendingRow['ack']>;

export type Funnel = Infer<typeof funnel>;
export type FunnelRow = Funnel['juniorHighs'][number];
export type CityFunnel = Infer<typeof cityFunnel>;
export type CityDistrict = CityFunnel['items'][number];
