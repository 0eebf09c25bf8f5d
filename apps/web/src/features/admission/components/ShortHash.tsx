/** A hash shortened to its first characters; the whole value behind a details toggle (it matters to auditors, not to a clerk). */
import { useState } from 'react';
import { Button, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { admissionMessages } from '../messages';

export function ShortHash({ value, testId = 'ad-hash' }: { value: string | null | undefined; testId?: string }) {
  const { t } = useI18n(admissionMessages);
  const [open, setOpen] = useState(false);
  if (!value) return <>—</>;
  return (
    <span data-testid={testId} data-hash={value}>
      <Typography.Text code style={{ fontSize: 12 }}>{value.slice(0, 10)}</Typography.Text>
      <Button type="link" size="small" style={{ padding: '0 4px', fontSize: 12 }} onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
        {open ? t('hideCodes') : t('codes')}
      </Button>
      {open && (
        <Typography.Text code copyable style={{ display: 'block', fontSize: 11, wordBreak: 'break-all', maxWidth: 360 }}>{value}</Typography.Text>
      )}
    </span>
  );
}
