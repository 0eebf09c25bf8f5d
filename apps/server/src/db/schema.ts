/**
 * The one Drizzle schema (ADR 0002). Migrations in apps/server/drizzle are generated from
 * it (`npm run db:generate`), plus hand-written SQL for what Drizzle cannot express
 * (the audit table's append-only guards).
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable(
  'organizations',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** city_bureau | district_bureau | junior_high | vocational_school */
    kind: text('kind').notNull(),
    /** The bureau above: district → city; junior high → district; vocational → district or city (who runs it). */
    parentId: integer('parent_id').references((): any => organizations.id),
    /** Where a school stands (the district whose junior highs it recruits from); null for bureaus. */
    districtId: integer('district_id').references((): any => organizations.id),
    /** The city bureau above (null for a city bureau itself): scopes city-level users. */
    cityId: integer('city_id').references((): any => organizations.id),
    /** Vocational schools: district | city (R3, R4). */
    runBy: text('run_by'),
    /** Vocational schools: public | private. */
    ownership: text('ownership'),
    address: text('address').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_code_key').on(t.code),
    index('organizations_kind_idx').on(t.kind, t.name),
    index('organizations_district_idx').on(t.districtId),
    index('organizations_parent_idx').on(t.parentId),
    index('organizations_city_idx').on(t.cityId),
  ],
);

export const campuses = pgTable(
  'campuses',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('campuses_org_idx').on(t.organizationId)],
);

/** R4: the provincial list of schools qualified to enroll, per year. */
export const qualifications = pgTable(
  'qualifications',
  {
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    year: integer('year').notNull(),
    qualified: boolean('qualified').notNull(),
    note: text('note').notNull().default(''),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.year] })],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    lastLoginAt: tstz('last_login_at'),
    passwordChangedAt: tstz('password_changed_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_org_idx').on(t.organizationId)],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256 (ADR 0003). */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: tstz('created_at').notNull(),
    lastSeenAt: tstz('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

export const campaigns = pgTable(
  'campaigns',
  {
    id: serial('id').primaryKey(),
    districtId: integer('district_id').notNull().references(() => organizations.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    settings: jsonb('settings').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaigns_district_year_key').on(t.districtId, t.year)],
);

/** Append-only, hash-chained (ADR 0006). UPDATE, DELETE and TRUNCATE are refused by triggers. */
export const audit = pgTable(
  'audit',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorUsername: text('actor_username'),
    organizationId: integer('organization_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    changes: jsonb('changes').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_action_idx').on(t.action, t.seq),
    index('audit_object_idx').on(t.objectType, t.objectId),
    index('audit_org_idx').on(t.organizationId, t.seq),
  ],
);

/** The chain's head, moved only by the insert trigger: catches removal of the newest rows. */
export const auditHead = pgTable(
  'audit_head',
  {
    id: integer('id').primaryKey().default(1),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_head_single_row', sql`${t.id} = 1`)],
);

/**
 * Events of the busiest family actions (an application saved or confirmed), written in their own
 * transaction without the chain head's lock and chained into `audit` in order within a second by
 * whichever server holds the chainer's advisory lock (ADR 0006, amended for issue 9).
 */
export const auditQueue = pgTable('audit_queue', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: tstz('at').notNull(),
  actorUserId: integer('actor_user_id'),
  actorUsername: text('actor_username'),
  organizationId: integer('organization_id'),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  changes: jsonb('changes').notNull(),
  requestId: text('request_id'),
  ip: text('ip'),
}, (t) => [index('audit_queue_object_idx').on(t.objectType, t.objectId)]);

/** Small shared key/value settings (demo flag, demo clock, signing keys later). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** R1: every change of a district's targets by the city, with its reason. */
export const districtTargetChanges = pgTable(
  'district_target_changes',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    nDistrict: integer('n_district').notNull(),
    nTotal: integer('n_total').notNull(),
    reason: text('reason').notNull(),
    changedBy: integer('changed_by').references(() => users.id),
    changedAt: tstz('changed_at').notNull().defaultNow(),
  },
  (t) => [index('district_target_changes_campaign_idx').on(t.campaignId, t.id)],
);

/** 应届毕业生数 per junior high and campaign. */
export const graduates = pgTable(
  'graduates',
  {
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    count: integer('count').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organizationId] })],
);

/** A version of the R2 split: at most one draft and one published per campaign (partial unique indexes). */
export const targetVersions = pgTable(
  'target_versions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    number: integer('number').notNull(),
    /** draft | published | superseded | discarded */
    status: text('status').notNull(),
    /** hamilton | webster */
    method: text('method').notNull(),
    nTotal: integer('n_total').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: tstz('published_at'),
  },
  (t) => [
    uniqueIndex('target_versions_campaign_number_key').on(t.campaignId, t.number),
    uniqueIndex('target_versions_one_draft').on(t.campaignId).where(sql`${t.status} = 'draft'`),
    uniqueIndex('target_versions_one_published').on(t.campaignId).where(sql`${t.status} = 'published'`),
  ],
);

