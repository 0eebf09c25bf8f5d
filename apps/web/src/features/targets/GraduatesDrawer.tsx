/**
 * Graduates (应届毕业生数) per junior high of the campaign's district: view, and for
 * targets.write edit in place and save the changed rows with an optional reason.
 */
import { useMemo, useState } from 'react';
import { App, Button, Drawer, Flex, Input, InputNumber, Table, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useGraduates, useSaveGraduates } from './api';
import { num } from './format';
import { targetsMessages } from './messages';
import type { GraduatesRow } from './types';

const m = defineMessages({
  ...targetsMessages,
  drawerTitle: ['应届毕业生数', 'Graduates'],
  updatedAt: ['更新时间', 'Updated'],
  reasonOptional: ['修改原因（可选）', 'Reason (optional)'],
  changed: ['已修改 {n} 所学校', '{n} schools changed'],
  savedN: ['已保存 {n} 所学校的应届毕业生数', 'Graduates saved for {n} schools'],
  hint: ['修改毕业生数不会改变已生成的送培目标；如需按新数据分配，请重新生成草稿。', 'Changing graduates does not change an existing split; create a new draft to split by the new figures.'],
  empty: ['本区还没有初中学校。', 'The district has no junior highs yet.'],
});

export function GraduatesDrawer({ campaignId, editable, onClose }: { campaignId: number; editable: boolean; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const q = useGraduates(campaignId);
  const save = useSaveGraduates(campaignId);
  const [edits, setEdits] = useState<Map<number, number | null>>(new Map());
  const [reason, setReason] = useState('');
  const rows = q.data?.rows ?? [];
  const changes = useMemo(
    () => rows.filter((r) => edits.has(r.organizationId) && edits.get(r.organizationId) !== r.graduates && edits.get(r.organizationId) !== null),
    [rows, edits],
  );
  const total = rows.reduce((a, r) => a + ((edits.has(r.organizationId) ? edits.get(r.organizationId) : r.graduates) ?? 0), 0);

  const submit = () =>
    save.mutate(
      { rows: changes.map((r) => ({ organizationId: r.organizationId, graduates: edits.get(r.organizationId)! })), ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: () => { message.success(t('savedN', { n: changes.length })); setEdits(new Map()); setReason(''); onClose(); } },
    );

  return (
    <Drawer
      open
      size={760}
      title={t('drawerTitle')}
      onClose={onClose}
      data-testid="graduates-drawer"
      footer={
        editable && (
          <Flex gap={8} align="center">
            <Input placeholder={t('reasonOptional')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} style={{ flex: 1 }} data-testid="graduates-reason" />
            <Typography.Text type="secondary">{t('changed', { n: changes.length })}</Typography.Text>
            <Button onClick={onClose}>{t('cancel')}</Button>
            <Button type="primary" disabled={changes.length === 0} loading={save.isPending} onClick={submit} data-testid="graduates-save">{t('save')}</Button>
          </Flex>
        )
      }
    >
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {save.isError && <ApiErrorAlert error={save.error} />}
      {editable && <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>}
      <Table<GraduatesRow>
        size="small"
        rowKey="organizationId"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('code'), dataIndex: 'code', width: 80 },
          { title: t('school'), dataIndex: 'name', ellipsis: true },
          {
            title: t('graduates'),
            dataIndex: 'graduates',
            width: 150,
            align: 'right',
            render: (v: number | null, r) =>
              editable ? (
                <InputNumber
                  size="small"
                  min={0}
                  max={1_000_000}
                  precision={0}
                  value={edits.has(r.organizationId) ? edits.get(r.organizationId) : v}
                  onChange={(n) => setEdits((e) => new Map(e).set(r.organizationId, n ?? null))}
                  style={{ width: 110 }}
                  data-testid={`graduates-input-${r.code}`}
                />
              ) : (
                num(v)
              ),
          },
          { title: t('updatedAt'), dataIndex: 'updatedAt', width: 170, render: formatDateTime },
        ]}
        summary={() => (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0} colSpan={2}>{t('sum')}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{num(total)}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
          </Table.Summary.Row>
        )}
      />
    </Drawer>
  );
}
