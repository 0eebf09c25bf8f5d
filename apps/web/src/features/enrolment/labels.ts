/**
 * The words of the reasons, contact kinds and parties and the hardship evidence: the domain's
 * (packages/domain/src/enrolment/labels.ts), the same the contracts and the server's workbooks use.
 */
export { contactKindLabels, contactKinds, contactPartyLabels, hardshipEvidence, hardshipEvidenceLabels, noShowReasonLabels, noShowReasons } from '@zhizhao/domain';
