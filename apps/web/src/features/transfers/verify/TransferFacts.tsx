/**
 * What an early-transfer QR vouches for on `/verify/<code>` (R13, R14): kind `transfer-form`
 * (the Annex 4 form of one student) or `transfer-list` (a combined list) — the student (masked)
 * or the count, both schools, the major, each seal present with its date, and the district
 * bureau's filing number and date. The verdict above it (valid / withdrawn / invalid /
 * unknown) and its message are the server's. Keys the server adds later show as they come.
 */
import type { ReactNode } from 'react';
import { Descriptions, Flex, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { transferMessages } from '../messages';
import { Codes } from '../shared/Codes';
import { SealMark } from '../shared/SealMark';

const m = defineMessages({
  ...transferMessages,
  facts_form: ['该填报表证明的信息', 'What this form vouches for'],
  facts_list: ['该名单证明的信息', 'What this list vouches for'],
  f_student: ['学生', 'Student'],
  f_examNo: ['中考报名号', 'Exam number'],
  f_juniorHigh: ['生源学校（初中）', 'Source school (junior high)'],
  f_school: ['中职学校', 'Vocational school'],
  f_major: ['专业', 'Major'],
  f_campus: ['校区', 'Campus'],
  f_campaign: ['招生活动', 'Campaign'],
  f_year: ['年度', 'Year'],
  f_count: ['学生人数', 'Students'],
  f_students: ['学生', 'Students'],
  f_version: ['版本', 'Version'],
  f_currentVersion: ['现行版本', 'Current version'],
  f_status: ['状态', 'Status'],
  f_seals: ['印章', 'Seals'],
  f_filingNumber: ['备案号', 'Filing number'],
  f_filedOn: ['备案日期', 'Filed on'],
  f_requestedOn: ['申请日期', 'Requested on'],
  f_withdrawnAt: ['撤回时间', 'Withdrawn'],
  f_reason: ['理由', 'Reason'],
  notFiled: ['尚未备案', 'Not filed yet'],
});

const order = ['student', 'examNo', 'juniorHigh', 'school', 'major', 'campus', 'campaign', 'year', 'count', 'students', 'version', 'currentVersion', 'status', 'requestedOn', 'seals', 'filingNumber', 'filedOn', 'withdrawnAt', 'reason'];
const hidden = new Set(['id', 'transferId', 'listId', 'studentId', 'campaignId', 'juniorHighId', 'schoolId', 'programmeId']);

type SealFact = { party?: string; organization?: string; organizationName?: string; sealedAt?: string };

/** A named thing may come as a string, as `{ name }`, or as a small record (a list's student: name, exam number, major, status). */
function nameOf(v: unknown): string {
  if (!v || typeof v !== 'object') return String(v);
  if ('name' in v) return String((v as { name: unknown }).name);
  const r = v as Record<string, unknown>;
  const head = [r.student ?? r.studentName, r.examNo ? `（${String(r.examNo)}）` : null].filter(Boolean).join('');
  return [head || null, ...Object.entries(r).filter(([k]) => !['student', 'studentName', 'examNo'].includes(k)).map(([, x]) => String(x))].filter(Boolean).join(' · ');
}

export function TransferFacts({ kind, facts, keyId }: { kind: 'transfer-form' | 'transfer-list'; facts: Record<string, unknown>; keyId?: string | null }) {
  const { t } = useI18n(m);
  const seals = (v: unknown): ReactNode => {
    const list = Array.isArray(v) ? (v as SealFact[]) : [];
    if (list.length === 0) return t('noSeal');
    return (
      <Flex gap={8} wrap data-testid="verify-seals">
        {list.map((s, i) => {
          const org = s.organizationName ?? s.organization ?? '';
          return (
            <Flex key={i} vertical align="center" data-testid="verify-seal" data-party={s.party}>
              <SealMark name={org} size={72} />
              <Typography.Text style={{ fontSize: 12 }}>{s.party && `party_${s.party}` in m ? t(`party_${s.party}` as keyof typeof m) : s.party}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.sealedAt ? formatDateTime(s.sealedAt) : ''}</Typography.Text>
            </Flex>
          );
        })}
      </Flex>
    );
  };
  const value = (k: string, v: unknown): ReactNode => {
    if (k === 'seals') return seals(v);
    if (v === null || v === undefined || v === '') return k === 'filingNumber' || k === 'filedOn' ? t('notFiled') : '—';
    if (Array.isArray(v)) {
      if (v.some((x) => x && typeof x === 'object')) {
        return <ol style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`verify-${k}`}>{v.map((x, i) => <li key={i}>{nameOf(x)}</li>)}</ol>;
      }
      return v.map(nameOf).join('、');
    }
    if (typeof v === 'object') return nameOf(v);
    if (typeof v === 'string') return /At$/.test(k) && !Number.isNaN(Date.parse(v)) ? formatDateTime(v) : v;
    return String(v);
  };
  const rows = Object.entries(facts)
    .filter(([k]) => !hidden.has(k))
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        title={t(kind === 'transfer-form' ? 'facts_form' : 'facts_list')}
        data-testid="verify-facts"
        style={{ background: '#fff', padding: 8, borderRadius: 8 }}
        styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
        items={rows.map(([k, v]) => ({ key: k, label: `f_${k}` in m ? t(`f_${k}` as keyof typeof m) : k, children: <span data-fact={k}>{value(k, v)}</span> }))}
      />
      <div style={{ marginTop: 8 }}><Codes testId="verify-codes" items={[{ label: t('keyId'), value: keyId }]} /></div>
    </>
  );
}
