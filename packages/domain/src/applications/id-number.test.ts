import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocumentNumber, checkResidentId, gb11643CheckChar, makeResidentId } from './id-number';

describe('GB 11643 resident ID numbers', () => {
  it('accepts a known good number (the standard\'s example), with birth date and gender', () => {
    expect(checkResidentId('11010519491231002X')).toEqual({ ok: true, normalized: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
    expect(checkResidentId('110105201103040015')).toMatchObject({ ok: false });
    expect(checkResidentId(makeResidentId('440524', '2011-01-01', 1))).toMatchObject({ ok: true, birthDate: '2011-01-01', gender: 'male' });
  });

  it('440524188001010014: its check digit is right, but a birth before 1900 is refused as implausible', () => {
    expect(gb11643CheckChar('44052418800101001')).toBe('4');
    expect(checkResidentId('440524188001010014')).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('normalizes a lower-case x and spaces', () => {
    const r = checkResidentId(' 110105 19491231 002x ');
    expect(r).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it('computes the check character (ISO 7064 MOD 11-2, X for 10)', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
    expect(gb11643CheckChar('44052418800101001')).toBe('4');
    expect(() => gb11643CheckChar('1234')).toThrow();
  });

  it('refuses a wrong check digit, naming the problem', () => {
    const r = checkResidentId('110105194912310021');
    expect(r).toMatchObject({ ok: false, problem: 'check_digit' });
    if (!r.ok) expect(r.zh).toContain('校验码');
    expect(checkResidentId('440524200001010015')).toMatchObject({ ok: false });
    const good = makeResidentId('440524', '2011-06-30', 17);
    expect(checkResidentId(good.slice(0, 17) + (good[17] === '9' ? '8' : '9'))).toMatchObject({ ok: false, problem: 'check_digit' });
  });

  it('refuses dates that do not exist or are too early', () => {
    const withDate = (date: string) => {
      const first17 = `110105${date}002`;
      return first17 + gb11643CheckChar(first17);
    };
    expect(checkResidentId(withDate('20110230'))).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(checkResidentId(withDate('20111301'))).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(checkResidentId(withDate('20110001'))).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(checkResidentId(withDate('18991231'))).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(checkResidentId(withDate('20120229'))).toMatchObject({ ok: true, birthDate: '2012-02-29' });
    expect(checkResidentId(withDate('20110229'))).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('refuses a wrong shape: length, letters, an X anywhere but last, 15-digit old numbers', () => {
    for (const bad of ['', '11010519491231002', '1101051949123100211', '11010519491231X002', 'A1010519491231002X', '110105491231002']) {
      expect(checkResidentId(bad)).toMatchObject({ ok: false, problem: 'format' });
    }
  });

  it('gender follows the 17th digit: odd male, even female', () => {
    expect(checkResidentId(makeResidentId('110105', '2011-03-04', 123))).toMatchObject({ ok: true, gender: 'male' });
    expect(checkResidentId(makeResidentId('110105', '2011-03-04', 124))).toMatchObject({ ok: true, gender: 'female' });
  });

  it('property: every number makeResidentId builds passes, and changing any one digit of it fails', () => {
    const day = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.integer({ min: 110000, max: 659999 }), day, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (area, d, seq, pos, delta) => {
        const id = makeResidentId(String(area), d.toISOString().slice(0, 10), seq);
        const ok = checkResidentId(id);
        expect(ok.ok).toBe(true);
        // A single mistyped digit is always caught (MOD 11-2 detects every single-digit error).
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        expect(checkResidentId(changed).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('other documents', () => {
  it('are checked by shape only, upper-cased, without birth date or gender', () => {
    expect(checkDocumentNumber('passport', 'e1234567')).toEqual({ ok: true, normalized: 'E1234567', birthDate: null, gender: null });
    expect(checkDocumentNumber('hk_macao_pass', 'H 1234 5678')).toMatchObject({ ok: true, normalized: 'H12345678' });
    expect(checkDocumentNumber('other', 'AB#12')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkDocumentNumber('passport', 'E12')).toMatchObject({ ok: false, problem: 'format' });
  });

  it('a resident ID goes through GB 11643', () => {
    expect(checkDocumentNumber('resident_id', '110105194912310021')).toMatchObject({ ok: false, problem: 'check_digit' });
    expect(checkDocumentNumber('resident_id', '11010519491231002X')).toMatchObject({ ok: true, gender: 'female' });
  });
});
