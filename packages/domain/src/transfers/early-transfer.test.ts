/**
 * Early transfer (提前到中职学习, R13, R14): the date gate at its edges in the campaign's time
 * zone, the form's state machine as a full table over state × action × party (written by hand
 * from the rules, not derived from the code), the combined list's seals, the request's rules
 * with the seat cap under the gate, and the cap's own checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCampaignSettings } from '../campaign/settings';
import {
  checkEarlyTransferCap, checkTransferRequest, earlyTransferOpen, earlyTransferSeatsLeft, finalTransferStatuses, listSealStep, seatHoldingStatuses,
  seatsForAdmission, transferActions, transferListStatusLabels, transferListStatuses, transferParties, transferStatusLabels, transferStatuses, transferTransition,
  type ListSeals, type TransferAction, type TransferParty, type TransferRequestFacts, type TransferRequestRefusalCode, type TransferStatus,
} from './early-transfer';

const settings = defaultCampaignSettings(2027);
const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const cjk = /[\u4e00-\u9fff]/;

// ---------------------------------------------------------------- 1. the date gate (R13)

describe('the date gate, in the campaign\'s time zone (R13)', () => {
  it('uses the defaults: from 2027-05-01 to the end of the early-transfer phase, 2027-06-30', () => {
    expect(settings.earlyTransferFrom).toBe('2027-05-01');
    expect(settings.phases.earlyTransfer.to).toBe('2027-06-30');
  });

  // [instant, answer in Shanghai, answer in Berlin (CEST, UTC+2 in May–July)]
  const edges: Array<[string, 'before' | 'open' | 'after', 'before' | 'open' | 'after']> = [
    ['2027-04-30T23:59:00+08:00', 'before', 'before'], // 15:59Z: Berlin 17:59 on April 30
    ['2027-05-01T00:00:00+08:00', 'open', 'before'], // 16:00Z: still April 30 in Berlin (18:00)
    ['2027-04-30T16:00:00Z', 'open', 'before'], // the same instant, written in UTC
    ['2027-04-30T15:59:59Z', 'before', 'before'],
    ['2027-04-30T23:59:00+02:00', 'open', 'before'], // Berlin's last minute of April is May 1 05:59 in Shanghai
    ['2027-05-01T00:00:00+02:00', 'open', 'open'],
    ['2027-06-30T23:59:00+08:00', 'open', 'open'],
    ['2027-07-01T00:00:00+08:00', 'after', 'open'], // 2027-06-30T16:00Z: Berlin 18:00 on June 30
    ['2027-06-30T23:59:00+02:00', 'after', 'open'],
    ['2027-07-01T00:00:00+02:00', 'after', 'after'],
    ['2027-01-01T00:00:00+08:00', 'before', 'before'],
    ['2027-12-31T12:00:00Z', 'after', 'after'],
  ];
  for (const [iso, shanghai, berlin] of edges) {
    it(`${iso}: ${shanghai} in Shanghai, ${berlin} in Berlin`, () => {
      expect(earlyTransferOpen(at(iso), SHANGHAI, settings)).toBe(shanghai);
      expect(earlyTransferOpen(at(iso), BERLIN, settings)).toBe(berlin);
    });
  }

  it('opens on the campaign\'s earlyTransferFrom, not on the phase start, and closes after the phase end', () => {
    const later = { ...settings, earlyTransferFrom: '2027-05-10', phases: { ...settings.phases, earlyTransfer: { from: '2027-05-01', to: '2027-06-15' } } };
    expect(earlyTransferOpen(at('2027-05-09T23:59:00+08:00'), SHANGHAI, later)).toBe('before');
    expect(earlyTransferOpen(at('2027-05-10T00:00:00+08:00'), SHANGHAI, later)).toBe('open');
    expect(earlyTransferOpen(at('2027-06-15T23:59:00+08:00'), SHANGHAI, later)).toBe('open');
    expect(earlyTransferOpen(at('2027-06-16T00:00:00+08:00'), SHANGHAI, later)).toBe('after');
  });

  it('in Shanghai (UTC+8, no summer time) the answer is the UTC date eight hours on (property)', () => {
    const from = Date.parse('2027-01-01T00:00:00Z');
    const to = Date.parse('2027-12-31T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (t) => {
        const day = new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
        const expected = day < '2027-05-01' ? 'before' : day > '2027-06-30' ? 'after' : 'open';
        expect(earlyTransferOpen(new Date(t), SHANGHAI, settings)).toBe(expected);
      }),
    );
  });
});

// ---------------------------------------------------------------- 2. the form's state machine (R13, R14)

/**
 * The whole table, by hand from the rules: for each state/action, the parties allowed and the
 * outcome. `alone`: a confirmation that is not yet the second one keeps awaiting the family.
 * Every combination not listed is refused.
 */
