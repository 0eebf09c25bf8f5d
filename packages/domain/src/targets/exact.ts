/**
 * Exact integer helpers. Graduates and totals are integers, so every quota is a
 * rational with an integer denominator; comparing cross-products keeps ties real
 * ties (floats would break 0.45 × 100 ≠ 45). Products are computed in Number
 * when they stay below 2^53 and in BigInt otherwise.
 */

const SAFE = Number.MAX_SAFE_INTEGER;

/** Sign of a·b − c·d for non-negative safe integers. */
export function compareProducts(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const left = a * b;
  const right = c * d;
  if (left <= SAFE && right <= SAFE) return left < right ? -1 : left > right ? 1 : 0;
  const l = BigInt(a) * BigInt(b);
  const r = BigInt(c) * BigInt(d);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** floor(a·b / c) and (a·b mod c) for non-negative safe integers, c > 0. */
export function mulDivMod(a: number, b: number, c: number): { quotient: number; remainder: number } {
  const product = a * b;
  if (product <= SAFE) return { quotient: Math.floor(product / c), remainder: product % c };
  const p = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  return { quotient: Number(p / bc), remainder: Number(p % bc) };
}

/**
 * Code-point order of two strings: not locale order (the same on every machine)
 * and not UTF-16 unit order (which misplaces characters beyond U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
