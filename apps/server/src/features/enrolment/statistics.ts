/**
 * 送培统计 (issue 12 §4, R18): for each vocational school and each source junior high, admitted,
 * early transfer, registered, no-shows by reason and pending — computed from the records by the
 * domain (sendingRows), checked and submitted by the school (any correction with its reason and
 * still adding up), acknowledged or disputed by each junior high, a dispute answered by the school.
 * Until a school submits, its rows are the live figures. Overdue = not submitted after the
 * campaign's due date (statisticsDeadline). Social applicants have no source junior high and are
 * not part of the sending statistics.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ackStatisticsBody, answerDisputeBody, SendingRow, SendingStatistics, statisticsQuery, submitStatisticsBody } from '@zhizhao/contracts';
import { checkCorrection, sameCounts, sendingRows, statisticsOverdue, withSettingDefaults, type CampaignSettings, type NoShowReason, type SendingCounts, type SendingRowFigures } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable } from '../../db/client';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../auth/policy';
import { authorizeStatisticsJuniorHigh, authorizeStatisticsSchool, intakeScope, type IntakeScope } from '../../auth/enrolment-policy';
import { campaignOfActor, type CampaignWithDistrict } from '../applications/bureau-campaign';
import { fromIntake, intakeCte, registrationWindow } from './intake';

type Query = z.infer<typeof statisticsQuery>;

async function campaignFor(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<CampaignWithDistrict> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  return c;
}

const deadlineOf = (c: CampaignWithDistrict) => withSettingDefaults(c.settings as CampaignSettings).statisticsDeadline;

/** The live figures from the records, per (school, junior high). */
export async function liveSendingRows(db: Queryable, c: CampaignWithDistrict, today: string, only: { schoolId?: number; juniorHighId?: number } = {}): Promise<SendingRowFigures[]> {
  const rows = await queryRows<{ school_id: number; junior_high_id: number; source: string; status: string | null; registered_on: string | null; no_show_reason: string | null }>(db, sql`
    ${intakeCte(c.id, only)}
    select i.school_id, s.junior_high_id, i.source, e.status, e.registered_on, e.no_show_reason
    ${fromIntake} where s.junior_high_id is not null`);
  return sendingRows(
    rows.map((r) => ({
      schoolId: Number(r.school_id), juniorHighId: Number(r.junior_high_id), source: r.source as 'admission',
      registeredOn: r.status === 'registered' ? r.registered_on : null, noShowReason: r.status === 'no_show' ? (r.no_show_reason as NoShowReason) : null,
    })),
    today,
    registrationWindow(c),
  );
}

