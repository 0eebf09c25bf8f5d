/**
 * The five figures of a sending row, edited together with the check shown as they change
 * (R18): admitted + early transfer must equal registered + no-shows + pending.
 */
import { Alert, Flex, InputNumber, Typography } from 'antd';
import { checkCorrection } from '@zhizhao/domain';
import { useI18n } from '../../../app/i18n';
import { enrolmentMessages } from '../messages';
import type { SendingCounts } from '../types';

export const figureKeys = ['admitted', 'earlyTransfer', 'registered', 'noShow', 'pending'] as const;
export const countsOf = (c: SendingCounts): SendingCounts => ({ admitted: c.admitted, earlyTransfer: c.earlyTransfer, registered: c.registered, noShow: c.noShow, pending: c.pending });

export function FiguresEditor({ value, onChange }: { value: SendingCounts; onChange: (v: SendingCounts) => void }) {
  const { t, locale } = useI18n(enrolmentMessages);
  const problems = checkCorrection(value);
  const left = value.admitted + value.earlyTransfer;
  const right = value.registered + value.noShow + value.pending;
  return (
    <div data-testid="st-figures">
      <Flex gap={8} wrap>
        {figureKeys.map((k) => (
          <label key={k} style={{ flex: '1 1 90px' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t(k)}</Typography.Text>
            <InputNumber min={0} precision={0} value={value[k]} style={{ width: '100%' }} data-testid={`st-fig-${k}`}
              onChange={(v) => onChange({ ...value, [k]: typeof v === 'number' ? v : 0 })} />
          </label>
        ))}
      </Flex>
      <Alert
        style={{ marginTop: 8 }}
        type={problems.length ? 'error' : 'success'}
        showIcon
        data-testid="st-figures-check"
        data-ok={problems.length === 0}
        title={`${t('admitted')} + ${t('earlyTransfer')} = ${left}；${t('registered')} + ${t('noShow')} + ${t('pending')} = ${right}`}
        description={problems.length ? problems.map((p) => (locale === 'zh-CN' ? p.zh : p.en)).join('；') : undefined}
      />
    </div>
  );
}
