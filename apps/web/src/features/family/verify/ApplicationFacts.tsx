/**
 * What a 志愿表's signed QR vouches for (kind `application`), shown at `/verify/<code>`: the
 * masked name, the junior high, the track, the ranked choices, the confirmation times and the
 * version (the verdict above says whether it is still the current one: valid or superseded).
 * The server decides the facts; unknown keys are shown as they come.
 */
import type { ReactNode } from 'react';
import { Descriptions } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { familyMessages } from '../messages';

const m = defineMessages({
  ...familyMessages,
  facts: ['该志愿表证明的信息', 'What this application form vouches for'],
  f_name: ['姓名', 'Name'],
  f_examNo: ['中考报名号', 'Exam number'],
  f_juniorHigh: ['初中学校', 'Junior high'],
  f_social: ['社会人员', 'Social applicant'],
  f_campaign: ['招生活动', 'Campaign'],
  f_year: ['年度', 'Year'],
  f_track: ['升学方向', 'Track'],
  f_choices: ['中职志愿', 'Vocational choices'],
  f_acceptAdjustment: ['服从调剂', 'Accepts adjustment'],
  f_version: ['志愿版本', 'Version'],
  f_currentVersion: ['现行版本', 'Current version'],
  f_status: ['状态', 'Status'],
  f_studentConfirmedAt: ['学生确认时间', 'Confirmed by the student'],
  f_guardianConfirmedAt: ['家长确认时间', 'Confirmed by the guardian'],
  f_confirmedAt: ['确认时间', 'Confirmed'],
  f_enteredBy: ['填写人', 'Entered by'],
  f_enteredAt: ['填写时间', 'Entered'],
  f_issuer: ['签发机关', 'Issued by'],
  f_issuedAt: ['签发时间', 'Issued'],
});

/** Server keys → one label (several spellings of the same fact). */
const aliases: Record<string, keyof typeof m> = {
  student: 'f_name', name: 'f_name', nameMasked: 'f_name', studentName: 'f_name', studentNameMasked: 'f_name', maskedName: 'f_name',
  examNo: 'f_examNo', examNoMasked: 'f_examNo',
  juniorHigh: 'f_juniorHigh', juniorHighName: 'f_juniorHigh', school: 'f_juniorHigh',
  social: 'f_social', campaign: 'f_campaign', campaignName: 'f_campaign', year: 'f_year',
  track: 'f_track', choices: 'f_choices', acceptAdjustment: 'f_acceptAdjustment',
  version: 'f_version', currentVersion: 'f_currentVersion', status: 'f_status',
  studentConfirmedAt: 'f_studentConfirmedAt', guardianConfirmedAt: 'f_guardianConfirmedAt', confirmedAt: 'f_confirmedAt',
  enteredBy: 'f_enteredBy', enteredAt: 'f_enteredAt', issuer: 'f_issuer', issuedBy: 'f_issuer', issuedAt: 'f_issuedAt',
};
const hidden = new Set(['id', 'studentId', 'applicationId', 'campaignId', 'programmeIds']);
const order = Object.values(aliases);

type Choice = { rank?: number; schoolName?: string; school?: string; majorName?: string; major?: string; campusName?: string; campus?: string; name?: string };

export function ApplicationFacts({ facts }: { facts: Record<string, unknown> }) {
  const { t } = useI18n(m);
  const value = (k: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return '—';
    if (k === 'track' && (v === 'general' || v === 'vocational')) return t(`tr_${v}`);
    if (k === 'enteredBy' && (v === 'student' || v === 'guardian' || v === 'staff')) return t(`by_${v}`);
    if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
    if (k === 'choices' && Array.isArray(v)) {
      return (
        <ol style={{ margin: 0, paddingInlineStart: 18 }} data-testid="verify-choices">
          {(v as (Choice | string)[]).map((c, i) =>
            typeof c === 'string' ? <li key={i}>{c}</li> : <li key={i}>{[c.schoolName ?? c.school, c.majorName ?? c.major ?? c.name, c.campusName ?? c.campus].filter(Boolean).join(' · ')}</li>,
          )}
        </ol>
      );
    }
    if (typeof v === 'string') return /At$/.test(k) && !Number.isNaN(Date.parse(v)) ? formatDateTime(v) : v;
    if (typeof v === 'number') return String(v);
    return JSON.stringify(v);
  };
  const rows = Object.entries(facts)
    .filter(([k]) => !hidden.has(k))
    .sort(([a], [b]) => (order.indexOf(aliases[a]!) + 1 || 99) - (order.indexOf(aliases[b]!) + 1 || 99));
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      title={t('facts')}
      data-testid="verify-facts"
      style={{ background: '#fff', padding: 8, borderRadius: 8 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
      items={rows.map(([k, v]) => ({ key: k, label: aliases[k] ? t(aliases[k]) : k, children: <span data-fact={k}>{value(k, v)}</span> }))}
    />
  );
}
