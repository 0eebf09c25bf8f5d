/**
 * At the gate: is a permit good now, here? The permit's slot is local time in the campaign's
 * time zone; `now` is an instant, converted with Intl so it works the same on a server in UTC
 * and a phone anywhere.
 */
import type { LocalSlot } from './rules';
import { minutesOf } from './rules';

export type GateStatus = 'valid' | 'revoked' | 'not_yet' | 'over' | 'another_junior_high';
/** Why: `another_day` (a day before or after the permit's), `too_early`, `ended`, or the status itself. */
export type GateReason = 'ok' | 'revoked' | 'another_junior_high' | 'another_day' | 'too_early' | 'ended';

/** The local calendar date and minute of the day of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * `graceMinutes`: a recruiter may arrive a little early (default 30) — the permit shows valid
 * from then until the end of the slot.
 */
export function gateStatus(
  permit: LocalSlot & { juniorHighId: number; revoked: boolean },
  now: Date,
  opts: { timeZone: string; atJuniorHighId?: number; graceMinutes?: number },
): { status: GateStatus; reason: GateReason } {
  if (permit.revoked) return { status: 'revoked', reason: 'revoked' };
  if (opts.atJuniorHighId !== undefined && opts.atJuniorHighId !== permit.juniorHighId) return { status: 'another_junior_high', reason: 'another_junior_high' };
  const here = localTime(now, opts.timeZone);
  if (here.date < permit.date) return { status: 'not_yet', reason: 'another_day' };
  if (here.date > permit.date) return { status: 'over', reason: 'another_day' };
  if (here.minutes < minutesOf(permit.start)! - (opts.graceMinutes ?? 30)) return { status: 'not_yet', reason: 'too_early' };
  if (here.minutes >= minutesOf(permit.end)!) return { status: 'over', reason: 'ended' };
  return { status: 'valid', reason: 'ok' };
}
