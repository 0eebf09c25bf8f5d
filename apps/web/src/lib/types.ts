/**
 * Response types inferred from the contracts' zod schemas, imported as types only so
 * zod itself stays out of the browser bundle (runtime values come from the
 * zod-free modules `@zhizhao/contracts/roles` and `/errors`).
 */
import type {
  auditEvent,
  auditVerifyResponse,
  campaignListResponse,
  clockResponse,

  organizationDetail,
  orgListResponse,
  userListResponse,
  auditListResponse,
  campaignSettings,
} from '@zhizhao/contracts';

/** The output type of a contract schema, without importing zod at run time. */
export type Infer<S extends { _zod: { output: unknown } }> = S['_zod']['output'];
/** The input type of a contract schema (a request body before its defaults apply). */
export type Input<S extends { _zod: { input: unknown } }> = S['_zod']['input'];

export type { Me, Organization, User, Campaign, Dashboard, ImportResult, ImportRowError, CreateOrganization } from '@zhizhao/contracts';
export type OrganizationDetail = Infer<typeof organizationDetail>;
export type OrgPage = Infer<typeof orgListResponse>;
export type UserPage = Infer<typeof userListResponse>;
export type CampaignPage = Infer<typeof campaignListResponse>;
export type CampaignSettingsValue = Infer<typeof campaignSettings>;
export type AuditEvent = Infer<typeof auditEvent>;
export type AuditPage = Infer<typeof auditListResponse>;
export type AuditVerify = Infer<typeof auditVerifyResponse>;
export type Clock = Infer<typeof clockResponse>;
