/**
 * R6: the facts a brochure must state, taken from the school's records — the organisation
 * (name, address, who runs it), its active majors with length of schooling, internship, fees
 * and aid policy, the campaign's planned seats, and its joint enrollment (R3: the campus
 * where each major is taught follows the alliance's rule).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { BrochureFacts, FeeItem, MajorCategory } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { campuses, majors } from '../../db/schema';
import type { OrgRow } from '../organizations/queries';
import { allianceOfSchool } from '../alliances/queries';
import { seatsOfSchool } from '../majors/planned-seats';

export async function gatherFacts(db: Queryable, school: OrgRow, campaignId: number): Promise<BrochureFacts> {
  const alliance = await allianceOfSchool(db, school.id);
  const rows = await db
    .select({ m: majors, campusName: campuses.name })
    .from(majors)
    .innerJoin(campuses, eq(campuses.id, majors.campusId))
    .where(and(eq(majors.organizationId, school.id), eq(majors.active, true)))
    .orderBy(asc(majors.code));
  const seats = await seatsOfSchool(db, campaignId, rows.map((r) => r.m.id));
  const aid = [...new Set(rows.map((r) => r.m.aidPolicy.trim()).filter(Boolean))];
  return {
    school: school.name,
    schoolCode: school.code,
    address: school.address,
    runBy: (school.runBy ?? 'city') as 'district' | 'city',
    ownership: (school.ownership ?? 'public') as 'public' | 'private',
    jointEnrollment: alliance?.name ?? null,
    aidPolicy: aid.join('；'),
    majors: rows.map(({ m, campusName }) => ({
      code: m.code,
      name: m.name,
      category: m.category as MajorCategory,
      // R3: a joint enrollment teaches each category on its assigned campus.
      campus: alliance?.rules.find((r) => r.category === m.category)?.campusName ?? campusName,
      lengthYears: m.lengthYears,
      internship: m.internship,
      fees: m.fees as FeeItem[],
      aidPolicy: m.aidPolicy,
      plannedSeats: seats.get(m.id) ?? null,
    })),
  };
}
