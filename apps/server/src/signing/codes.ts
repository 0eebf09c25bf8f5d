/**
 * Signing and checking the codes QR codes carry (`<payload>.<signature>`, base64url; the
 * payload is canonical JSON, see domain `publicity/signed-code.ts`), and the generic
 * verification behind `GET /api/verify/:code`: the signature is checked here once, then the
 * payload type's verifier (a brochure's filing; a visit permit later) says what it vouches for.
 */
import { sign, verify } from 'node:crypto';
import { encodeSignedCode, parseSignedCode, payloadBytes, type SignedPayload } from '@zhizhao/domain';
import type { Queryable, Tx } from '../db/client';
import type { RequestContext } from '../audit/write-audit';
import { activeSigningKey, publicKeyOf, type PublicKey } from './keys';

type Kind = SignedPayload['t'];

/** Signs a payload with the bureau's active key (created on first use); the key id goes into the payload. */
export async function signCode(tx: Tx, ctx: RequestContext, issuerOrgId: number, payload: { t: Kind } & Record<string, string | number>, secret: string | undefined): Promise<string> {
  const key = await activeSigningKey(tx, ctx, issuerOrgId, secret);
  const full = { ...payload, k: key.kid } as SignedPayload;
  return encodeSignedCode(full, new Uint8Array(sign(null, payloadBytes(full), key.privateKey)));
}

export type VerifyStatus = 'valid' | 'superseded' | 'withdrawn' | 'invalid' | 'unknown' | 'revoked' | 'not_yet' | 'over';
export type VerifyResult = { kind: Kind | null; status: VerifyStatus; message: { zh: string; en: string }; keyId: string | null; facts: Record<string, unknown> | null };

/** What a payload type's verifier gets: a payload whose signature by `key` has been checked. */
export type Verifier = (db: Queryable, payload: SignedPayload, key: PublicKey, code: string) => Promise<VerifyResult>;
/** One verifier per payload type; a type without one reads as `unknown`. */
export type VerifierRegistry = Partial<Record<Kind, Verifier>>;

const invalid = (keyId: string | null, kind: Kind | null, zh: string, en: string): VerifyResult => ({ kind, status: 'invalid', message: { zh, en }, keyId, facts: null });

export async function verifyCode(db: Queryable, code: string, verifiers: VerifierRegistry): Promise<VerifyResult> {
  const parsed = parseSignedCode(code);
  if (!parsed) return invalid(null, null, '核验码格式不正确，可能是伪造或被篡改的二维码', 'The code is malformed: it may be forged or altered');
  const { payload } = parsed;
  const key = await publicKeyOf(db, payload.k);
  if (!key) return invalid(payload.k, payload.t, '签名密钥不是教育局公布的密钥，二维码不可信', 'The signing key is not one the bureaus published: the code cannot be trusted');
  if (!verify(null, parsed.signed, key.key, parsed.signature)) return invalid(key.kid, payload.t, '签名校验失败：二维码是伪造的或内容被篡改', 'The signature does not match: the code is forged or altered');
  const verifier = verifiers[payload.t];
  if (!verifier) return { kind: payload.t, status: 'unknown', message: { zh: '签名有效，但系统不认识该类凭证', en: 'The signature is valid, but this kind of document is not known here' }, keyId: key.kid, facts: null };
  return verifier(db, payload, key, code);
}
