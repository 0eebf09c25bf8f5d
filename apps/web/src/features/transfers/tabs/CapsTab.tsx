/**
 * 提前学习名额 (R13, R15): per programme, how many of its planned seats early transfer may take
 * (never above the seats, never below those held), what is held and filed, and the seats the
 * central admission still fills. Only rows the caller may set are editable (its district's
 * district-run schools; the city any); the server checks each.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Select, Skeleton, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useSaveCaps, useTransferCaps } from '../api';
import { transferMessages } from '../messages';
import { ResponsiveTable } from '../shared/ResponsiveTable';
import type { CapRow } from '../types';

const m = defineMessages({
  ...transferMessages,
  hint: ['提前学习名额是各专业计划招生数的一部分：不能超过计划数，不能少于已占用数。已备案学生占用的名额不再参加统一录取（R13、R15）。', 'The early-transfer cap is part of a programme’s planned seats: at most the seats, at least those held. Seats held by filed students leave the central admission (R13, R15).'],
  seats: ['计划数', 'Seats'],
  cap: ['提前学习名额', 'Cap'],
  held: ['已占用', 'Held'],
  filed: ['已备案', 'Filed'],
  forAdmission: ['统一录取可用', 'For admission'],
  readOnly: ['只读', 'Read-only'],
  changed: ['已修改 {n} 项', '{n} changed'],
  saveCaps: ['保存名额', 'Save the caps'],
  savedN: ['已保存 {n} 项', '{n} saved'],
  undo: ['放弃修改', 'Discard'],
});

export function CapsTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const q = useTransferCaps(campaignId);
  const save = useSaveCaps(campaignId);
  const [school, setSchool] = useState<number>();
  const [edits, setEdits] = useState<Record<number, number>>({});
  const schools = useMemo(() => [...new Map((q.data?.rows ?? []).map((r) => [r.schoolId, r.schoolName])).entries()].map(([value, label]) => ({ value, label })), [q.data]);
  if (q.isError) return <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Skeleton active />;
  const rows = q.data.rows.filter((r) => !school || r.schoolId === school);
  const changed = Object.entries(edits).filter(([id, cap]) => q.data.rows.find((r) => r.programmeId === Number(id))?.cap !== cap);
  const anyEditable = q.data.rows.some((r) => r.editable);
  const onSave = () =>
    save.mutate({ rows: changed.map(([id, cap]) => ({ programmeId: Number(id), cap })) }, { onSuccess: () => { message.success(t('savedN', { n: changed.length })); setEdits({}); } });
  const capCell = (r: CapRow) =>
    r.editable ? (
      <InputNumber size="small" min={r.held} max={r.seats} precision={0} value={edits[r.programmeId] ?? r.cap} style={{ width: 90 }}
        onChange={(v) => setEdits((e) => ({ ...e, [r.programmeId]: typeof v === 'number' ? v : r.cap }))} data-testid="et-cap-input" data-programme-id={r.programmeId} />
    ) : (
      <span>{r.cap} <Tag style={{ marginInlineStart: 4 }}>{t('readOnly')}</Tag></span>
    );

  return (
    <div data-testid="et-caps">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select style={{ width: 260, maxWidth: '100%' }} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('allSchools')} value={school} onChange={(v?: number) => setSchool(v)} options={schools} />
        {anyEditable && (
          <>
            <Button type="primary" disabled={!changed.length} loading={save.isPending} onClick={onSave} data-testid="et-caps-save">{t('saveCaps')}</Button>
            {changed.length > 0 && <Button onClick={() => setEdits({})}>{t('undo')}</Button>}
            {changed.length > 0 && <Typography.Text type="secondary">{t('changed', { n: changed.length })}</Typography.Text>}
          </>
        )}
      </Flex>
      {save.isError && <ApiErrorAlert error={save.error} />}
      <Card size="small">
        <ResponsiveTable<CapRow>
          rows={rows}
          rowKey={(r) => r.programmeId}
          testId="et-caps-rows"
          rowTestId="et-cap-row"
          minWidth={900}
          cols={[
            { key: 'p', title: t('major'), render: (r) => <span>{r.schoolName} · {r.majorName} <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{r.campusName}）</Typography.Text></span> },
            { key: 's', title: t('seats'), align: 'right', render: (r) => r.seats },
            { key: 'c', title: t('cap'), render: capCell },
            { key: 'h', title: t('held'), align: 'right', render: (r) => r.held },
            { key: 'f', title: t('filed'), align: 'right', render: (r) => r.filed },
            { key: 'a', title: t('forAdmission'), align: 'right', render: (r) => <Typography.Text strong>{r.seatsForAdmission}</Typography.Text> },
          ]}
        />
      </Card>
    </div>
  );
}
