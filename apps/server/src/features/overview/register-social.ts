/**
 * R5: a social applicant (past graduates, discharged soldiers, rural youth, migrant workers,
 * laid-off and unemployed people, …) registers on the public page, without an account, in a
 * campaign whose application window is open. The registration waits for a vocational school
 * or the district bureau to check the identity document in person (confirm-social.ts).
 * One pending or confirmed registration per document and campaign (an advisory lock on the
 * document's hash makes the check race-free). No document number or phone in the audit.
 */
import { randomInt } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { checkDocumentNumber, inApplicationWindow } from '@zhizhao/domain';
import type { socialRegistrationBody, socialRegistrationReceipt } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { socialRegistrations } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { idHashOf, sealId, sealPhone } from '../students/fields';
import { loadCampaign } from './context';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const trackingNoOf = (year: number) => `SR${year}-${Array.from({ length: 6 }, () => BASE32[randomInt(32)]).join('')}`;

export async function registerSocial(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof socialRegistrationBody>): Promise<z.infer<typeof socialRegistrationReceipt>> {
  const today = (await deps.clock()).today;
  const c = await loadCampaign(deps.db, body.campaignId);
  if (!inApplicationWindow(today, c.settings)) throw new AppError('SOCIAL_CAMPAIGN_CLOSED', { rule: 'R5', window: c.settings.phases.application });
  const check = checkDocumentNumber(body.idType, body.idNumber);
  if (!check.ok) throw new AppError('STUDENT_ID_INVALID', { fields: [{ path: 'body.idNumber', message: check.en }], problem: check.problem, zh: check.zh, en: check.en });
  const idHash = idHashOf(deps.pii, body.idType, check.normalized);
  const trackingNo = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${c.c.id}::int, hashtext(${idHash}))`);
    const [dup] = await tx
      .select({ id: socialRegistrations.id })
      .from(socialRegistrations)
      .where(and(eq(socialRegistrations.campaignId, c.c.id), eq(socialRegistrations.idHash, idHash), inArray(socialRegistrations.status, ['pending', 'confirmed'])));
    if (dup) throw new AppError('SOCIAL_ALREADY_REGISTERED', { rule: 'R5' });
    const no = trackingNoOf(c.c.year);
    const [r] = await tx
      .insert(socialRegistrations)
      .values({
        campaignId: c.c.id, trackingNo: no, name: body.name, gender: body.gender, idType: body.idType,
        ...sealId(deps.pii, body.idType, check.normalized, idHash), ...sealPhone(deps.pii, body.phone),
        category: body.category, education: body.education,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'social.register', objectType: 'social_registration', objectId: r!.id, organizationId: c.district.id,
      actorOverride: { userId: null, username: null },
      changes: { campaignId: c.c.id, trackingNo: no, category: body.category, education: body.education, idType: body.idType, rule: 'R5' },
    });
    return no;
  });
  return {
    trackingNo,
    message: {
      zh: `报名已提交，登记号 ${trackingNo}。请携带本人身份证件原件和登记号，到本市任一职业学校或区教育局现场确认身份；确认后将获得注册号和登录密码。`,
      en: `Registration received: tracking number ${trackingNo}. Bring your identity document and this number to any vocational school of the city or the district bureau to confirm in person; you then receive a registration number and a password.`,
    },
  };
}
