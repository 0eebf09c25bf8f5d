import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCampaignSettings } from '../campaign/settings';
import {
  applicationStatus, checkApplication, daysLeftInWindow, inApplicationWindow, isChoosable, maxChoicesOf, pendingConfirmers, vocationalShare,
  type ApplicationInput, type ConfirmationFacts, type ProgrammeFacts,
} from './rules';

const s = defaultCampaignSettings(2027);
const prog = (programmeId: number, over: Partial<ProgrammeFacts> = {}): ProgrammeFacts => ({ programmeId, schoolId: 100 + programmeId, qualified: true, filed: true, seats: 50, ...over });
// 1–8 choosable; 9 unqualified (R4, like the demo's V16); 10 without a filed brochure (R7); 11 without seats.
const programmes = new Map<number, ProgrammeFacts>([
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((id) => [id, prog(id)] as const),
  [9, prog(9, { qualified: false })],
  [10, prog(10, { filed: false })],
  [11, prog(11, { seats: 0 })],
]);
const ctx = { maxChoices: 6, programmes, social: false };
const input = (track: ApplicationInput['track'], programmeIds: number[] = [], acceptAdjustment = false): ApplicationInput => ({ track, programmeIds, acceptAdjustment });
const codes = (i: ApplicationInput, c: Partial<typeof ctx> = {}) => checkApplication(i, { ...ctx, ...c }).map((r) => r.code);

describe('the application rules (R4, R7, R11)', () => {
  it('the exclusive track (普职不兼报, R11)', () => {
    expect(codes(input('general'))).toEqual([]);
    expect(codes(input(null))).toEqual([]);
    expect(codes(input('general', [1]))).toEqual(['APPLICATION_BOTH_TRACKS']);
    expect(codes(input(null, [1]))).toEqual(['APPLICATION_BOTH_TRACKS']);
    expect(checkApplication(input('general', [1]), ctx)[0]).toMatchObject({ rule: 'R11', zh: expect.stringContaining('普职不兼报') });
    expect(codes(input('vocational', [1]))).toEqual([]);
  });

  it('at least one and at most K ranked choices, no duplicates (R11)', () => {
    expect(codes(input('vocational', []))).toEqual(['APPLICATION_NO_CHOICES']);
    expect(codes(input('vocational', [1, 2, 3, 4, 5, 6]))).toEqual([]);
    expect(codes(input('vocational', [1, 2, 3, 4, 5, 6, 7]))).toEqual(['APPLICATION_TOO_MANY_CHOICES']);
    expect(codes(input('vocational', [1, 2, 3]), { maxChoices: 2 })).toEqual(['APPLICATION_TOO_MANY_CHOICES']);
    expect(checkApplication(input('vocational', [1, 2, 3]), { ...ctx, maxChoices: 2 })[0]!.zh).toContain('2');
    expect(checkApplication(input('vocational', [1, 2, 1, 2]), ctx)).toEqual([expect.objectContaining({ code: 'APPLICATION_DUPLICATE_CHOICE', programmeIds: [1, 2] })]);
  });

  it('unknown, unqualified (R4) and unfiled (R7) programmes, each named', () => {
    expect(checkApplication(input('vocational', [1, 404]), ctx)).toEqual([expect.objectContaining({ code: 'APPLICATION_UNKNOWN_PROGRAMME', programmeIds: [404] })]);
    expect(checkApplication(input('vocational', [11]), ctx)).toEqual([expect.objectContaining({ code: 'APPLICATION_UNKNOWN_PROGRAMME', programmeIds: [11] })]);
    expect(checkApplication(input('vocational', [1, 9]), ctx)).toEqual([expect.objectContaining({ code: 'APPLICATION_PROGRAMME_NOT_QUALIFIED', rule: 'R4', programmeIds: [9] })]);
    expect(checkApplication(input('vocational', [10, 1]), ctx)).toEqual([expect.objectContaining({ code: 'APPLICATION_PROGRAMME_NOT_FILED', rule: 'R7', programmeIds: [10] })]);
    // Every broken rule is reported, in a fixed order.
    expect(codes(input('vocational', [9, 10, 9, 404, 1, 2, 3]))).toEqual(['APPLICATION_TOO_MANY_CHOICES', 'APPLICATION_DUPLICATE_CHOICE', 'APPLICATION_UNKNOWN_PROGRAMME', 'APPLICATION_PROGRAMME_NOT_QUALIFIED', 'APPLICATION_PROGRAMME_NOT_FILED']);
  });

  it('a social applicant (R5) applies to vocational programmes only', () => {
    expect(codes(input('general'), { social: true })).toEqual(['APPLICATION_NOT_FOR_SOCIAL']);
    expect(codes(input('vocational', [1]), { social: true })).toEqual([]);
  });

  it('what a family may choose: qualified, filed, with seats', () => {
    expect([...programmes.values()].filter(isChoosable).map((p) => p.programmeId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('any set of choosable, distinct programmes within K passes; any unchoosable one is refused', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { minLength: 1, maxLength: 6 }), (ids) => {
        const ok = ids.every((id) => isChoosable(programmes.get(id)!));
        expect(codes(input('vocational', ids)).length === 0).toBe(ok);
      }),
    );
  });

  it('K is a campaign setting, 6 by default', () => {
    expect(maxChoicesOf(s)).toBe(6);
    expect(maxChoicesOf({ maxChoices: 4 })).toBe(4);
    expect(maxChoicesOf({})).toBe(6);
  });
});