type Outcome = { to: TransferStatus; voids: boolean; alone?: TransferStatus };
const FAMILY = ['student', 'guardian'] as const;
const WITHDRAWERS = ['student', 'guardian', 'source', 'school'] as const;
const each = (parties: readonly TransferParty[], o: Outcome): Partial<Record<TransferParty, Outcome>> => Object.fromEntries(parties.map((p) => [p, o]));

const legal: Partial<Record<`${TransferStatus}/${TransferAction}`, Partial<Record<TransferParty, Outcome>>>> = {
  // The family confirms; the second confirmation moves the form to the junior high.
  'awaiting_family/confirm': each(FAMILY, { to: 'awaiting_source', voids: false, alone: 'awaiting_family' }),
  'awaiting_family/change': each(FAMILY, { to: 'awaiting_family', voids: false }),
  'awaiting_family/withdraw': each(WITHDRAWERS, { to: 'withdrawn', voids: false }),
  // The junior high (source) seals or refuses first; no seal yet, so a change or withdrawal voids nothing.
  'awaiting_source/change': each(FAMILY, { to: 'awaiting_family', voids: false }),
  'awaiting_source/seal': { source: { to: 'awaiting_school', voids: false } },
  'awaiting_source/refuse': { source: { to: 'refused', voids: false } },
  'awaiting_source/withdraw': each(WITHDRAWERS, { to: 'withdrawn', voids: false }),
  // The junior high has sealed: the enrolling school is next; a change or withdrawal voids the seal.
  'awaiting_school/change': each(FAMILY, { to: 'awaiting_family', voids: true }),
  'awaiting_school/seal': { school: { to: 'sealed', voids: false } },
  'awaiting_school/refuse': { school: { to: 'refused', voids: false } },
  'awaiting_school/withdraw': each(WITHDRAWERS, { to: 'withdrawn', voids: true }),
  // Both sealed: the family may still change (voiding both seals); the system lists it.
  'sealed/change': each(FAMILY, { to: 'awaiting_family', voids: true }),
  'sealed/withdraw': each(WITHDRAWERS, { to: 'withdrawn', voids: true }),
  'sealed/list': { system: { to: 'listed', voids: false } },
  // On a list: no change; withdrawal still possible before filing; the district files.
  'listed/withdraw': each(WITHDRAWERS, { to: 'withdrawn', voids: true }),
  'listed/unlist': { system: { to: 'sealed', voids: false } },
  'listed/file': { district: { to: 'filed', voids: false } },
  // Filed: only the district bureau's return.
  'filed/return': { district: { to: 'returned', voids: false } },
  // refused, withdrawn, returned: final, nothing.
};

/** The rule a refusal names, by hand: the request's own steps are R13, the list's (and undo after sealing) R14. */
const refusalRule = (from: TransferStatus, action: TransferAction, party: TransferParty): 'R13' | 'R14' => {
  if (from === 'refused' || from === 'withdrawn' || from === 'returned') return 'R13';
  if (action === 'confirm' || action === 'seal' || action === 'refuse') return 'R13';
  if (action === 'change') return party === 'student' || party === 'guardian' ? 'R14' : 'R13';
  return 'R14'; // withdraw, list, unlist, file, return
};

