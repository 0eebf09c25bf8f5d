import { hash, verify } from '@node-rs/argon2';
import { SECRET_HASH_PREFIX, type Pii } from '../pii/crypto';

// argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP's minimum profile).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * `pii`: an account not yet activated (a student's slip) stores a keyed fast hash of its random
 * initial password (pii/crypto.ts, `hmac$…`): 100,000 slips are not 100,000 argon2 hashes. The
 * first sign-in forces a new password, which is argon2id.
 */
export async function verifyPassword(stored: string, password: string, pii?: Pii): Promise<boolean> {
  if (stored.startsWith(SECRET_HASH_PREFIX)) return pii ? pii.verifySecret(stored, password) : false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verifying against a dummy hash for unknown users keeps response times alike. */
let dummy: Promise<string> | undefined;
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hash('zhizhao-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}