describe('the application window', () => {
  it('includes both ends, in local calendar days', () => {
    expect(inApplicationWindow('2027-03-31', s)).toBe(false);
    expect(inApplicationWindow('2027-04-01', s)).toBe(true);
    expect(inApplicationWindow('2027-05-31', s)).toBe(true);
    expect(inApplicationWindow('2027-06-01', s)).toBe(false);
    expect(daysLeftInWindow('2027-04-21', s)).toBe(40);
    expect(daysLeftInWindow('2027-05-31', s)).toBe(0);
    expect(daysLeftInWindow('2027-06-15', s)).toBeNull();
    expect(daysLeftInWindow('2027-03-01', s)).toBeNull();
  });
});

describe('confirmations (自愿, R11, R21): both confirm the current version', () => {
  const f = (over: Partial<ConfirmationFacts>): ConfirmationFacts => ({ track: 'vocational', version: 3, studentConfirmedVersion: null, guardianConfirmedVersion: null, social: false, ...over });
  const cases: Array<[string, Partial<ConfirmationFacts>, string, string[]]> = [
    ['nothing chosen', { track: null, version: 0 }, 'undecided', []],
    ['undecided after a change', { track: null, studentConfirmedVersion: 2, guardianConfirmedVersion: 2 }, 'undecided', []],
    ['saved, nobody confirmed', {}, 'draft', ['student', 'guardian']],
    ['the student confirmed', { studentConfirmedVersion: 3 }, 'awaiting_guardian', ['guardian']],
    ['the guardian confirmed', { guardianConfirmedVersion: 3 }, 'awaiting_student', ['student']],
    ['both confirmed', { studentConfirmedVersion: 3, guardianConfirmedVersion: 3 }, 'confirmed', []],
    ['both confirmed an older version (changed since, e.g. by staff)', { studentConfirmedVersion: 2, guardianConfirmedVersion: 2 }, 'draft', ['student', 'guardian']],
    ['the student this version, the guardian an older one', { studentConfirmedVersion: 3, guardianConfirmedVersion: 2 }, 'awaiting_guardian', ['guardian']],
    ['a general-high applicant, both confirmed', { track: 'general', studentConfirmedVersion: 3, guardianConfirmedVersion: 3 }, 'confirmed', []],
    ['a social applicant confirms alone', { social: true, studentConfirmedVersion: 3 }, 'confirmed', []],
    ['a social applicant, not yet', { social: true }, 'draft', ['student']],
  ];
  it.each(cases)('%s', (_name, over, status, pending) => {
    expect(applicationStatus(f(over))).toBe(status);
    expect(pendingConfirmers(f(over))).toEqual(pending);
  });

  it('a new version is never confirmed until both confirm it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.option(fc.integer({ min: 1, max: 50 })), fc.option(fc.integer({ min: 1, max: 50 })), (version, sv, gv) => {
        const status = applicationStatus(f({ version, studentConfirmedVersion: sv, guardianConfirmedVersion: gv }));
        expect(status === 'confirmed').toBe(sv === version && gv === version);
      }),
    );
  });
});

describe('the vocational share (R12: at least 45:55)', () => {
  it('of the decided only', () => {
    expect(vocationalShare(0, 0)).toBeNull();
    expect(vocationalShare(45, 55)).toBeCloseTo(0.45);
    expect(vocationalShare(10, 0)).toBe(1);
    expect(vocationalShare(0, 10)).toBe(0);
    expect(vocationalShare(900, 1100)! >= s.vocationalRatio).toBe(true);
    expect(vocationalShare(899, 1101)! >= s.vocationalRatio).toBe(false);
  });
});
