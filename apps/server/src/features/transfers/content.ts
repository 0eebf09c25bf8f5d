/**
 * The Annex 4 form's content (中等职业学校志愿填报表, R13), filled from the records: the
 * student's roster row (masked ID number and phone, ADR 0106), the source junior high, the
 * enrolling school and the programme. This is what both seals sign (canonical JSON); a change
 * of programme or of the record makes a new version, which the old seals no longer cover.
 */
import { eq, sql } from 'drizzle-orm';
import type { TransferFormContent } from '@zhizhao/contracts';
import { queryRows, type Queryable } from '../../db/client';
import { students } from '../../db/schema';
import { AppError } from '../../errors';

type ProgrammeRow = { programme_id: number; school_id: number; school_code: string; school_name: string; run_by: string | null; major_code: string; major_name: string; campus_name: string; length_years: number; seats: number; cap: number };

/** A programme of the campaign with its school and its early-transfer cap (null when not in the plan). */
export async function programmeOf(db: Queryable, campaignId: number, programmeId: number, opts: { lock?: boolean } = {}): Promise<ProgrammeRow | null> {
  const [r] = await queryRows<ProgrammeRow>(db, sql`
    select ps.id as programme_id, o.id as school_id, o.code as school_code, o.name as school_name, o.run_by, m.code as major_code, m.name as major_name,
      c.name as campus_name, m.length_years, ps.seats, ps.early_transfer_cap as cap
    from planned_seats ps
    join majors m on m.id = ps.major_id
    join organizations o on o.id = m.organization_id
    join campuses c on c.id = m.campus_id
    where ps.id = ${programmeId} and ps.campaign_id = ${campaignId}
    ${opts.lock ? sql`for update of ps` : sql``}`);
  return r ?? null;
}

export type StudentRow = typeof students.$inferSelect;

export async function studentRow(db: Queryable, id: number): Promise<StudentRow> {
  const [s] = await db.select().from(students).where(eq(students.id, id));
  if (!s) throw new AppError('NOT_FOUND', { studentId: id });
  return s;
}

export function formContent(input: {
  transferId: number; version: number; requestedOn: string;
  campaign: { id: number; name: string; year: number };
  student: StudentRow; juniorHigh: { id: number; code: string; name: string }; programme: ProgrammeRow;
}): TransferFormContent {
  const { student: s, programme: p } = input;
  return {
    form: '中等职业学校志愿填报表',
    transferId: input.transferId,
    version: input.version,
    campaign: input.campaign,
    student: {
      name: s.name, gender: s.gender === 'female' ? 'female' : 'male', examNo: s.examNo, idMasked: s.idMasked, className: s.className,
      cohort: s.cohort === 'past' ? 'past' : 'current', hukouDistrict: s.hukouDistrict,
    },
    sourceSchool: input.juniorHigh,
    enrollingSchool: { id: Number(p.school_id), code: p.school_code, name: p.school_name, runBy: p.run_by === 'district' ? 'district' : 'city' },
    programme: { id: Number(p.programme_id), majorCode: p.major_code, majorName: p.major_name, campusName: p.campus_name, lengthYears: Number(p.length_years) },
    guardian: { name: s.guardianName, relation: s.guardianRelation, phoneMasked: s.phoneMasked },
    // A request needs the junior high's confirmation first (checkTransferRequest), so the date is there.
    curriculumCompletedOn: s.curriculumCompletedOn ?? input.requestedOn,
    requestedOn: input.requestedOn,
  };
}
