/**
 * The verifiers behind the public `GET /api/verify/:code` for early-transfer documents. The code's
 * signature has been checked (signing/codes.ts); here:
 *  - `transfer-form` { id, v, h }: signed by one of the form's two schools; `valid` while the
 *    version printed is the current one and the form is in force (the seals present are listed,
 *    each re-checked over the content), `withdrawn` when it was withdrawn, refused, returned or
 *    changed since (its seals void), `invalid` for a key of another organisation or a digest
 *    that does not match, `unknown` when no such form exists;
 *  - `transfer-list` { id, h, n? }: signed by either school or, once filed, by the district
 *    bureau; `valid` with the seals and the filing, `withdrawn` when withdrawn.
 * The page is public: the student's name masked, the exam number's last 4 only; no ID number.
 */
import { maskName, transferListStatusLabels, transferStatusLabels, type TransferListStatus, type TransferStatus } from '@zhizhao/domain';
import type { Verifier, VerifyResult } from '../../signing/codes';
import { contentDigest, keyCache } from './seals';
import { loadTransfers, presentTransfer } from './queries';
import { listDetailForDocument, type ListContent } from './lists';

const maskExamNo = (s: string) => (s.length <= 4 ? s : `${'*'.repeat(s.length - 4)}${s.slice(-4)}`);
const partyZh = { source: '初中学校', school: '中职学校', district: '区教育局（备案）' } as const;

export const verifyTransferForm: Verifier = async (db, payload, key) => {
  const unknown: VerifyResult = { kind: 'transfer-form', status: 'unknown', message: { zh: '签名有效，但系统中找不到该志愿填报表', en: 'The signature is valid, but no such form is on record' }, keyId: key.kid, facts: null };
  const id = Number(payload.id);
  const v = Number(payload.v);
  if (!Number.isInteger(id) || id <= 0 || !Number.isInteger(v) || v <= 0) return unknown;
  const [l] = await loadTransfers(db, [id]);
  if (!l || v > l.t.version) return unknown;
  if (key.organizationId !== l.t.juniorHighId && key.organizationId !== l.t.schoolId) {
    return { kind: 'transfer-form', status: 'invalid', message: { zh: '签名密钥不属于该表的初中学校或中职学校，二维码不可信', en: 'The code was not signed by either school of the form' }, keyId: key.kid, facts: null };
  }
  const view = await presentTransfer(db, l, keyCache());
  const facts = {
    student: maskName(l.student.name), examNo: maskExamNo(l.student.examNo), juniorHigh: l.juniorHighName, school: l.schoolName, major: l.majorName, campus: l.campusName,
    campaign: l.campaign.name, version: v, currentVersion: l.t.version, status: transferStatusLabels[l.t.status as TransferStatus].zh,
    seals: view.seals.filter((s) => s.valid).map((s) => ({ party: s.party, partyName: partyZh[s.party], organization: s.organizationName, sealedAt: s.sealedAt })),
    filingNumber: view.filingNumber, filedOn: view.filedOn,
  };
  if (v < l.t.version) {
    return { kind: 'transfer-form', status: 'withdrawn', message: { zh: `该表（第${v}版）盖章后已被修改，原盖章作废；现行为第${l.t.version}版`, en: `This form (version ${v}) was changed after sealing: its seals are void; version ${l.t.version} is current` }, keyId: key.kid, facts: { ...facts, seals: [] } };
  }
  if (payload.h !== contentDigest(l.t.content)) {
    return { kind: 'transfer-form', status: 'invalid', message: { zh: '二维码与系统中的表格内容不符，不可信', en: 'The code does not match the form on record' }, keyId: key.kid, facts: null };
  }
  const status = l.t.status as TransferStatus;
  if (status === 'withdrawn' || status === 'refused' || status === 'returned') {
    const what = status === 'withdrawn' ? '已撤回' : status === 'refused' ? '学校不同意，未生效' : '已由区教育局决定退回初中学校';
    return { kind: 'transfer-form', status: 'withdrawn', message: { zh: `该志愿填报表${what}${l.t.reason ? `（理由：${l.t.reason}）` : ''}，盖章不再有效`, en: `This form is ${transferStatusLabels[status].en.toLowerCase()}: its seals no longer stand` }, keyId: key.kid, facts };
  }
  const both = facts.seals.length === 2;
  const zh = status === 'filed' ? `有效：双方学校已盖章，汇总名单已由区教育局备案（${view.filingNumber}），该生自 ${view.filedOn} 起在${l.schoolName}提前学习`
    : both ? '有效：初中学校和中职学校均已盖章，待列入汇总名单并由区教育局备案'
    : facts.seals.length === 1 ? '有效：初中学校已盖章，待中职学校盖章' : '签名有效，表格尚未盖章';
  return { kind: 'transfer-form', status: 'valid', message: { zh, en: status === 'filed' ? `Valid: sealed by both schools, filed by the district bureau (${view.filingNumber})` : both ? 'Valid: sealed by both schools, awaiting filing' : 'Valid: sealed by the junior high, awaiting the vocational school' }, keyId: key.kid, facts };
};

