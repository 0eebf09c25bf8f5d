/**
 * The bureau's view of the notification outbox, and the deadline reminders: one 'deadline_near'
 * message per student of the campaign whose application is not confirmed (undecided included),
 * at most one per student and day (dedupe key), queued by the district bureau of the campaign.
 */
import { and, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { notification, notificationQuery } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { applications, campaigns, notifications, students } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { canSummarize } from '../../auth/student-policy';
import { districtScope } from '../../auth/scope-sql';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { campaignById, campaignOfActor } from './bureau-campaign';
import { queueNotifications } from './notify';

type Notification = z.infer<typeof notification>;
const isBureau = (a: Actor) => a.orgKind === 'district_bureau' || a.orgKind === 'city_bureau';

export async function listNotifications(deps: AppDeps, actor: Actor, q: z.infer<typeof notificationQuery>) {
  if (!isBureau(actor)) throw new AppError('FORBIDDEN', { permission: 'notification.read' });
  const conditions: Array<SQL | undefined> = [q.template ? eq(notifications.template, q.template) : undefined];
  const c = await campaignOfActor(deps, actor, q.campaignId);
  if (c) {
    if (!canSummarize(actor, c.district)) throw new AppError('FORBIDDEN', { permission: 'notification.read' });
    conditions.push(eq(notifications.campaignId, c.id));
  } else {
    // The city without a campaign named: its districts' campaigns of the business year.
    const year = Number((await deps.clock()).today.slice(0, 4));
    conditions.push(sql`${notifications.campaignId} in (select ${campaigns.id} from ${campaigns} where ${districtScope(actor, campaigns.districtId)} and ${campaigns.year} = ${year})`);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(notifications).where(where),
  ]);
  const items: Notification[] = rows.map((r) => ({
    id: r.id, campaignId: r.campaignId, studentId: r.studentId, recipient: r.recipient as Notification['recipient'], template: r.template, to: r.to, body: r.body,
    provider: r.provider, status: r.status, createdAt: r.createdAt.toISOString(),
  }));
  return { items, total: Number(total!.n), page: q.page, pageSize: q.pageSize };
}

export async function queueDeadlineReminders(deps: AppDeps, rctx: RequestContext, campaignId: number): Promise<{ queued: number }> {
  const actor = rctx.actor!;
  const c = await campaignById(deps.db, campaignId);
  if (actor.orgKind !== 'district_bureau' || !canSummarize(actor, c.district)) throw new AppError('FORBIDDEN', { permission: 'notification.read' });
  const { today } = await deps.clock();
  const deadline = withSettingDefaults(c.settings as CampaignSettings).phases.application.to;
  const due = await deps.db
    .select({ id: students.id, name: students.name, kind: students.kind, phoneMasked: students.phoneMasked })
    .from(students)
    .leftJoin(applications, eq(applications.studentId, students.id))
    .where(and(eq(students.campaignId, c.id), eq(students.active, true), inArray(students.kind, ['grade9', 'social']), or(isNull(applications.id), ne(applications.status, 'confirmed'))));
  const [m, d] = [Number(deadline.slice(5, 7)), Number(deadline.slice(8, 10))];
  const messages = due.map((s) => ({
    campaignId: c.id, studentId: s.id, recipient: (s.kind === 'social' ? 'student' : 'guardian') as 'student' | 'guardian', template: 'deadline_near', to: s.phoneMasked,
    body: `【${c.name}】${s.name}的志愿尚未确认，志愿填报将于${m}月${d}日截止。请登录系统选择方向并由学生和家长确认；确认前可随时修改。`,
    dedupeKey: `deadline_near:${s.id}:${today}`,
  }));
  return deps.db.transaction(async (tx) => {
    const queued = await queueNotifications(tx, messages);
    await writeAudit(tx, rctx, { action: 'notification.deadline_reminders', objectType: 'campaign', objectId: c.id, changes: { queued, date: today }, organizationId: c.district.id });
    return { queued };
  });
}
