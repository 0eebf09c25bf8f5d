import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRegister, checkCorrection, countsAddUp, intakeState, registeredShare, sendingRows, statisticsOverdue, type NoShowReason, type SendingRecord } from './intake';

const window = { from: '2026-08-15', to: '2026-09-30' };
const pending = { source: 'admission' as const, registeredOn: null, noShowReason: null };

describe('intake state (R16)', () => {
  it('is pending until the deadline, a no-show of unknown reason the day after', () => {
    expect(intakeState(pending, '2026-09-30', window)).toEqual({ state: 'pending', reason: null, byDeadline: false });
    expect(intakeState(pending, '2026-10-01', window)).toEqual({ state: 'no_show', reason: 'unknown', byDeadline: true });
  });
  it('a recorded reason makes a no-show before the deadline; a registration wins over the deadline', () => {
    expect(intakeState({ ...pending, noShowReason: 'general_high' }, '2026-08-20', window)).toEqual({ state: 'no_show', reason: 'general_high', byDeadline: false });
    expect(intakeState({ ...pending, registeredOn: '2026-09-01' }, '2027-01-01', window).state).toBe('registered');
  });
});

describe('registration (报到)', () => {
  it('is open from the first to the last day of the window, inclusive', () => {
    expect(canRegister(pending, '2026-08-14', window)).toMatchObject({ ok: false, code: 'ENROLMENT_WINDOW_CLOSED' });
    expect(canRegister(pending, '2026-08-15', window)).toEqual({ ok: true });
    expect(canRegister(pending, '2026-09-30', window)).toEqual({ ok: true });
    expect(canRegister(pending, '2026-10-01', window)).toMatchObject({ ok: false, code: 'ENROLMENT_WINDOW_CLOSED' });
  });
  it('refuses twice, and over a recorded no-show', () => {
    expect(canRegister({ ...pending, registeredOn: '2026-08-20' }, '2026-08-21', window)).toMatchObject({ ok: false, code: 'ENROLMENT_ALREADY_REGISTERED' });
    expect(canRegister({ ...pending, noShowReason: 'work' }, '2026-08-21', window)).toMatchObject({ ok: false, code: 'ENROLMENT_NO_SHOW_RECORDED' });
  });
});

const reasons: NoShowReason[] = ['general_high', 'other_city', 'work', 'repeat_exam', 'dropped_out', 'unknown'];
const record = fc.record({
  schoolId: fc.integer({ min: 1, max: 4 }),
  juniorHighId: fc.integer({ min: 10, max: 14 }),
  source: fc.constantFrom('admission' as const, 'early_transfer' as const),
  registeredOn: fc.option(fc.constantFrom('2026-08-15', '2026-09-01', '2026-09-30'), { nil: null }),
  noShowReason: fc.option(fc.constantFrom(...reasons), { nil: null }),
});
const day = fc.constantFrom('2026-08-01', '2026-08-15', '2026-09-30', '2026-10-01', '2026-10-20');

describe('sending statistics from the records (R18)', () => {
  it('every row adds up, every student is counted in exactly one state, no-shows by reason add up', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), day, (records: SendingRecord[], today) => {
        const rows = sendingRows(records, today, window);
        const total = rows.reduce((n, r) => n + r.admitted + r.earlyTransfer, 0);
        expect(total).toBe(records.length);
        expect(rows.reduce((n, r) => n + r.registered + r.noShow + r.pending, 0)).toBe(records.length);
        for (const r of rows) {
          expect(countsAddUp(r)).toBe(true);
          expect(Object.values(r.noShowByReason).reduce((a, b) => a + (b ?? 0), 0)).toBe(r.noShow);
          if (today > window.to) expect(r.pending).toBe(0);
        }
        expect(new Set(rows.map((r) => `${r.schoolId}:${r.juniorHighId}`)).size).toBe(rows.length);
      }),
    );
  });
  it('counts admissions and early transfers apart', () => {
    const rows = sendingRows(
      [
        { schoolId: 1, juniorHighId: 10, ...pending },
        { schoolId: 1, juniorHighId: 10, source: 'early_transfer', registeredOn: '2026-08-20', noShowReason: null },
        { schoolId: 1, juniorHighId: 10, source: 'admission', registeredOn: null, noShowReason: 'repeat_exam' },
      ],
      '2026-09-01',
      window,
    );
    expect(rows).toEqual([{ schoolId: 1, juniorHighId: 10, admitted: 2, earlyTransfer: 1, registered: 1, noShow: 1, pending: 1, noShowByReason: { repeat_exam: 1 } }]);
  });
});

describe('a school\'s correction', () => {
  it('must stay whole, non-negative and add up', () => {
    expect(checkCorrection({ admitted: 3, earlyTransfer: 1, registered: 2, noShow: 1, pending: 1 })).toEqual([]);
    expect(checkCorrection({ admitted: 3, earlyTransfer: 1, registered: 3, noShow: 1, pending: 1 }).map((p) => p.field)).toEqual(['sum']);
    expect(checkCorrection({ admitted: -1, earlyTransfer: 1, registered: 0, noShow: 0, pending: 0 }).map((p) => p.field)).toEqual(['admitted']);
    expect(checkCorrection({ admitted: 1.5, earlyTransfer: 0, registered: 1.5, noShow: 0, pending: 0 }).map((p) => p.field)).toEqual(['admitted', 'registered']);
  });
});

describe('deadline and share', () => {
  it('is overdue only the day after the due date, and never once submitted', () => {
    expect(statisticsOverdue(false, '2026-10-10', '2026-10-10')).toBe(false);
    expect(statisticsOverdue(false, '2026-10-11', '2026-10-10')).toBe(true);
    expect(statisticsOverdue(true, '2026-12-01', '2026-10-10')).toBe(false);
  });
  it('the registered share is null with nobody, else registered over registered plus general', () => {
    expect(registeredShare(0, 0)).toBeNull();
    expect(registeredShare(45, 55)).toBeCloseTo(0.45);
  });
});
