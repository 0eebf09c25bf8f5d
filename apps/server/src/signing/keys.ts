/**
 * The bureaus' Ed25519 signing keys (ADR 0104). One active key per bureau, created on first
 * use inside the caller's transaction and stored in `signing_keys`, so every server behind a
 * load balancer signs with the same key. The private half is PKCS#8 PEM, sealed with
 * AES-256-GCM under a key derived (HKDF-SHA256) from ZHIZHAO_KEY_SECRET when that is set;
 * without it (the demo) the PEM is stored as is. The public halves are published (GET /api/keys).
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client';
import { organizations, signingKeys } from '../db/schema';
import { writeAudit, type RequestContext } from '../audit/write-audit';
import { AppError } from '../errors';

const SEALED = 'aes256gcm:v1:';

function wrappingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'zhizhao/signing-keys', 'private-key-wrap', 32));
}

/** Seals a private key's PEM for storage (plain when no secret is configured). */
export function sealPrivateKey(pem: string, secret: string | undefined): string {
  if (!secret) return pem;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret), iv);
  const body = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return `${SEALED}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
}

/** Opens a stored private key; a sealed key without (or with the wrong) secret cannot be used. */
export function openPrivateKey(stored: string, secret: string | undefined): KeyObject {
  if (!stored.startsWith(SEALED)) return createPrivateKey(stored);
  if (!secret) throw new AppError('SIGNING_KEY_UNAVAILABLE', { reason: 'the key is encrypted and ZHIZHAO_KEY_SECRET is not set' });
  const [iv, tag, body] = stored.slice(SEALED.length).split(':');
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret), Buffer.from(iv!, 'base64'));
    decipher.setAuthTag(Buffer.from(tag!, 'base64'));
    return createPrivateKey(Buffer.concat([decipher.update(Buffer.from(body!, 'base64')), decipher.final()]).toString('utf8'));
  } catch {
    throw new AppError('SIGNING_KEY_UNAVAILABLE', { reason: 'ZHIZHAO_KEY_SECRET does not open the stored key' });
  }
}

export type SigningKey = { kid: string; organizationId: number; privateKey: KeyObject };

/**
 * The bureau's active key, created when it has none. The bureau's organisation row is locked
 * first, so two servers filing at the same moment create one key, not two.
 */
export async function activeSigningKey(tx: Tx, ctx: RequestContext, organizationId: number, secret: string | undefined): Promise<SigningKey> {
  const [org] = await tx.select({ id: organizations.id, code: organizations.code }).from(organizations).where(eq(organizations.id, organizationId)).for('update');
  if (!org) throw new AppError('NOT_FOUND', { organizationId });
  const [row] = await tx
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.organizationId, organizationId), isNull(signingKeys.retiredAt)))
    .orderBy(desc(signingKeys.createdAt))
    .limit(1);
  if (row) return { kid: row.kid, organizationId, privateKey: openPrivateKey(row.privateKey, secret) };

  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kid = `${org.code.toLowerCase()}-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await tx.insert(signingKeys).values({ kid, organizationId, publicKey: publicPem, privateKey: sealPrivateKey(privatePem, secret) });
  await writeAudit(tx, ctx, { action: 'signing_key.create', objectType: 'signing_key', objectId: kid, changes: { kid, algorithm: 'Ed25519', encrypted: Boolean(secret) }, organizationId });
  return { kid, organizationId, privateKey };
}

export type PublicKey = { kid: string; organizationId: number; key: KeyObject; retiredAt: Date | null };

export async function publicKeyOf(db: Queryable, kid: string): Promise<PublicKey | null> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.kid, kid));
  return row ? { kid: row.kid, organizationId: row.organizationId, key: createPublicKey(row.publicKey), retiredAt: row.retiredAt } : null;
}

/** Every public key, for offline checks: PEM (SPKI) and the raw 32 bytes in base64url. */
export async function listPublicKeys(db: Queryable) {
  const rows = await db
    .select({ k: signingKeys, organization: organizations.name })
    .from(signingKeys)
    .innerJoin(organizations, eq(organizations.id, signingKeys.organizationId))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid));
  return rows.map(({ k, organization }) => ({
    kid: k.kid,
    organization,
    algorithm: 'Ed25519' as const,
    publicKeyPem: k.publicKey,
    publicKeyBase64url: String(createPublicKey(k.publicKey).export({ format: 'jwk' }).x),
    createdAt: k.createdAt.toISOString(),
    retiredAt: k.retiredAt?.toISOString() ?? null,
  }));
}
