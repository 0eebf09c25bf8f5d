import { minutesOf } from '@zhizhao/domain';

/** Minutes between two `HH:MM` times of one day (null when either is missing or wrong). */
export function lengthOf(start: string | null | undefined, end: string | null | undefined): number | null {
  const s = start ? minutesOf(start) : null;
  const e = end ? minutesOf(end) : null;
  return s === null || e === null ? null : e - s;
}

export const slotText = (v: { date: string; start: string; end: string }) => `${v.date} ${v.start}–${v.end}`;

/** `2027-04-21` → the weekday in the UI's language. */
export function weekdayName(date: string, locale: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' });
}

/** Every calendar day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`) && out.length < 62; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}