describe('the form\'s state machine, state × action × party (R13, R14)', () => {
  it('knows 9 states, 9 actions and 6 parties', () => {
    expect(transferStatuses).toHaveLength(9);
    expect(transferActions).toHaveLength(9);
    expect(transferParties).toHaveLength(6);
  });

  for (const from of transferStatuses) {
    describe(from, () => {
      for (const action of transferActions) {
        for (const party of transferParties) {
          const o = legal[`${from}/${action}`]?.[party];
          const label = o ? `→ ${o.to}${o.alone ? ` (${o.alone} until both confirmed)` : ''}${o.voids ? ', voids the seals' : ''}` : `refused (${refusalRule(from, action, party)})`;
          it(`${action} by ${party}: ${label}`, () => {
            for (const bothConfirmed of [true, false, undefined]) {
              const r = transferTransition(from, action, party, bothConfirmed === undefined ? undefined : { bothConfirmed });
              if (o) {
                const to = bothConfirmed ? o.to : (o.alone ?? o.to);
                expect(r).toEqual({ ok: true, to, voidsSeals: o.voids });
              } else {
                expect(r).toEqual({
                  ok: false,
                  refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule: refusalRule(from, action, party), zh: expect.stringMatching(cjk), en: expect.stringMatching(/^[A-Z].{10,}/) },
                });
              }
            }
          });
        }
      }
    });
  }

  const refusal = (from: TransferStatus, action: TransferAction, party: TransferParty) => {
    const r = transferTransition(from, action, party, { bothConfirmed: true });
    if (r.ok) throw new Error(`${from}/${action}/${party} was allowed`);
    return r.refusal;
  };

  it('says why, in both languages', () => {
    expect(refusal('awaiting_family', 'confirm', 'school').zh).toContain('只有学生和家长');
    expect(refusal('awaiting_source', 'confirm', 'guardian').en).toContain('already confirmed');
    expect(refusal('awaiting_family', 'seal', 'source').zh).toContain('尚未都确认');
    expect(refusal('awaiting_source', 'seal', 'school').zh).toContain('须先由初中学校');
    expect(refusal('awaiting_source', 'seal', 'school').en).toBe('The junior high seals first, then the vocational school');
    expect(refusal('awaiting_school', 'seal', 'source').en).toContain('the vocational school seals next');
    expect(refusal('sealed', 'seal', 'school').en).toBe('Both schools have sealed');
    expect(refusal('awaiting_source', 'refuse', 'school').en).toBe('Only the school whose seal is due may refuse the request');
    expect(refusal('awaiting_school', 'refuse', 'source').zh).toContain('轮到盖章的学校');
    expect(refusal('listed', 'change', 'student').zh).toContain('请先撤回');
    expect(refusal('filed', 'change', 'guardian').rule).toBe('R14');
    expect(refusal('filed', 'withdraw', 'school').zh).toContain('区教育局');
    expect(refusal('sealed', 'withdraw', 'district').en).toBe('The family or either school withdraws');
    expect(refusal('listed', 'return', 'district').en).toContain('before filing, withdraw');
    expect(refusal('listed', 'file', 'school').en).toBe('The district bureau files the combined list');
    expect(refusal('awaiting_school', 'list', 'system').zh).toContain('双方均已盖章');
    expect(refusal('sealed', 'unlist', 'system').en).toBe('The request is not on a list');
  });

  it('refuses everything on a final form, naming its state and pointing to a new request', () => {
    expect(finalTransferStatuses).toEqual(['refused', 'withdrawn', 'returned']);
    for (const from of finalTransferStatuses) {
      for (const action of transferActions) {
        for (const party of transferParties) {
          const r = refusal(from, action, party);
          expect(r.zh).toContain(transferStatusLabels[from].zh);
          expect(r.zh).toContain('重新申请');
          expect(r.en).toContain(transferStatusLabels[from].en.toLowerCase());
          expect(r.en).toContain('start a new request');
        }
      }
    }
  });

  it('walks the whole way: confirm ×2, seal ×2, list, file, return', () => {
    const steps: Array<[TransferAction, TransferParty, boolean, TransferStatus]> = [
      ['confirm', 'student', false, 'awaiting_family'],
      ['confirm', 'guardian', true, 'awaiting_source'],
      ['seal', 'source', false, 'awaiting_school'],
      ['seal', 'school', false, 'sealed'],
      ['list', 'system', false, 'listed'],
      ['file', 'district', false, 'filed'],
      ['return', 'district', false, 'returned'],
    ];
    let s: TransferStatus = 'awaiting_family';
    for (const [action, party, bothConfirmed, expected] of steps) {
      const r = transferTransition(s, action, party, { bothConfirmed });
      expect(r).toMatchObject({ ok: true, to: expected, voidsSeals: false });
      if (r.ok) s = r.to;
    }
    expect(s).toBe('returned');
  });

  it('a change after the first seal voids the seals and starts the family over; before it, nothing to void', () => {
    expect(transferTransition('awaiting_source', 'change', 'student')).toEqual({ ok: true, to: 'awaiting_family', voidsSeals: false });
    expect(transferTransition('awaiting_school', 'change', 'student')).toEqual({ ok: true, to: 'awaiting_family', voidsSeals: true });
    expect(transferTransition('sealed', 'change', 'guardian')).toEqual({ ok: true, to: 'awaiting_family', voidsSeals: true });
    expect(transferTransition('listed', 'change', 'guardian').ok).toBe(false);
  });

  it('holds a seat in every state that is not final', () => {
    expect([...seatHoldingStatuses].sort()).toEqual(transferStatuses.filter((s) => !finalTransferStatuses.includes(s)).sort());
  });

  it('labels every state in Chinese and English', () => {
    for (const s of transferStatuses) expect(transferStatusLabels[s]).toEqual({ zh: expect.stringMatching(cjk), en: expect.stringMatching(/^[A-Z]/) });
    for (const s of transferListStatuses) expect(transferListStatusLabels[s]).toEqual({ zh: expect.stringMatching(cjk), en: expect.stringMatching(/^[A-Z]/) });
  });
});

