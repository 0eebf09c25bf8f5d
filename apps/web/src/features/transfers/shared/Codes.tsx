/** Ids, verification codes and key ids behind a details toggle (they matter to support, not to a clerk). */
import { useState } from 'react';
import { Button, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { transferMessages } from '../messages';

export type CodeItem = { label: string; value: string | number | null | undefined; verify?: boolean };

export function Codes({ items, testId = 'et-codes' }: { items: CodeItem[]; testId?: string }) {
  const { t } = useI18n(transferMessages);
  const [open, setOpen] = useState(false);
  const shown = items.filter((i) => i.value !== null && i.value !== undefined && i.value !== '');
  if (shown.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Button type="link" size="small" style={{ padding: 0, fontSize: 12 }} onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
        {open ? t('hideCodes') : t('codes')}
      </Button>
      {open && (
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { whiteSpace: 'nowrap', fontSize: 12 }, content: { fontSize: 12, wordBreak: 'break-all' } }}
          items={shown.map((i) => ({
            key: i.label,
            label: i.label,
            children: (
              <span>
                <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>{String(i.value)}</Typography.Text>
                {i.verify && <Link to={`/verify/${encodeURIComponent(String(i.value))}`} target="_blank" style={{ marginInlineStart: 6 }}>{t('verify')}</Link>}
              </span>
            ),
          }))}
        />
      )}
    </div>
  );
}
