/**
 * What an admission letter's QR (录取通知书, kind `admission`) vouches for on `/verify/<code>`:
 * the student (masked), the school, major, campus, the batch (or registration) and where the
 * admission stands. The verdict above (valid / withdrawn / invalid / unknown) and its message are
 * the server's; keys it adds later show as they come, ids stay hidden.
 */
import type { ReactNode } from 'react';
import { Descriptions, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';

const m = defineMessages({
  facts: ['该录取通知书证明的信息', 'What this admission letter vouches for'],
  f_student: ['学生', 'Student'],
  f_examNo: ['中考报名号', 'Exam number'],
  f_juniorHigh: ['初中学校', 'Junior high'],
  f_school: ['录取学校', 'School'],
  f_major: ['录取专业', 'Major'],
  f_campus: ['校区', 'Campus'],
  f_years: ['学制', 'Length of schooling'],
  f_batch: ['录取批次', 'Batch'],
  f_kind: ['录取方式', 'How'],
  f_campaign: ['招生活动', 'Campaign'],
  f_year: ['年度', 'Year'],
  f_status: ['录取状态', 'Status'],
  f_issuer: ['签发', 'Issued by'],
  f_issuedAt: ['签发时间', 'Issued'],
  f_issuedOn: ['签发日期', 'Issued on'],
  f_district: ['统一录取', 'Central admission by'],
  f_schoolSeal: ['录取学校电子签章', 'School seal'],
  sealNotValid: ['未通过校验', 'Does not hold'],
  f_publishedAt: ['发布时间', 'Published'],
  f_registration: ['报到时间和地点', 'Registration (dates, place)'],
  f_withdrawnAt: ['撤销时间', 'Withdrawn'],
  f_reason: ['撤销原因', 'Reason'],
  f_keyId: ['签名密钥', 'Signing key'],
  s_admitted: ['已录取', 'Admitted'],
  s_valid: ['已录取', 'Admitted'],
  s_returned: ['已退档（录取撤销）', 'Returned (admission withdrawn)'],
  s_withdrawn: ['录取已撤销', 'Admission withdrawn'],
  k_batch: ['统一录取', 'Central admission'],
  k_registration: ['注册入学', 'By registration'],
  yearsN: ['{n} 年', '{n} years'],
});

/** Server keys → one label (several spellings of the same fact). */
const aliases: Record<string, keyof typeof m> = {
  student: 'f_student', studentName: 'f_student', name: 'f_student', studentNameMasked: 'f_student', nameMasked: 'f_student', maskedName: 'f_student',
  examNo: 'f_examNo', examNoMasked: 'f_examNo', applicantId: 'f_examNo',
  juniorHigh: 'f_juniorHigh', juniorHighName: 'f_juniorHigh',
  school: 'f_school', schoolName: 'f_school',
  major: 'f_major', majorName: 'f_major', programme: 'f_major',
  campus: 'f_campus', campusName: 'f_campus',
  years: 'f_years', lengthYears: 'f_years', durationYears: 'f_years',
  batch: 'f_batch', batchName: 'f_batch', kind: 'f_kind', admissionKind: 'f_kind',
  campaign: 'f_campaign', campaignName: 'f_campaign', year: 'f_year',
  status: 'f_status', admissionStatus: 'f_status',
  issuer: 'f_issuer', issuedBy: 'f_issuer', issuers: 'f_issuer', issuedAt: 'f_issuedAt', issuedOn: 'f_issuedOn', publishedAt: 'f_publishedAt', district: 'f_district', districtName: 'f_district', schoolSeal: 'f_schoolSeal',
  registration: 'f_registration', withdrawnAt: 'f_withdrawnAt', reason: 'f_reason', withdrawReason: 'f_reason',
};
const hidden = new Set(['id', 'admissionId', 'studentId', 'programmeId', 'schoolId', 'campaignId', 'batchId', 'runId', 'juniorHighId']);
const order = ['f_student', 'f_examNo', 'f_juniorHigh', 'f_school', 'f_major', 'f_campus', 'f_years', 'f_batch', 'f_kind', 'f_campaign', 'f_year', 'f_status', 'f_registration', 'f_district', 'f_schoolSeal', 'f_issuer', 'f_issuedAt', 'f_issuedOn', 'f_publishedAt', 'f_withdrawnAt', 'f_reason'];
const rank = (k: string) => (aliases[k] ? order.indexOf(aliases[k]!) : 99);

function nameOf(v: unknown): string {
  if (v && typeof v === 'object' && 'name' in v) return String((v as { name: unknown }).name);
  if (v && typeof v === 'object') return Object.values(v as Record<string, unknown>).filter((x) => x !== null && x !== undefined && x !== '').map(String).join(' · ');
  return String(v);
}

export function AdmissionFacts({ facts, keyId }: { facts: Record<string, unknown>; keyId?: string | null }) {
  const { t } = useI18n(m);
  const value = (k: string, v: unknown): ReactNode => {
    const label = aliases[k];
    if (label === 'f_schoolSeal' && !v) return <Typography.Text type="danger">{t('sealNotValid')}</Typography.Text>;
    if (v === null || v === undefined || v === '') return '—';
    if (label === 'f_registration' && typeof v === 'object' && v && 'from' in v) {
      const r = v as { from?: string; to?: string; place?: string };
      return [r.from && r.to ? `${r.from} – ${r.to}` : (r.from ?? r.to), r.place].filter(Boolean).join(' · ');
    }
    if (label === 'f_status' && typeof v === 'string' && `s_${v}` in m) {
      return <Tag color={v === 'admitted' || v === 'valid' ? 'green' : 'red'} data-testid="verify-admission-status" data-status={v}>{t(`s_${v}` as keyof typeof m)}</Tag>;
    }
    if (label === 'f_kind' && typeof v === 'string' && `k_${v}` in m) return t(`k_${v}` as keyof typeof m);
    if (label === 'f_years' && typeof v === 'number') return t('yearsN', { n: v });
    if (Array.isArray(v)) return v.map(nameOf).join('、');
    if (typeof v === 'object') return nameOf(v);
    if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
    if (typeof v === 'string') return /At$/.test(k) && !Number.isNaN(Date.parse(v)) ? formatDateTime(v) : v;
    return String(v);
  };
  const rows = Object.entries(facts).filter(([k]) => !hidden.has(k)).sort(([a], [b]) => rank(a) - rank(b));
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      title={t('facts')}
      data-testid="verify-facts"
      style={{ background: '#fff', padding: 8, borderRadius: 8 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 1 }, content: { wordBreak: 'break-all' } }}
      items={[
        ...rows.map(([k, v]) => ({ key: k, label: aliases[k] ? t(aliases[k]!) : k, children: <span data-fact={k}>{value(k, v)}</span> })),
        ...(keyId ? [{ key: 'kid', label: t('f_keyId'), children: <Typography.Text code style={{ fontSize: 12 }}>{keyId}</Typography.Text> }] : []),
      ]}
    />
  );
}