// ---------------------------------------------------------------- the combined list's seals (R13, R14)

describe('the combined list (汇总名单): both schools seal it (R14)', () => {
  const none: ListSeals = { source: false, school: false };

  it('is sealed after both seals, in either order', () => {
    const a = listSealStep('open', none, 'source');
    expect(a).toEqual({ ok: true, seals: { source: true, school: false }, status: 'open' });
    if (a.ok) expect(listSealStep(a.status, a.seals, 'school')).toEqual({ ok: true, seals: { source: true, school: true }, status: 'sealed' });

    const b = listSealStep('open', none, 'school');
    expect(b).toEqual({ ok: true, seals: { source: false, school: true }, status: 'open' });
    if (b.ok) expect(listSealStep(b.status, b.seals, 'source')).toEqual({ ok: true, seals: { source: true, school: true }, status: 'sealed' });
  });

  it('does not change the seals it is given', () => {
    const seals = { ...none };
    listSealStep('open', seals, 'source');
    expect(seals).toEqual(none);
  });

  it('refuses a school\'s second seal', () => {
    for (const party of ['source', 'school'] as const) {
      expect(listSealStep('open', { ...none, [party]: true }, party)).toEqual({
        ok: false,
        refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule: 'R14', zh: '本校已在该汇总名单上盖章', en: 'Your school has already sealed this list' },
      });
    }
  });

  it('is sealed by the two schools only', () => {
    for (const party of ['student', 'guardian', 'district', 'system'] as const) {
      expect(listSealStep('open', none, party)).toMatchObject({ ok: false, refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule: 'R14', en: 'The junior high and the vocational school seal the list' } });
    }
  });

  it('refuses any seal on a sealed, filed or withdrawn list', () => {
    for (const status of ['sealed', 'filed', 'withdrawn'] as const) {
      for (const party of transferParties) {
        const r = listSealStep(status, { source: status !== 'withdrawn', school: status !== 'withdrawn' }, party);
        expect(r).toMatchObject({ ok: false, refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule: 'R14' } });
        if (!r.ok) expect(r.refusal.en).toBe({ withdrawn: 'This list was withdrawn', filed: 'This list is filed', sealed: 'Both schools have sealed this list' }[status]);
      }
    }
    // A withdrawn list refuses even a seal it never had.
    expect(listSealStep('withdrawn', { source: true, school: false }, 'school')).toMatchObject({ ok: false, refusal: { zh: '该汇总名单已撤回' } });
  });
});

