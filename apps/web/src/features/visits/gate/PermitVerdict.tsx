/**
 * At the gate (R19): the verdict on a visit permit, readable at arm's length on a phone —
 * one word in a colour (有效 / 已撤销 / 尚未开始 / 已结束 / 伪造或被篡改 / 查无此许可), then
 * whom it admits, where, when, and who comes, so a clerk compares it with the people at the gate.
 */
import type { ReactNode } from 'react';
import { Descriptions, Flex, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, QuestionCircleFilled, StopFilled } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import type { VerifyResponse } from '../../publicity/types';

const m = defineMessages({
  valid: ['有效', 'Valid'],
  revoked: ['已撤销', 'Revoked'],
  not_yet: ['尚未开始', 'Not yet'],
  over: ['已结束', 'Over'],
  invalid: ['伪造或被篡改', 'Forged or altered'],
  unknown: ['查无此许可', 'No such permit'],
  sub_valid: ['准予进校宣传：请核对学校、人员和时间', 'May enter to publicise: check the school, the people and the time'],
  sub_revoked: ['区教育局已撤销该许可，不得进校', 'The district bureau revoked it: no entry'],
  sub_not_yet: ['许可的时间还没到，不得提前进校', 'Its time has not come: no entry yet'],
  sub_over: ['许可的时间已过，不得进校', 'Its time is past: no entry'],
  sub_invalid: ['签名不符，许可证是伪造的或被改过，不得进校；可“两分钟上报”', 'The signature does not match: forged or altered, no entry; report it'],
  sub_unknown: ['系统中没有这张许可证，不得进校', 'No such permit in the system: no entry'],
  kind: ['进校宣传批准文件', 'Campus visit permit'],
  school: ['学校', 'School'],
  juniorHigh: ['进入学校', 'At'],
  when: ['时间', 'When'],
  staff: ['人员', 'Staff'],
  serial: ['编号', 'Serial'],
  issuer: ['批准机关', 'Approved by'],
  revokedAt: ['撤销时间', 'Revoked'],
  revokeReason: ['撤销原因', 'Reason'],
  more: ['其他信息', 'More'],
  f_schoolCode: ['学校代码', 'School code'],
  f_juniorHighCode: ['初中学校代码', 'Junior high code'],
  f_issuedAt: ['签发时间', 'Issued'],
  key: ['签发密钥', 'Signing key'],
});

type Status = 'valid' | 'revoked' | 'not_yet' | 'over' | 'invalid' | 'unknown';

