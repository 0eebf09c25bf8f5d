/**
 * The applications work's response types (R5, R8, R11, R12, R21), inferred from the contracts'
 * zod schemas as types only, so zod stays out of the browser bundle.
 */
import type {
  applicationHistory,
  applicationOverview,
  applicationView,
  cityOverview,
  confirmSocialResponse,
  createStudentBody,
  generalListImportResponse,
  guidanceBody,
  guidanceList,
  notificationList,
  openDayBody,
  openDayList,
  pressureReportList,
  programmeList,
  saveApplicationBody,
  schoolApplicantList,
  socialRegistrationList,
  studentDetail,
  studentImportResponse,
  studentListResponse,
  trackConflictList,
} from '@zhizhao/contracts';
import type { Infer, Input } from '../../lib/types';

export type StudentPage = Infer<typeof studentListResponse>;
export type Student = StudentPage['items'][number];
export type StudentDetail = Infer<typeof studentDetail>;
export type CreateStudent = Input<typeof createStudentBody>;
export type StudentImport = Infer<typeof studentImportResponse>;
export type ApplicationView = Infer<typeof applicationView>;
export type SaveApplication = Input<typeof saveApplicationBody>;
export type ApplicationHistory = Infer<typeof applicationHistory>;
export type ProgrammeList = Infer<typeof programmeList>;
export type Programme = ProgrammeList['items'][number];
export type Overview = Infer<typeof applicationOverview>;
export type OverviewRow = Overview['juniorHighs'][number];
export type CityOverview = Infer<typeof cityOverview>;
export type ConflictPage = Infer<typeof trackConflictList>;
export type Conflict = ConflictPage['items'][number];
export type GeneralListImport = Infer<typeof generalListImportResponse>;
export type PressurePage = Infer<typeof pressureReportList>;
export type PressureReport = PressurePage['items'][number];
export type GuidanceList = Infer<typeof guidanceList>;
export type Guidance = GuidanceList['items'][number];
export type GuidanceInput = Input<typeof guidanceBody>;
export type OpenDayList = Infer<typeof openDayList>;
export type OpenDay = OpenDayList['items'][number];
export type OpenDayInput = Input<typeof openDayBody>;
export type SocialPage = Infer<typeof socialRegistrationList>;
export type SocialRegistration = SocialPage['items'][number];
export type ConfirmSocial = Infer<typeof confirmSocialResponse>;
export type ApplicantPage = Infer<typeof schoolApplicantList>;
export type Applicant = ApplicantPage['items'][number];
export type NotificationPage = Infer<typeof notificationList>;
export type Notification = NotificationPage['items'][number];
export type Track = NonNullable<Student['track']>;
export type ApplicationStatus = Student['applicationStatus'];
