import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { appSettings } from '../../db/schema';
import { DEMO_CLOCK_KEY } from '../../clock';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';

/** Demo mode only: the day every server pretends it is (null: back to the real date). */
export async function setDemoClock(deps: AppDeps, ctx: RequestContext, date: string | null): Promise<void> {
  if (!deps.demo || deps.config.fixedNow) throw new AppError('DEMO_ONLY');
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(appSettings).where(eq(appSettings.key, DEMO_CLOCK_KEY));
    const value = { date };
    await tx
      .insert(appSettings)
      .values({ key: DEMO_CLOCK_KEY, value, updatedAt: new Date() })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
    await writeAudit(tx, ctx, {
      action: 'clock.set',
      objectType: 'clock',
      objectId: null,
      changes: { date: { from: (before?.value as { date?: string } | undefined)?.date ?? null, to: date } },
    });
  });
}
