/**
 * Saving a version of an application (志愿) — by the student, the guardian, or junior-high
 * staff on the family's behalf (R11 自愿: the record says who entered each change, and an
 * entry on the family's behalf is final only once the family confirms it).
 *
 * Read → decide (pure: the domain's checkApplication, the exclusive track R11, at most K
 * choices, qualified R4 and filed R7 programmes) → write + audit in one transaction. The facts
 * of the chosen programmes are read by id in this request (one indexed query), never from a
 * cache. Inside the transaction the application row is locked (lock order: application →
 * audit head, the audit event last, since it serialises every writer on the chain head), its
 * current choices read with it, and an identical save is a no-op (no new version).
 * A save keeps the confirmations: they name older versions, so the status drops back.
 */
import { eq, sql } from 'drizzle-orm';
import { applicationStatus, checkApplication, inApplicationWindow, type EnteredBy, type Track } from '@zhizhao/domain';
import type { ApplicationView } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { applicationChoices, applications, auditQueue } from '../../db/schema';
import { queryRows } from '../../db/client';
import { queueAudit, queuedAuditRow, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { loadProgrammes } from './programmes';
import type { ApplicationRow, ChoiceView, StudentCtx } from './queries';
import { confirmationFacts, presentApplication } from './view';

export type SaveInput = { track: Track | null; choices: Array<{ programmeId: number }>; acceptAdjustment: boolean };

/** The application row, locked, with its current choices (programme ids by rank). */
export async function lockApplication(tx: Tx, studentId: number): Promise<{ app: ApplicationRow; ids: number[] } | null> {
  const [row] = await tx
    .select({ app: applications, ids: sql<number[]>`array(select ${applicationChoices.programmeId} from ${applicationChoices} where ${applicationChoices.applicationId} = ${applications.id} order by ${applicationChoices.rank})` })
    .from(applications)
    .where(eq(applications.studentId, studentId))
    .for('update');
  return row ? { app: row.app, ids: (row.ids ?? []).map(Number) } : null;
}

/** The facts an audit event of the application keeps (the history is rebuilt from them). */
/** What the history rebuilds from an event; `businessAt` is the campaign's clock (the audit's `at` is the real time: they differ in the demo). */
export const historyFacts = (by: EnteredBy, app: Pick<ApplicationRow, 'version' | 'track' | 'acceptAdjustment'>, ids: number[], businessAt: Date) => ({
  by, version: app.version, track: app.track, choices: ids, acceptAdjustment: app.acceptAdjustment, businessAt: businessAt.toISOString(),
});

/** Where an application's events are filed: its junior high (the district for a social applicant). */
export const auditOrgOf = (ctx: StudentCtx) => ctx.student.juniorHighId ?? ctx.district.id;

export function assertWindow(ctx: StudentCtx, today: string) {
  const w = ctx.campaign.settings.phases.application;
  if (!inApplicationWindow(today, ctx.campaign.settings)) throw new AppError('APPLICATION_OUTSIDE_WINDOW', { rule: 'R11', window: w, today });
}

export async function saveApplication(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, by: EnteredBy, input: SaveInput): Promise<ApplicationView> {
  const { now, today } = await deps.clock();
  assertWindow(ctx, today);
  const track = input.track;
  // R13: a student asking for, or studying at, a vocational school early stays on that track.
  if (track !== 'vocational' && ctx.earlyTransferActive) throw new AppError('APPLICATION_EARLY_TRANSFER_HOLDS', { rule: 'R13' });
  const ids = input.choices.map((c) => c.programmeId);
  // 服从调剂 means something only for vocational choices.
  const acceptAdjustment = track === 'vocational' ? input.acceptAdjustment : false;
  const { items, facts } = await loadProgrammes(deps.db, ctx.campaign, [...new Set(ids)].slice(0, 50));
  const refusals = checkApplication({ track, programmeIds: ids, acceptAdjustment }, { maxChoices: ctx.campaign.settings.maxChoices, programmes: facts, social: ctx.student.kind === 'social' });
  if (refusals.length) throw new AppError(refusals[0]!.code, { rule: refusals[0]!.rule, refusals });

  const byId = new Map(items.map((p) => [p.programmeId, p]));
  const choices: ChoiceView[] = ids.map((id, i) => ({ rank: i + 1, programmeId: id, schoolName: byId.get(id)!.schoolName, majorName: byId.get(id)!.majorName, campusName: byId.get(id)!.campusName }));
  const view = (app: ApplicationRow | null) => presentApplication(ctx, app, choices, today, ctx.campaign.settings);
  // Nothing saved and nothing chosen: no row to create.
  if (!ctx.app && track === null && !ids.length) return view(null);

  // The usual case — a known version changed by its family — is one statement; a first save or a
  // concurrent change takes the locked transaction below.
  if (ctx.app && ctx.app.version > 0) {
    const fast = await saveInOneStatement(deps, rctx, ctx, by, { track, acceptAdjustment, ids, now });
    if (fast !== 'conflict') return fast === 'same' ? view(ctx.app) : view(fast);
  }

  return deps.db.transaction(async (tx) => {
    if (!ctx.app) await tx.insert(applications).values({ campaignId: ctx.campaign.id, studentId: ctx.student.id }).onConflictDoNothing({ target: applications.studentId });
    const locked = await lockApplication(tx, ctx.student.id);
    if (!locked) throw new AppError('NOT_FOUND', { studentId: ctx.student.id });
    const { app } = locked;
    const same = app.track === track && app.acceptAdjustment === acceptAdjustment && locked.ids.length === ids.length && locked.ids.every((id, i) => id === ids[i]);
    if (same && app.version > 0) return view(app);

    const version = app.version + 1;
    const status = applicationStatus({ ...confirmationFacts(app, ctx.student.kind === 'social'), track, version });
    const familyAfterStaff = by !== 'staff' && app.enteredBy === 'staff';
    const [saved] = await tx
      .update(applications)
      .set({
        track, acceptAdjustment, version, status, enteredBy: by, enteredByUserId: rctx.actor!.userId, enteredAt: now, updatedAt: new Date(),
        staffEntries: sql`${applications.staffEntries} + ${by === 'staff' ? 1 : 0}`,
        changesAfterStaff: sql`${applications.changesAfterStaff} + ${familyAfterStaff ? 1 : 0}`,
      })
      .where(eq(applications.id, app.id))
      .returning();
    const choicesChanged = locked.ids.length !== ids.length || locked.ids.some((id, i) => id !== ids[i]);
    if (choicesChanged) {
      if (locked.ids.length) await tx.delete(applicationChoices).where(eq(applicationChoices.applicationId, app.id));
      if (ids.length) await tx.insert(applicationChoices).values(ids.map((programmeId, i) => ({ applicationId: app.id, rank: i + 1, programmeId })));
    }
    await queueAudit(tx, rctx, { action: 'application.save', objectType: 'application', objectId: app.id, changes: historyFacts(by, saved!, ids, now), organizationId: auditOrgOf(ctx) });
    return view(saved!);
  });
}

type Decided = { track: Track | null; acceptAdjustment: boolean; ids: number[]; now: Date };
const p = (values: unknown[]) => sql.param(values);

/**
 * The whole write in one round trip (docs/applications-benchmark.md: round trips were the save's
 * cost): optimistic on the version read with the context — the update matches only if nobody saved
 * in between ('conflict' otherwise, and the caller takes the locked path); the choices are
 * upserted by rank and the surplus deleted (no key is both deleted and inserted); the audit event
 * is queued in the same statement, so it commits with the change or not at all.
 */
async function saveInOneStatement(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, by: EnteredBy, d: Decided): Promise<ApplicationRow | 'same' | 'conflict'> {
  const app = ctx.app!;
  const old = ctx.choiceIds;
  const same = app.track === d.track && app.acceptAdjustment === d.acceptAdjustment && old.length === d.ids.length && old.every((id, i) => id === d.ids[i]);
  if (same) return 'same';
  const version = app.version + 1;
  const status = applicationStatus({ ...confirmationFacts(app, ctx.student.kind === 'social'), track: d.track, version });
  const familyAfterStaff = by !== 'staff' && app.enteredBy === 'staff';
  const saved: ApplicationRow = {
    ...app, track: d.track, acceptAdjustment: d.acceptAdjustment, version, status, enteredBy: by, enteredByUserId: rctx.actor!.userId, enteredAt: d.now, updatedAt: new Date(),
    staffEntries: app.staffEntries + (by === 'staff' ? 1 : 0), changesAfterStaff: app.changesAfterStaff + (familyAfterStaff ? 1 : 0),
  };
  const event = queuedAuditRow(rctx, { action: 'application.save', objectType: 'application', objectId: app.id, changes: historyFacts(by, saved, d.ids, d.now), organizationId: auditOrgOf(ctx) });
  const ranks = d.ids.map((_, i) => i + 1);
  const rows = await queryRows<{ id: number }>(deps.db, sql`
    with upd as (
      update ${applications} set track = ${d.track}, accept_adjustment = ${d.acceptAdjustment}, version = ${version}, status = ${status},
        entered_by = ${by}, entered_by_user_id = ${saved.enteredByUserId}, entered_at = ${d.now.toISOString()}::timestamptz, updated_at = now(),
        staff_entries = ${saved.staffEntries}, changes_after_staff = ${saved.changesAfterStaff}
      where id = ${app.id} and version = ${app.version}
      returning id
    ), del as (
      delete from ${applicationChoices} where application_id in (select id from upd) and rank > ${d.ids.length}
    ), ups as (
      insert into ${applicationChoices} (application_id, rank, programme_id)
      select upd.id, c.rank, c.pid from upd, unnest(${p(ranks)}::int[], ${p(d.ids)}::int[]) as c(rank, pid)
      on conflict (application_id, rank) do update set programme_id = excluded.programme_id
    ), aud as (
      insert into ${auditQueue} (at, actor_user_id, actor_username, organization_id, action, object_type, object_id, changes, request_id, ip)
      select ${event.at.toISOString()}::timestamptz, ${event.actorUserId}::int, ${event.actorUsername}, ${event.organizationId}::int, ${event.action}, ${event.objectType},
        ${event.objectId}, ${JSON.stringify(event.changes)}::jsonb, ${event.requestId}, ${event.ip} from upd
    )
    select id from upd`);
  return rows.length ? saved : 'conflict';
}
