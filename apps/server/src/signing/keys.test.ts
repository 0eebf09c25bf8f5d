import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPrivateKey, sealPrivateKey } from './keys';

describe('private signing keys at rest (ZHIZHAO_KEY_SECRET)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const secret = 'a-long-enough-test-secret';

  it('stores the PEM as is without a secret, and sealed (AES-256-GCM) with one', () => {
    expect(sealPrivateKey(pem, undefined)).toBe(pem);
    const sealed = sealPrivateKey(pem, secret);
    expect(sealed).toMatch(/^aes256gcm:v1:/);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealPrivateKey(pem, secret)).not.toBe(sealed); // a fresh IV each time
    const opened = openPrivateKey(sealed, secret);
    const data = Buffer.from('payload');
    expect(verify(null, data, publicKey, sign(null, data, opened))).toBe(true);
    expect(openPrivateKey(pem, secret).asymmetricKeyType).toBe('ed25519'); // keys stored before the secret was set still work
  });

  it('refuses to open a sealed key without the secret, with the wrong one, or when altered', () => {
    const sealed = sealPrivateKey(pem, secret);
    expect(() => openPrivateKey(sealed, undefined)).toThrow(expect.objectContaining({ code: 'SIGNING_KEY_UNAVAILABLE' }));
    expect(() => openPrivateKey(sealed, 'another-long-test-secret')).toThrow(expect.objectContaining({ code: 'SIGNING_KEY_UNAVAILABLE' }));
    const body = sealed.split(':');
    body[4] = Buffer.from(Buffer.from(body[4]!, 'base64').map((b, i) => (i === 3 ? b ^ 1 : b))).toString('base64');
    expect(() => openPrivateKey(body.join(':'), secret)).toThrow(expect.objectContaining({ code: 'SIGNING_KEY_UNAVAILABLE' }));
  });
});
