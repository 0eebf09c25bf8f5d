/**
 * A seal as the page shows it (R13, R14): a generated round mark with the organisation's name,
 * clearly labelled an electronic-seal illustration (the real seal is the Ed25519 signature the
 * server checks), the date, and whether it still holds over the current content.
 */
import { Flex, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { transferMessages } from '../messages';
import type { Seal, SealParty } from '../types';

export function SealMark({ name, valid = true, size = 96 }: { name: string; valid?: boolean; size?: number }) {
  const { t } = useI18n(transferMessages);
  const color = valid ? '#cf1322' : '#bfbfbf';
  return (
    <Flex vertical align="center" gap={2} style={{ width: size + 16 }}>
      <div
        aria-label={t('sealIllustration')}
        style={{
          width: size, height: size, borderRadius: '50%', border: `3px solid ${color}`, color, display: 'flex', flexDirection: 'column',
          alignItems: 'center', justifyContent: 'center', textAlign: 'center', padding: 8, fontSize: Math.max(10, size / 9), lineHeight: 1.2,
          textDecoration: valid ? undefined : 'line-through', transform: 'rotate(-8deg)', userSelect: 'none',
        }}
      >
        <span style={{ fontSize: size / 5 }}>★</span>
        <span style={{ wordBreak: 'break-all' }}>{name}</span>
      </div>
      <span style={{ fontSize: 10, color: '#8c8c8c' }}>{t('sealIllustration')}</span>
    </Flex>
  );
}

/** One party's seal box on a form or a list: the mark and its date, or "not sealed". */
export function SealBox({ party, seal, label }: { party: SealParty; seal: Seal | undefined; label?: string }) {
  const { t } = useI18n(transferMessages);
  return (
    <Flex vertical align="center" gap={4} style={{ minWidth: 120, flex: '1 1 120px' }} data-testid={`seal-${party}`} data-sealed={seal ? 'true' : 'false'} data-valid={seal ? String(seal.valid) : undefined}>
      <Typography.Text strong style={{ fontSize: 13 }}>{label ?? t(`seal_${party}`)}</Typography.Text>
      {seal ? (
        <>
          <SealMark name={seal.organizationName} valid={seal.valid} />
          <Typography.Text style={{ fontSize: 12 }}>{formatDateTime(seal.sealedAt)}</Typography.Text>
          {seal.valid
            ? <Tag color="green" icon={<CheckCircleOutlined />}>{t('sealValid')}</Tag>
            : <Tag color="red" icon={<CloseCircleOutlined />}>{t('sealVoid')}</Tag>}
        </>
      ) : (
        <div style={{ width: 96, height: 96, border: '1px dashed #d9d9d9', borderRadius: '50%', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#bfbfbf', fontSize: 12 }}>
          {t('noSeal')}
        </div>
      )}
    </Flex>
  );
}

/** The seals of a form or a list side by side (wrapping on a phone); the newest of each party counts. */
export function SealRow({ seals, parties }: { seals: readonly Seal[]; parties: readonly SealParty[] }) {
  const latest = (p: SealParty) => [...seals].filter((s) => s.party === p).sort((a, b) => b.sealedAt.localeCompare(a.sealedAt))[0];
  return (
    <Flex gap={12} wrap justify="space-around" data-testid="seal-row">
      {parties.map((p) => <SealBox key={p} party={p} seal={latest(p)} />)}
    </Flex>
  );
}

/** Small inline summary for a row: which seals are present and valid. */
export function SealBadges({ seals }: { seals: readonly Seal[] }) {
  const { t } = useI18n(transferMessages);
  if (seals.length === 0) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('noSeal')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {seals.map((s, i) => (
        <Tag key={`${s.party}-${i}`} color={s.valid ? 'red' : 'default'} style={{ textDecoration: s.valid ? undefined : 'line-through' }} title={`${s.organizationName} · ${formatDateTime(s.sealedAt)}`}>
          {t(`party_${s.party}`)}
        </Tag>
      ))}
    </Flex>
  );
}
