/** The verdict on a code, large enough to read at arm's length, and the facts it vouches for. */
import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, ExclamationCircleFilled, QuestionCircleFilled, StopFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { ApplicationFacts } from '../../family/verify/ApplicationFacts';
import { TransferFacts } from '../../transfers/verify/TransferFacts';
import { AdmissionFacts } from '../../admission/verify/AdmissionFacts';
import type { VerifyResponse, VerifyStatus } from '../types';

const m = defineMessages({
  valid: ['真实有效', 'Valid'],
  superseded: ['已被新版本替代', 'Superseded'],
  withdrawn: ['已撤销', 'Withdrawn'],
  invalid: ['无效：伪造或被篡改', 'Invalid: forged or altered'],
  unknown: ['无法识别', 'Not recognised'],
  revoked: ['已吊销', 'Revoked'],
  not_yet: ['尚未生效', 'Not yet valid'],
  over: ['已过期', 'Expired'],
  kind_brochure: ['招生简章备案', 'Brochure filing'],
  kind_permit: ['进校宣传批准', 'Visit permit'],
  kind_application: ['中考志愿表', 'Application form (志愿表)'],
  'kind_transfer-form': ['中等职业学校志愿填报表（提前到中职学习）', 'Early-transfer form (Annex 4)'],
  'kind_transfer-list': ['提前到中职学习汇总名单', 'Early-transfer combined list'],
  kind_admission: ['录取通知书', 'Admission letter'],
  withdrawn_transfer: ['已撤回：印章作废', 'Withdrawn: the seals are void'],
  facts: ['该验证码证明的信息', 'What this code vouches for'],
  key: ['签发密钥', 'Signing key'],
  open: ['查看备案的招生简章', 'Open the filed brochure'],
  f_school: ['学校', 'School'],
  f_schoolCode: ['学校代码', 'School code'],
  f_filingNumber: ['备案号', 'Filing number'],
  f_year: ['年度', 'Year'],
  f_version: ['版本', 'Version'],
  f_filedAt: ['备案时间', 'Filed'],
  f_address: ['地址', 'Address'],
  f_majors: ['专业', 'Majors'],
  f_campuses: ['校区', 'Campuses'],
  f_issuer: ['备案机关', 'Filed by'],
  f_status: ['状态', 'Status'],
  f_jointEnrollment: ['联合招生', 'Joint enrollment'],
  f_mark: ['备案标识', 'Mark'],
  f_runBy: ['举办方', 'Run by'],
  f_ownership: ['办学性质', 'Ownership'],
  f_aidPolicy: ['资助政策', 'Financial aid'],
  f_withdrawnAt: ['撤销时间', 'Withdrawn'],
  f_currentFilingNumber: ['现行版本备案号', 'Current filing number'],
  f_currentVersion: ['现行版本', 'Current version'],
  v_district: ['区属', 'District-run'],
  v_city: ['市属', 'City-run'],
  v_public: ['公办', 'Public'],
  v_private: ['民办', 'Private'],
  openCurrent: ['查看现行备案版本', 'Open the current filed version'],
});

/** Keys not shown as rows: ids only serve the links below. */
const hidden = new Set(['brochureId', 'currentBrochureId', 'id']);

const look: Record<VerifyStatus, { color: string; bg: string; icon: ReactNode }> = {
  valid: { color: '#389e0d', bg: '#f6ffed', icon: <CheckCircleFilled /> },
  superseded: { color: '#d46b08', bg: '#fff7e6', icon: <ExclamationCircleFilled /> },
  withdrawn: { color: '#cf1322', bg: '#fff1f0', icon: <StopFilled /> },
  invalid: { color: '#cf1322', bg: '#fff1f0', icon: <CloseCircleFilled /> },
  unknown: { color: '#595959', bg: '#fafafa', icon: <QuestionCircleFilled /> },
  revoked: { color: '#cf1322', bg: '#fff1f0', icon: <StopFilled /> },
  not_yet: { color: '#d46b08', bg: '#fff7e6', icon: <ClockCircleFilled /> },
  over: { color: '#595959', bg: '#fafafa', icon: <ClockCircleFilled /> },
};

