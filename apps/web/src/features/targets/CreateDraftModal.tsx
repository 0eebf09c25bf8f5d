/**
 * Run the split (R2) into a draft: the method — largest remainder (Hamilton, the
 * default) or Sainte-Laguë (Webster) — with what sets them apart, optional per-school
 * floor and ceiling, and a note. The same domain function the server runs shows the
 * result of both methods before anything is written.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Flex, Input, InputNumber, Modal, Radio, Table, Typography } from 'antd';
import { allocateTargets } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useCreateDraft, useGraduates } from './api';
import { num } from './format';
import { targetsMessages } from './messages';
import type { AllocationMethod, Bound, TargetRow } from './types';

const m = defineMessages({
  ...targetsMessages,
  titleNew: ['生成送培目标草稿', 'Split into a draft'],
  titleRedo: ['重新生成草稿', 'Split again into a new draft'],
  redoWarn: ['现有草稿及其调整将被新的分配替换。', 'The current draft and its adjustments will be replaced by the new split.'],
  method: ['分配方法', 'Method'],
  hamiltonText: [
    '先按应届毕业生数算出每校的精确份额，各校先取整数部分，剩余名额按小数部分从大到小逐一补足。每校目标与精确份额相差不到 1，最直观，适合一次性分配。',
    'Each school first gets the whole part of its exact share of graduates; the seats left go one each to the largest fractions. Every target is within 1 of the exact share: the plainest, for a one-off split.',
  ],
  websterText: [
    '用同一个除数去除各校毕业生数并四舍五入，调整除数直到合计恰好等于总目标。总目标增加时任何学校的目标都不会减少（避免“阿拉巴马悖论”），适合总目标可能再调整的情况；个别学校可能偏离精确份额超过 1。',
    'Divides every school’s graduates by one common divisor and rounds to the nearest, moving the divisor until the sum is exact. Raising the total never lowers any school (no Alabama paradox), good when the total may change again; a school may be more than 1 off its exact share.',
  ],
  tieBreak: ['同分时依次比较：余数更大、毕业生更多、学校代码更小；与录入顺序无关。', 'Ties go to the larger remainder, then more graduates, then the smaller school code — never input order.'],
  bounds: ['各校最低 / 最高（可选）', 'Per-school min / max (optional)'],
  noteLabel: ['说明（可选）', 'Note (optional)'],
  splitTotal: ['按送培总目标 {n} 分配', 'Splitting the total of {n}'],
  trial: ['试算', 'Trial'],
  differ: ['两种方法结果不同的学校：{n} 所（橙色标出）', 'Schools where the methods differ: {n} (in orange)'],
  noGraduates: ['尚未填写应届毕业生数，请先录入或导入。', 'No graduates yet: enter or import them first.'],
  create: ['生成草稿', 'Create the draft'],
  created: ['草稿已生成', 'Draft created'],
});

type Props = { campaignId: number; nTotal: number; current: TargetRow[]; hasDraft: boolean; onClose: () => void };

export function CreateDraftModal({ campaignId, nTotal, current, hasDraft, onClose }: Props) {
  const { t, locale } = useI18n(m);
  const { message } = App.useApp();
  const graduates = useGraduates(campaignId);
  const create = useCreateDraft(campaignId);
  const [method, setMethod] = useState<AllocationMethod>('hamilton');
  const [note, setNote] = useState('');
  const [bounds, setBounds] = useState<Map<number, Bound>>(
    () => new Map(current.filter((r) => r.min !== null || r.max !== null).map((r) => [r.organizationId, { organizationId: r.organizationId, min: r.min, max: r.max }])),
  );
  const rows = graduates.data?.rows ?? [];
  const setBound = (id: number, field: 'min' | 'max', v: number | null) =>
    setBounds((b) => new Map(b).set(id, { ...(b.get(id) ?? { organizationId: id, min: null, max: null }), [field]: v }));

  // Both methods, in the browser, with the same function the server runs.
  const trial = useMemo(() => {
    const schools = rows.map((r) => ({ id: String(r.organizationId), graduates: r.graduates ?? 0, min: bounds.get(r.organizationId)?.min ?? null, max: bounds.get(r.organizationId)?.max ?? null }));
    const h = allocateTargets({ total: nTotal, schools, method: 'hamilton' });
    const w = allocateTargets({ total: nTotal, schools, method: 'webster' });
    if (!h.ok) return { error: h.message[locale] };
    if (!w.ok) return { error: w.message[locale] };
    const by = (r: typeof h.targets) => new Map(r.map((x) => [Number(x.id), x.target]));
    const hm = by(h.targets);
    const wm = by(w.targets);
    return { hamilton: hm, webster: wm, differ: [...hm].filter(([id, v]) => wm.get(id) !== v).length };
  }, [rows, bounds, nTotal, locale]);

  const submit = () => {
    const list = [...bounds.values()].filter((b) => b.min !== null || b.max !== null);
    create.mutate({ method, bounds: list, note: note.trim() }, { onSuccess: () => { message.success(t('created')); onClose(); } });
  };
  const noGraduates = graduates.isSuccess && rows.every((r) => !r.graduates);

  return (
    <Modal
      open
      width={920}
      title={hasDraft ? t('titleRedo') : t('titleNew')}
      onCancel={onClose}
      onOk={submit}
      okText={t('create')}
      okButtonProps={{ disabled: noGraduates || 'error' in trial, 'data-testid': 'create-draft-submit' }}
      confirmLoading={create.isPending}
      data-testid="create-draft-modal"
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
    >
      {hasDraft && <Alert type="warning" showIcon title={t('redoWarn')} style={{ marginBottom: 12 }} />}
      {create.isError && <ApiErrorAlert error={create.error} />}
      {graduates.isError && <ApiErrorAlert error={graduates.error} onRetry={() => graduates.refetch()} />}
      <Typography.Text strong>{t('method')}</Typography.Text>
      <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as AllocationMethod)} style={{ display: 'flex', flexDirection: 'column', gap: 8, margin: '8px 0' }} data-testid="draft-method">
        <Radio value="hamilton"><strong>{t('hamilton')}</strong><div style={{ color: 'rgba(0,0,0,.55)', fontSize: 12, whiteSpace: 'normal' }}>{t('hamiltonText')}</div></Radio>
        <Radio value="webster"><strong>{t('webster')}</strong><div style={{ color: 'rgba(0,0,0,.55)', fontSize: 12, whiteSpace: 'normal' }}>{t('websterText')}</div></Radio>
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('tieBreak')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('bounds')}</Typography.Text>
        <Typography.Text type="secondary">
          {t('splitTotal', { n: num(nTotal) })}
          {'differ' in trial && ` · ${t('differ', { n: trial.differ ?? 0 })}`}
        </Typography.Text>
      </Flex>
      {noGraduates && <Alert type="warning" showIcon title={t('noGraduates')} style={{ marginBottom: 8 }} />}
      {'error' in trial && !noGraduates && <Alert type="error" showIcon title={trial.error} style={{ marginBottom: 8 }} data-testid="draft-trial-error" />}
      <Table
        size="small"
        rowKey="organizationId"
        loading={graduates.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 260 }}
        columns={[
          { title: t('school'), dataIndex: 'name', ellipsis: true },
          { title: t('graduates'), dataIndex: 'graduates', width: 110, align: 'right', render: num },
          { title: t('min'), key: 'min', width: 110, render: (_, r) => <InputNumber size="small" min={0} precision={0} value={bounds.get(r.organizationId)?.min ?? null} onChange={(v) => setBound(r.organizationId, 'min', v ?? null)} style={{ width: 90 }} /> },
          { title: t('max'), key: 'max', width: 110, render: (_, r) => <InputNumber size="small" min={0} precision={0} value={bounds.get(r.organizationId)?.max ?? null} onChange={(v) => setBound(r.organizationId, 'max', v ?? null)} style={{ width: 90 }} /> },
          {
            title: `${t('trial')} · ${method === 'hamilton' ? 'Hamilton' : 'Webster'}`,
            key: 'trial',
            width: 130,
            align: 'right',
            render: (_, r) => {
              if ('error' in trial) return '—';
              const v = trial[method].get(r.organizationId);
              const other = trial[method === 'hamilton' ? 'webster' : 'hamilton'].get(r.organizationId);
              return <span style={{ fontWeight: v !== other ? 600 : undefined, color: v !== other ? '#d46b08' : undefined }}>{num(v)}</span>;
            },
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t('noteLabel')}</Typography.Text>
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} style={{ marginTop: 4 }} data-testid="draft-note" />
      </div>
    </Modal>
  );
}
