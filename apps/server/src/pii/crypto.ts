/**
 * Personal data of minors (PIPL: sensitive): ID numbers, phones and the slips' secrets are
 * stored encrypted with AES-256-GCM, and looked up or compared through a keyed hash (HMAC-SHA256),
 * both keys derived (HKDF) from ZHIZHAO_PII_KEY (ADR 0106). Nothing here is per-user state:
 * every server derives the same keys from the same secret.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export type Pii = {
  /** `v1.<iv>.<ciphertext+tag>` in base64url. */
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** A keyed hash for look-ups and duplicate checks; `kind` separates the spaces (id, phone, …). */
  hash(kind: string, value: string): string;
  /** The stored form of a random secret that is compared, never shown again (an initial password): fast, keyed. */
  secretHash(secret: string): string;
  verifySecret(stored: string, secret: string): boolean;
};

export const SECRET_HASH_PREFIX = 'hmac$';
/** The development key (demo, tests) when ZHIZHAO_PII_KEY is unset; production refuses to start without one. */
export const DEV_PII_KEY = 'zhizhao-development-pii-key-not-for-production';

export function makePii(secret: string): Pii {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('zhizhao-pii-v1'), Buffer.from(info), 32));
  const encKey = derive('aes-256-gcm');
  const macKey = derive('hmac-sha256');
  const mac = (s: string) => createHmac('sha256', macKey).update(s, 'utf8').digest('base64url');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
      return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(cipher) {
      const [v, iv, body] = cipher.split('.');
      if (v !== 'v1' || !iv || !body) throw new Error('not a v1 cipher text');
      const raw = Buffer.from(body, 'base64url');
      const d = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      d.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([d.update(raw.subarray(0, raw.length - 16)), d.final()]).toString('utf8');
    },
    hash: (kind, value) => mac(`${kind}:${value}`),
    secretHash: (s) => `${SECRET_HASH_PREFIX}${mac(`secret:${s}`)}`,
    verifySecret(stored, s) {
      const a = Buffer.from(stored);
      const b = Buffer.from(`${SECRET_HASH_PREFIX}${mac(`secret:${s}`)}`);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}

// No 0/O, 1/l/I: read off a paper slip by a 15-year-old or a grandparent.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** An initial password: 10 characters (≈ 49 bits), letters and digits, easy to type from a slip. */
export function generateInitialPassword(): string {
  let s = '';
  while (s.length < 10) s += ALPHABET[randomInt(ALPHABET.length)];
  // At least one digit and one letter (the password policy asks for both).
  return /\d/.test(s) && /[a-z]/.test(s) ? s : generateInitialPassword();
}

/** The guardian's confirmation code: 8 digits, separate from the student's password. */
export function generateGuardianCode(): string {
  return String(randomInt(10_000_000, 100_000_000));
}