export const verifyTransferList: Verifier = async (db, payload, key) => {
  const unknown: VerifyResult = { kind: 'transfer-list', status: 'unknown', message: { zh: '签名有效，但系统中找不到该汇总名单', en: 'The signature is valid, but no such list is on record' }, keyId: key.kid, facts: null };
  const id = Number(payload.id);
  if (!Number.isInteger(id) || id <= 0) return unknown;
  let found;
  try {
    found = await listDetailForDocument(db, id);
  } catch {
    return unknown;
  }
  const { detail, loaded } = found;
  if (![loaded.l.juniorHighId, loaded.l.schoolId, loaded.district.id].includes(key.organizationId)) {
    return { kind: 'transfer-list', status: 'invalid', message: { zh: '签名密钥不属于该名单的学校或区教育局，二维码不可信', en: 'The code was not signed by a party of the list' }, keyId: key.kid, facts: null };
  }
  if (payload.h !== contentDigest(loaded.l.content) || (payload.n !== undefined && payload.n !== loaded.l.filingNumber)) {
    return { kind: 'transfer-list', status: 'invalid', message: { zh: '二维码与系统中的汇总名单不符，不可信', en: 'The code does not match the list on record' }, keyId: key.kid, facts: null };
  }
  const content = loaded.l.content as ListContent;
  const facts = {
    juniorHigh: detail.juniorHighName, school: detail.schoolName, campaign: content.campaign.name, count: detail.count,
    students: detail.items.map((i) => ({ student: maskName(i.studentName), examNo: maskExamNo(i.examNo), major: i.majorName, status: transferStatusLabels[i.status].zh })),
    status: transferListStatusLabels[detail.status as TransferListStatus].zh,
    seals: detail.seals.filter((s) => s.valid).map((s) => ({ party: s.party, partyName: partyZh[s.party], organization: s.organizationName, sealedAt: s.sealedAt })),
    filingNumber: detail.filingNumber, filedOn: detail.filedOn,
  };
  if (detail.status === 'withdrawn') {
    return { kind: 'transfer-list', status: 'withdrawn', message: { zh: `该汇总名单已撤回${detail.reason ? `（${detail.reason}）` : ''}，盖章不再有效`, en: 'This list was withdrawn: its seals no longer stand' }, keyId: key.kid, facts };
  }
  const sealedBoth = facts.seals.filter((s) => s.party !== 'district').length === 2;
  const zh = detail.status === 'filed' ? `有效：双方学校已盖章，区教育局已备案（${detail.filingNumber}，${detail.filedOn}）` : sealedBoth ? '有效：双方学校已盖章，尚未备案' : '有效：尚待另一方学校盖章，未备案';
  return { kind: 'transfer-list', status: 'valid', message: { zh, en: detail.status === 'filed' ? `Valid: sealed by both schools and filed (${detail.filingNumber})` : 'Valid: not filed yet' }, keyId: key.kid, facts };
};
