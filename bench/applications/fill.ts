/**
 * Applications for every grade-9 student of the campaign who has none, in bulk (INSERT … SELECT):
 * 40 % confirmed vocational, 35 % confirmed general, 8 % vocational drafts, the rest undecided
 * (no row) — the demo's mix at 100,000 students. The graduates table follows the roster, so the
 * summary's per-junior-high counts add up. Returns the number of applications in the campaign.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@zhizhao/server/db/client';

export async function fillApplications(db: Db, campaignId: number, programmeIds: [number, number]): Promise<number> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into applications (campaign_id, student_id, track, accept_adjustment, version, entered_by, entered_by_user_id, entered_at,
        student_confirmed_version, student_confirmed_at, guardian_confirmed_version, guardian_confirmed_at, status)
      select s.campaign_id, s.id, case when b < 40 or b >= 75 then 'vocational' else 'general' end, b < 40, 1, 'student', s.user_id, now(),
        case when b < 75 then 1 end, case when b < 75 then now() end, case when b < 75 then 1 end, case when b < 75 then now() end,
        case when b < 75 then 'confirmed' else 'draft' end
      from (select s.*, (s.id * 7919) % 100 as b from students s where s.campaign_id = ${campaignId} and s.kind = 'grade9') s
      where s.b < 83 and not exists (select 1 from applications a where a.student_id = s.id)
      on conflict (student_id) do nothing`);
    await tx.execute(sql`
      insert into application_choices (application_id, rank, programme_id)
      select a.id, 1, case when a.id % 2 = 0 then ${programmeIds[0]}::int else ${programmeIds[1]}::int end from applications a
      where a.campaign_id = ${campaignId} and a.track = 'vocational' and not exists (select 1 from application_choices c where c.application_id = a.id)`);
    await tx.execute(sql`
      insert into graduates (campaign_id, organization_id, count)
      select ${campaignId}, s.junior_high_id, count(*)::int from students s where s.campaign_id = ${campaignId} and s.kind = 'grade9' group by s.junior_high_id
      on conflict (campaign_id, organization_id) do update set count = excluded.count`);
  });
  for (const t of ['applications', 'students', 'application_choices', 'graduates']) await db.execute(sql.raw(`analyze ${t}`));
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from applications where campaign_id = ${campaignId}`);
  return Number(n!.n);
}
