/**
 * What the school and the source junior high do with the intake (issue 12: R16, R17):
 * 报到 by a letter's QR or by search (only at the enrolling school, once, inside the registration
 * dates), a no-show with its reason (the school or the junior high) and its withdrawal, the contact
 * log, and the school's care record. Each change writes its audit event in its transaction.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { errorCatalog, type careRecord, type contactBody, type contactList, type IntakeRow, type noShowBody, type registerBody, type withdrawNoShowBody } from '@zhizhao/contracts';
import { canRegister } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { canInDistrict, type Actor } from '../../auth/policy';
import { isBureau } from '../../auth/admission-policy';
import { authorizeFollowUp, authorizeSchool, canReadIntake, isEnrollingSchool, type IntakeRef } from '../../auth/enrolment-policy';
import { campaignById } from '../applications/bureau-campaign';
import { intakeOf, studentOfLetter } from './intake';

async function today(deps: AppDeps) {
  return (await deps.clock()).today;
}

/**
 * The intake row of a student the actor may read. A student who is not admitted now answers
 * ENROLMENT_NOT_ADMITTED only to those who may know it (the bureaus, the student's junior high);
 * to anyone else it is a 403, like a student of another school: an id never tells a stranger
 * whether its student is admitted.
 */
async function readable(deps: AppDeps, actor: Actor, studentId: number) {
  const db = deps.db;
  const found = await intakeOf(db, studentId, await today(deps));
  if (!found) {
    const [s] = await queryRows<{ campaign_id: number; junior_high_id: number | null }>(db, sql`select campaign_id, junior_high_id from students where id = ${studentId}`);
    const district = s ? (await campaignById(db, Number(s.campaign_id))).district : null;
    const mayKnow = district !== null && canInDistrict(actor, 'enrolment.read', district) && (isBureau(actor) || (s!.junior_high_id !== null && Number(s!.junior_high_id) === actor.organizationId));
    throw mayKnow ? new AppError('ENROLMENT_NOT_ADMITTED', { studentId }) : new AppError('FORBIDDEN', { permission: 'enrolment.read' });
  }
  if (!canReadIntake(actor, found.ref)) throw new AppError('FORBIDDEN', { permission: 'enrolment.read' });
  return found;
}

/** A letter shown at the wrong school of the same district: the rule, naming the admitting school; elsewhere a refusal like any other. */
function wrongSchool(actor: Actor, found: { row: IntakeRow; ref: IntakeRef }): AppError | null {
  if (actor.orgKind !== 'vocational_school' || found.row.schoolId === actor.organizationId) return null;
  return canInDistrict(actor, 'enrolment.register', found.ref.district) ? new AppError('ENROLMENT_WRONG_SCHOOL', { schoolName: found.row.schoolName }) : new AppError('FORBIDDEN', { permission: 'enrolment.register' });
}

/**
 * The intake row a scanned letter (its code or its QR's URL) names, for the enrolling school: a
 * letter not in force is ENROLMENT_LETTER_INVALID; one shown at another school of the district the
 * rule (ENROLMENT_WRONG_SCHOOL), not a refusal of the role.
 */
async function intakeOfLetter(deps: AppDeps, actor: Actor, letterCode: string) {
  const letter = await studentOfLetter(deps.db, letterCode);
  const found = letter?.inForce ? await intakeOf(deps.db, letter.studentId, await today(deps)) : null;
  if (!found) throw new AppError('ENROLMENT_LETTER_INVALID', {});
  const wrong = wrongSchool(actor, found);
  if (wrong) throw wrong;
  return found;
}

/** What a scanned letter names, for the clerk to confirm: the student's row (the school's own only). */
export async function lookupLetter(deps: AppDeps, actor: Actor, letterCode: string): Promise<IntakeRow> {
  const found = await intakeOfLetter(deps, actor, letterCode);
  authorizeSchool(actor, found.ref);
  return found.row;
}

export async function register(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof registerBody>): Promise<IntakeRow> {
  const actor = rctx.actor!;
  const found = body.letterCode ? await intakeOfLetter(deps, actor, body.letterCode) : await readable(deps, actor, body.studentId!);
  authorizeSchool(actor, found.ref);
  await registerOne(deps, rctx, found.row.studentId, body.campusId);
  return (await intakeOf(deps.db, found.row.studentId, await today(deps)))!.row;
}

