/**
 * The verifier of brochure codes (payload `t: 'brochure'`): the signature has been checked
 * (signing/codes.ts); this says whether the filing exists, was signed by the city bureau that
 * files for the school (R7), and is current, superseded or withdrawn — with the filed facts
 * it vouches for. No personal data: the facts are the school's published ones.
 */
import { eq } from 'drizzle-orm';
import type { BrochureFacts } from '@zhizhao/domain';
import { brochures, campaigns, organizations } from '../../db/schema';
import type { Verifier, VerifyResult } from '../../signing/codes';
import { currentFiledOf, FILED_MARK } from './queries';

export const verifyBrochureCode: Verifier = async (db, payload, key) => {
  const unknown: VerifyResult = { kind: 'brochure', status: 'unknown', message: { zh: '签名有效，但系统中找不到该备案记录', en: 'The signature is valid, but no such filing is on record' }, keyId: key.kid, facts: null };
  const id = Number(payload.id);
  if (!Number.isInteger(id) || id <= 0) return unknown;
  const [row] = await db
    .select({ b: brochures, school: organizations, year: campaigns.year })
    .from(brochures)
    .innerJoin(organizations, eq(organizations.id, brochures.organizationId))
    .innerJoin(campaigns, eq(campaigns.id, brochures.campaignId))
    .where(eq(brochures.id, id));
  if (!row || !row.b.filedAt || row.b.filingNumber !== payload.n || row.b.version !== payload.v || row.school.code !== payload.s || row.year !== payload.y) return unknown;
  if (key.organizationId !== row.school.cityId) {
    return { kind: 'brochure', status: 'invalid', message: { zh: '签名密钥不属于负责备案的市教育局，二维码不可信', en: 'The code was not signed by the city bureau that files this school\'s brochures' }, keyId: key.kid, facts: null };
  }
  const { b, year } = row;
  const facts = b.facts as BrochureFacts;
  const current = b.status === 'superseded' ? await currentFiledOf(db, b) : null;
  const vouched = {
    brochureId: b.id, school: facts.school, schoolCode: facts.schoolCode, year, version: b.version, filingNumber: b.filingNumber, filedAt: b.filedAt!.toISOString(),
    mark: FILED_MARK, address: facts.address, runBy: facts.runBy, ownership: facts.ownership, jointEnrollment: facts.jointEnrollment, aidPolicy: facts.aidPolicy,
    majors: facts.majors.map((m) => ({ code: m.code, name: m.name, category: m.category, campus: m.campus, lengthYears: m.lengthYears, internship: m.internship, fees: m.fees, plannedSeats: m.plannedSeats })),
    ...(b.withdrawnAt ? { withdrawnAt: b.withdrawnAt.toISOString() } : {}),
    ...(current ? { currentBrochureId: current.id, currentFilingNumber: current.filingNumber, currentVersion: current.version } : {}),
  };
  if (b.status === 'filed') return { kind: 'brochure', status: 'valid', message: { zh: `${FILED_MARK}：该招生简章为现行备案版本（${b.filingNumber}）`, en: `Reviewed and filed by the city bureau: this is the current filed version (${b.filingNumber})` }, keyId: key.kid, facts: vouched };
  if (b.status === 'superseded') {
    const next = current ? `（现行版本：${current.filingNumber}）` : '';
    return { kind: 'brochure', status: 'superseded', message: { zh: `该版本曾经备案，但已被新版本替代，请以现行版本为准${next}`, en: `This version was filed but has been superseded by a newer one${current ? ` (current: ${current.filingNumber})` : ''}` }, keyId: key.kid, facts: vouched };
  }
  if (b.status === 'withdrawn') return { kind: 'brochure', status: 'withdrawn', message: { zh: '该招生简章的备案已被市教育局撤销，不得再作招生宣传使用', en: 'The city bureau has withdrawn this filing: it may no longer be used for publicity' }, keyId: key.kid, facts: vouched };
  return unknown;
};