// ---------------------------------------------------------------- 3. the request (R4, R7, R13)

const facts = (over: Partial<TransferRequestFacts> = {}, programme: Partial<NonNullable<TransferRequestFacts['programme']>> = {}): TransferRequestFacts => ({
  window: 'open',
  settings,
  grade9: true,
  track: 'vocational',
  applicationConfirmed: true,
  curriculumConfirmed: true,
  activeRequest: false,
  programme: { exists: true, qualified: true, filed: true, cap: 5, held: 0, ...programme },
  ...over,
});
const codes = (f: TransferRequestFacts, opts?: { change?: boolean }) => checkTransferRequest(f, opts).map((x) => x.code);

describe('a request for early transfer (R4, R7, R13)', () => {
  it('goes ahead when every fact is right', () => {
    expect(checkTransferRequest(facts())).toEqual([]);
  });

  // [code, rule, the one wrong fact]
  const alone: Array<[TransferRequestRefusalCode, string, string, TransferRequestFacts]> = [
    ['EARLY_TRANSFER_NOT_OPEN', 'R13', 'before the date', facts({ window: 'before' })],
    ['EARLY_TRANSFER_CLOSED', 'R13', 'after the phase', facts({ window: 'after' })],
    ['EARLY_TRANSFER_NOT_GRADE9', 'R13', 'not in grade 9', facts({ grade9: false })],
    ['EARLY_TRANSFER_NOT_VOCATIONAL', 'R13', 'the general track', facts({ track: 'general' })],
    ['EARLY_TRANSFER_NOT_VOCATIONAL', 'R13', 'no track', facts({ track: null })],
    ['EARLY_TRANSFER_NOT_VOCATIONAL', 'R13', 'an unconfirmed application', facts({ applicationConfirmed: false })],
    ['EARLY_TRANSFER_CURRICULUM', 'R13', 'the curriculum not confirmed', facts({ curriculumConfirmed: false })],
    ['EARLY_TRANSFER_ACTIVE', 'R13', 'another request in progress', facts({ activeRequest: true })],
    ['EARLY_TRANSFER_UNKNOWN_PROGRAMME', 'R13', 'no programme', facts({ programme: null })],
    ['EARLY_TRANSFER_UNKNOWN_PROGRAMME', 'R13', 'a programme not in the plan', facts({}, { exists: false })],
    ['EARLY_TRANSFER_NOT_QUALIFIED', 'R4', 'a school without qualification', facts({}, { qualified: false })],
    ['EARLY_TRANSFER_NOT_FILED', 'R7', 'a school without a filed brochure', facts({}, { filed: false })],
    ['EARLY_TRANSFER_NO_SEATS', 'R13', 'no seats left', facts({}, { cap: 5, held: 5 })],
  ];
  for (const [code, rule, what, f] of alone) {
    it(`${code} alone for ${what} (${rule})`, () => {
      expect(checkTransferRequest(f)).toEqual([{ code, rule, zh: expect.stringMatching(cjk), en: expect.stringMatching(/^[A-Z]/) }]);
    });
  }

  it('names the dates of the gate', () => {
    expect(checkTransferRequest(facts({ window: 'before' }))[0]).toMatchObject({ zh: expect.stringContaining('2027-05-01'), en: 'Early transfer starts on 2027-05-01' });
    expect(checkTransferRequest(facts({ window: 'after' }))[0]).toMatchObject({ zh: expect.stringContaining('2027-06-30'), en: 'Early-transfer requests closed on 2027-06-30' });
  });

  it('lists every broken rule at once, in a stable order', () => {
    expect(codes(facts({ window: 'before', grade9: false, curriculumConfirmed: false }, { qualified: false, filed: false, cap: 2, held: 2 }))).toEqual([
      'EARLY_TRANSFER_NOT_OPEN', 'EARLY_TRANSFER_NOT_GRADE9', 'EARLY_TRANSFER_CURRICULUM', 'EARLY_TRANSFER_NOT_QUALIFIED', 'EARLY_TRANSFER_NOT_FILED', 'EARLY_TRANSFER_NO_SEATS',
    ]);
    expect(codes(facts({ window: 'after', track: 'general', activeRequest: true, programme: null }))).toEqual([
      'EARLY_TRANSFER_CLOSED', 'EARLY_TRANSFER_NOT_VOCATIONAL', 'EARLY_TRANSFER_ACTIVE', 'EARLY_TRANSFER_UNKNOWN_PROGRAMME',
    ]);
    // An unknown programme says only that: its school's facts do not apply.
    expect(codes(facts({}, { exists: false, qualified: false, filed: false, cap: 0, held: 3 }))).toEqual(['EARLY_TRANSFER_UNKNOWN_PROGRAMME']);
  });

  it('ignores the request in progress for a change of programme, and nothing else', () => {
    expect(codes(facts({ activeRequest: true }), { change: true })).toEqual([]);
    expect(codes(facts({ activeRequest: true }), { change: false })).toEqual(['EARLY_TRANSFER_ACTIVE']);
    expect(codes(facts({ activeRequest: true, window: 'after' }, { filed: false, held: 5 }), { change: true })).toEqual([
      'EARLY_TRANSFER_CLOSED', 'EARLY_TRANSFER_NOT_FILED', 'EARLY_TRANSFER_NO_SEATS',
    ]);
  });
});