/** One junior high's row in a version. */
export const targetRows = pgTable(
  'target_rows',
  {
    versionId: integer('version_id').notNull().references(() => targetVersions.id),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    graduates: integer('graduates').notNull(),
    target: integer('target').notNull(),
    min: integer('min'),
    max: integer('max'),
    /** 备注: the latest adjustment's reason, or a clerk's note. */
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.organizationId] }), index('target_rows_org_idx').on(t.organizationId)],
);

/** Every adjustment made to a draft, with its reason (R2: adjustments keep a reason and an author). */
export const targetAdjustments = pgTable(
  'target_adjustments',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull().references(() => targetVersions.id),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    /** rebalance | change_total */
    mode: text('mode').notNull(),
    oldTarget: integer('old_target').notNull(),
    newTarget: integer('new_target').notNull(),
    oldTotal: integer('old_total').notNull(),
    newTotal: integer('new_total').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('target_adjustments_version_idx').on(t.versionId, t.id)],
);

/** 专业: a school's major, taught on one campus (R3: the category decides the campus of a joint enrollment). */
export const majors = pgTable(
  'majors',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** art | general */
    category: text('category').notNull(),
    lengthYears: integer('length_years').notNull(),
    internship: text('internship').notNull(),
    /** [{ name, amount, unit }] */
    fees: jsonb('fees').notNull(),
    aidPolicy: text('aid_policy').notNull().default(''),
    active: boolean('active').notNull().default(true),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('majors_org_code_key').on(t.organizationId, t.code), index('majors_campus_idx').on(t.campusId)],
);

/** 招生计划: planned seats of a major in a campaign. */
export const plannedSeats = pgTable(
  'planned_seats',
  {
    /** A programme (招生专业计划): planned seats of a school's major on its campus; applications choose it by this id. */
    id: serial('id').notNull(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    majorId: integer('major_id').notNull().references(() => majors.id),
    seats: integer('seats').notNull(),
    /** R13: of these seats, how many may go to early-transfer students (0: none). */
    earlyTransferCap: integer('early_transfer_cap').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.majorId] }), uniqueIndex('planned_seats_id_key').on(t.id)],
);

/** R3: a joint enrollment — a named alliance of schools with a campus per major category. */
export const alliances = pgTable('alliances', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  districtId: integer('district_id').notNull().references(() => organizations.id),
  countsTowardNDistrict: boolean('counts_toward_n_district').notNull().default(true),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const allianceMembers = pgTable(
  'alliance_members',
  {
    allianceId: integer('alliance_id').notNull().references(() => alliances.id),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.organizationId] }), uniqueIndex('alliance_members_org_key').on(t.organizationId)],
);

export const allianceRules = pgTable(
  'alliance_rules',
  {
    allianceId: integer('alliance_id').notNull().references(() => alliances.id),
    /** art | general */
    category: text('category').notNull(),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.category] })],
);

/** 招生简章: one row per version; a filed version is frozen (R6, R7). */
export const brochures = pgTable(
  'brochures',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    version: integer('version').notNull(),
    /** draft | submitted | returned | approved | filed | withdrawn | superseded */
    status: text('status').notNull(),
    /** district_bureau | city_bureau (R7) */
    reviewerKind: text('reviewer_kind').notNull(),
    facts: jsonb('facts').notNull(),
    sections: jsonb('sections').notNull(),
    comments: jsonb('comments').notNull().default([]),
    filingNumber: text('filing_number'),
    filingSeq: integer('filing_seq'),
    verifyCode: text('verify_code'),
    submittedAt: tstz('submitted_at'),
    reviewedAt: tstz('reviewed_at'),
    filedAt: tstz('filed_at'),
    withdrawnAt: tstz('withdrawn_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('brochures_school_campaign_version_key').on(t.organizationId, t.campaignId, t.version),
    index('brochures_campaign_status_idx').on(t.campaignId, t.status),
    uniqueIndex('brochures_filing_number_key').on(t.filingNumber),
    uniqueIndex('brochures_verify_code_key').on(t.verifyCode),
  ],
);

/** The history a brochure's page shows (the audit log keeps the same, chained). */
export const brochureEvents = pgTable(
  'brochure_events',
  {
    id: serial('id').primaryKey(),
    brochureId: integer('brochure_id').notNull().references(() => brochures.id),
    action: text('action').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    organizationId: integer('organization_id').references(() => organizations.id),
    comment: text('comment').notNull().default(''),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('brochure_events_brochure_idx').on(t.brochureId, t.id)],
);

/** Ed25519 keys of the bureaus that sign filings and permits; public halves are published. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  publicKey: text('public_key').notNull(),
  /** PKCS#8 PEM; encrypted with ZHIZHAO_KEY_SECRET when it is set (see ADR). */
  privateKey: text('private_key').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  retiredAt: tstz('retired_at'),
});

