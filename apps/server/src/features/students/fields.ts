/**
 * A student's fields as the roster keeps them: checked (GB 11643 for a resident ID, the gender
 * against its 17th digit, the guardian's phone) and sealed (encrypted, keyed hashes, masks) the
 * same way for the API, the Excel import and the seed. Pure except for the PII keys.
 */
import { checkDocumentNumber, isPhone, maskIdNumber, maskPhone, type IdType } from '@zhizhao/domain';
import type { ErrorCode } from '@zhizhao/contracts';
import type { Pii } from '../../pii/crypto';

export type StudentInput = {
  name: string;
  gender: 'male' | 'female';
  idType: IdType;
  idNumber: string;
  examNo: string;
  className: string;
  cohort: 'current' | 'past';
  hukouDistrict: string;
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
};

export type FieldProblem = { field: keyof StudentInput; code: ErrorCode; zh: string; en: string };

/** Exam numbers are compared and stored upper-case (the sign-in name is the lower-case form). */
export const normalizeExamNo = (s: string) => s.trim().toUpperCase();
export const studentUsername = (examNo: string) => examNo.toLowerCase();
export const guardianUsername = (examNo: string) => `g.${examNo.toLowerCase()}`;
export const normalizePhone = (s: string) => s.replace(/\s+/g, '');

/** Checks the document number and the gender it implies; returns the normalized number or the problems. */
export function checkIdentity(input: Pick<StudentInput, 'idType' | 'idNumber' | 'gender'>): { ok: true; normalized: string } | { ok: false; problems: FieldProblem[] } {
  const id = checkDocumentNumber(input.idType, input.idNumber);
  if (!id.ok) {
    const code: ErrorCode = input.idType === 'resident_id' ? 'STUDENT_ID_INVALID' : 'STUDENT_DOCUMENT_INVALID';
    return { ok: false, problems: [{ field: 'idNumber', code, zh: id.zh, en: id.en }] };
  }
  if (id.gender && id.gender !== input.gender) {
    const zh = `性别与身份证号码不符：号码第17位表示${id.gender === 'male' ? '男' : '女'}`;
    const en = `The gender does not match the ID number: its 17th digit says ${id.gender}`;
    return { ok: false, problems: [{ field: 'gender', code: 'STUDENT_GENDER_MISMATCH', zh, en }] };
  }
  return { ok: true, normalized: id.normalized };
}

export function checkPhone(phone: string): FieldProblem | null {
  return isPhone(normalizePhone(phone)) ? null : { field: 'guardianPhone', code: 'VALIDATION_FAILED', zh: '监护人电话应为11位手机号码或带区号的固定电话', en: 'A mobile (11 digits) or a landline with its area code' };
}

/** The stored, encrypted and masked form of the personal fields. */
export type Sealed = { idCipher: string; idHash: string; idMasked: string; phoneCipher: string; phoneHash: string; phoneMasked: string };

export const idHashOf = (pii: Pii, idType: string, normalized: string) => pii.hash('id', `${idType}:${normalized}`);
export const phoneHashOf = (pii: Pii, phone: string) => pii.hash('phone', normalizePhone(phone));

export function sealId(pii: Pii, idType: string, normalized: string, knownHash?: string) {
  return { idCipher: pii.encrypt(normalized), idHash: knownHash ?? idHashOf(pii, idType, normalized), idMasked: maskIdNumber(normalized) };
}

export function sealPhone(pii: Pii, phone: string) {
  const p = normalizePhone(phone);
  return { phoneCipher: pii.encrypt(p), phoneHash: phoneHashOf(pii, p), phoneMasked: maskPhone(p) };
}
