/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women), and a check character computed as ISO 7064 MOD 11-2 over
 * the first 17 digits ('X' stands for 10). Pure: no look-up of area codes (they change).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** The check character of the first 17 digits. */
export function gb11643CheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';
export type IdNumberCheck =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; problem: IdNumberProblem; zh: string; en: string };

const problems: Record<IdNumberProblem, { zh: string; en: string }> = {
  format: { zh: '身份证号码应为18位：17位数字加1位校验码（数字或X）', en: 'A resident ID number has 18 characters: 17 digits and a check digit (digit or X)' },
  birth_date: { zh: '身份证号码中的出生日期不存在', en: 'The birth date inside the ID number does not exist' },
  check_digit: { zh: '身份证号码校验码不符（GB 11643），请核对是否抄错', en: 'The check digit does not match (GB 11643): the number was probably mistyped' },
};

/** Checks a resident ID number; `normalized` is upper-case without spaces. */
export function checkResidentId(raw: string): IdNumberCheck {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  const fail = (problem: IdNumberProblem): IdNumberCheck => ({ ok: false, problem, ...problems[problem] });
  if (!/^\d{17}[\dX]$/.test(s)) return fail('format');
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail('birth_date');
  if (gb11643CheckChar(s.slice(0, 17)) !== s[17]) return fail('check_digit');
  return { ok: true, normalized: s, birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Builds a valid-looking number from its parts (the demo's fake students, tests). */
export function makeResidentId(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + gb11643CheckChar(first17);
}

/** Documents other than the resident ID card (R5: social applicants, students from elsewhere). */
export const idTypes = ['resident_id', 'hk_macao_pass', 'taiwan_pass', 'passport', 'foreign_permanent', 'other'] as const;
export type IdType = (typeof idTypes)[number];
export const idTypeLabels: Record<IdType, { zh: string; en: string }> = {
  resident_id: { zh: '居民身份证', en: 'Resident ID card' },
  hk_macao_pass: { zh: '港澳居民来往内地通行证', en: 'Mainland travel permit (HK/Macao)' },
  taiwan_pass: { zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit (Taiwan)' },
  passport: { zh: '护照', en: 'Passport' },
  foreign_permanent: { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID' },
  other: { zh: '其他证件', en: 'Other document' },
};

/** Any document number: the resident ID is checked by GB 11643; others by a plain shape. */
export function checkDocumentNumber(type: IdType, raw: string): IdNumberCheck | { ok: true; normalized: string; birthDate: null; gender: null } {
  if (type === 'resident_id') return checkResidentId(raw);
  const s = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9-]{5,30}$/.test(s)) return { ok: false, problem: 'format', zh: '证件号码应为5至30位字母或数字', en: 'A document number has 5 to 30 letters or digits' };
  return { ok: true, normalized: s, birthDate: null, gender: null };
}
