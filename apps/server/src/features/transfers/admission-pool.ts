/**
 * What early transfer leaves to the central admission (R13, R15): each programme's seats less
 * those held by filed early transfers, and the students the admission must not consider again
 * (filed, i.e. studying early). The admission round (issue 11) reads its inputs through this;
 * the caps page shows the same figures (seatsForAdmission).
 */
import { sql } from 'drizzle-orm';
import { seatsForAdmission } from '@zhizhao/domain';
import { queryRows, type Queryable } from '../../db/client';

export type PoolProgramme = { programmeId: number; seats: number; heldByEarlyTransfer: number; seatsForAdmission: number };

export async function admissionPool(db: Queryable, campaignId: number): Promise<{ programmes: PoolProgramme[]; excludedStudentIds: Set<number> }> {
  const rows = await queryRows<{ id: number; seats: number; held: number }>(db, sql`
    select ps.id, ps.seats, (select count(*) from early_transfers t where t.programme_id = ps.id and t.status = 'filed')::int as held
    from planned_seats ps where ps.campaign_id = ${campaignId} and ps.seats > 0 order by ps.id`);
  const excluded = await queryRows<{ student_id: number }>(db, sql`select student_id from early_transfers where campaign_id = ${campaignId} and status = 'filed'`);
  return {
    programmes: rows.map((r) => ({ programmeId: Number(r.id), seats: Number(r.seats), heldByEarlyTransfer: Number(r.held), seatsForAdmission: seatsForAdmission(Number(r.seats), Number(r.held)) })),
    excludedStudentIds: new Set(excluded.map((r) => Number(r.student_id))),
  };
}