/** R10: lesson time a junior high protects from visits (by weekday or on a date). */
export const protectedPeriods = pgTable(
  'protected_periods',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    weekday: integer('weekday'),
    date: text('date'),
    start: text('start').notNull(),
    end: text('end').notNull(),
    label: text('label').notNull().default(''),
  },
  (t) => [index('protected_periods_org_idx').on(t.organizationId)],
);

/** 进校宣传: a school's visit to a junior high, its approval and its sealed permit (R9, R10, R19). */
export const visits = pgTable(
  'visits',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    juniorHighId: integer('junior_high_id').notNull().references(() => organizations.id),
    /** Local calendar date and clock times of the campaign's time zone. */
    date: text('date').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    /** [{ name, phone }] */
    staff: jsonb('staff').notNull(),
    brochureId: integer('brochure_id').notNull().references(() => brochures.id),
    /** requested | proposed | approved | refused | revoked | cancelled */
    status: text('status').notNull(),
    /** The junior high's alternative slot: { date, start, end, note } */
    proposedSlot: jsonb('proposed_slot'),
    refusalReason: text('refusal_reason'),
    permitSerial: text('permit_serial'),
    permitCode: text('permit_code'),
    /** The names the permit was issued under ({ school, juniorHigh, issuer }): what its PDF and its verification show, whatever the organisations are called later. */
    permitFacts: jsonb('permit_facts'),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: tstz('approved_at'),
    revokedAt: tstz('revoked_at'),
    revokeReason: text('revoke_reason'),
    checkedInAt: tstz('checked_in_at'),
    checkedOutAt: tstz('checked_out_at'),
    actualMinutes: integer('actual_minutes'),
    overrun: boolean('overrun').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('visits_campaign_date_idx').on(t.campaignId, t.date),
    index('visits_junior_high_date_idx').on(t.juniorHighId, t.date),
    index('visits_school_idx').on(t.schoolId),
    // A serial is unique within its campaign (each district numbers its own permits).
    uniqueIndex('visits_campaign_permit_serial_key').on(t.campaignId, t.permitSerial),
    uniqueIndex('visits_permit_code_key').on(t.permitCode),
  ],
);

/** R19: a junior high's report of unauthorised recruiting (no permit, intermediary, money). */
export const visitReports = pgTable(
  'visit_reports',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    juniorHighId: integer('junior_high_id').notNull().references(() => organizations.id),
    /** no_permit | intermediary | payment | other */
    kind: text('kind').notNull(),
    schoolId: integer('school_id').references(() => organizations.id),
    schoolText: text('school_text').notNull().default(''),
    occurredAt: tstz('occurred_at').notNull(),
    description: text('description').notNull(),
    permitCode: text('permit_code'),
    /** open | acknowledged | closed */
    status: text('status').notNull().default('open'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: tstz('acknowledged_at'),
  },
  (t) => [index('visit_reports_campaign_status_idx').on(t.campaignId, t.status)],
);

/**
 * A student of a campaign's roster (学生名册), or a confirmed social applicant (R5). ID numbers
 * and phones are stored encrypted (AES-256-GCM, ZHIZHAO_PII_KEY) with a keyed hash for look-ups
 * and duplicate checks, and their masked form for lists (ADR 0106). Never deleted: a move
 * between junior highs is a transfer with history.
 */
export const students = pgTable(
  'students',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    /** grade9 (a junior high's roster) | social (R5, confirmed in person) */
    kind: text('kind').notNull().default('grade9'),
    /** The junior high whose roster holds the student now (null for a social applicant). */
    juniorHighId: integer('junior_high_id').references(() => organizations.id),
    name: text('name').notNull(),
    /** male | female */
    gender: text('gender').notNull(),
    idType: text('id_type').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    /** 中考报名号 (a social applicant's registration number): unique in the campaign, the student's sign-in name. */
    examNo: text('exam_no').notNull(),
    className: text('class_name').notNull().default(''),
    /** current (应届) | past (往届) */
    cohort: text('cohort').notNull().default('current'),
    /** 户籍所在区 */
    hukouDistrict: text('hukou_district').notNull().default(''),
    guardianName: text('guardian_name').notNull().default(''),
    guardianRelation: text('guardian_relation').notNull().default(''),
    phoneCipher: text('phone_cipher').notNull().default(''),
    phoneHash: text('phone_hash').notNull().default(''),
    phoneMasked: text('phone_masked').notNull().default(''),
    /** R5: a social applicant's category and education. */
    socialCategory: text('social_category'),
    education: text('education'),
    /** The student's and the guardian's accounts (users with role student / guardian). */
    userId: integer('user_id').references(() => users.id),
    guardianUserId: integer('guardian_user_id').references(() => users.id),
    /** The slip's initial password and the guardian's code, encrypted, until they are used (reprintable slips). */
    initialPasswordCipher: text('initial_password_cipher'),
    guardianCodeCipher: text('guardian_code_cipher'),
    slipsIssuedAt: tstz('slips_issued_at'),
    /** A junior high confirms that the student finished the compulsory curriculum (R13, the early-transfer work). */
    curriculumCompletedOn: text('curriculum_completed_on'),
    curriculumConfirmedBy: integer('curriculum_confirmed_by').references(() => users.id),
    curriculumConfirmedAt: tstz('curriculum_confirmed_at'),
    active: boolean('active').notNull().default(true),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('students_campaign_exam_no_key').on(t.campaignId, t.examNo),
    uniqueIndex('students_campaign_id_hash_key').on(t.campaignId, t.idHash),
    index('students_junior_high_class_idx').on(t.juniorHighId, t.className, t.examNo),
    index('students_campaign_kind_idx').on(t.campaignId, t.kind),
    uniqueIndex('students_user_key').on(t.userId),
    uniqueIndex('students_guardian_user_key').on(t.guardianUserId),
  ],
);

