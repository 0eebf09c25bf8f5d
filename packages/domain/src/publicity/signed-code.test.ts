import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSignedCode, fromBase64url, parseSignedCode, payloadBytes, toBase64url, type SignedPayload } from './signed-code';

describe('base64url', () => {
  it('round-trips any bytes and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const s = toBase64url(bytes);
        expect(s).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64url(s)).toEqual(bytes);
      }),
    );
  });
});

describe('signed codes', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const payload: SignedPayload = { t: 'brochure', k: 'city-2027', id: 12, v: 2, n: '示教职招备〔2027〕012号', s: 'V11', y: 2027 };
  const code = encodeSignedCode(payload, sign(null, payloadBytes(payload), privateKey));

  it('parses back to the payload and verifies', () => {
    const parsed = parseSignedCode(code)!;
    expect(parsed.payload).toEqual(payload);
    expect(verify(null, parsed.signed, publicKey, parsed.signature)).toBe(true);
  });

  it('fails verification or parsing when any character is changed', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < code.length; i++) {
      if (code[i] === '.') continue;
      const flipped = code.slice(0, i) + alphabet[(alphabet.indexOf(code[i]!) + 1) % 64] + code.slice(i + 1);
      const parsed = parseSignedCode(flipped);
      if (parsed) expect(verify(null, parsed.signed, publicKey, parsed.signature), `position ${i}`).toBe(false);
    }
  });

  it('rejects malformed codes', () => {
    for (const bad of ['', 'abc', 'a.b.c', `${code}x`, code.replace('.', '')]) expect(parseSignedCode(bad)).toBeNull();
  });
});
