/**
 * Who may do what in the admission round (issue 11, R15). The campaign is the district's: its
 * bureau imports scores, defines batches, runs and publishes (admission.run / .publish), decides
 * returns (admission.decide); the city and auditors read their districts' (admission.read). A
 * vocational school — a city-run one standing in the district included — reads only its own
 * admitted students, asks to return one of them (admission.return) and admits social applicants
 * by registration into its own programmes (admission.register). A junior high reads its own
 * students' results. Families see their own through /api/me/admission.
 */
import type { Permission } from '@zhizhao/contracts';
import { AppError } from '../errors';
import { canInDistrict, type Actor, type OrgRef } from './policy';

export const isBureau = (actor: Actor) => actor.orgKind === 'city_bureau' || actor.orgKind === 'district_bureau';

/** Campaign-wide admission objects (scores, batches, runs, every admission): bureaus of the campaign's district or city. */
export function canBureau(actor: Actor, permission: Permission, district: OrgRef): boolean {
  return isBureau(actor) && canInDistrict(actor, permission, district);
}

export function authorizeBureau(actor: Actor, permission: Permission, district: OrgRef): void {
  if (!canBureau(actor, permission, district)) throw new AppError('FORBIDDEN', { permission });
}

/** Which admissions of a campaign the actor may read: all (a bureau), a school's own, a junior high's students'. */
export type AdmissionScope = { all: true } | { schoolId: number } | { juniorHighId: number };

export function admissionScope(actor: Actor, district: OrgRef): AdmissionScope {
  if (canBureau(actor, 'admission.read', district)) return { all: true };
  if (!canInDistrict(actor, 'admission.read', district)) throw new AppError('FORBIDDEN', { permission: 'admission.read' });
  if (actor.orgKind === 'vocational_school') return { schoolId: actor.organizationId };
  if (actor.orgKind === 'junior_high') return { juniorHighId: actor.organizationId };
  throw new AppError('FORBIDDEN', { permission: 'admission.read' });
}

/** An admission as the policy sees it. */
export type AdmissionRef = { schoolId: number; juniorHighId: number | null; district: OrgRef };

export function canReadAdmission(actor: Actor, a: AdmissionRef): boolean {
  if (canBureau(actor, 'admission.read', a.district)) return true;
  if (!canInDistrict(actor, 'admission.read', a.district)) return false;
  return actor.organizationId === a.schoolId || (a.juniorHighId !== null && actor.organizationId === a.juniorHighId);
}

/** The enrolling school (its own admitted student) asks to return; it may also admit by registration into its own programme. */
export function canActAsSchool(actor: Actor, permission: Extract<Permission, 'admission.return' | 'admission.register'>, schoolId: number, district: OrgRef): boolean {
  return actor.orgKind === 'vocational_school' && actor.organizationId === schoolId && canInDistrict(actor, permission, district);
}

export function authorizeAsSchool(actor: Actor, permission: Extract<Permission, 'admission.return' | 'admission.register'>, schoolId: number, district: OrgRef): void {
  if (!canActAsSchool(actor, permission, schoolId, district)) throw new AppError('FORBIDDEN', { permission });
}