/** A move between junior highs (转学): history, never a delete. */
export const studentTransfers = pgTable(
  'student_transfers',
  {
    id: serial('id').primaryKey(),
    studentId: integer('student_id').notNull().references(() => students.id),
    fromJuniorHighId: integer('from_junior_high_id').notNull().references(() => organizations.id),
    toJuniorHighId: integer('to_junior_high_id').notNull().references(() => organizations.id),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('student_transfers_student_idx').on(t.studentId, t.id)],
);

/**
 * 志愿: one per student and campaign. `version` grows with every saved change; each
 * confirmation names the version it confirms (the domain's applicationStatus). The history of
 * versions (who entered what, when) is the audit log's `application.*` events.
 */
export const applications = pgTable(
  'applications',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    /** vocational | general | null (undecided) */
    track: text('track'),
    acceptAdjustment: boolean('accept_adjustment').notNull().default(false),
    version: integer('version').notNull().default(0),
    /** student | guardian | staff: who entered the current version */
    enteredBy: text('entered_by'),
    enteredByUserId: integer('entered_by_user_id').references(() => users.id),
    enteredAt: tstz('entered_at'),
    studentConfirmedVersion: integer('student_confirmed_version'),
    studentConfirmedAt: tstz('student_confirmed_at'),
    guardianConfirmedVersion: integer('guardian_confirmed_version'),
    guardianConfirmedAt: tstz('guardian_confirmed_at'),
    /** Denormalised for the live picture: undecided | draft | awaiting_student | awaiting_guardian | confirmed */
    status: text('status').notNull().default('undecided'),
    /** Versions entered by staff, and changes the family made after a staff entry (R21 signals). */
    staffEntries: integer('staff_entries').notNull().default(0),
    changesAfterStaff: integer('changes_after_staff').notNull().default(0),
    /** The signed code of the last confirmed version's 志愿表 (kind `application`). */
    verifyCode: text('verify_code'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_student_key').on(t.studentId),
    index('applications_campaign_status_idx').on(t.campaignId, t.status, t.track),
  ],
);

