/**
 * Creating and changing a school's majors. The campus follows R3: a school of a joint
 * enrollment teaches a major on the campus the alliance assigns to its category (art majors
 * at the 第一职校 campus, the others at the 市职高 campus in the demo); any other school on
 * one of its own active campuses.
 */
import { and, eq } from 'drizzle-orm';
import { assignCampus, type FeeItem, type MajorCategory } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Queryable, Tx } from '../../db/client';
import { campuses, majors } from '../../db/schema';
import { canManageSchool } from '../../auth/brochure-policy';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { allianceOfSchool, toDomain } from '../alliances/queries';
import { comparable, getMajorWithNames, normalFees, presentMajor, vocationalSchool, type MajorRow } from './queries';
import type { OrgRow } from '../organizations/queries';

export type MajorInput = { organizationId: number; campusId: number; code: string; name: string; category: MajorCategory; lengthYears: number; internship: string; fees: FeeItem[]; aidPolicy: string };
export type MajorPatch = Partial<Omit<MajorInput, 'organizationId'>> & { active?: boolean };

/** Why a campus does not fit (null when it does): the R3 campus for an alliance member, else one of the school's own. */
export async function campusProblem(db: Queryable, school: OrgRow, campusId: number, category: MajorCategory): Promise<{ zh: string; en: string; expectedCampusId?: number } | null> {
  const alliance = await allianceOfSchool(db, school.id);
  if (alliance) {
    const a = assignCampus(toDomain(alliance), { category });
    if (!a.ok) return { zh: a.zh, en: a.en };
    if (a.campusId !== campusId) {
      const name = alliance.rules.find((r) => r.campusId === a.campusId)?.campusName ?? '';
      return { zh: `联合招生“${alliance.name}”的${category === 'art' ? '艺术类' : '非艺术类'}专业在“${name}”教学（R3）`, en: `the joint enrollment "${alliance.name}" teaches ${category} majors at "${name}" (R3)`, expectedCampusId: a.campusId };
    }
    return null;
  }
  const [campus] = await db.select().from(campuses).where(and(eq(campuses.id, campusId), eq(campuses.organizationId, school.id), eq(campuses.active, true)));
  return campus ? null : { zh: '校区不属于该校或已停用', en: 'the campus is not an active campus of the school' };
}

async function checkCampus(tx: Tx, school: OrgRow, campusId: number, category: MajorCategory) {
  const problem = await campusProblem(tx, school, campusId, category);
  if (problem) throw new AppError('MAJOR_CAMPUS_INVALID', { rule: 'R3', campusId, ...problem });
}

async function codeTaken(tx: Tx, organizationId: number, code: string, exceptId?: number) {
  const [row] = await tx.select({ id: majors.id }).from(majors).where(and(eq(majors.organizationId, organizationId), eq(majors.code, code)));
  return row !== undefined && row.id !== exceptId;
}

export async function createMajor(deps: AppDeps, ctx: RequestContext, input: MajorInput) {
  return deps.db.transaction(async (tx) => {
    const row = await createMajorIn(tx, ctx, input);
    const named = await getMajorWithNames(tx, row.id);
    return presentMajor(named.m, named.schoolName, named.campusName);
  });
}

export async function createMajorIn(tx: Tx, ctx: RequestContext, input: MajorInput): Promise<MajorRow> {
  const school = await vocationalSchool(tx, input.organizationId);
  if (!canManageSchool(ctx.actor!, 'major.write', school)) throw new AppError('FORBIDDEN', { permission: 'major.write' });
  await checkCampus(tx, school, input.campusId, input.category);
  if (await codeTaken(tx, school.id, input.code)) throw new AppError('MAJOR_CODE_TAKEN', { code: input.code });
  const [row] = await tx.insert(majors).values(input).returning();
  await writeAudit(tx, ctx, { action: 'major.create', objectType: 'major', objectId: row!.id, changes: { created: input }, organizationId: school.id });
  return row!;
}

export async function updateMajor(deps: AppDeps, ctx: RequestContext, id: number, patch: MajorPatch) {
  return deps.db.transaction(async (tx) => {
    const { m: before } = await getMajorWithNames(tx, id);
    const school = await vocationalSchool(tx, before.organizationId);
    if (!canManageSchool(ctx.actor!, 'major.write', school)) throw new AppError('FORBIDDEN', { permission: 'major.write' });
    const category = patch.category ?? (before.category as MajorCategory);
    const campusId = patch.campusId ?? before.campusId;
    if (patch.category !== undefined || patch.campusId !== undefined) await checkCampus(tx, school, campusId, category);
    if (patch.code !== undefined && (await codeTaken(tx, school.id, patch.code, id))) throw new AppError('MAJOR_CODE_TAKEN', { code: patch.code });
    const changes = diff(comparable(before), { ...patch, ...(patch.fees ? { fees: normalFees(patch.fees) } : {}) });
    if (Object.keys(changes).length) {
      await tx.update(majors).set({ ...patch, updatedAt: new Date() }).where(eq(majors.id, id));
      await writeAudit(tx, ctx, { action: 'major.update', objectType: 'major', objectId: id, changes, organizationId: school.id });
    }
    const after = await getMajorWithNames(tx, id);
    return presentMajor(after.m, after.schoolName, after.campusName);
  });
}
