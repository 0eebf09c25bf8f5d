import { Alert, Descriptions, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import type { AuditVerify } from '../../lib/types';

const m = defineMessages({
  ok: ['审计链完整：共 {n} 条记录，未发现篡改、删除或插入。', 'The audit chain is intact: {n} rows, nothing altered, removed or inserted.'],
  okEmpty: ['审计链为空，尚无记录。', 'The audit chain is empty.'],
  broken: ['审计链在第 {seq} 条处断开：记录可能被篡改、删除或插入。', 'The audit chain breaks at row {seq}: a row was altered, removed or inserted.'],
  head: ['链头', 'Head'],
  seq: ['序号', 'Row'],
  reason: ['原因', 'Reason'],
  detail: ['详情', 'Detail'],
  count: ['已校验', 'Checked'],
});

export function VerifyResult({ result }: { result: AuditVerify }) {
  const { t } = useI18n(m);
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verify-result"
        data-ok="true"
        style={{ marginBottom: 16 }}
        title={result.count ? t('ok', { n: result.count }) : t('okEmpty')}
        description={
          result.head && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('head')}: #{result.head.seq} · <Typography.Text code copyable style={{ fontSize: 12 }}>{result.head.hash}</Typography.Text>
            </Typography.Text>
          )
        }
      />
    );
  }
  const b = result.break;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      data-ok="false"
      style={{ marginBottom: 16 }}
      title={t('broken', { seq: b?.seq ?? '?' })}
      description={
        b && (
          <Descriptions size="small" column={1} items={[
            { key: 'seq', label: t('seq'), children: `#${b.seq}` },
            { key: 'reason', label: t('reason'), children: b.reason },
            { key: 'detail', label: t('detail'), children: <Typography.Text code>{b.detail}</Typography.Text> },
            { key: 'count', label: t('count'), children: result.count },
          ]} />
        )
      }
    />
  );
}
