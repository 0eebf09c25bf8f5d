/**
 * Who may do what after admission (issue 12: R16, R17, R18). The intake of a school — its admitted
 * students and filed early transfers — is read by the bureaus of the campaign's district and city,
 * by the school (its own intake) and by the source junior high (its own students); a city-run
 * school standing in the district is a school like any other here. The school registers its own
 * students, records their care and no-shows (enrolment.register); the junior high follows up its
 * own students: contacts and no-show reasons (enrolment.followup). The sending statistics are
 * read the same way (statistics.read); the school submits its own (statistics.submit), the junior
 * high acknowledges or disputes the rows that name it (statistics.ack).
 */
import type { Permission } from '@zhizhao/contracts';
import { AppError } from '../errors';
import { canInDistrict, type Actor, type OrgRef } from './policy';
import { isBureau } from './admission-policy';

export type IntakeScope = { all: true } | { schoolId: number } | { juniorHighId: number };

/** Which part of a campaign's intake (or statistics) the actor reads. */
export function intakeScope(actor: Actor, permission: Extract<Permission, 'enrolment.read' | 'statistics.read'>, district: OrgRef): IntakeScope {
  if (!canInDistrict(actor, permission, district)) throw new AppError('FORBIDDEN', { permission });
  if (isBureau(actor)) return { all: true };
  if (actor.orgKind === 'vocational_school') return { schoolId: actor.organizationId };
  if (actor.orgKind === 'junior_high') return { juniorHighId: actor.organizationId };
  throw new AppError('FORBIDDEN', { permission });
}

/** A student of the intake as the policy sees it. */
export type IntakeRef = { schoolId: number; juniorHighId: number | null; district: OrgRef };

export function canReadIntake(actor: Actor, ref: IntakeRef): boolean {
  if (!canInDistrict(actor, 'enrolment.read', ref.district)) return false;
  if (isBureau(actor)) return true;
  return actor.organizationId === ref.schoolId || (ref.juniorHighId !== null && actor.organizationId === ref.juniorHighId);
}

/** The enrolling school acts on its own intake: registration, care, no-shows, contacts. */
export function isEnrollingSchool(actor: Actor, ref: IntakeRef): boolean {
  return actor.orgKind === 'vocational_school' && actor.organizationId === ref.schoolId && canInDistrict(actor, 'enrolment.register', ref.district);
}

/** The source junior high follows up its own students: contacts and no-show reasons. */
export function isSourceJuniorHigh(actor: Actor, ref: IntakeRef): boolean {
  return actor.orgKind === 'junior_high' && ref.juniorHighId === actor.organizationId && canInDistrict(actor, 'enrolment.followup', ref.district);
}

export function authorizeSchool(actor: Actor, ref: IntakeRef): void {
  if (!isEnrollingSchool(actor, ref)) throw new AppError('FORBIDDEN', { permission: 'enrolment.register' });
}

export function authorizeFollowUp(actor: Actor, ref: IntakeRef): void {
  if (!isEnrollingSchool(actor, ref) && !isSourceJuniorHigh(actor, ref)) throw new AppError('FORBIDDEN', { permission: 'enrolment.followup' });
}

/** A school submits (and answers disputes on) its own statistics. */
export function authorizeStatisticsSchool(actor: Actor, district: OrgRef): number {
  if (actor.orgKind !== 'vocational_school' || !canInDistrict(actor, 'statistics.submit', district)) throw new AppError('FORBIDDEN', { permission: 'statistics.submit' });
  return actor.organizationId;
}

/** A junior high acknowledges or disputes the rows that name it. */
export function authorizeStatisticsJuniorHigh(actor: Actor, district: OrgRef): number {
  if (actor.orgKind !== 'junior_high' || !canInDistrict(actor, 'statistics.ack', district)) throw new AppError('FORBIDDEN', { permission: 'statistics.ack' });
  return actor.organizationId;
}
