/**
 * The demo's social applicants (R5, 注册入学): three registrations from the public page waiting
 * to be confirmed in person (a discharged soldier, a migrant worker, a past junior-high
 * graduate), and two confirmed ones — by V02 (who has since signed in and confirmed a vocational
 * application: an adult, no guardian) and by the district bureau (slip not yet used).
 * Registration numbers S202700001…; the tracking numbers are marked DEMO.
 */
import { eq } from 'drizzle-orm';
import { applicationStatus, type SocialCategory } from '@zhizhao/domain';
import type { Tx } from '../db/client';
import { applicationChoices, applications, socialRegistrations, students, users } from '../db/schema';
import { generateInitialPassword, type Pii } from '../pii/crypto';
import { sealId, sealPhone } from '../features/students/fields';
import { FAKE_AREA, fakeMobile, fakeResidentId } from './demo-people';

type Applicant = { name: string; gender: 'male' | 'female'; category: SocialCategory; education: 'junior_high' | 'senior_high'; createdAt: string; confirm?: { by: 'V02' | 'D01'; at: string; applied: boolean } };

const applicants: Applicant[] = [
  { name: '韩志强', gender: 'male', category: 'discharged_soldier', education: 'senior_high', createdAt: '2027-04-12T19:20:00+08:00' },
  { name: '罗春梅', gender: 'female', category: 'migrant_worker', education: 'junior_high', createdAt: '2027-04-15T21:05:00+08:00' },
  { name: '曹宇航', gender: 'male', category: 'past_junior_high', education: 'junior_high', createdAt: '2027-04-18T10:40:00+08:00' },
  { name: '宋立新', gender: 'male', category: 'rural_youth', education: 'junior_high', createdAt: '2027-04-06T20:00:00+08:00', confirm: { by: 'V02', at: '2027-04-09T10:30:00+08:00', applied: true } },
  { name: '唐晓燕', gender: 'female', category: 'laid_off', education: 'senior_high', createdAt: '2027-04-10T08:50:00+08:00', confirm: { by: 'D01', at: '2027-04-19T15:10:00+08:00', applied: false } },
];

export async function seedDemoSocial(tx: Tx, pii: Pii, c: { campaignId: number; orgIds: Map<string, number>; programmeIds: number[] }): Promise<{ registrations: number; confirmed: number }> {
  let confirmed = 0;
  for (const [i, a] of applicants.entries()) {
    const idNumber = fakeResidentId(FAKE_AREA.D01, 9000 + i * 37, a.gender, '1996-03-01');
    const id = sealId(pii, 'resident_id', idNumber);
    const phone = sealPhone(pii, fakeMobile(9000 + i));
    const registration = { campaignId: c.campaignId, trackingNo: `DEMO-2027-${String(i + 1).padStart(4, '0')}`, name: a.name, gender: a.gender, idType: 'resident_id', ...id, category: a.category, education: a.education, ...phone, createdAt: new Date(a.createdAt) };
    if (!a.confirm) {
      await tx.insert(socialRegistrations).values({ ...registration, status: 'pending' });
      continue;
    }
    confirmed++;
    const examNo = `S2027${String(confirmed).padStart(5, '0')}`;
    const at = new Date(a.confirm.at);
    const orgId = c.orgIds.get(a.confirm.by)!;
    const password = generateInitialPassword();
    const [clerk] = await tx.select({ id: users.id }).from(users).where(eq(users.username, a.confirm.by === 'V02' ? 'v02.admin' : 'district.admin'));
    const [user] = await tx.insert(users).values({
      username: examNo.toLowerCase(), displayName: a.name, role: 'student', organizationId: orgId, passwordHash: pii.secretHash(password),
      mustChangePassword: !a.confirm.applied, ...(a.confirm.applied ? { passwordChangedAt: at, lastLoginAt: at } : {}),
    }).returning({ id: users.id });
    const [student] = await tx.insert(students).values({
      campaignId: c.campaignId, kind: 'social', juniorHighId: null, name: a.name, gender: a.gender, idType: 'resident_id', ...id, examNo, cohort: 'past',
      hukouDistrict: '示例区', ...phone, socialCategory: a.category, education: a.education, userId: user!.id,
      initialPasswordCipher: a.confirm.applied ? null : pii.encrypt(password), slipsIssuedAt: at, createdAt: at, updatedAt: at,
    }).returning({ id: students.id });
    await tx.insert(socialRegistrations).values({ ...registration, status: 'confirmed', decidedBy: clerk!.id, decidedByOrgId: orgId, decidedAt: at, studentId: student!.id });
    if (a.confirm.applied && c.programmeIds.length) {
      // An adult applicant confirms alone (R5: no guardian).
      const entered = new Date(at.getTime() + 26 * 3600_000);
      const facts = { track: 'vocational' as const, version: 1, studentConfirmedVersion: 1, guardianConfirmedVersion: null, social: true };
      const [app] = await tx.insert(applications).values({
        campaignId: c.campaignId, studentId: student!.id, track: 'vocational', acceptAdjustment: true, version: 1, enteredBy: 'student', enteredByUserId: user!.id,
        enteredAt: entered, studentConfirmedVersion: 1, studentConfirmedAt: new Date(entered.getTime() + 600_000), status: applicationStatus(facts), updatedAt: new Date(entered.getTime() + 600_000),
      }).returning({ id: applications.id });
      await tx.insert(applicationChoices).values(c.programmeIds.slice(0, 2).map((programmeId, k) => ({ applicationId: app!.id, rank: k + 1, programmeId })));
    }
  }
  return { registrations: applicants.length, confirmed };
}