/** The schools expected to submit: those with planned seats in the campaign or students in its intake. */
async function expectedSchools(db: Queryable, campaignId: number): Promise<Array<{ id: number; name: string }>> {
  const rows = await queryRows<{ id: number; name: string }>(db, sql`
    select o.id, o.name from organizations o where o.id in (
      select m.organization_id from planned_seats ps join majors m on m.id = ps.major_id where ps.campaign_id = ${campaignId} and ps.seats > 0
      union select school_id from admissions where campaign_id = ${campaignId} and status = 'admitted'
      union select school_id from early_transfers where campaign_id = ${campaignId} and status = 'filed')
    order by o.code`);
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

type Stored = { school_id: number; junior_high_id: number; admitted: number; early_transfer: number; registered: number; no_show: number; pending: number; no_show_by_reason: Record<string, number>; computed: SendingCounts | null; correction_reason: string | null; ack: string; ack_note: string | null; answer: string | null };

export async function sendingStatistics(deps: AppDeps, actor: Actor, q: Query): Promise<SendingStatistics> {
  const c = await campaignFor(deps, actor, q.campaignId);
  const scope = intakeScope(actor, 'statistics.read', c.district);
  return statisticsOf(deps.db, c, (await deps.clock()).today, scope, q);
}

export async function statisticsOf(db: Queryable, c: CampaignWithDistrict, today: string, scope: IntakeScope, q: Partial<Query> = {}): Promise<SendingStatistics> {
  const deadline = deadlineOf(c);
  const schoolId = 'schoolId' in scope ? scope.schoolId : q.schoolId;
  const juniorHighId = 'juniorHighId' in scope ? scope.juniorHighId : q.juniorHighId;
  const [schools, submissions, stored, live, names] = await Promise.all([
    expectedSchools(db, c.id),
    queryRows<{ school_id: number; submitted_at: Date | string }>(db, sql`select school_id, submitted_at from sending_submissions where campaign_id = ${c.id}`),
    queryRows<Stored>(db, sql`select school_id, junior_high_id, admitted, early_transfer, registered, no_show, pending, no_show_by_reason, computed, correction_reason, ack, ack_note, answer from sending_rows where campaign_id = ${c.id}
      ${schoolId ? sql`and school_id = ${schoolId}` : sql``} ${juniorHighId ? sql`and junior_high_id = ${juniorHighId}` : sql``}`),
    liveSendingRows(db, c, today, { schoolId, juniorHighId }),
    queryRows<{ id: number; name: string }>(db, sql`select id, name from organizations where district_id = ${c.district.id} and kind in ('junior_high', 'vocational_school')`),
  ]);
  const name = new Map(names.map((r) => [Number(r.id), r.name]));
  const submitted = new Map(submissions.map((s) => [Number(s.school_id), new Date(s.submitted_at).toISOString()]));
  const items: SendingRow[] = [];
  for (const r of stored) {
    items.push({
      schoolId: Number(r.school_id), schoolName: name.get(Number(r.school_id)) ?? '', juniorHighId: Number(r.junior_high_id), juniorHighName: name.get(Number(r.junior_high_id)) ?? '',
      admitted: Number(r.admitted), earlyTransfer: Number(r.early_transfer), registered: Number(r.registered), noShow: Number(r.no_show), pending: Number(r.pending), noShowByReason: r.no_show_by_reason,
      correction: r.computed ? { reason: r.correction_reason ?? '', computed: r.computed } : null, ack: r.ack as 'pending', ackNote: r.ack_note, answer: r.answer,
    });
  }
  for (const r of live) {
    if (submitted.has(r.schoolId)) continue;
    items.push({
      schoolId: r.schoolId, schoolName: name.get(r.schoolId) ?? '', juniorHighId: r.juniorHighId, juniorHighName: name.get(r.juniorHighId) ?? '',
      admitted: r.admitted, earlyTransfer: r.earlyTransfer, registered: r.registered, noShow: r.noShow, pending: r.pending, noShowByReason: r.noShowByReason,
      correction: null, ack: null, ackNote: null, answer: null,
    });
  }
  items.sort((a, b) => a.schoolId - b.schoolId || a.juniorHighId - b.juniorHighId);
  const bySchool = new Map<number, SendingRow[]>();
  for (const i of items) bySchool.set(i.schoolId, [...(bySchool.get(i.schoolId) ?? []), i]);
  const visibleSchools = schools.filter((s) => (schoolId ? s.id === schoolId : juniorHighId ? bySchool.has(s.id) : true));
  return {
    campaignId: c.id, deadline, today, items,
    status: visibleSchools.map((s) => {
      const rows = bySchool.get(s.id) ?? [];
      return {
        schoolId: s.id, schoolName: s.name, submitted: submitted.has(s.id), submittedAt: submitted.get(s.id) ?? null, overdue: statisticsOverdue(submitted.has(s.id), today, deadline),
        rows: rows.length, acknowledged: rows.filter((r) => r.ack === 'acknowledged').length, disputed: rows.filter((r) => r.ack === 'disputed').length,
      };
    }),
  };
}

export async function submitStatistics(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof submitStatisticsBody>): Promise<SendingStatistics> {
  const actor = rctx.actor!;
  const c = await campaignFor(deps, actor, body.campaignId);
  const schoolId = authorizeStatisticsSchool(actor, c.district);
  const today = (await deps.clock()).today;
  const live = await liveSendingRows(deps.db, c, today, { schoolId });
  const byJh = new Map(live.map((r) => [r.juniorHighId, r]));
  const problems: Record<string, string> = {};
  for (const [i, k] of body.corrections.entries()) {
    if (!byJh.has(k.juniorHighId)) problems[`corrections.${i}.juniorHighId`] = '本校没有来自该初中学校的学生，不能更正';
    for (const p of checkCorrection(k)) problems[`corrections.${i}.${p.field}`] = p.zh;
  }
  if (Object.keys(problems).length) throw new AppError(Object.keys(problems).some((k) => k.endsWith('.sum') || /\.(admitted|earlyTransfer|registered|noShow|pending)$/.test(k)) ? 'STATISTICS_CORRECTION_INVALID' : 'VALIDATION_FAILED', problems);
  const corrections = new Map(body.corrections.map((k) => [k.juniorHighId, k]));
  await deps.db.transaction(async (tx) => {
    const inserted = await queryRows<{ id: number }>(tx, sql`insert into sending_submissions (campaign_id, school_id, submitted_by) values (${c.id}, ${schoolId}, ${actor.userId}) on conflict (campaign_id, school_id) do nothing returning id`);
    if (!inserted[0]) throw new AppError('STATISTICS_ALREADY_SUBMITTED', {});
    for (const r of live) {
      const k = corrections.get(r.juniorHighId);
      const figures: SendingCounts = k ?? r;
      const changed = k && !sameCounts(k, r);
      await tx.execute(sql`
        insert into sending_rows (campaign_id, school_id, junior_high_id, admitted, early_transfer, registered, no_show, pending, no_show_by_reason, computed, correction_reason)
        values (${c.id}, ${schoolId}, ${r.juniorHighId}, ${figures.admitted}, ${figures.earlyTransfer}, ${figures.registered}, ${figures.noShow}, ${figures.pending}, ${JSON.stringify(r.noShowByReason)}::jsonb,
          ${changed ? JSON.stringify(pick(r)) : null}::jsonb, ${changed ? k.reason : null})`);
    }
    await writeAudit(tx, rctx, {
      action: 'statistics.submit', objectType: 'sending_statistics', objectId: `${c.id}:${schoolId}`, organizationId: schoolId,
      changes: { rows: live.length, corrections: body.corrections.filter((k) => !sameCounts(k, byJh.get(k.juniorHighId)!)).map((k) => ({ juniorHighId: k.juniorHighId, from: pick(byJh.get(k.juniorHighId)!), to: pick(k), reason: k.reason })) },
    });
  });
  return statisticsOf(deps.db, c, today, { schoolId });
}

const pick = (c: SendingCounts): SendingCounts => ({ admitted: c.admitted, earlyTransfer: c.earlyTransfer, registered: c.registered, noShow: c.noShow, pending: c.pending });

export async function acknowledgeStatistics(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof ackStatisticsBody>): Promise<SendingStatistics> {
  const actor = rctx.actor!;
  const c = await campaignFor(deps, actor, body.campaignId);
  const jh = authorizeStatisticsJuniorHigh(actor, c.district);
  if (body.decision === 'disputed' && body.note.trim().length < 2) throw new AppError('VALIDATION_FAILED', { note: '提出异议须说明理由' });
  await deps.db.transaction(async (tx) => {
    const [sub] = await queryRows<{ id: number }>(tx, sql`select id from sending_submissions where campaign_id = ${c.id} and school_id = ${body.schoolId}`);
    if (!sub) throw new AppError('STATISTICS_NOT_SUBMITTED', { schoolId: body.schoolId });
    const [row] = await queryRows<{ id: number; ack: string }>(tx, sql`select id, ack from sending_rows where campaign_id = ${c.id} and school_id = ${body.schoolId} and junior_high_id = ${jh} for update`);
    if (!row) throw new AppError('STATISTICS_NO_ROWS', { schoolId: body.schoolId });
    await tx.execute(sql`update sending_rows set ack = ${body.decision}, ack_note = ${body.note}, ack_by = ${actor.userId}, ack_at = now() where id = ${row.id}`);
    await writeAudit(tx, rctx, { action: `statistics.${body.decision === 'acknowledged' ? 'acknowledge' : 'dispute'}`, objectType: 'sending_statistics', objectId: `${c.id}:${body.schoolId}`, organizationId: jh, changes: { schoolId: body.schoolId, ack: { from: row.ack, to: body.decision }, note: body.note } });
  });
  return statisticsOf(deps.db, c, (await deps.clock()).today, { juniorHighId: jh });
}

export async function answerDispute(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof answerDisputeBody>): Promise<SendingStatistics> {
  const actor = rctx.actor!;
  const c = await campaignFor(deps, actor, body.campaignId);
  const schoolId = authorizeStatisticsSchool(actor, c.district);
  if (body.correction) {
    const problems = checkCorrection(body.correction);
    if (problems.length) throw new AppError('STATISTICS_CORRECTION_INVALID', Object.fromEntries(problems.map((p) => [`correction.${p.field}`, p.zh])));
  }
  await deps.db.transaction(async (tx) => {
    const [row] = await queryRows<Stored & { id: number }>(tx, sql`select * from sending_rows where campaign_id = ${c.id} and school_id = ${schoolId} and junior_high_id = ${body.juniorHighId} for update`);
    if (!row) throw new AppError('STATISTICS_NO_ROWS', { juniorHighId: body.juniorHighId });
    if (row.ack !== 'disputed') throw new AppError('STATISTICS_NOT_DISPUTED', { juniorHighId: body.juniorHighId });
    const before = { admitted: Number(row.admitted), earlyTransfer: Number(row.early_transfer), registered: Number(row.registered), noShow: Number(row.no_show), pending: Number(row.pending) };
    const k = body.correction;
    if (k && !sameCounts(k, before)) {
      await tx.execute(sql`update sending_rows set admitted = ${k.admitted}, early_transfer = ${k.earlyTransfer}, registered = ${k.registered}, no_show = ${k.noShow}, pending = ${k.pending},
        computed = coalesce(computed, ${JSON.stringify(before)}::jsonb), correction_reason = ${body.answer} where id = ${row.id}`);
    }
    // The junior high looks again: acknowledged or disputed anew.
    await tx.execute(sql`update sending_rows set answer = ${body.answer}, answered_at = now(), ack = 'pending' where id = ${row.id}`);
    await writeAudit(tx, rctx, { action: 'statistics.answer', objectType: 'sending_statistics', objectId: `${c.id}:${schoolId}`, organizationId: schoolId, changes: { juniorHighId: body.juniorHighId, answer: body.answer, ...(k && !sameCounts(k, before) ? { from: before, to: pick(k) } : {}) } });
  });
  return statisticsOf(deps.db, c, (await deps.clock()).today, { schoolId });
}