/** Several students at once (a filed early-transfer list, a class arriving together): all or nothing, every refusal named. */
export async function registerMany(deps: AppDeps, rctx: RequestContext, body: { studentIds: number[]; campusId?: number }) {
  const actor = rctx.actor!;
  const problems: Array<{ studentId: number; code: string; message: string }> = [];
  const t = await today(deps);
  for (const id of body.studentIds) {
    const found = await readable(deps, actor, id);
    authorizeSchool(actor, found.ref);
    const check = canRegister({ source: found.row.source, registeredOn: found.row.registeredOn, noShowReason: found.row.state === 'no_show' && !found.row.noShowByDeadline ? found.row.noShowReason : null }, t, found.window);
    if (!check.ok) problems.push({ studentId: id, code: check.code, message: `${found.row.studentName}（${found.row.examNo}）：${errorCatalog[check.code].zh}` });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { students: problems });
  await deps.db.transaction(async (tx) => {
    for (const id of body.studentIds) await insertRegistration(deps, tx, rctx, id, body.campusId, t);
  });
  return { registered: body.studentIds.length };
}

async function registerOne(deps: AppDeps, rctx: RequestContext, studentId: number, campusId: number | undefined) {
  const t = await today(deps);
  await deps.db.transaction(async (tx) => insertRegistration(deps, tx, rctx, studentId, campusId, t));
}

type Tx = Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0];

async function insertRegistration(deps: AppDeps, tx: Tx, rctx: RequestContext, studentId: number, campusId: number | undefined, t: string) {
  const found = (await intakeOf(tx, studentId, t))!;
  const row = found.row;
  const check = canRegister({ source: row.source, registeredOn: row.registeredOn, noShowReason: row.state === 'no_show' && !row.noShowByDeadline ? row.noShowReason : null }, t, found.window);
  if (!check.ok) throw new AppError(check.code, { studentId, window: check.window });
  let campus = campusId;
  if (campus) {
    const [ok] = await queryRows<{ id: number }>(tx, sql`select id from campuses where id = ${campus} and organization_id = ${row.schoolId}`);
    if (!ok) throw new AppError('ENROLMENT_CAMPUS_INVALID', { campusId: campus });
  } else {
    const [p] = await queryRows<{ campus_id: number }>(tx, sql`select m.campus_id from planned_seats ps join majors m on m.id = ps.major_id where ps.id = ${row.programmeId}`);
    campus = Number(p!.campus_id);
  }
  const inserted = await queryRows<{ id: number }>(tx, sql`
    insert into enrolments (campaign_id, student_id, school_id, source, admission_id, early_transfer_id, status, registered_on, campus_id, recorded_by_org, recorded_by)
    values (${found.campaign.id}, ${studentId}, ${row.schoolId}, ${row.source}, ${row.admissionId}, ${row.earlyTransferId}, 'registered', ${t}, ${campus}, ${rctx.actor!.organizationId}, ${rctx.actor!.userId})
    on conflict (student_id) where status <> 'withdrawn' do nothing returning id`);
  // A second clerk registering the same student at the same moment.
  if (!inserted[0]) throw new AppError('ENROLMENT_ALREADY_REGISTERED', { studentId });
  await writeAudit(tx, rctx, { action: 'enrolment.register', objectType: 'student', objectId: studentId, organizationId: row.schoolId, changes: { registeredOn: t, campusId: campus, source: row.source } });
}

export async function recordNoShow(deps: AppDeps, rctx: RequestContext, studentId: number, body: z.infer<typeof noShowBody>): Promise<IntakeRow> {
  const actor = rctx.actor!;
  const t = await today(deps);
  const found = await readable(deps, actor, studentId);
  authorizeFollowUp(actor, found.ref);
  await deps.db.transaction(async (tx) => {
    const [e] = await queryRows<{ id: number; status: string; no_show_reason: string | null }>(tx, sql`select id, status, no_show_reason from enrolments where student_id = ${studentId} and status <> 'withdrawn' for update`);
    if (e?.status === 'registered') throw new AppError('ENROLMENT_ALREADY_REGISTERED', { studentId });
    if (e) {
      await tx.execute(sql`update enrolments set no_show_reason = ${body.reason}, no_show_note = ${body.note}, recorded_by_org = ${actor.organizationId}, recorded_by = ${actor.userId}, updated_at = now() where id = ${e.id}`);
    } else {
      await tx.execute(sql`
        insert into enrolments (campaign_id, student_id, school_id, source, admission_id, early_transfer_id, status, no_show_reason, no_show_note, recorded_by_org, recorded_by)
        values (${found.campaign.id}, ${studentId}, ${found.row.schoolId}, ${found.row.source}, ${found.row.admissionId}, ${found.row.earlyTransferId}, 'no_show', ${body.reason}, ${body.note}, ${actor.organizationId}, ${actor.userId})`);
    }
    await writeAudit(tx, rctx, { action: 'enrolment.no_show', objectType: 'student', objectId: studentId, organizationId: found.row.schoolId, changes: { reason: { from: e?.no_show_reason ?? null, to: body.reason }, note: body.note, on: t } });
  });
  return (await intakeOf(deps.db, studentId, t))!.row;
}

