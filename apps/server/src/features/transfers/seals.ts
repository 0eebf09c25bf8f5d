/**
 * Seals (R13, R14): an organisation's Ed25519 signature over a document's canonical content (a
 * form's Annex 4 content, a combined list), made with the organisation's active key (the same
 * keys the bureaus sign codes with, signing/keys.ts: created on first use, one per
 * organisation, published at GET /api/keys). A stored seal is checked again on every read: it
 * is valid only while its signature holds over the content as it is now, so a change voids it.
 */
import { createHash, sign, verify } from 'node:crypto';
import { canonicalJson, fromBase64url, toBase64url } from '@zhizhao/domain';
import type { SealView } from '@zhizhao/contracts';
import type { Queryable, Tx } from '../../db/client';
import type { RequestContext } from '../../audit/write-audit';
import { activeSigningKey, publicKeyOf, type PublicKey } from '../../signing/keys';

export type StoredSeal = { organizationId: number; kid: string; signature: string; sealedAt: string; sealedBy: string };

const bytesOf = (content: unknown) => new TextEncoder().encode(canonicalJson(content as Record<string, unknown>));

/** A short digest of the content, carried in the QR's payload so an offline reader can match the paper. */
export const contentDigest = (content: unknown) => toBase64url(createHash('sha256').update(bytesOf(content)).digest().subarray(0, 12));

export async function makeSeal(tx: Tx, rctx: RequestContext, organizationId: number, content: unknown, keySecret: string | undefined, at: Date): Promise<StoredSeal> {
  const key = await activeSigningKey(tx, rctx, organizationId, keySecret);
  return {
    organizationId,
    kid: key.kid,
    signature: toBase64url(new Uint8Array(sign(null, bytesOf(content), key.privateKey))),
    sealedAt: at.toISOString(),
    sealedBy: rctx.actor?.username ?? 'system',
  };
}

/** Public keys read once per request (a list's page checks many seals by a few keys). */
export type KeyCache = Map<string, Promise<PublicKey | null>>;
export const keyCache = (): KeyCache => new Map();

export async function sealHolds(db: Queryable, seal: StoredSeal, content: unknown, cache: KeyCache = keyCache()): Promise<boolean> {
  let key = cache.get(seal.kid);
  if (!key) cache.set(seal.kid, (key = publicKeyOf(db, seal.kid)));
  const k = await key;
  const sig = fromBase64url(seal.signature);
  if (!k || !sig || sig.length !== 64 || k.organizationId !== seal.organizationId) return false;
  return verify(null, bytesOf(content), k.key, sig);
}

export async function sealViewOf(db: Queryable, party: SealView['party'], seal: StoredSeal | null, content: unknown, names: Map<number, string>, cache: KeyCache): Promise<SealView | null> {
  if (!seal) return null;
  return {
    party,
    organizationId: seal.organizationId,
    organizationName: names.get(seal.organizationId) ?? '',
    keyId: seal.kid,
    sealedAt: seal.sealedAt,
    sealedBy: seal.sealedBy,
    valid: await sealHolds(db, seal, content, cache),
  };
}