const look: Record<Status, { color: string; bg: string; icon: ReactNode }> = {
  valid: { color: '#237804', bg: '#f6ffed', icon: <CheckCircleFilled /> },
  revoked: { color: '#cf1322', bg: '#fff1f0', icon: <StopFilled /> },
  not_yet: { color: '#d46b08', bg: '#fff7e6', icon: <ClockCircleFilled /> },
  over: { color: '#595959', bg: '#f5f5f5', icon: <ClockCircleFilled /> },
  invalid: { color: '#cf1322', bg: '#fff1f0', icon: <CloseCircleFilled /> },
  unknown: { color: '#595959', bg: '#f5f5f5', icon: <QuestionCircleFilled /> },
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
/** The first fact present under any of the names (the server's wording may vary). */
const pick = (f: Record<string, unknown>, ...keys: string[]) => keys.map((k) => f[k]).find((v) => v !== undefined && v !== null && v !== '');
const names = (v: unknown) => (Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' && 'name' in x ? str((x as { name: unknown }).name) : str(x))).filter(Boolean).join('、') : str(v));

const shown = new Set(['school', 'schoolName', 'juniorHigh', 'juniorHighName', 'date', 'start', 'end', 'staff', 'staffNames', 'serial', 'issuer', 'issuedBy', 'revokedAt', 'revokeReason', 'visitId', 'id', 'schoolId', 'juniorHighId']);

export function isPermitStatus(s: string): s is Status {
  return s in look;
}

export function PermitVerdict({ result }: { result: VerifyResponse }) {
  const { t, locale } = useI18n(m);
  const status: Status = isPermitStatus(result.status) ? result.status : 'unknown';
  const s = look[status];
  const f = result.facts ?? {};
  const school = str(pick(f, 'school', 'schoolName'));
  const jh = str(pick(f, 'juniorHigh', 'juniorHighName'));
  const date = str(pick(f, 'date'));
  const when = date ? `${date} ${str(pick(f, 'start'))}–${str(pick(f, 'end'))}` : '';
  const staff = names(pick(f, 'staff', 'staffNames'));
  const serial = str(pick(f, 'serial'));
  const issuer = str(pick(f, 'issuer', 'issuedBy'));
  const revokedAt = str(pick(f, 'revokedAt'));
  const revokeReason = str(pick(f, 'revokeReason'));
  const rest = Object.entries(f).filter(([k, v]) => !shown.has(k) && (typeof v === 'string' || typeof v === 'number'));

  return (
    <div data-testid="verify-result" data-kind="permit" style={{ border: `3px solid ${s.color}`, background: s.bg, borderRadius: 12, padding: 16 }}>
      <Flex vertical align="center" gap={2} style={{ textAlign: 'center' }}>
        <span style={{ fontSize: 88, color: s.color, lineHeight: 1 }} aria-hidden>{s.icon}</span>
        <div data-testid="verify-status" data-status={result.status} role="status" style={{ fontSize: 44, fontWeight: 800, color: s.color, lineHeight: 1.2, marginTop: 6, letterSpacing: 2 }}>
          {status === 'valid' ? '✓ ' : ''}{t(status)}
        </div>
        <Typography.Text style={{ fontSize: 16, color: s.color, fontWeight: 600 }}>{t(`sub_${status}`)}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginTop: 4 }}>{t('kind')}</Typography.Text>
      </Flex>
      {(school || jh || when) && (
        <div data-testid="verify-facts" style={{ background: '#fff', borderRadius: 8, padding: 12, marginTop: 12, fontSize: 17, lineHeight: 1.6 }}>
          {school && <div><Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('school')}</Typography.Text><div style={{ fontSize: 22, fontWeight: 700 }} data-testid="permit-school">{school}</div></div>}
          {jh && <div style={{ marginTop: 6 }}><Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('juniorHigh')}</Typography.Text><div style={{ fontSize: 20, fontWeight: 600 }} data-testid="permit-junior-high">{jh}</div></div>}
          {when && <div style={{ marginTop: 6 }}><Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('when')}</Typography.Text><div style={{ fontSize: 22, fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} data-testid="permit-when">{when}</div></div>}
          {staff && <div style={{ marginTop: 6 }}><Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('staff')}</Typography.Text><div data-testid="permit-staff">{staff}</div></div>}
          {serial && <div style={{ marginTop: 6 }}><Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('serial')}</Typography.Text><div style={{ fontFamily: 'monospace' }} data-testid="permit-serial">{serial}</div></div>}
          {issuer && <div style={{ marginTop: 6 }}><Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('issuer')}</Typography.Text><div>{issuer}</div></div>}
          {revokedAt && <div style={{ marginTop: 6, color: '#cf1322' }}>{t('revokedAt')}：{Number.isNaN(Date.parse(revokedAt)) ? revokedAt : formatDateTime(revokedAt)}{revokeReason ? `（${revokeReason}）` : ''}</div>}
        </div>
      )}
      <Typography.Paragraph style={{ margin: '12px 0 0', fontSize: 15, textAlign: 'center' }} data-testid="verify-message">
        {locale === 'zh-CN' ? result.message.zh : result.message.en}
      </Typography.Paragraph>
      {(rest.length > 0 || result.keyId) && (
        <Descriptions
          size="small"
          column={1}
          title={<span style={{ fontSize: 13 }}>{t('more')}</span>}
          style={{ marginTop: 8 }}
          items={[
            ...rest.map(([k, v]) => ({
              key: k,
              label: `f_${k}` in m ? t(`f_${k}` as keyof typeof m) : k,
              children: /At$/.test(k) && !Number.isNaN(Date.parse(str(v))) ? formatDateTime(str(v)) : str(v),
            })),
            ...(result.keyId ? [{ key: 'kid', label: t('key'), children: <Typography.Text code style={{ fontSize: 12 }}>{result.keyId}</Typography.Text> }] : []),
          ]}
        />
      )}
    </div>
  );
}
