/**
 * The business clock: what day the campaign believes it is. Security timing (sessions,
 * lockouts, audit timestamps) always uses the real time; windows and deadlines use this.
 * Sources, first match wins: ZHIZHAO_NOW (tests, scripted demos), the demo clock stored
 * in the database (demo mode only, shared by every server), the real time.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from './db/client';
import { appSettings } from './db/schema';

export type ClockSource = 'real' | 'env' | 'demo';
export type BusinessTime = { now: Date; today: string; source: ClockSource };

export const DEMO_CLOCK_KEY = 'demo_clock';

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dayIn(instant: Date, timeZone: string): string {
  // Building a DateTimeFormat costs ~0.1 ms: one per zone, reused (every request reads the clock).
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export type ClockOptions = { fixedNow?: string; timeZone: string; demo: boolean };

export async function businessTime(db: Queryable, opts: ClockOptions, real: Date = new Date()): Promise<BusinessTime> {
  if (opts.fixedNow) {
    const now = new Date(opts.fixedNow.length === 10 ? `${opts.fixedNow}T09:00:00+08:00` : opts.fixedNow);
    return { now, today: opts.fixedNow.length === 10 ? opts.fixedNow : dayIn(now, opts.timeZone), source: 'env' };
  }
  if (opts.demo) {
    const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, DEMO_CLOCK_KEY));
    const date = (row?.value as { date?: string } | undefined)?.date;
    if (date) {
      // The pretended day, at the real time of day in the campaign's zone.
      const realDay = dayIn(real, opts.timeZone);
      const shift = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${realDay}T00:00:00Z`);
      return { now: new Date(real.getTime() + shift), today: date, source: 'demo' };
    }
  }
  return { now: real, today: dayIn(real, opts.timeZone), source: 'real' };
}
