/**
 * Inline adjustment of one school's sending target (R2): the clerk enters the new
 * value and a reason and chooses how the change is absorbed — the other schools
 * rebalance (N_total stays) or N_total changes — and sees the effect on every school
 * (a preview that writes nothing) before saving.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Input, InputNumber, Radio, Switch, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAdjust, usePreviewAdjust } from './api';
import { targetsMessages } from './messages';
import type { AdjustMode, AdjustPreview, TargetRow } from './types';

const m = defineMessages({
  ...targetsMessages,
  newTarget: ['新的送培目标', 'New target'],
  mode: ['处理方式', 'How to absorb it'],
  rebalanceHint: ['送培总目标不变，按所选方法重新分配其他学校', 'The total stays; the other schools are re-split'],
  changeTotalHint: ['其他学校不变，送培总目标随之增减', 'The other schools keep theirs; the total moves'],
  reasonPlaceholder: ['调整原因（必填，记入调整记录）', 'Reason (required, kept with the adjustment)'],
  preview: ['调整预览', 'Preview'],
  previewHint: ['输入新的目标后显示对每所学校的影响（不会保存）', 'Enter the new target to see the effect on every school (nothing is saved)'],
  previewTotal: ['送培总目标 {from} → {to}，{n} 所学校变化', 'Total {from} → {to}; {n} schools change'],
  showAll: ['显示全部学校', 'Show every school'],
  old: ['调整前', 'Before'],
  new: ['调整后', 'After'],
  delta: ['变化', 'Change'],
  submit: ['保存调整', 'Save the adjustment'],
  adjusted: ['已调整{name}的送培目标', 'The target of {name} was adjusted'],
  same: ['与当前目标相同', 'Same as the current target'],
});

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

type Change = AdjustPreview['changes'][number];

export function AdjustPanel({ campaignId, row, onClose }: { campaignId: number; row: TargetRow; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [target, setTarget] = useState<number | null>(row.target);
  const [mode, setMode] = useState<AdjustMode>('rebalance');
  const [reason, setReason] = useState('');
  const [showAll, setShowAll] = useState(false);
  const adjust = useAdjust(campaignId);
  const reasonOk = reason.trim().length >= 2 && reason.trim().length <= 500;
  const changed = target !== null && target !== row.target;
  const wanted = changed ? { organizationId: row.organizationId, target, mode } : null;
  const input = useDebounced(wanted, 300);
  const preview = usePreviewAdjust(campaignId, input);
  // Saving waits until the preview on screen is the one of the values entered.
  const current = !!input && !!wanted && input.target === wanted.target && input.mode === wanted.mode && !preview.isPlaceholderData && !preview.isFetching;
  const ready = changed && current && preview.isSuccess && reasonOk;

  const save = () => {
    if (!wanted || !ready) return;
    adjust.mutate({ ...wanted, reason: reason.trim() }, {
      onSuccess: () => {
        message.success(t('adjusted', { name: row.name }));
        onClose();
      },
    });
  };

  const changes = preview.data?.changes ?? [];
  const moved = changes.filter((c) => c.delta !== 0);
  return (
    <div data-testid="adjust-panel" style={{ padding: '4px 8px' }}>
      <Flex gap={12} wrap align="start">
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('newTarget')}</Typography.Text>
          <InputNumber min={0} max={1_000_000} precision={0} value={target} onChange={(v) => setTarget(v ?? null)} style={{ width: 120 }} data-testid="adjust-target" autoFocus />
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('mode')}</Typography.Text>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as AdjustMode)} data-testid="adjust-mode" optionType="button" options={[
            { value: 'rebalance', label: t('rebalance'), title: t('rebalanceHint') },
            { value: 'change_total', label: t('change_total'), title: t('changeTotalHint') },
          ]} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{mode === 'rebalance' ? t('rebalanceHint') : t('changeTotalHint')}</Typography.Text>
        </Flex>
        <Flex vertical gap={4} style={{ flex: 1, minWidth: 240 }}>
          <Typography.Text type="secondary">{t('reason')}</Typography.Text>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('reasonPlaceholder')} data-testid="adjust-reason" status={reason && !reasonOk ? 'error' : undefined} />
          {reason && !reasonOk && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('reasonRule')}</Typography.Text>}
        </Flex>
        <Flex gap={8} style={{ paddingTop: 26 }}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" disabled={!ready} loading={adjust.isPending} onClick={save} data-testid="adjust-submit">{t('submit')}</Button>
        </Flex>
      </Flex>
      {adjust.isError && <ApiErrorAlert error={adjust.error} style={{ marginTop: 12, marginBottom: 0 }} />}
      <div style={{ marginTop: 12 }} data-testid="adjust-preview">
        {!changed ? (
          <Typography.Text type="secondary">{target === row.target ? `${t('same')} · ` : ''}{t('previewHint')}</Typography.Text>
        ) : preview.isError && !preview.isFetching ? (
          <ApiErrorAlert error={preview.error} style={{ marginBottom: 0 }} />
        ) : preview.data ? (
          <PreviewTable preview={preview.data} rows={showAll ? changes : moved} loading={!current}>
            <Switch size="small" checked={showAll} onChange={setShowAll} /> <Typography.Text type="secondary">{t('showAll')}</Typography.Text>
          </PreviewTable>
        ) : (
          <Alert type="info" title={t('loading')} />
        )}
      </div>
    </div>
  );
}

function PreviewTable({ preview, rows, loading, children }: { preview: AdjustPreview; rows: Change[]; loading: boolean; children: ReactNode }) {
  const { t } = useI18n(m);
  const moved = preview.changes.filter((c) => c.delta !== 0).length;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong data-testid="preview-summary">
          {t('preview')}：{t('previewTotal', { from: preview.oldTotal, to: preview.newTotal, n: moved })}
        </Typography.Text>
        <span>{children}</span>
      </Flex>
      <Table<Change>
        size="small"
        rowKey="organizationId"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 220 }}
        onRow={(c) => ({ 'data-testid': `preview-row-${c.organizationId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('school'), dataIndex: 'name', ellipsis: true },
          { title: t('old'), dataIndex: 'old', width: 100, align: 'right' },
          { title: t('new'), dataIndex: 'new', width: 100, align: 'right' },
          { title: t('delta'), dataIndex: 'delta', width: 100, align: 'right', render: (d: number) => (d === 0 ? '0' : <Tag color={d > 0 ? 'green' : 'volcano'} style={{ marginInlineEnd: 0 }}>{d > 0 ? `+${d}` : d}</Tag>) },
        ]}
      />
    </>
  );
}
