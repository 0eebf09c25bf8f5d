import { describe, expect, it } from 'vitest';
import { generateGuardianCode, generateInitialPassword, makePii } from './crypto';

describe('PII encryption and keyed hashes', () => {
  const pii = makePii('a-test-secret-of-some-length');
  it('round-trips, with a fresh IV each time', () => {
    const a = pii.encrypt('11010520080101123X');
    const b = pii.encrypt('11010520080101123X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('110105');
    expect(pii.decrypt(a)).toBe('11010520080101123X');
  });
  it('refuses a tampered cipher text and another key', () => {
    const c = pii.encrypt('13812345678');
    const parts = c.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => pii.decrypt(`${parts[0]}.${parts[1]}.${body.toString('base64url')}`)).toThrow();
    expect(() => makePii('another-secret-entirely').decrypt(c)).toThrow();
  });
  it('hashes deterministically per kind and per key', () => {
    expect(pii.hash('id', 'X')).toBe(pii.hash('id', 'X'));
    expect(pii.hash('id', 'X')).not.toBe(pii.hash('phone', 'X'));
    expect(pii.hash('id', 'X')).not.toBe(makePii('another-secret-entirely').hash('id', 'X'));
  });
  it('checks a secret against its stored hash', () => {
    const stored = pii.secretHash('abc123def4');
    expect(pii.verifySecret(stored, 'abc123def4')).toBe(true);
    expect(pii.verifySecret(stored, 'abc123def5')).toBe(false);
  });
  it('generates slips\' secrets of the expected shape', () => {
    for (let i = 0; i < 200; i++) {
      const p = generateInitialPassword();
      expect(p).toMatch(/^[a-z2-9]{10}$/);
      expect(p).toMatch(/\d/);
      expect(generateGuardianCode()).toMatch(/^\d{8}$/);
    }
  });
});
