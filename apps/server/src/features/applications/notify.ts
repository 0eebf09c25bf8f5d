/**
 * Messages to families (slip issued, choice confirmed, deadline near) go through one channel
 * with a provider interface (issue 9 §3). No SMS gateway is reachable here: the built-in
 * provider is the outbox itself — the `notifications` row is the message, status `queued`,
 * and the bureau reads it (`GET /api/notifications`). A real gateway would implement
 * `deliver` and answer `sent`. Messages carry no secrets and only masked phone numbers.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { notifications } from '../../db/schema';

export type NotificationTemplate = 'slip_issued' | 'choice_confirmed' | 'deadline_near' | 'password_reset' | 'social_confirmed';

export type NotificationMessage = {
  campaignId: number;
  studentId: number | null;
  recipient: 'student' | 'guardian';
  template: NotificationTemplate | string;
  /** The masked phone it goes to (never the whole number). */
  to: string;
  body: string;
  /** One message per key: a second queue with the same key does nothing. */
  dedupeKey?: string | null;
};

export type NotificationProvider = { name: string; deliver(tx: Tx, message: NotificationMessage & { id: number }): Promise<'queued' | 'sent'> };

/** The outbox: the stored row is the message; nothing leaves the system. */
export const outboxProvider: NotificationProvider = { name: 'outbox', deliver: async () => 'queued' };

let provider: NotificationProvider = outboxProvider;
/** Swaps the provider (a gateway in production, a fake in tests). */
export function setNotificationProvider(p: NotificationProvider): void {
  provider = p;
}
export const notificationProvider = (): NotificationProvider => provider;

/**
 * Queues one message inside the caller's transaction (it commits or rolls back with the change
 * it announces). Returns false when a message with the same dedupe key exists already.
 */
export async function queueNotification(tx: Tx, message: NotificationMessage): Promise<boolean> {
  const p = provider;
  const [row] = await tx
    .insert(notifications)
    .values({ campaignId: message.campaignId, studentId: message.studentId, recipient: message.recipient, template: message.template, to: message.to, body: message.body, provider: p.name, dedupeKey: message.dedupeKey ?? null })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  if (!row) return false;
  const status = await p.deliver(tx, { ...message, id: row.id });
  if (status !== 'queued') await tx.update(notifications).set({ status }).where(eq(notifications.id, row.id));
  return true;
}

/**
 * Many messages of one template at once (the deadline reminders): one INSERT … SELECT FROM
 * unnest for the outbox (STACK.md: bulk writes), one queueNotification each for another provider.
 */
export async function queueNotifications(tx: Tx, messages: NotificationMessage[]): Promise<number> {
  if (!messages.length) return 0;
  const p = provider;
  if (p !== outboxProvider) {
    let n = 0;
    for (const m of messages) if (await queueNotification(tx, m)) n++;
    return n;
  }
  const col = <K extends keyof NotificationMessage>(k: K) => messages.map((m) => m[k] ?? null);
  const result = (await tx.execute(sql`
    insert into notifications (campaign_id, student_id, recipient, template, "to", body, provider, dedupe_key)
    select * from unnest(${sql.param(col('campaignId'))}::int[], ${sql.param(col('studentId'))}::int[], ${sql.param(col('recipient'))}::text[],
      ${sql.param(col('template'))}::text[], ${sql.param(col('to'))}::text[], ${sql.param(col('body'))}::text[],
      ${sql.param(messages.map(() => p.name))}::text[], ${sql.param(col('dedupeKey'))}::text[])
    on conflict (dedupe_key) do nothing
    returning id`)) as unknown as { rows: unknown[] };
  return result.rows.length;
}
