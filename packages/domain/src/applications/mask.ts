/**
 * Masking of minors' personal data (PIPL: sensitive) for every response and export: only an
 * explicit, audited reveal shows the whole value.
 */

/** `110105200801011234` → `110105********1234`; other documents keep their first 2 and last 2. */
export function maskIdNumber(value: string): string {
  if (value.length === 18) return `${value.slice(0, 6)}********${value.slice(14)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}

/** `13812345678` → `138****5678`; a landline keeps its last 4 digits. */
export function maskPhone(value: string): string {
  const s = value.replace(/\s+/g, '');
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length <= 4) return '*'.repeat(s.length);
  return `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
}

/** `张小明` → `张*明`, `李明` → `李*` (public verification pages). */
export function maskName(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) return value;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Mainland mobile or landline (digits, optional area code and dash). */
export function isPhone(value: string): boolean {
  return /^1\d{10}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}
