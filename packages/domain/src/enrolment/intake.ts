/**
 * After admission (R16, R17, R18), as pure rules: the state of each admitted student (pending,
 * registered, no-show), the registration window, the sending statistics computed from the records
 * and the checks on a school's corrections, and the statistics' status against the deadline.
 *
 * The intake of a vocational school is every student it admitted (an admission in force) and every
 * filed early transfer to it. Each student of the intake is in exactly one state:
 *  - registered: the school recorded the registration (报到);
 *  - no-show: a reason was recorded (by the school or the source junior high), or the registration
 *    deadline (the last day of the campaign's registration phase) has passed without registration
 *    — then the reason is `unknown` until somebody gives one;
 *  - pending: neither, and the deadline has not passed.
 */

export type IntakeState = 'pending' | 'registered' | 'no_show';
export type NoShowReason = 'general_high' | 'other_city' | 'work' | 'repeat_exam' | 'dropped_out' | 'unknown';

export type IntakeRecord = {
  source: 'admission' | 'early_transfer';
  registeredOn: string | null;
  noShowReason: NoShowReason | null;
};

export type DateWindow = { from: string; to: string };

/** The state on `today` (YYYY-MM-DD) with the registration window's last day as the deadline. */
export function intakeState(r: IntakeRecord, today: string, window: DateWindow): { state: IntakeState; reason: NoShowReason | null; byDeadline: boolean } {
  if (r.registeredOn) return { state: 'registered', reason: null, byDeadline: false };
  if (r.noShowReason) return { state: 'no_show', reason: r.noShowReason, byDeadline: false };
  if (today > window.to) return { state: 'no_show', reason: 'unknown', byDeadline: true };
  return { state: 'pending', reason: null, byDeadline: false };
}

export type RegistrationCheck = { ok: true } | { ok: false; code: 'ENROLMENT_WINDOW_CLOSED' | 'ENROLMENT_ALREADY_REGISTERED' | 'ENROLMENT_NO_SHOW_RECORDED'; window: DateWindow };

/** Whether the school may register the student today: inside the window, not yet registered, no no-show on record. */
export function canRegister(r: IntakeRecord, today: string, window: DateWindow): RegistrationCheck {
  if (r.registeredOn) return { ok: false, code: 'ENROLMENT_ALREADY_REGISTERED', window };
  if (r.noShowReason) return { ok: false, code: 'ENROLMENT_NO_SHOW_RECORDED', window };
  if (today < window.from || today > window.to) return { ok: false, code: 'ENROLMENT_WINDOW_CLOSED', window };
  return { ok: true };
}

// ------------------------------------------------------------------ 送培统计 (R18)

export type SendingCounts = { admitted: number; earlyTransfer: number; registered: number; noShow: number; pending: number };
export type SendingRecord = IntakeRecord & { schoolId: number; juniorHighId: number };
export type SendingRowFigures = SendingCounts & { schoolId: number; juniorHighId: number; noShowByReason: Partial<Record<NoShowReason, number>> };

/** One row per (school, source junior high) with students, in school then junior-high order. */
export function sendingRows(records: Iterable<SendingRecord>, today: string, window: DateWindow): SendingRowFigures[] {
  const rows = new Map<string, SendingRowFigures>();
  for (const r of records) {
    const key = `${r.schoolId}:${r.juniorHighId}`;
    let row = rows.get(key);
    if (!row) {
      row = { schoolId: r.schoolId, juniorHighId: r.juniorHighId, admitted: 0, earlyTransfer: 0, registered: 0, noShow: 0, pending: 0, noShowByReason: {} };
      rows.set(key, row);
    }
    if (r.source === 'admission') row.admitted++;
    else row.earlyTransfer++;
    const s = intakeState(r, today, window);
    if (s.state === 'registered') row.registered++;
    else if (s.state === 'pending') row.pending++;
    else {
      row.noShow++;
      row.noShowByReason[s.reason!] = (row.noShowByReason[s.reason!] ?? 0) + 1;
    }
  }
  return [...rows.values()].sort((a, b) => a.schoolId - b.schoolId || a.juniorHighId - b.juniorHighId);
}

export const countsAddUp = (c: SendingCounts) => c.admitted + c.earlyTransfer === c.registered + c.noShow + c.pending;

export type CorrectionProblem = { field: keyof SendingCounts | 'sum'; zh: string; en: string };

/**
 * A school's correction of a row: whole non-negative figures that still add up (R18). The intake
 * side (admitted, early transfer) may differ from the records only with a reason, which the caller
 * requires for any correction.
 */
export function checkCorrection(c: SendingCounts): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  for (const f of ['admitted', 'earlyTransfer', 'registered', 'noShow', 'pending'] as const) {
    if (!Number.isInteger(c[f]) || c[f] < 0) problems.push({ field: f, zh: '须为非负整数', en: 'must be a whole number, 0 or more' });
  }
  if (problems.length === 0 && !countsAddUp(c)) problems.push({ field: 'sum', zh: '录取数＋提前到中职学习数 须等于 报到数＋未报到数＋待报到数', en: 'admitted + early transfer must equal registered + no-shows + pending' });
  return problems;
}

export const sameCounts = (a: SendingCounts, b: SendingCounts) =>
  a.admitted === b.admitted && a.earlyTransfer === b.earlyTransfer && a.registered === b.registered && a.noShow === b.noShow && a.pending === b.pending;

/** A school's statistics are overdue when not submitted after the campaign's due date (R18: early October). */
export function statisticsOverdue(submitted: boolean, today: string, deadline: string): boolean {
  return !submitted && today > deadline;
}

/** The vocational share on actual registrations (R12): registered ÷ (registered + general); null with nobody yet. */
export function registeredShare(registered: number, general: number): number | null {
  const all = registered + general;
  return all === 0 ? null : registered / all;
}
