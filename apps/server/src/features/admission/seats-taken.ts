/**
 * The seats admissions hold (R15, R16): every admission in force holds its programme's seat, except
 * a no-show on record (the school or the source junior high recorded that the student will not
 * come) when the campaign gives such seats back to 补录 (settings.refillNoShowSeats, default true).
 * The student stays admitted (a later batch skips them); only the seat is free again. One reader
 * for the round's inputs (inputs.ts) and the seats left (results.ts seatsLeft).
 */
import { sql } from 'drizzle-orm';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import { queryRows, type Queryable } from '../../db/client';

export async function admissionsHoldingSeats(db: Queryable, campaignId: number): Promise<Array<{ studentId: number; programmeId: number; holdsSeat: boolean }>> {
  const [c] = await queryRows<{ settings: CampaignSettings }>(db, sql`select settings from campaigns where id = ${campaignId}`);
  const refill = c ? withSettingDefaults(c.settings).refillNoShowSeats : true;
  const rows = await queryRows<{ student_id: number; programme_id: number; no_show: boolean }>(db, sql`
    select a.student_id, a.programme_id, exists (select 1 from enrolments e where e.admission_id = a.id and e.status = 'no_show') as no_show
    from admissions a where a.campaign_id = ${campaignId} and a.status = 'admitted'`);
  return rows.map((r) => ({ studentId: Number(r.student_id), programmeId: Number(r.programme_id), holdsSeat: !(refill && r.no_show) }));
}
