/**
 * Roles, permissions and which role holds which permission: data, not code.
 * The server's policy module checks them (with the object's organisation scope);
 * the web app uses them to hide what a role cannot do; the matrix test enumerates them.
 */
export const orgKinds = ['city_bureau', 'district_bureau', 'junior_high', 'vocational_school'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** Accounts that bureaus and schools create and manage (账号管理). */
export const staffRoles = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'] as const;
export type StaffRole = (typeof staffRoles)[number];
/**
 * Family accounts: created with the roster (a student signs in with the exam registration
 * number; a guardian with the student's number and a separate confirmation code), never
 * through 账号管理. A social applicant (R5) is a `student` whose organisation is the
 * confirming school or bureau.
 */
export const familyRoles = ['student', 'guardian'] as const;
export type FamilyRole = (typeof familyRoles)[number];
export const roles = [...staffRoles, ...familyRoles] as const;
export type Role = (typeof roles)[number];
export const isFamilyRole = (r: Role): r is FamilyRole => r === 'student' || r === 'guardian';

/** Which kind of organisation a role's account belongs to. Auditors sit in a bureau. */
export const roleOrgKinds: Record<Role, readonly OrgKind[]> = {
  city_admin: ['city_bureau'],
  district_admin: ['district_bureau'],
  district_staff: ['district_bureau'],
  vocational_admin: ['vocational_school'],
  junior_high_admin: ['junior_high'],
  auditor: ['city_bureau', 'district_bureau'],
  // A grade-9 student belongs to the junior high; a social applicant to whoever confirmed them.
  student: ['junior_high', 'vocational_school', 'district_bureau'],
  guardian: ['junior_high'],
};

export const permissions = [
  'org.read',
  'org.write',
  'org.import',
  'user.read',
  'user.write',
  'campaign.read',
  'campaign.write',
  'audit.read',
  'dashboard.read',
  'clock.write',
  'qualification.write',
  'targets.read',
  'targets.write',
  'targets.publish',
  'targets.district.write',
  'major.read',
  'major.write',
  'alliance.write',
  'brochure.read',
  'brochure.edit',
  'brochure.review',
  'brochure.file',
  'visit.read',
  'visit.request',
  'visit.approve',
  'visit.gate',
  'visit.report',
  // Applications (issue 9: R5, R8, R11, R12, R21).
  'student.read',
  'student.write',
  'student.reveal',
  'application.self',
  'application.onbehalf',
  'application.read',
  'application.summary',
  'application.crosscheck',
  'pressure.read',
  'guidance.write',
  'openday.write',
  'social.confirm',
  'notification.read',
  // Early transfer (issue 10: R13, R14).
  'transfer.read',
  'transfer.seal',
  'transfer.file',
  'transfer.prep',
  'curriculum.write',
  // The admission round (issue 11: R15, R5).
  'score.write',
  'admission.read',
  'admission.run',
  'admission.publish',
  'admission.return',
  'admission.decide',
  'admission.register',
  // After admission (issue 12: R16, R17, R18).
  'enrolment.read',
  'enrolment.register',
  'enrolment.followup',
  'statistics.read',
  'statistics.submit',
  'statistics.ack',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  city_admin: ['org.read', 'org.write', 'org.import', 'user.read', 'user.write', 'campaign.read', 'campaign.write', 'audit.read', 'dashboard.read', 'clock.write', 'qualification.write', 'targets.read', 'targets.district.write', 'major.read', 'major.write', 'alliance.write', 'brochure.read', 'brochure.review', 'brochure.file', 'visit.read', 'student.read', 'application.read', 'application.summary', 'notification.read', 'transfer.read', 'admission.read', 'enrolment.read', 'statistics.read'],
  district_admin: ['org.read', 'org.write', 'org.import', 'user.read', 'user.write', 'campaign.read', 'campaign.write', 'audit.read', 'dashboard.read', 'clock.write', 'targets.read', 'targets.write', 'targets.publish', 'major.read', 'major.write', 'alliance.write', 'brochure.read', 'brochure.review', 'visit.read', 'visit.approve', 'student.read', 'student.write', 'student.reveal', 'application.read', 'application.summary', 'application.crosscheck', 'pressure.read', 'social.confirm', 'notification.read', 'transfer.read', 'transfer.file', 'curriculum.write', 'score.write', 'admission.read', 'admission.run', 'admission.publish', 'admission.decide', 'enrolment.read', 'statistics.read'],
  district_staff: ['org.read', 'user.read', 'campaign.read', 'audit.read', 'dashboard.read', 'clock.write', 'targets.read', 'targets.write', 'major.read', 'brochure.read', 'brochure.review', 'visit.read', 'visit.approve', 'student.read', 'student.write', 'application.read', 'application.summary', 'application.crosscheck', 'pressure.read', 'social.confirm', 'notification.read', 'transfer.read', 'transfer.file', 'score.write', 'admission.read', 'admission.run', 'enrolment.read', 'statistics.read'],
  vocational_admin: ['org.read', 'org.write', 'user.read', 'user.write', 'campaign.read', 'dashboard.read', 'targets.read', 'major.read', 'major.write', 'brochure.read', 'brochure.edit', 'visit.read', 'visit.request', 'application.read', 'openday.write', 'social.confirm', 'transfer.read', 'transfer.seal', 'transfer.prep', 'admission.read', 'admission.return', 'admission.register', 'enrolment.read', 'enrolment.register', 'statistics.read', 'statistics.submit'],
  junior_high_admin: ['org.read', 'org.write', 'user.read', 'user.write', 'campaign.read', 'dashboard.read', 'targets.read', 'major.read', 'visit.read', 'visit.gate', 'visit.report', 'student.read', 'student.write', 'student.reveal', 'application.onbehalf', 'application.read', 'application.summary', 'guidance.write', 'transfer.read', 'transfer.seal', 'curriculum.write', 'admission.read', 'enrolment.read', 'enrolment.followup', 'statistics.read', 'statistics.ack'],
  auditor: ['org.read', 'user.read', 'campaign.read', 'audit.read', 'dashboard.read', 'targets.read', 'major.read', 'brochure.read', 'visit.read', 'student.read', 'application.read', 'application.summary', 'transfer.read', 'admission.read', 'enrolment.read', 'statistics.read'],
  // A family sees and changes only its own application (the use cases find it by the account).
  student: ['application.self'],
  guardian: ['application.self'],
};

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  city_admin: { zh: '市教育局管理员', en: 'City bureau admin' },
  district_admin: { zh: '区教育局管理员', en: 'District bureau admin' },
  district_staff: { zh: '区教育局工作人员', en: 'District bureau staff' },
  vocational_admin: { zh: '职业学校管理员', en: 'Vocational school admin' },
  junior_high_admin: { zh: '初中学校管理员', en: 'Junior high admin' },
  auditor: { zh: '审计员（只读）', en: 'Auditor (read-only)' },
  student: { zh: '学生', en: 'Student' },
  guardian: { zh: '家长（监护人）', en: 'Guardian' },
};

export const orgKindLabels: Record<OrgKind, { zh: string; en: string }> = {
  city_bureau: { zh: '市教育局', en: 'City bureau' },
  district_bureau: { zh: '区教育局', en: 'District bureau' },
  junior_high: { zh: '初中学校', en: 'Junior high' },
  vocational_school: { zh: '中职学校', en: 'Vocational school' },
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
