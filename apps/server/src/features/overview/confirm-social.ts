/**
 * R5 注册入学: a vocational school or the district bureau confirms a social applicant in person.
 * The clerk re-types the document's number from the original: it must hash-equal the one
 * registered. Confirming creates the student (kind social, no junior high, no guardian — an
 * adult confirms alone), its registration number `S<year><5 digits>` (a sequence over the
 * year's campaigns, drawn under an advisory lock), and its account (username = the number lower-cased, at the
 * confirming office, an initial password that must be changed). The password is returned once
 * for the clerk to hand over, and kept encrypted for a reprint like a slip's.
 * Lock order: the registration row, then the year's numbering lock. No document number in the audit.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { checkDocumentNumber, type IdType } from '@zhizhao/domain';
import type { confirmSocialBody, confirmSocialResponse, rejectSocialBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { queryRows } from '../../db/client';
import { socialRegistrations, students, users } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { generateInitialPassword } from '../../pii/crypto';
import { idHashOf } from '../students/fields';
import { loadCampaign } from './context';
import { canConfirmSocial, loadRegistration, presentRegistration } from './social-queries';

/** Locks a pending registration the actor may decide. */
async function lockPending(tx: Tx, ctx: RequestContext, id: number) {
  const [r] = await tx.select().from(socialRegistrations).where(eq(socialRegistrations.id, id)).for('update');
  if (!r) throw new AppError('NOT_FOUND', { socialRegistrationId: id });
  const c = await loadCampaign(tx, r.campaignId);
  if (!canConfirmSocial(ctx.actor!, c)) throw new AppError('FORBIDDEN', { permission: 'social.confirm' });
  if (r.status !== 'pending') throw new AppError('SOCIAL_ALREADY_DECIDED', { status: r.status });
  return { r, c };
}

/**
 * The next registration number: `S` + year + a 5-digit sequence. The sequence runs over the
 * year's campaigns (not one campaign's): the number is also the account's username, unique
 * across districts. Drawn under an advisory lock per year, so two counters never take the same.
 */
async function nextRegistrationNo(tx: Tx, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('social_registration_no'), ${year}::int)`);
  const prefix = `S${year}`;
  const [row] = await queryRows<{ max: string | null }>(tx, sql`select max(exam_no) as max from students where kind = 'social' and exam_no ~ ${`^${prefix}[0-9]{5}$`}`);
  const seq = row?.max ? Number(row.max.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(5, '0')}`;
}

export async function confirmSocial(deps: AppDeps, ctx: RequestContext, id: number, body: z.infer<typeof confirmSocialBody>): Promise<z.infer<typeof confirmSocialResponse>> {
  const actor = ctx.actor!;
  const now = (await deps.clock()).now;
  const initialPassword = generateInitialPassword();
  const registrationNo = await deps.db.transaction(async (tx) => {
    const { r, c } = await lockPending(tx, ctx, id);
    const typed = checkDocumentNumber(r.idType as IdType, body.idNumber);
    if (!typed.ok || idHashOf(deps.pii, r.idType, typed.normalized) !== r.idHash) throw new AppError('SOCIAL_ID_MISMATCH', { socialRegistrationId: id });
    const [onRoster] = await tx.select({ id: students.id }).from(students).where(and(eq(students.campaignId, c.c.id), eq(students.idHash, r.idHash)));
    if (onRoster) throw new AppError('STUDENT_ID_TAKEN', { studentId: onRoster.id });
    const no = await nextRegistrationNo(tx, c.c.year);
    const username = no.toLowerCase();
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new AppError('USERNAME_TAKEN', { username });
    const [u] = await tx
      .insert(users)
      .values({ username, displayName: r.name, passwordHash: deps.pii.secretHash(initialPassword), role: 'student', organizationId: actor.organizationId, mustChangePassword: true })
      .returning({ id: users.id });
    const [s] = await tx
      .insert(students)
      .values({
        campaignId: c.c.id, kind: 'social', juniorHighId: null, name: r.name, gender: r.gender, idType: r.idType, idCipher: r.idCipher, idHash: r.idHash, idMasked: r.idMasked,
        examNo: no, cohort: 'past', phoneCipher: r.phoneCipher, phoneHash: r.phoneHash, phoneMasked: r.phoneMasked, socialCategory: r.category, education: r.education,
        userId: u!.id, initialPasswordCipher: deps.pii.encrypt(initialPassword), slipsIssuedAt: now,
      })
      .returning({ id: students.id });
    await tx.update(socialRegistrations).set({ status: 'confirmed', decidedBy: actor.userId, decidedByOrgId: actor.organizationId, decidedAt: now, studentId: s!.id }).where(eq(socialRegistrations.id, id));
    await writeAudit(tx, ctx, {
      action: 'social.confirm', objectType: 'social_registration', objectId: id, organizationId: actor.organizationId,
      changes: { campaignId: c.c.id, trackingNo: r.trackingNo, studentId: s!.id, userId: u!.id, registrationNo: no, idChecked: true, rule: 'R5' },
    });
    return no;
  });
  return { registration: presentRegistration(await loadRegistration(deps.db, id)), registrationNo, initialPassword };
}

export async function rejectSocial(deps: AppDeps, ctx: RequestContext, id: number, body: z.infer<typeof rejectSocialBody>) {
  const actor = ctx.actor!;
  const now = (await deps.clock()).now;
  await deps.db.transaction(async (tx) => {
    const { r } = await lockPending(tx, ctx, id);
    await tx.update(socialRegistrations).set({ status: 'rejected', decidedBy: actor.userId, decidedByOrgId: actor.organizationId, decidedAt: now, rejectReason: body.reason }).where(eq(socialRegistrations.id, id));
    await writeAudit(tx, ctx, { action: 'social.reject', objectType: 'social_registration', objectId: id, changes: { campaignId: r.campaignId, trackingNo: r.trackingNo, reason: body.reason, rule: 'R5' } });
  });
  return presentRegistration(await loadRegistration(deps.db, id));
}
