/**
 * What the public sees, without logging in (R7: only what was reviewed and filed): this
 * year's current filed brochures, and any version that was filed once (current, superseded
 * or withdrawn). Everything shown comes from the frozen version — the facts as filed, never
 * live records — and nothing personal (no accounts, no contact persons).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { BrochureFacts, BrochureSection } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { brochures, campaigns, organizations } from '../../db/schema';
import { AppError } from '../../errors';
import type { BrochureRow } from '../brochures/queries';

/** R7: the mark every filed brochure carries. */
export const FILED_MARK = '已经市教育局审查备案';
export const publicStatus = { filed: 'current', superseded: 'superseded', withdrawn: 'withdrawn' } as const;
type PublicState = keyof typeof publicStatus;

export function presentPublic(b: BrochureRow, year: number) {
  const facts = b.facts as BrochureFacts;
  return {
    id: b.id, school: facts.school, schoolCode: facts.schoolCode, year, version: b.version, filingNumber: b.filingNumber!, filedAt: b.filedAt!.toISOString(),
    verifyCode: b.verifyCode!, runBy: facts.runBy, ownership: facts.ownership, jointEnrollment: facts.jointEnrollment,
    campuses: [...new Set(facts.majors.map((m) => m.campus))],
    majors: facts.majors.map((m) => ({ code: m.code, name: m.name, category: m.category, campus: m.campus, plannedSeats: m.plannedSeats })),
  };
}

const has = (text: string, q: string) => text.toLowerCase().includes(q.toLowerCase());

/** The year's current filed brochure of each school (one per school), searchable by school, major and campus. */
export async function publicList(db: Queryable, year: number, f: { q?: string; major?: string; campus?: string }) {
  const rows = await db
    .select({ b: brochures })
    .from(brochures)
    .innerJoin(campaigns, eq(campaigns.id, brochures.campaignId))
    .innerJoin(organizations, eq(organizations.id, brochures.organizationId))
    .where(and(eq(campaigns.year, year), eq(brochures.status, 'filed')))
    .orderBy(asc(organizations.code), desc(brochures.version));
  const seen = new Set<number>();
  const items = rows
    .map((r) => r.b)
    .filter((b) => !seen.has(b.organizationId) && seen.add(b.organizationId))
    .map((b) => presentPublic(b, year))
    .filter((p) => !f.q || has(p.school, f.q) || has(p.schoolCode, f.q))
    .filter((p) => !f.major || p.majors.some((m) => has(m.name, f.major!) || has(m.code, f.major!)))
    .filter((p) => !f.campus || p.campuses.some((c) => has(c, f.campus!)));
  return { year, items };
}

export async function loadPublic(db: Queryable, id: number) {
  const [row] = await db.select({ b: brochures, year: campaigns.year }).from(brochures).innerJoin(campaigns, eq(campaigns.id, brochures.campaignId)).where(eq(brochures.id, id));
  if (!row || !(row.b.status in publicStatus) || !row.b.filedAt) throw new AppError('BROCHURE_NOT_FILED', { rule: 'R7', brochureId: id });
  return row;
}

/** The school's current filed version of the same campaign (what a superseded version points to). */
export async function currentFiledOf(db: Queryable, b: BrochureRow): Promise<BrochureRow | null> {
  const [row] = await db.select().from(brochures).where(and(eq(brochures.organizationId, b.organizationId), eq(brochures.campaignId, b.campaignId), inArray(brochures.status, ['filed'])));
  return row ?? null;
}

export async function publicDetail(db: Queryable, id: number) {
  const { b, year } = await loadPublic(db, id);
  const status = publicStatus[b.status as PublicState];
  const current = status === 'superseded' ? await currentFiledOf(db, b) : null;
  return { ...presentPublic(b, year), facts: b.facts as BrochureFacts, sections: b.sections as BrochureSection[], mark: FILED_MARK, status, currentId: current?.id ?? null };
}