/** The ranked vocational choices of an application's current version. */
export const applicationChoices = pgTable(
  'application_choices',
  {
    applicationId: integer('application_id').notNull().references(() => applications.id),
    rank: integer('rank').notNull(),
    /** planned_seats.id */
    programmeId: integer('programme_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.rank] }), index('application_choices_programme_idx').on(t.programmeId, t.applicationId)],
);

/** A list of general-high applicants from the exam office, imported for the cross-check (查重, R11). */
export const generalListImports = pgTable('general_list_imports', {
  id: serial('id').primaryKey(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  rows: integer('rows').notNull(),
  matched: integer('matched').notNull(),
  fileHash: text('file_hash').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** A student found on both tracks (普职不兼报, R11), and how the family resolved it. */
export const trackConflicts = pgTable(
  'track_conflicts',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    importId: integer('import_id').notNull().references(() => generalListImports.id),
    /** exam_no | id_number: what matched */
    matchedBy: text('matched_by').notNull(),
    /** null (open) | keep_vocational | keep_general */
    resolution: text('resolution'),
    note: text('note').notNull().default(''),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: tstz('resolved_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('track_conflicts_open_key').on(t.studentId).where(sql`${t.resolution} is null`), index('track_conflicts_campaign_idx').on(t.campaignId, t.id)],
);

/**
 * "I am being pressured" (R11 自愿, R21 砍尾巴): from the student's or guardian's page straight to
 * the district bureau, never the junior high; who reported is visible to the bureau only.
 */
export const pressureReports = pgTable(
  'pressure_reports',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    /** The junior high at the time of the report (for the bureau's per-school figures). */
    juniorHighId: integer('junior_high_id').references(() => organizations.id),
    /** student | guardian */
    reporter: text('reporter').notNull(),
    /** pressure_choice | kept_from_exam | other */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** open | acknowledged */
    status: text('status').notNull().default('open'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: tstz('acknowledged_at'),
  },
  (t) => [index('pressure_reports_campaign_idx').on(t.campaignId, t.status), index('pressure_reports_jh_idx').on(t.juniorHighId)],
);

/** R8: guidance a junior high gives its graduates and their parents. */
export const guidanceSessions = pgTable(
  'guidance_sessions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    juniorHighId: integer('junior_high_id').notNull().references(() => organizations.id),
    date: text('date').notNull(),
    /** class_meeting | parents_meeting | lecture | other */
    kind: text('kind').notNull(),
    /** students | parents | both */
    audience: text('audience').notNull(),
    attendees: integer('attendees').notNull(),
    /** The vocational schools that took part: [organization id] */
    schoolIds: jsonb('school_ids').notNull().default([]),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('guidance_sessions_campaign_jh_idx').on(t.campaignId, t.juniorHighId)],
);

/** R8: a vocational school's open day (开放日), shown beside the brochures on the public list. */
export const openDays = pgTable(
  'open_days',
  {
    id: serial('id').primaryKey(),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    date: text('date').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('open_days_date_idx').on(t.date), index('open_days_org_idx').on(t.organizationId)],
);

/** R5: a social applicant's registration from the public page, until confirmed in person. */
export const socialRegistrations = pgTable(
  'social_registrations',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    /** Shown to the applicant to bring along when confirming in person. */
    trackingNo: text('tracking_no').notNull(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    idType: text('id_type').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    category: text('category').notNull(),
    education: text('education').notNull(),
    phoneCipher: text('phone_cipher').notNull(),
    phoneHash: text('phone_hash').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    /** pending | confirmed | rejected */
    status: text('status').notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedByOrgId: integer('decided_by_org_id').references(() => organizations.id),
    decidedAt: tstz('decided_at'),
    rejectReason: text('reject_reason'),
    studentId: integer('student_id').references(() => students.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('social_registrations_tracking_key').on(t.trackingNo), index('social_registrations_campaign_idx').on(t.campaignId, t.status), index('social_registrations_id_hash_idx').on(t.campaignId, t.idHash)],
);

/**
 * Messages to families through one channel (notifications/): the built-in provider is this
 * outbox, which the bureau reads; an SMS provider would mark rows sent.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').references(() => students.id),
    /** student | guardian */
    recipient: text('recipient').notNull(),
    /** slip_issued | choice_confirmed | deadline_near | password_reset | social_confirmed */
    template: text('template').notNull(),
    /** The masked phone it would go to (never the whole number). */
    to: text('to').notNull().default(''),
    body: text('body').notNull(),
    /** outbox */
    provider: text('provider').notNull().default('outbox'),
    /** queued | sent | failed */
    status: text('status').notNull().default('queued'),
    /** One message per key (e.g. a deadline reminder per student and day). */
    dedupeKey: text('dedupe_key'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_campaign_idx').on(t.campaignId, t.id), uniqueIndex('notifications_dedupe_key').on(t.dedupeKey)],
);

/**
 * Early transfer (提前到中职学习, R13, R14): one row per request; the plan's Annex 4 form is its
 * `content` (the canonical JSON both seals sign, refreshed and re-versioned by a change, which
 * voids the seals). A seal is `{ organizationId, kid, signature, sealedAt, sealedBy }`: the
 * organisation's Ed25519 signature over the content. Never deleted: refused, withdrawn and
 * returned are final states, and a new request is a new row.
 */
export const earlyTransfers = pgTable(
  'early_transfers',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    /** The source school: the junior high whose roster held the student when asking. */
    juniorHighId: integer('junior_high_id').notNull().references(() => organizations.id),
    /** The enrolling vocational school (the programme's). */
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    /** planned_seats.id */
    programmeId: integer('programme_id').notNull(),
    /** domain transferStatuses */
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    /** student | guardian */
    requestedBy: text('requested_by').notNull(),
    requestedOn: text('requested_on').notNull(),
    studentConfirmedVersion: integer('student_confirmed_version'),
    guardianConfirmedVersion: integer('guardian_confirmed_version'),
    content: jsonb('content').notNull(),
    sourceSeal: jsonb('source_seal'),
    schoolSeal: jsonb('school_seal'),
    /** The signed code of the form's QR (kind `transfer-form`), renewed by each seal. */
    formCode: text('form_code'),
    listId: integer('list_id'),
    filedOn: text('filed_on'),
    /** The reason of a refusal, withdrawal or return, and the party that gave it. */
    reason: text('reason'),
    decidedBy: text('decided_by'),
    /** R14: the academic exam (学业水平考试) per subject, entered or imported. */
    examResult: jsonb('exam_result'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('early_transfers_campaign_status_idx').on(t.campaignId, t.status),
    index('early_transfers_student_idx').on(t.studentId, t.id),
    index('early_transfers_junior_high_idx').on(t.juniorHighId, t.status),
    index('early_transfers_school_idx').on(t.schoolId, t.status),
    index('early_transfers_programme_idx').on(t.programmeId, t.status),
    index('early_transfers_list_idx').on(t.listId),
    uniqueIndex('early_transfers_one_active_key').on(t.studentId).where(sql`status not in ('refused', 'withdrawn', 'returned')`),
  ],
);

/** 汇总名单: the sealed forms of one pair (junior high, vocational school), sealed by both and filed by the district bureau (R14). */
export const earlyTransferLists = pgTable(
  'early_transfer_lists',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    juniorHighId: integer('junior_high_id').notNull().references(() => organizations.id),
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    /** open | sealed | filed | withdrawn */
    status: text('status').notNull().default('open'),
    /** The canonical JSON the seals sign: the pair and its students. */
    content: jsonb('content').notNull(),
    sourceSeal: jsonb('source_seal'),
    schoolSeal: jsonb('school_seal'),
    /** The district bureau's filing: its signature over the content and the filing number. */
    filingSeal: jsonb('filing_seal'),
    code: text('code'),
    filingNumber: text('filing_number'),
    filingSeq: integer('filing_seq'),
    filedOn: text('filed_on'),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('early_transfer_lists_campaign_idx').on(t.campaignId, t.status),
    // Each district numbers its own lists (the pattern may be the same in two districts).
    uniqueIndex('early_transfer_lists_filing_number_key').on(t.campaignId, t.filingNumber),
    uniqueIndex('early_transfer_lists_one_open_key').on(t.campaignId, t.juniorHighId, t.schoolId).where(sql`status in ('open', 'sealed')`),
  ],
);

/** R14: how the enrolling school prepares the early-transfer students of one junior high for the academic exam. */
export const examPrepPlans = pgTable(
  'exam_prep_plans',
  {
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    juniorHighId: integer('junior_high_id').notNull().references(() => organizations.id),
    /** school_courses | tiered_at_junior_high */
    mode: text('mode').notNull(),
    courses: jsonb('courses').notNull(),
    notes: text('notes').notNull().default(''),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.schoolId, t.juniorHighId] })],
);

/**
 * Failed sign-ins per client address (issue 14 §3): counted before the password is checked,
 * refunded by a success, reset when the window has passed. Shared by every server instance.
 */
export const loginThrottle = pgTable('login_throttle', {
  ip: text('ip').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: tstz('window_start').notNull(),
});

/** Requests per client address and bucket in the current minute on anonymous routes (http/rate-limit.ts), shared by every server. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    windowStart: tstz('window_start').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key] }), index('rate_limits_window_idx').on(t.windowStart)],
);

/**
 * Background jobs (admission runs, publishing, letter bundles): state in the database so that
 * any server may pick a job up and a restarted server finishes what another began. A worker
 * claims a job with `for update skip locked` and a lease it renews while it works; a job whose
 * lease expired (its server died) is claimed again and starts over (handlers are idempotent).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    phase: text('phase').notNull().default(''),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    owner: text('owner'),
    leaseUntil: tstz('lease_until'),
    error: text('error'),
    /** What the job made, e.g. a file (base64) and its name, read by whoever may read the job. */
    result: jsonb('result'),
    /** The organisation whose users may read the job (its creator's), and the creator. */
    organizationId: integer('organization_id').references(() => organizations.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.id)],
);

