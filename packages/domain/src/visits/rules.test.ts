import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCampaignSettings } from '../campaign/settings';
import { checkVisit, overlaps, visitOverrun, type LocalSlot, type VisitContext } from './rules';
import { gateStatus, localTime } from './gate';

const s = defaultCampaignSettings(2027);
const base: VisitContext = {
  runBy: 'district',
  qualified: true,
  hasFiledBrochure: true,
  windows: { districtRun: s.visitWindowDistrictRun, cityRun: s.visitWindowCityRun },
  maxVisitMinutes: s.maxVisitMinutes,
  protectedPeriods: [],
  approvedAtJuniorHigh: [],
};
const codes = (slot: LocalSlot, ctx: Partial<VisitContext> = {}) => checkVisit(slot, { ...base, ...ctx }).map((r) => r.code);
const slot = (date: string, start = '14:00', end = '15:30'): LocalSlot => ({ date, start, end });

describe('visit rules from the plan (R9, R10)', () => {
  const cases: Array<[string, 'district' | 'city', string, string, string, string[]]> = [
    // the window edges, early and late in the day
    ['district-run, first day, at dawn', 'district', '2027-04-20', '00:00', '01:00', []],
    ['district-run, last day, late', 'district', '2027-04-26', '22:00', '23:59', []],
    ['district-run, the day before', 'district', '2027-04-19', '14:00', '15:00', ['VISIT_OUTSIDE_WINDOW']],
    ['district-run, the day after', 'district', '2027-04-27', '08:00', '09:00', ['VISIT_OUTSIDE_WINDOW']],
    ['city-run, first day', 'city', '2027-04-27', '08:00', '10:00', []],
    ['city-run, last day', 'city', '2027-04-30', '16:00', '18:00', []],
    ['city-run, in the district window', 'city', '2027-04-26', '08:00', '09:00', ['VISIT_OUTSIDE_WINDOW']],
    ['city-run, May 1', 'city', '2027-05-01', '08:00', '09:00', ['VISIT_OUTSIDE_WINDOW']],
    // length
    ['exactly 2 hours', 'district', '2027-04-21', '08:00', '10:00', []],
    ['2 hours 1 minute', 'district', '2027-04-21', '08:00', '10:01', ['VISIT_TOO_LONG']],
    ['ends before it starts', 'district', '2027-04-21', '10:00', '09:00', ['VISIT_BAD_TIME']],
    ['not a time', 'district', '2027-04-21', '9am', '10:00', ['VISIT_BAD_TIME']],
  ];
  for (const [name, runBy, date, start, end, expected] of cases) {
    it(name, () => expect(codes({ date, start, end }, { runBy })).toEqual(expected));
  }

  it('refuses an unqualified school (R4) and one without a filed brochure (R7), naming the rule', () => {
    const r = checkVisit(slot('2027-04-21'), { ...base, qualified: false, hasFiledBrochure: false });
    expect(r.map((x) => [x.code, x.rule])).toEqual([['SCHOOL_NOT_QUALIFIED', 'R4'], ['VISIT_NO_FILED_BROCHURE', 'R7']]);
    expect(r[0]!.zh).toContain('R4');
  });

  it('takes the campaign settings, not the plan constants', () => {
    expect(codes(slot('2027-04-21', '08:00', '09:30'), { maxVisitMinutes: 60 })).toEqual(['VISIT_TOO_LONG']);
    expect(codes(slot('2027-05-03'), { windows: { districtRun: { from: '2027-05-01', to: '2027-05-05' }, cityRun: base.windows.cityRun } })).toEqual([]);
  });

  it('keeps out of protected lesson time, by weekday or by date', () => {
    // 2027-04-21 is a Wednesday
    expect(codes(slot('2027-04-21', '10:00', '11:00'), { protectedPeriods: [{ weekday: 3, start: '08:00', end: '11:30' }] })).toEqual(['VISIT_IN_PROTECTED_TIME']);
    expect(codes(slot('2027-04-21', '11:30', '12:30'), { protectedPeriods: [{ weekday: 3, start: '08:00', end: '11:30' }] })).toEqual([]);
    expect(codes(slot('2027-04-22', '10:00', '11:00'), { protectedPeriods: [{ weekday: 3, start: '08:00', end: '11:30' }] })).toEqual([]);
    expect(codes(slot('2027-04-22', '15:00', '16:00'), { protectedPeriods: [{ date: '2027-04-22', start: '14:00', end: '17:00', label: '期中考试' }] })).toEqual(['VISIT_IN_PROTECTED_TIME']);
  });

  it('lets back-to-back visits touch but not overlap', () => {
    const approved = [{ date: '2027-04-21', start: '14:00', end: '15:30', school: '市职高' }];
    expect(codes(slot('2027-04-21', '15:30', '16:30'), { approvedAtJuniorHigh: approved })).toEqual([]);
    expect(codes(slot('2027-04-21', '13:00', '14:00'), { approvedAtJuniorHigh: approved })).toEqual([]);
    expect(codes(slot('2027-04-21', '15:29', '16:30'), { approvedAtJuniorHigh: approved })).toEqual(['VISIT_OVERLAPS']);
    expect(codes(slot('2027-04-22', '14:00', '15:30'), { approvedAtJuniorHigh: approved })).toEqual([]);
  });

  it('approving one by one through the rules never yields overlapping visits at a junior high', () => {
    const time = fc.integer({ min: 0, max: 23 * 60 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    const request = fc.record({ date: fc.constantFrom('2027-04-20', '2027-04-21', '2027-04-22'), start: time, end: time });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const approved: LocalSlot[] = [];
        for (const r of requests) if (checkVisit(r, { ...base, approvedAtJuniorHigh: approved }).length === 0) approved.push(r);
        for (let i = 0; i < approved.length; i++) for (let j = i + 1; j < approved.length; j++) expect(overlaps(approved[i]!, approved[j]!)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('measures an overrun against the slot and the limit', () => {
    const t = (hm: string) => new Date(`2027-04-21T${hm}:00+08:00`);
    expect(visitOverrun(slot('2027-04-21', '14:00', '15:30'), t('14:00'), t('15:30'), 120)).toEqual({ actualMinutes: 90, plannedMinutes: 90, overrun: false });
    expect(visitOverrun(slot('2027-04-21', '14:00', '15:30'), t('14:00'), t('15:45'), 120)).toMatchObject({ actualMinutes: 105, overrun: true });
  });
});

describe('requests that make no sense (issue 15 §2)', () => {
  const at = (date: string, start: string, end: string) => ({ date, start, end });
  it('refuses a day gone, accepts today, at the edge', () => {
    expect(codes(at('2027-04-20', '14:00', '15:00'), { today: '2027-04-21' })).toEqual(['VISIT_IN_PAST']);
    expect(codes(at('2027-04-21', '14:00', '15:00'), { today: '2027-04-21' })).toEqual([]);
  });
  it('keeps a visit inside the school day, touching its edges', () => {
    const schoolDay = { start: '07:30', end: '18:00' };
    expect(codes(at('2027-04-21', '00:00', '01:55'), { schoolDay })).toEqual(['VISIT_OUTSIDE_SCHOOL_DAY']);
    expect(codes(at('2027-04-21', '07:00', '08:00'), { schoolDay })).toEqual(['VISIT_OUTSIDE_SCHOOL_DAY']);
    expect(codes(at('2027-04-21', '07:30', '09:00'), { schoolDay })).toEqual([]);
    expect(codes(at('2027-04-21', '16:30', '18:00'), { schoolDay })).toEqual([]);
    expect(codes(at('2027-04-21', '17:00', '18:01'), { schoolDay })).toEqual(['VISIT_OUTSIDE_SCHOOL_DAY']);
  });
  it("refuses the same school's overlapping request at the same junior high, not a touching one", () => {
    const own = [{ id: 7, date: '2027-04-21', start: '14:00', end: '15:00' }];
    expect(checkVisit(at('2027-04-21', '14:30', '15:30'), { ...base, ownAtJuniorHigh: own }).map((r) => [r.code, r.rule, r.details])).toEqual([['VISIT_DUPLICATE', 'R19', { visitId: 7 }]]);
    expect(codes(at('2027-04-21', '15:00', '16:00'), { ownAtJuniorHigh: own })).toEqual([]);
  });
});

describe('at the gate', () => {
  const permit = { date: '2027-04-21', start: '14:00', end: '15:30', juniorHighId: 7, revoked: false };
  const zone = 'Asia/Shanghai';
  const at = (iso: string) => new Date(iso);
  it('is valid during the slot (from 30 minutes before), whatever the server time zone', () => {
    expect(gateStatus(permit, at('2027-04-21T06:00:00Z'), { timeZone: zone })).toEqual({ status: 'valid', reason: 'ok' }); // 14:00 local
    expect(gateStatus(permit, at('2027-04-21T05:30:00Z'), { timeZone: zone }).status).toBe('valid'); // 13:30 local
    expect(gateStatus(permit, at('2027-04-21T05:29:00Z'), { timeZone: zone })).toEqual({ status: 'not_yet', reason: 'too_early' });
    expect(gateStatus(permit, at('2027-04-21T07:30:00Z'), { timeZone: zone })).toEqual({ status: 'over', reason: 'ended' }); // 15:30 local
  });
  it('knows another day, another junior high and a revocation', () => {
    // 23:30 UTC on the 20th is already 07:30 on the 21st in Shanghai: the right day, too early.
    expect(gateStatus(permit, at('2027-04-20T23:30:00Z'), { timeZone: zone })).toEqual({ status: 'not_yet', reason: 'too_early' });
    expect(gateStatus(permit, at('2027-04-20T06:00:00Z'), { timeZone: zone })).toEqual({ status: 'not_yet', reason: 'another_day' });
    expect(gateStatus(permit, at('2027-04-22T06:00:00Z'), { timeZone: zone })).toEqual({ status: 'over', reason: 'another_day' });
    expect(gateStatus(permit, at('2027-04-21T06:00:00Z'), { timeZone: zone, atJuniorHighId: 8 }).status).toBe('another_junior_high');
    expect(gateStatus({ ...permit, revoked: true }, at('2027-04-21T06:00:00Z'), { timeZone: zone }).status).toBe('revoked');
  });
  it('reads local time in any zone', () => {
    expect(localTime(at('2027-04-20T16:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2027-04-21', minutes: 0 });
    expect(localTime(at('2027-04-20T16:00:00Z'), 'UTC')).toEqual({ date: '2027-04-20', minutes: 960 });
  });
});
