import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPhone, maskIdNumber, maskName, maskPhone } from './mask';

describe('masking personal data', () => {
  it('an 18-character ID keeps the area (6) and the last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('440524188001010014')).toBe('440524********0014');
  });

  it('other documents keep their first 2 and last 2; short values are all stars', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('H1234')).toBe('H1*34');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('12')).toBe('**');
    expect(maskIdNumber('')).toBe('');
  });

  it('a mobile keeps 3 + 4 digits, a landline its last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('010-62751234')).toBe('********1234');
    expect(maskPhone('0755-8123456')).toBe('********3456');
    expect(maskPhone('123')).toBe('***');
  });

  it('names keep the first and last character', () => {
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
  });

  it('property: a masked ID or phone never carries the whole value, and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{5,30}$/), (v) => {
        const m = maskIdNumber(v);
        expect(m).toHaveLength(v.length);
        expect(m).not.toBe(v);
        expect(m).toContain('*');
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{10}$/), (v) => {
        const m = maskPhone(v);
        expect(m).toHaveLength(11);
        expect(m.slice(3, 7)).toBe('****');
        expect(m).not.toContain(v.slice(3, 7) === '****' ? 'x' : v);
      }),
    );
  });

  it('recognises mainland mobiles and landlines', () => {
    expect(isPhone('13812345678')).toBe(true);
    expect(isPhone('010-62751234')).toBe(true);
    expect(isPhone('075581234567')).toBe(true);
    expect(isPhone('23812345678')).toBe(false);
    expect(isPhone('1381234567')).toBe(false);
    expect(isPhone('12345')).toBe(false);
  });
});