/** 中考成绩: a version of the exam office's scores for a campaign; once locked, frozen (its content hash is audited). */
export const scoreSets = pgTable(
  'score_sets',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    version: integer('version').notNull(),
    /** draft | locked */
    status: text('status').notNull().default('draft'),
    rows: integer('rows').notNull(),
    contentHash: text('content_hash').notNull(),
    subjects: jsonb('subjects').notNull(),
    tiebreakNames: jsonb('tiebreak_names').notNull(),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lockedAt: tstz('locked_at'),
  },
  (t) => [uniqueIndex('score_sets_campaign_version_key').on(t.campaignId, t.version)],
);

export const examScores = pgTable(
  'exam_scores',
  {
    scoreSetId: integer('score_set_id').notNull().references(() => scoreSets.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    total: doublePrecision('total').notNull(),
    /** { subject: score } */
    subjects: jsonb('subjects').notNull(),
    /** The tie-break subjects' scores in the set's order. */
    tiebreaks: jsonb('tiebreaks').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scoreSetId, t.studentId] }), index('exam_scores_student_idx').on(t.studentId)],
);

/** 批次: the campaign's admission batches in order (提前批, 统招批, 征集志愿 …). */
export const admissionBatches = pgTable(
  'admission_batches',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    /** exam | solicitation */
    kind: text('kind').notNull(),
    /** planned_seats ids; null = every programme with seats left */
    programmeIds: jsonb('programme_ids'),
    minScore: doublePrecision('min_score'),
    /** [{ programmeId, minScore }] */
    programmeLines: jsonb('programme_lines').notNull().default([]),
    publishOn: text('publish_on'),
    returnUntil: text('return_until'),
    solicitFrom: text('solicit_from'),
    solicitTo: text('solicit_to'),
    publishedRunId: integer('published_run_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('admission_batches_campaign_seq_key').on(t.campaignId, t.seq)],
);

/**
 * A run of a batch: its inputs (the scores version, the lines, the seats and choices as they
 * were: admission_run_programmes and admission_run_applicants), their hash, and the results.
 * ready = a dry run; published = the batch's result.
 */
export const admissionRuns = pgTable(
  'admission_runs',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    batchId: integer('batch_id').notNull().references(() => admissionBatches.id),
    /** queued | running | ready | publishing | published | failed | discarded */
    status: text('status').notNull().default('queued'),
    jobId: integer('job_id').references(() => jobs.id),
    scoreSetId: integer('score_set_id').references(() => scoreSets.id),
    minScore: doublePrecision('min_score'),
    programmeLines: jsonb('programme_lines').notNull().default([]),
    lotterySeed: text('lottery_seed').notNull(),
    tiebreakNames: jsonb('tiebreak_names').notNull().default([]),
    inputsHash: text('inputs_hash'),
    resultsHash: text('results_hash'),
    /** { admittedBefore, noChoiceInBatch, noScore } */
    skipped: jsonb('skipped').notNull().default({}),
    applicants: integer('applicants').notNull().default(0),
    admitted: integer('admitted').notNull().default(0),
    error: text('error'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    publishedAt: tstz('published_at'),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (t) => [index('admission_runs_batch_idx').on(t.batchId, t.id), index('admission_runs_campaign_idx').on(t.campaignId, t.id)],
);

export const admissionRunProgrammes = pgTable(
  'admission_run_programmes',
  {
    runId: integer('run_id').notNull().references(() => admissionRuns.id),
    programmeId: integer('programme_id').notNull(),
    schoolId: integer('school_id').notNull(),
    capacity: integer('capacity').notNull(),
    minScore: doublePrecision('min_score'),
    applicants: integer('applicants').notNull(),
    firstChoice: integer('first_choice').notNull(),
    admittedMain: integer('admitted_main').notNull(),
    admittedAdjustment: integer('admitted_adjustment').notNull(),
    /** The last admitted of the main round: position in the common ranking (1 = best) and key. */
    lastRank: integer('last_rank'),
    lastKey: jsonb('last_key'),
    cutoffScore: doublePrecision('cutoff_score'),
    cutoffKey: text('cutoff_key').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.runId, t.programmeId] })],
);

