/**
 * 批次 (R15): the campaign's batches in the order they run — an applicant admitted in one is not
 * considered in the later ones. The district bureau creates and edits them until published.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCan } from '../../../lib/session';
import { useBatches, useProgrammeOptions } from '../api';
import { BatchFormDrawer } from '../components/BatchFormDrawer';
import { admissionMessages } from '../messages';
import type { AdmissionBatch } from '../types';

const m = defineMessages({
  ...admissionMessages,
  hint: ['批次按顺序录取：已在前一批次录取的考生不再参加后续批次；每个专业的可录名额 = 计划数 − 提前学习已备案人数 − 前面批次已录取人数（R15）。', 'Batches run in order: an applicant admitted in one is not considered later; a programme offers its planned seats less filed early transfers and less those admitted earlier (R15).'],
  seq: ['顺序', 'Order'],
  kind: ['录取方式', 'Kind'],
  programmes: ['专业', 'Programmes'],
  allProgrammesN: ['全部', 'All'],
  someProgrammes: ['{n} 个专业', '{n} programmes'],
  minScore: ['批次控制线', 'Batch line'],
  lines: ['专业控制线', 'Programme lines'],
  linesN: ['{n} 条', '{n}'],
  publishOn: ['发布日期', 'Shown from'],
  returnUntil: ['退档截止', 'Returns until'],
  solicit: ['征集志愿填报', 'Solicitation'],
  newBatch: ['新建批次', 'New batch'],
  noBatches: ['尚未设置批次', 'No batch yet'],
});

export function BatchesTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const can = useCan();
  const batches = useBatches(campaignId);
  const programmes = useProgrammeOptions(campaignId);
  const [editing, setEditing] = useState<AdmissionBatch | 'new' | null>(null);
  const names = useMemo(() => new Map((programmes.data?.rows ?? []).map((p) => [p.programmeId, `${p.schoolName} · ${p.majorName}（${p.campusName}）`])), [programmes.data]);
  const canRun = can('admission.run');

  return (
    <Flex vertical gap={12} data-testid="ad-batches">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('hint')}</Typography.Paragraph>
      {canRun && <div><Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="ad-batch-new">{t('newBatch')}</Button></div>}
      {batches.isError && <ApiErrorAlert error={batches.error} onRetry={() => batches.refetch()} />}
      <Card size="small">
        <Table<AdmissionBatch>
          size="small"
          rowKey="id"
          loading={batches.isFetching}
          dataSource={batches.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('noBatches') }}
          data-testid="ad-batch-rows"
          onRow={(b) => ({ 'data-testid': 'ad-batch-row', 'data-batch-id': b.id, 'data-status': b.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('seq'), dataIndex: 'seq', width: 60 },
            { title: t('batch'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('kind'), key: 'k', render: (_: unknown, b) => <Tag color={b.kind === 'exam' ? 'blue' : 'purple'}>{t(`kind_${b.kind}`)}</Tag> },
            {
              title: t('programmes'), key: 'p', render: (_: unknown, b) =>
                b.programmeIds ? (
                  <Typography.Text title={b.programmeIds.map((id) => names.get(id) ?? `#${id}`).join('\n')}>{t('someProgrammes', { n: b.programmeIds.length })}</Typography.Text>
                ) : t('allProgrammesN'),
            },
            { title: t('minScore'), dataIndex: 'minScore', align: 'right' as const, render: (v: number | null) => v ?? '—' },
            {
              title: t('lines'), key: 'l', render: (_: unknown, b) =>
                b.programmeLines.length ? (
                  <Typography.Text title={b.programmeLines.map((l) => `${names.get(l.programmeId) ?? `#${l.programmeId}`}: ${l.minScore}`).join('\n')}>{t('linesN', { n: b.programmeLines.length })}</Typography.Text>
                ) : '—',
            },
            { title: t('publishOn'), dataIndex: 'publishOn', render: (v: string | null) => v ?? '—' },
            { title: t('returnUntil'), dataIndex: 'returnUntil', render: (v: string | null) => v ?? '—' },
            { title: t('solicit'), key: 's', render: (_: unknown, b) => (b.kind === 'solicitation' ? `${b.solicitFrom ?? '?'} – ${b.solicitTo ?? '?'}` : '—') },
            { title: t('status'), key: 'st', render: (_: unknown, b) => <Tag color={b.status === 'published' ? 'green' : 'default'}>{t(`batch_${b.status}`)}</Tag> },
            ...(canRun
              ? [{ title: t('actions'), key: 'a', render: (_: unknown, b: AdmissionBatch) => b.status === 'open' && <Button size="small" onClick={() => setEditing(b)} data-testid="ad-batch-edit">{t('edit')}</Button> }]
              : []),
          ]}
        />
      </Card>
      {editing && <BatchFormDrawer campaignId={campaignId} batch={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
