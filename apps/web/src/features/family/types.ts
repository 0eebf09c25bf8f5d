/**
 * Family and public application types (issue 9: R5, R11, R21) inferred from the contracts'
 * zod schemas, as types only so zod stays out of the browser bundle.
 */
import type {
  applicationHistory,
  applicationView,
  familyMe,
  openCampaignList,
  openDayList,
  pressureReportBody,
  programme,
  programmeList,
  saveApplicationBody,
  socialRegistrationBody,
  socialRegistrationReceipt,
} from '@zhizhao/contracts';
import type { Infer, Input } from '../../lib/types';

export type FamilyMe = Infer<typeof familyMe>;
export type ApplicationView = Infer<typeof applicationView>;
export type ApplicationStatus = ApplicationView['status'];
export type Track = NonNullable<ApplicationView['track']>;
export type Programme = Infer<typeof programme>;
export type ProgrammeList = Infer<typeof programmeList>;
export type ApplicationHistory = Infer<typeof applicationHistory>;
export type HistoryItem = ApplicationHistory['items'][number];
export type SaveApplication = Input<typeof saveApplicationBody>;
export type PressureReportBody = Infer<typeof pressureReportBody>;
export type PressureKind = PressureReportBody['kind'];
export type SocialRegistrationBody = Infer<typeof socialRegistrationBody>;
export type SocialReceipt = Infer<typeof socialRegistrationReceipt>;
export type OpenDayList = Infer<typeof openDayList>;
export type OpenDay = OpenDayList['items'][number];
export type OpenCampaign = Infer<typeof openCampaignList>['items'][number];

/** A refusal as the server (and the domain's checkApplication) words it. */
export type Refusal = { code: string; rule?: string; zh: string; en: string; programmeIds?: number[] };
