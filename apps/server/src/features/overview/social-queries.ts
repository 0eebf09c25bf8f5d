/**
 * R5: social registrations as the confirming offices see them (masked), and who may decide
 * one: the district bureau of the campaign, or a vocational school of the campaign's city
 * (an applicant may walk into any of them). The public form's list of open campaigns.
 */
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { inApplicationWindow, withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { socialRegistration } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { campaigns, organizations, socialRegistrations, students } from '../../db/schema';
import { type Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { likeText } from '../organizations/queries';
import type { LoadedCampaign } from './context';

type Registration = z.infer<typeof socialRegistration>;
const decider = alias(organizations, 'decider');
const district = alias(organizations, 'district');

const select = (db: Queryable) =>
  db
    .select({ r: socialRegistrations, decidedByOrgName: decider.name, registrationNo: students.examNo })
    .from(socialRegistrations)
    .innerJoin(campaigns, eq(campaigns.id, socialRegistrations.campaignId))
    .innerJoin(district, eq(district.id, campaigns.districtId))
    .leftJoin(decider, eq(decider.id, socialRegistrations.decidedByOrgId))
    .leftJoin(students, eq(students.id, socialRegistrations.studentId));

type Loaded = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

export const presentRegistration = (x: Loaded): Registration => ({
  id: x.r.id, campaignId: x.r.campaignId, trackingNo: x.r.trackingNo, name: x.r.name, gender: x.r.gender as Registration['gender'], idType: x.r.idType as Registration['idType'],
  idMasked: x.r.idMasked, category: x.r.category as Registration['category'], education: x.r.education as Registration['education'], phoneMasked: x.r.phoneMasked,
  status: x.r.status as Registration['status'], decidedByOrgName: x.decidedByOrgName, decidedAt: x.r.decidedAt?.toISOString() ?? null, rejectReason: x.r.rejectReason,
  studentId: x.r.studentId, registrationNo: x.registrationNo, createdAt: x.r.createdAt.toISOString(),
});

export async function loadRegistration(db: Queryable, id: number) {
  const [row] = await select(db).where(eq(socialRegistrations.id, id));
  if (!row) throw new AppError('NOT_FOUND', { socialRegistrationId: id });
  return row;
}

/** The district bureau of the campaign, or a vocational school of its city. */
export function canConfirmSocial(actor: Actor, c: Pick<LoadedCampaign, 'district'>): boolean {
  if (actor.orgKind === 'district_bureau') return actor.districtId === c.district.id;
  if (actor.orgKind === 'vocational_school') return actor.cityId !== null && actor.cityId === c.district.cityId;
  return false;
}

function scopeCondition(actor: Actor): SQL {
  if (actor.orgKind === 'district_bureau') return eq(campaigns.districtId, actor.districtId ?? -1);
  if (actor.orgKind === 'vocational_school') return eq(district.cityId, actor.cityId ?? -1);
  return sql`false`;
}

export async function listRegistrations(db: Queryable, actor: Actor, f: { campaignId?: number; status?: Registration['status']; q?: string; page: number; pageSize: number }) {
  if (actor.orgKind !== 'district_bureau' && actor.orgKind !== 'vocational_school') throw new AppError('FORBIDDEN', { permission: 'social.confirm' });
  const conditions: Array<SQL | undefined> = [
    scopeCondition(actor),
    f.campaignId ? eq(socialRegistrations.campaignId, f.campaignId) : undefined,
    f.status ? eq(socialRegistrations.status, f.status) : undefined,
    f.q ? or(ilike(socialRegistrations.name, likeText(f.q)), ilike(socialRegistrations.trackingNo, `${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    // The counter's queue: pending first, oldest first.
    select(db).where(where).orderBy(desc(eq(socialRegistrations.status, 'pending')), asc(socialRegistrations.createdAt), asc(socialRegistrations.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(socialRegistrations).innerJoin(campaigns, eq(campaigns.id, socialRegistrations.campaignId)).innerJoin(district, eq(district.id, campaigns.districtId)).where(where),
  ]);
  return { items: rows.map(presentRegistration), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}

/** Campaigns whose application window is open today (the public form's choice). */
export async function openCampaigns(db: Queryable, today: string) {
  const rows = await db
    .select({ c: campaigns, districtName: organizations.name })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.districtId))
    .where(eq(organizations.active, true))
    .orderBy(desc(campaigns.year), asc(organizations.code));
  return {
    items: rows
      .map((r) => ({ r, settings: withSettingDefaults(r.c.settings as CampaignSettings) }))
      .filter((x) => inApplicationWindow(today, x.settings))
      .map(({ r, settings }) => ({ id: r.c.id, name: r.c.name, districtName: r.districtName, year: r.c.year, window: settings.phases.application })),
  };
}