describe('seat caps under the gate (R13)', () => {
  const windowAt = (iso: string) => earlyTransferOpen(at(iso), SHANGHAI, settings);

  it('passes below the cap, refuses at it', () => {
    expect(codes(facts({}, { cap: 3, held: 2 }))).toEqual([]);
    expect(checkTransferRequest(facts({}, { cap: 3, held: 3 }))).toEqual([
      { code: 'EARLY_TRANSFER_NO_SEATS', rule: 'R13', zh: '该专业提前学习名额（3 个）已满', en: 'The programme\'s 3 early-transfer seats are taken' },
    ]);
    expect(codes(facts({}, { cap: 3, held: 4 }))).toEqual(['EARLY_TRANSFER_NO_SEATS']);
  });

  it('a cap of 0 takes no early-transfer students', () => {
    expect(checkTransferRequest(facts({}, { cap: 0, held: 0 }))).toEqual([
      { code: 'EARLY_TRANSFER_NO_SEATS', rule: 'R13', zh: '该专业不接收提前到校学习的学生（提前学习名额为 0）', en: 'The programme takes no early-transfer students (its cap is 0)' },
    ]);
  });

  it('at the gate\'s edges: the last minute of April is refused for the date, the first of May passes, seats or not', () => {
    expect(codes(facts({ window: windowAt('2027-04-30T23:59:00+08:00') }, { cap: 3, held: 2 }))).toEqual(['EARLY_TRANSFER_NOT_OPEN']);
    expect(codes(facts({ window: windowAt('2027-05-01T00:00:00+08:00') }, { cap: 3, held: 2 }))).toEqual([]);
    expect(codes(facts({ window: windowAt('2027-05-01T00:00:00+08:00') }, { cap: 3, held: 3 }))).toEqual(['EARLY_TRANSFER_NO_SEATS']);
    expect(codes(facts({ window: windowAt('2027-04-30T23:59:00+08:00') }, { cap: 0, held: 0 }))).toEqual(['EARLY_TRANSFER_NOT_OPEN', 'EARLY_TRANSFER_NO_SEATS']);
    expect(codes(facts({ window: windowAt('2027-07-01T00:00:00+08:00') }, { cap: 3, held: 2 }))).toEqual(['EARLY_TRANSFER_CLOSED']);
  });

  it('never grants more seats than the cap, and grants every good request until it is full (property)', () => {
    const request = fc.record({
      window: fc.constantFrom<TransferRequestFacts['window']>('open', 'open', 'open', 'before', 'after'),
      grade9: fc.boolean(),
      curriculumConfirmed: fc.boolean(),
      activeRequest: fc.boolean(),
      change: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.array(request, { maxLength: 40 }), (cap, requests) => {
        let held = 0;
        let good = 0;
        for (const q of requests) {
          const f = facts({ window: q.window, grade9: q.grade9, curriculumConfirmed: q.curriculumConfirmed, activeRequest: q.activeRequest }, { cap, held });
          const out = checkTransferRequest(f, { change: q.change });
          const fine = q.window === 'open' && q.grade9 && q.curriculumConfirmed && (!q.activeRequest || q.change);
          if (fine) good++;
          expect(out.some((x) => x.code === 'EARLY_TRANSFER_NO_SEATS')).toBe(earlyTransferSeatsLeft(cap, held) === 0);
          if (out.length === 0) held++;
          expect(held).toBeLessThanOrEqual(cap);
        }
        expect(held).toBe(Math.min(cap, good));
      }),
    );
  });
});

