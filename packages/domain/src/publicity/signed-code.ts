/**
 * The code a QR carries (a brochure's filing, later a visit permit): a canonical JSON payload
 * and an Ed25519 signature by the issuing bureau's key, as `<payload>.<signature>` in
 * base64url. Encoding and parsing are pure; signing and verifying live on the server.
 */
import { canonicalJson } from '../audit/chain';

/** The kinds of signed document: a brochure's filing, a visit permit, an application (志愿表), an early-transfer form (Annex 4) and its combined list. */
export const signedKinds = ['brochure', 'permit', 'application', 'transfer-form', 'transfer-list', 'admission'] as const;
export type SignedPayload = { t: (typeof signedKinds)[number]; k: string } & Record<string, string | number>;

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

export function fromBase64url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const chunk = s.slice(i, i + 4);
    const n = [...chunk].reduce((acc, c, j) => acc | (B64.indexOf(c) << (18 - 6 * j)), 0);
    out.push((n >> 16) & 255);
    if (chunk.length > 2) out.push((n >> 8) & 255);
    if (chunk.length > 3) out.push(n & 255);
  }
  return new Uint8Array(out);
}

/** The exact bytes that are signed. */
export function payloadBytes(payload: SignedPayload): Uint8Array {
  return enc.encode(canonicalJson(payload));
}

export function encodeSignedCode(payload: SignedPayload, signature: Uint8Array): string {
  return `${toBase64url(payloadBytes(payload))}.${toBase64url(signature)}`;
}

export type ParsedCode = { payload: SignedPayload; signed: Uint8Array; signature: Uint8Array };

/** Parses a code; null when it is not even well-formed (reported as invalid). */
export function parseSignedCode(code: string): ParsedCode | null {
  const parts = code.trim().split('.');
  if (parts.length !== 2) return null;
  const signed = fromBase64url(parts[0]!);
  const signature = fromBase64url(parts[1]!);
  if (!signed || !signature || signature.length !== 64) return null;
  // Canonical base64url only: a last character differing in its unused bits is another code.
  if (toBase64url(signed) !== parts[0] || toBase64url(signature) !== parts[1]) return null;
  try {
    const payload = JSON.parse(dec.decode(signed)) as SignedPayload;
    if (typeof payload !== 'object' || payload === null || !signedKinds.includes(payload.t) || typeof payload.k !== 'string') return null;
    // Only the canonical form is accepted, so one payload has exactly one encoding.
    if (canonicalJson(payload) !== dec.decode(signed)) return null;
    return { payload, signed, signature };
  } catch {
    return null;
  }
}