/** One row per applicant of a run, in the engine's input order (`ord`): its inputs and its placement. */
export const admissionRunApplicants = pgTable(
  'admission_run_applicants',
  {
    runId: integer('run_id').notNull().references(() => admissionRuns.id),
    ord: integer('ord').notNull(),
    studentId: integer('student_id').notNull(),
    examNo: text('exam_no').notNull(),
    juniorHighId: integer('junior_high_id'),
    score: doublePrecision('score').notNull(),
    tiebreaks: jsonb('tiebreaks').notNull(),
    lottery: bigint('lottery', { mode: 'number' }).notNull(),
    choices: jsonb('choices').notNull(),
    acceptAdjustment: boolean('accept_adjustment').notNull(),
    programmeId: integer('programme_id'),
    /** 1.. the choice that admitted; 0 adjustment; null unplaced */
    choiceRank: integer('choice_rank'),
    /** Position in the batch's common ranking (1 = best). */
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.ord] }), index('admission_run_applicants_student_idx').on(t.studentId, t.runId), index('admission_run_applicants_programme_idx').on(t.runId, t.programmeId)],
);

/**
 * 录取: a student's admission into a programme, from a published batch or by registration (注册入学, R5).
 * At most one in force per student. The letter's content is fixed at issue (the facts as signed)
 * with the enrolling school's seal; its code is signed by the district bureau.
 */
export const admissions = pgTable(
  'admissions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    /** batch | registration */
    kind: text('kind').notNull(),
    batchId: integer('batch_id').references(() => admissionBatches.id),
    runId: integer('run_id').references(() => admissionRuns.id),
    programmeId: integer('programme_id').notNull(),
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    choiceRank: integer('choice_rank'),
    /** admitted | returned */
    status: text('status').notNull().default('admitted'),
    letterContent: jsonb('letter_content'),
    schoolSeal: jsonb('school_seal'),
    letterCode: text('letter_code'),
    returnedAt: tstz('returned_at'),
    returnReason: text('return_reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('admissions_student_active_key').on(t.studentId).where(sql`status = 'admitted'`),
    index('admissions_campaign_programme_idx').on(t.campaignId, t.programmeId, t.status),
    index('admissions_campaign_school_idx').on(t.campaignId, t.schoolId, t.id),
    // A family's admissions (any status), and a run's admissions by student.
    index('admissions_student_idx').on(t.studentId, t.id),
    index('admissions_run_student_idx').on(t.runId, t.studentId),
  ],
);

/** 退档: a school's request to return an admitted student, for a listed reason, decided by the district bureau. */
export const admissionReturns = pgTable(
  'admission_returns',
  {
    id: serial('id').primaryKey(),
    admissionId: integer('admission_id').notNull().references(() => admissions.id),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    /** requested | approved | rejected */
    status: text('status').notNull().default('requested'),
    requestedBy: integer('requested_by').references(() => users.id),
    requestedAt: tstz('requested_at').notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('admission_returns_admission_idx').on(t.admissionId), uniqueIndex('admission_returns_pending_key').on(t.admissionId).where(sql`status = 'requested'`)],
);