// ---------------------------------------------------------------- 4. the cap and admission's seats (R13, R15)

describe('the early-transfer cap, part of the planned seats (R13)', () => {
  it('is a whole number, 0 or more', () => {
    for (const cap of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkEarlyTransferCap(cap, 50, 0)).toEqual({ zh: '提前学习名额须为非负整数', en: 'The early-transfer cap must be a whole number, 0 or more' });
    }
  });

  it('is never above the planned seats', () => {
    expect(checkEarlyTransferCap(51, 50, 0)).toEqual({ zh: '提前学习名额（51）不能超过该专业的计划招生数（50）', en: 'The early-transfer cap (51) cannot exceed the planned seats (50)' });
    expect(checkEarlyTransferCap(1, 0, 0)).not.toBeNull();
  });

  it('never goes below the seats already held', () => {
    expect(checkEarlyTransferCap(2, 50, 3)).toEqual({ zh: '已有 3 名学生占用提前学习名额，名额不能少于此数', en: '3 students already hold early-transfer seats: the cap cannot go below that' });
  });

  it('is fine from the seats held up to the planned seats', () => {
    expect(checkEarlyTransferCap(0, 50, 0)).toBeNull();
    expect(checkEarlyTransferCap(3, 50, 3)).toBeNull();
    expect(checkEarlyTransferCap(50, 50, 10)).toBeNull();
    expect(checkEarlyTransferCap(0, 0, 0)).toBeNull();
  });

  it('counts the seats left, never below 0', () => {
    expect(earlyTransferSeatsLeft(5, 2)).toBe(3);
    expect(earlyTransferSeatsLeft(5, 5)).toBe(0);
    expect(earlyTransferSeatsLeft(2, 5)).toBe(0);
  });
});

describe('seats the central admission still fills (R13, R15)', () => {
  it('are the planned seats less those held by filed early transfers, never below 0', () => {
    expect(seatsForAdmission(50, 0)).toBe(50);
    expect(seatsForAdmission(50, 3)).toBe(47);
    expect(seatsForAdmission(50, 50)).toBe(0);
    expect(seatsForAdmission(3, 5)).toBe(0);
  });
});