/** Shows one fact value: text as it is, lists by their names, dates readable. */
function show(key: string, v: unknown): ReactNode {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return /At$/.test(key) && !Number.isNaN(Date.parse(v)) ? formatDateTime(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : String(x))).join('、');
  return <pre className="json">{JSON.stringify(v, null, 2)}</pre>;
}

export function VerifyResultCard({ result }: { result: VerifyResponse }) {
  const { t, locale } = useI18n(m);
  const s = look[result.status];
  const facts = Object.entries(result.facts ?? {}).filter(([k]) => !hidden.has(k));
  const brochureId = result.kind === 'brochure' ? Number(result.facts?.brochureId ?? result.facts?.id) : NaN;
  const currentId = result.kind === 'brochure' ? Number(result.facts?.currentBrochureId) : NaN;
  const value = (k: string, v: unknown) => (typeof v === 'string' && `v_${v}` in m && (k === 'runBy' || k === 'ownership') ? t(`v_${v}` as keyof typeof m) : show(k, v));
  return (
    <Card style={{ borderColor: s.color, background: s.bg }} data-testid="verify-result">
      <Flex vertical align="center" gap={4} style={{ textAlign: 'center', marginBottom: facts.length ? 16 : 0 }}>
        <span style={{ fontSize: 64, color: s.color, lineHeight: 1 }}>{s.icon}</span>
        <Typography.Title level={2} style={{ margin: '8px 0 0', color: s.color }} data-testid="verify-status" data-status={result.status}>
          {result.status === 'withdrawn' && result.kind?.startsWith('transfer-') ? t('withdrawn_transfer') : t(result.status)}
        </Typography.Title>
        {result.kind && <Typography.Text type="secondary">{t(`kind_${result.kind}`)}</Typography.Text>}
        <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 16 }} data-testid="verify-message">
          {locale === 'zh-CN' ? result.message.zh : result.message.en}
        </Typography.Paragraph>
      </Flex>
      {facts.length > 0 && result.kind === 'application' && <ApplicationFacts facts={result.facts ?? {}} />}
      {facts.length > 0 && (result.kind === 'transfer-form' || result.kind === 'transfer-list') && <TransferFacts kind={result.kind} facts={result.facts ?? {}} keyId={result.keyId} />}
      {facts.length > 0 && result.kind === 'admission' && <AdmissionFacts facts={result.facts ?? {}} keyId={result.keyId} />}
      {facts.length > 0 && result.kind !== 'application' && result.kind !== 'transfer-form' && result.kind !== 'transfer-list' && result.kind !== 'admission' && (
        <Descriptions
          size="small"
          bordered
          column={1}
          title={t('facts')}
          data-testid="verify-facts"
          style={{ background: '#fff', padding: 8, borderRadius: 8 }}
          styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
          items={[
            ...facts.map(([k, v]) => ({ key: k, label: `f_${k}` in m ? t(`f_${k}` as keyof typeof m) : k, children: value(k, v) })),
            ...(result.keyId ? [{ key: 'kid', label: t('key'), children: <Typography.Text code style={{ fontSize: 12 }}>{result.keyId}</Typography.Text> }] : []),
          ]}
        />
      )}
      {Number.isInteger(currentId) && currentId > 0 && (
        <div style={{ marginTop: 12, textAlign: 'center' }}><Link to={`/public/brochures/${currentId}`} data-testid="verify-open-current">{t('openCurrent')}</Link></div>
      )}
      {Number.isInteger(brochureId) && brochureId > 0 && (
        <div style={{ marginTop: 12, textAlign: 'center' }}><Link to={`/public/brochures/${brochureId}`} data-testid="verify-open-brochure">{t('open')}</Link></div>
      )}
    </Card>
  );
}
