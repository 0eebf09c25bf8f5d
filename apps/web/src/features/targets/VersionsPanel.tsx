/**
 * Every version of the campaign's split (draft, published, superseded, discarded),
 * each viewable and exportable, and a comparison of any two.
 */
import { useState } from 'react';
import { App, Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { formatDateTime } from '../../lib/format';
import { downloadExport } from './api';
import { CompareView } from './CompareView';
import { targetsMessages } from './messages';
import { statusColor } from './status';
import type { VersionSummary } from './types';
import { VersionDrawer } from './VersionDrawer';

const m = defineMessages({
  ...targetsMessages,
  number: ['版本', 'Version'],
  method: ['方法', 'Method'],
  created: ['生成', 'Created'],
  published: ['发布', 'Published'],
  export: ['导出附件2', 'Export Annex 2'],
  compare: ['版本对比', 'Compare versions'],
  from: ['对比版本', 'From'],
  to: ['目标版本', 'To'],
  pickTwo: ['请选择两个不同的版本', 'Choose two different versions'],
  none: ['还没有任何版本。', 'No version yet.'],
});

export function VersionsPanel({ campaignId, versions, ratio }: { campaignId: number; versions: VersionSummary[]; ratio: number }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [viewing, setViewing] = useState<number | null>(null);
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  // By default: the newest against the one before it.
  const [from, setFrom] = useState<number | undefined>(sorted[1]?.number);
  const [to, setTo] = useState<number | undefined>(sorted[0]?.number);
  const exportable = (v: VersionSummary) => v.status === 'published' || v.status === 'superseded';
  const options = sorted.map((v) => ({ value: v.number, label: `${t('version', { n: v.number })} · ${t(`status_${v.status}`)}` }));

  return (
    <Flex vertical gap={16}>
      <Table<VersionSummary>
        size="small"
        rowKey="id"
        data-testid="versions-table"
        dataSource={sorted}
        pagination={false}
        locale={{ emptyText: t('none') }}
        onRow={(v) => ({ 'data-testid': `version-row-${v.number}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('number'), dataIndex: 'number', width: 90, render: (n: number) => <a onClick={() => setViewing(n)}>{t('version', { n })}</a> },
          { title: t('status'), dataIndex: 'status', width: 100, render: (s: VersionSummary['status']) => <Tag color={statusColor[s]}>{t(`status_${s}`)}</Tag> },
          { title: t('method'), dataIndex: 'method', width: 190, render: (v: VersionSummary['method']) => t(v) },
          { title: t('nTotal'), dataIndex: 'nTotal', width: 100, align: 'right' },
          { title: t('note'), dataIndex: 'note', ellipsis: true },
          { title: t('created'), key: 'c', width: 170, render: (_, v) => <span title={v.createdBy ?? ''}>{formatDateTime(v.createdAt)}</span> },
          { title: t('published'), key: 'p', width: 170, render: (_, v) => <span title={v.publishedBy ?? ''}>{formatDateTime(v.publishedAt)}</span> },
          {
            title: t('actions'),
            key: 'a',
            width: 150,
            render: (_, v) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setViewing(v.number)}>{t('view')}</Button>
                {exportable(v) && (
                  <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => downloadExport(campaignId, v.number).catch((e: Error) => message.error(e.message))}>
                    {t('export')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {sorted.length > 1 && (
        <Card size="small" title={<><SwapOutlined /> {t('compare')}</>} data-testid="compare-card">
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('from')}</Typography.Text>
            <Select value={from} onChange={setFrom} options={options} style={{ width: 180 }} data-testid="compare-from" />
            <SwapOutlined />
            <Typography.Text type="secondary">{t('to')}</Typography.Text>
            <Select value={to} onChange={setTo} options={options} style={{ width: 180 }} data-testid="compare-to" />
          </Flex>
          {from !== undefined && to !== undefined && from !== to ? (
            <CompareView campaignId={campaignId} from={from} to={to} />
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('pickTwo')}</Typography.Paragraph>
          )}
        </Card>
      )}
      <VersionDrawer campaignId={campaignId} number={viewing} ratio={ratio} onClose={() => setViewing(null)} />
    </Flex>
  );
}