/** 征集志愿: the new ranked choices of an unplaced applicant for a solicitation batch. */
export const solicitationChoices = pgTable(
  'solicitation_choices',
  {
    batchId: integer('batch_id').notNull().references(() => admissionBatches.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    choices: jsonb('choices').notNull(),
    acceptAdjustment: boolean('accept_adjustment').notNull().default(false),
    enteredBy: integer('entered_by').references(() => users.id),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.studentId] })],
);

// ------------------------------------------------------------------ after admission (issue 12: R16, R17, R18)

/**
 * 报到 and 未报到: one row in force per student of a school's intake (an admission in force or a
 * filed early transfer). `registered` records the day and campus; `no_show` the reason given by the
 * school or the source junior high. A no-show withdrawn (the student came after all) is kept as
 * `withdrawn`. R17's care (class, homeroom teacher, aid, hardship) sits on the registered row.
 * A student not registered by the deadline has no row: the deadline makes the no-show (domain intakeState).
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    /** admission | early_transfer */
    source: text('source').notNull(),
    admissionId: integer('admission_id').references(() => admissions.id),
    earlyTransferId: integer('early_transfer_id').references(() => earlyTransfers.id),
    /** registered | no_show | withdrawn */
    status: text('status').notNull(),
    registeredOn: text('registered_on'),
    campusId: integer('campus_id').references(() => campuses.id),
    noShowReason: text('no_show_reason'),
    noShowNote: text('no_show_note'),
    /** The organisation that recorded it (the school, or the junior high for a no-show). */
    recordedByOrg: integer('recorded_by_org').notNull().references(() => organizations.id),
    recordedBy: integer('recorded_by').references(() => users.id),
    /** R17: { className, homeroomTeacher, tuitionFree, grant, hardship, hardshipEvidence } */
    care: jsonb('care'),
    withdrawnReason: text('withdrawn_reason'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolments_student_active_key').on(t.studentId).where(sql`status <> 'withdrawn'`),
    index('enrolments_campaign_school_idx').on(t.campaignId, t.schoolId, t.status),
    index('enrolments_campaign_day_idx').on(t.campaignId, t.registeredOn),
  ],
);

/** Contacts with a family or the other school about an admitted student (R16 "press them to register", R17). */
export const intakeContacts = pgTable(
  'intake_contacts',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    studentId: integer('student_id').notNull().references(() => students.id),
    organizationId: integer('organization_id').notNull().references(() => organizations.id),
    /** call | visit | message | meeting */
    kind: text('kind').notNull(),
    /** family | school */
    party: text('party').notNull(),
    contactedOn: text('contacted_on').notNull(),
    result: text('result').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('intake_contacts_student_idx').on(t.studentId, t.id), index('intake_contacts_campaign_org_idx').on(t.campaignId, t.organizationId)],
);

/** 送培统计: a school's submission (R18). Its rows are frozen in sending_rows. */
export const sendingSubmissions = pgTable(
  'sending_submissions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sending_submissions_key').on(t.campaignId, t.schoolId)],
);

/** One submitted row (school × source junior high): the figures, the computed ones if corrected, and the junior high's answer. */
export const sendingRows = pgTable(
  'sending_rows',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    schoolId: integer('school_id').notNull().references(() => organizations.id),
    juniorHighId: integer('junior_high_id').notNull().references(() => organizations.id),
    admitted: integer('admitted').notNull(),
    earlyTransfer: integer('early_transfer').notNull(),
    registered: integer('registered').notNull(),
    noShow: integer('no_show').notNull(),
    pending: integer('pending').notNull(),
    noShowByReason: jsonb('no_show_by_reason').notNull(),
    /** The figures from the records when the school corrected them, and why. */
    computed: jsonb('computed'),
    correctionReason: text('correction_reason'),
    /** pending | acknowledged | disputed */
    ack: text('ack').notNull().default('pending'),
    ackNote: text('ack_note'),
    ackBy: integer('ack_by').references(() => users.id),
    ackAt: tstz('ack_at'),
    answer: text('answer'),
    answeredAt: tstz('answered_at'),
  },
  (t) => [uniqueIndex('sending_rows_key').on(t.campaignId, t.schoolId, t.juniorHighId), index('sending_rows_junior_high_idx').on(t.campaignId, t.juniorHighId)],
);

/**
 * One import at a time per user (issue 14 §5): held from the upload's arrival to the answer, on
 * whichever server takes it; a lock older than its lease (an import whose server died) is taken over.
 */
export const importLocks = pgTable('import_locks', {
  userId: integer('user_id').primaryKey().references(() => users.id),
  route: text('route').notNull(),
  startedAt: tstz('started_at').notNull().defaultNow(),
});