/** The student came after all (or the reason was entered by mistake): the record is kept as withdrawn. */
export async function withdrawNoShow(deps: AppDeps, rctx: RequestContext, studentId: number, body: z.infer<typeof withdrawNoShowBody>): Promise<IntakeRow> {
  const actor = rctx.actor!;
  const found = await readable(deps, actor, studentId);
  authorizeFollowUp(actor, found.ref);
  await deps.db.transaction(async (tx) => {
    const [e] = await queryRows<{ id: number; no_show_reason: string }>(tx, sql`select id, no_show_reason from enrolments where student_id = ${studentId} and status = 'no_show' for update`);
    if (!e) throw new AppError('ENROLMENT_NOT_NO_SHOW', { studentId });
    await tx.execute(sql`update enrolments set status = 'withdrawn', withdrawn_reason = ${body.reason}, updated_at = now() where id = ${e.id}`);
    await writeAudit(tx, rctx, { action: 'enrolment.no_show_withdraw', objectType: 'student', objectId: studentId, organizationId: found.row.schoolId, changes: { reason: body.reason, was: e.no_show_reason } });
  });
  return (await intakeOf(deps.db, studentId, await today(deps)))!.row;
}

export async function addContact(deps: AppDeps, rctx: RequestContext, studentId: number, body: z.infer<typeof contactBody>) {
  const actor = rctx.actor!;
  const t = await today(deps);
  const found = await readable(deps, actor, studentId);
  authorizeFollowUp(actor, found.ref);
  if (body.on > t) throw new AppError('CONTACT_DATE_INVALID', { on: body.on, today: t });
  await deps.db.transaction(async (tx) => {
    const [c] = await queryRows<{ id: number }>(tx, sql`
      insert into intake_contacts (campaign_id, student_id, organization_id, kind, party, contacted_on, result, created_by)
      values (${found.campaign.id}, ${studentId}, ${actor.organizationId}, ${body.kind}, ${body.party}, ${body.on}, ${body.result}, ${actor.userId}) returning id`);
    await writeAudit(tx, rctx, { action: 'enrolment.contact', objectType: 'student', objectId: studentId, organizationId: actor.organizationId, changes: { contactId: Number(c!.id), kind: body.kind, party: body.party, on: body.on } });
  });
  return listContacts(deps, actor, studentId);
}

export async function listContacts(deps: AppDeps, actor: Actor, studentId: number): Promise<z.infer<typeof contactList>> {
  await readable(deps, actor, studentId);
  const rows = await queryRows<{ id: number; kind: string; party: string; contacted_on: string; result: string; org: string; username: string | null; created_at: Date | string }>(deps.db, sql`
    select ic.id, ic.kind, ic.party, ic.contacted_on, ic.result, o.name as org, u.display_name as username, ic.created_at
    from intake_contacts ic join organizations o on o.id = ic.organization_id left join users u on u.id = ic.created_by
    where ic.student_id = ${studentId} order by ic.contacted_on desc, ic.id desc limit 200`);
  return {
    items: rows.map((r) => ({ id: Number(r.id), kind: r.kind as 'call', party: r.party as 'family', on: r.contacted_on, result: r.result, organizationName: r.org, createdBy: r.username ?? '', createdAt: new Date(r.created_at).toISOString() })),
  };
}

export async function saveCare(deps: AppDeps, rctx: RequestContext, studentId: number, body: z.infer<typeof careRecord>): Promise<IntakeRow> {
  const actor = rctx.actor!;
  const found = await readable(deps, actor, studentId);
  if (!isEnrollingSchool(actor, found.ref)) throw new AppError('FORBIDDEN', { permission: 'enrolment.register' });
  if (found.row.state !== 'registered') throw new AppError('ENROLMENT_NOT_REGISTERED', { studentId });
  if (body.hardship && !body.hardshipEvidence) throw new AppError('ENROLMENT_HARDSHIP_EVIDENCE', { hardshipEvidence: null });
  const care = { ...body, hardshipEvidence: body.hardship ? body.hardshipEvidence : null };
  await deps.db.transaction(async (tx) => {
    const [e] = await queryRows<{ id: number; care: unknown }>(tx, sql`select id, care from enrolments where student_id = ${studentId} and status = 'registered' for update`);
    await tx.execute(sql`update enrolments set care = ${JSON.stringify(care)}::jsonb, updated_at = now() where id = ${e!.id}`);
    await writeAudit(tx, rctx, { action: 'enrolment.care', objectType: 'student', objectId: studentId, organizationId: found.row.schoolId, changes: { from: e!.care ?? null, to: care } });
  });
  return (await intakeOf(deps.db, studentId, await today(deps)))!.row;
}
