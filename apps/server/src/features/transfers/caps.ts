/**
 * The early-transfer cap of each programme (R13: part of its planned seats): who sets planned
 * seats sets the cap (a school its own, a district bureau its district-run schools, the city
 * any: canManageSchool), never above the seats nor below the seats already held. The table also
 * shows what the central admission fills: planned seats less those held by filed transfers (R15).
 */
import { eq, sql } from 'drizzle-orm';
import { checkEarlyTransferCap, seatsForAdmission } from '@zhizhao/domain';
import type { z } from 'zod';
import type { earlyTransferCaps, earlyTransferCapsBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable } from '../../db/client';
import { plannedSeats } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { authorizeInDistrict, type Actor } from '../../auth/policy';
import { canManageSchool, type SchoolRef } from '../../auth/brochure-policy';
import { AppError } from '../../errors';
import { campaignById } from '../applications/bureau-campaign';
import { FINAL } from './status-sql';

type CapRow = { programme_id: number; school_id: number; school_name: string; district_id: number | null; city_id: number | null; run_by: string | null; major_name: string; campus_name: string; seats: number; cap: number; held: number; filed: number };

export async function capRows(db: Queryable, campaignId: number, districtId: number, lock = false): Promise<CapRow[]> {
  return queryRows<CapRow>(db, sql`
    select ps.id as programme_id, o.id as school_id, o.name as school_name, o.district_id, o.city_id, o.run_by, m.name as major_name, c.name as campus_name,
      ps.seats, ps.early_transfer_cap as cap,
      (select count(*) from early_transfers t where t.programme_id = ps.id and t.status not in ${FINAL})::int as held,
      (select count(*) from early_transfers t where t.programme_id = ps.id and t.status = 'filed')::int as filed
    from planned_seats ps
    join majors m on m.id = ps.major_id
    join organizations o on o.id = m.organization_id and o.kind = 'vocational_school' and o.district_id = ${districtId}
    join campuses c on c.id = m.campus_id
    where ps.campaign_id = ${campaignId} and ps.seats > 0
    order by o.code, m.code ${lock ? sql`for update of ps` : sql``}`);
}

const schoolOf = (r: CapRow): SchoolRef => ({ id: Number(r.school_id), districtId: r.district_id === null ? null : Number(r.district_id), cityId: r.city_id === null ? null : Number(r.city_id), runBy: r.run_by });

export async function getCaps(deps: AppDeps, actor: Actor, campaignId: number): Promise<z.infer<typeof earlyTransferCaps>> {
  const c = await campaignById(deps.db, campaignId);
  authorizeInDistrict(actor, 'major.read', c.district);
  const rows = await capRows(deps.db, c.id, c.districtId);
  return {
    campaignId,
    rows: rows.map((r) => ({
      programmeId: Number(r.programme_id), schoolId: Number(r.school_id), schoolName: r.school_name, majorName: r.major_name, campusName: r.campus_name,
      seats: Number(r.seats), cap: Number(r.cap), held: Number(r.held), filed: Number(r.filed), seatsForAdmission: seatsForAdmission(Number(r.seats), Number(r.filed)),
      editable: canManageSchool(actor, 'major.write', schoolOf(r)),
    })),
  };
}

export async function saveCaps(deps: AppDeps, rctx: RequestContext, campaignId: number, body: z.infer<typeof earlyTransferCapsBody>) {
  const actor = rctx.actor!;
  const c = await campaignById(deps.db, campaignId);
  authorizeInDistrict(actor, 'major.write', c.district);
  await deps.db.transaction(async (tx) => {
    const rows = new Map((await capRows(tx, c.id, c.districtId, true)).map((r) => [Number(r.programme_id), r]));
    const unknown = body.rows.filter((i) => !rows.has(i.programmeId)).map((i) => i.programmeId);
    if (unknown.length) throw new AppError('PLANNED_SEATS_UNKNOWN_MAJOR', { programmeIds: unknown });
    const forbidden = body.rows.filter((i) => !canManageSchool(actor, 'major.write', schoolOf(rows.get(i.programmeId)!))).map((i) => i.programmeId);
    if (forbidden.length) throw new AppError('FORBIDDEN', { permission: 'major.write', programmeIds: forbidden });
    const problems = body.rows.flatMap((i, index) => {
      const r = rows.get(i.programmeId)!;
      const p = checkEarlyTransferCap(i.cap, Number(r.seats), Number(r.held));
      return p ? [{ row: index + 1, programmeId: i.programmeId, major: r.major_name, reason: p.zh, reasonEn: p.en }] : [];
    });
    if (problems.length) throw new AppError('EARLY_TRANSFER_CAP_INVALID', { rule: 'R13', rows: problems });
    const bySchool = new Map<number, Record<string, { from: number; to: number }>>();
    for (const i of body.rows) {
      const r = rows.get(i.programmeId)!;
      if (Number(r.cap) === i.cap) continue;
      await tx.update(plannedSeats).set({ earlyTransferCap: i.cap, updatedAt: new Date() }).where(eq(plannedSeats.id, i.programmeId));
      const changes = bySchool.get(Number(r.school_id)) ?? {};
      changes[`${i.programmeId} ${r.major_name}`] = { from: Number(r.cap), to: i.cap };
      bySchool.set(Number(r.school_id), changes);
    }
    for (const [schoolId, changes] of bySchool) {
      await writeAudit(tx, rctx, { action: 'planned_seats.early_transfer_cap', objectType: 'campaign', objectId: campaignId, organizationId: schoolId, changes: { ...changes, rule: 'R13' } });
    }
  });
  return getCaps(deps, actor, campaignId);
}
