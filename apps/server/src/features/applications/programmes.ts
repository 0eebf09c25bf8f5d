/**
 * The campaign's programmes (招生专业计划): planned seats (> 0) of the active majors of the
 * active vocational schools standing in the campaign's district (as majors/planned-seats.ts
 * seatRows), each with its school, campus, the school's current filed brochure (R7: status
 * `filed` in this campaign, the latest version) and its qualification for the campaign's
 * year (R4: a row of the provincial list with `qualified`; no row is not qualified).
 *
 * One query serves the list a family chooses from and the facts the rules check. A save asks
 * only for the ids it chose (`ids`), read in the request itself, so nothing cached can let a
 * programme through after its school lost its qualification or filing (R4, R7).
 *
 * The list a family is offered (`programmeList`) is read by every family page load, so it is
 * kept per process for a few seconds (PROGRAMME_LIST_TTL_MS), keyed by database and campaign:
 * a list at most that old can offer a programme that a save then refuses with the rule named —
 * never the reverse, since the save re-checks.
 */
import { sql } from 'drizzle-orm';
import { isChoosable, type ProgrammeFacts } from '@zhizhao/domain';
import type { Programme } from '@zhizhao/contracts';
import { queryRows, type Queryable } from '../../db/client';

export type CampaignRef = { id: number; districtId: number; year: number };

type Row = {
  programme_id: number; school_id: number; school_name: string; run_by: string | null; ownership: string | null; major_code: string; major_name: string;
  category: string; campus_name: string; length_years: number; seats: number; brochure_id: number | null; filing_number: string | null; qualified: boolean;
};

export async function loadProgrammes(db: Queryable, campaign: CampaignRef, ids?: number[]): Promise<{ items: Programme[]; facts: Map<number, ProgrammeFacts> }> {
  if (ids && !ids.length) return { items: [], facts: new Map() };
  const only = ids ? sql`and ps.id = any(${sql.param(ids)}::int[])` : sql``;
  const rows = await queryRows<Row>(db, sql`
    select ps.id as programme_id, o.id as school_id, o.name as school_name, o.run_by, o.ownership, m.code as major_code, m.name as major_name,
      m.category, c.name as campus_name, m.length_years, ps.seats, b.id as brochure_id, b.filing_number, coalesce(q.qualified, false) as qualified
    from planned_seats ps
    join majors m on m.id = ps.major_id and m.active
    join organizations o on o.id = m.organization_id and o.active and o.kind = 'vocational_school' and o.district_id = ${campaign.districtId}
    join campuses c on c.id = m.campus_id
    left join qualifications q on q.organization_id = o.id and q.year = ${campaign.year}
    left join lateral (
      select id, filing_number from brochures
      where organization_id = o.id and campaign_id = ${campaign.id} and status = 'filed'
      order by version desc limit 1
    ) b on true
    where ps.campaign_id = ${campaign.id} and ps.seats > 0 ${only}
    order by o.code, m.code`);
  const items: Programme[] = [];
  const facts = new Map<number, ProgrammeFacts>();
  for (const r of rows) {
    const f: ProgrammeFacts = { programmeId: Number(r.programme_id), schoolId: Number(r.school_id), qualified: Boolean(r.qualified), filed: r.brochure_id !== null, seats: Number(r.seats) };
    facts.set(f.programmeId, f);
    items.push({
      programmeId: f.programmeId, schoolId: f.schoolId, schoolName: r.school_name, runBy: r.run_by === 'district' ? 'district' : 'city',
      ownership: r.ownership === 'public' || r.ownership === 'private' ? r.ownership : null, majorCode: r.major_code, majorName: r.major_name,
      category: r.category === 'art' ? 'art' : 'general', campusName: r.campus_name, lengthYears: Number(r.length_years), seats: f.seats,
      brochureId: r.brochure_id === null ? null : Number(r.brochure_id), filingNumber: r.filing_number, qualified: f.qualified, choosable: isChoosable(f),
    });
  }
  return { items, facts };
}

export const PROGRAMME_LIST_TTL_MS = 5_000;
const listCache = new WeakMap<object, Map<number, { at: number; items: Promise<Programme[]> }>>();

/** The campaign's programmes for display, from the short per-process cache (see the header). */
export async function programmeListOf(db: Queryable, campaign: CampaignRef, now = Date.now()): Promise<Programme[]> {
  let byCampaign = listCache.get(db);
  if (!byCampaign) listCache.set(db, (byCampaign = new Map()));
  const hit = byCampaign.get(campaign.id);
  if (hit && now - hit.at < PROGRAMME_LIST_TTL_MS) return hit.items;
  const items = loadProgrammes(db, campaign).then((r) => r.items);
  byCampaign.set(campaign.id, { at: now, items });
  items.catch(() => byCampaign!.delete(campaign.id));
  return items;
}

/** The facts the rules need, by programme id (checkApplication's `programmes`). */
export async function programmeFacts(db: Queryable, campaign: CampaignRef, ids?: number[]): Promise<Map<number, ProgrammeFacts>> {
  return (await loadProgrammes(db, campaign, ids)).facts;
}
