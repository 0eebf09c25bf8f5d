/**
 * 课程完成确认 (R13): the junior high confirms, class by class, that its students have finished
 * the compulsory curriculum — the condition before a student may ask to study early. Select
 * students (across pages), pick the date, confirm or undo (an undo is refused while the
 * student has a request in progress).
 */
import { useDeferredValue, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Empty, Flex, Grid, Input, Pagination, Select, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useClock } from '../../../lib/clock';
import { fromDay } from '../../../lib/format';
import { studentMessages } from '../../students/messages';
import { useCurriculum, useSetCurriculum } from '../api';
import { transferMessages } from '../messages';
import { TransferStatusTag } from '../shared/StatusTags';
import type { CurriculumStudent } from '../types';

const m = defineMessages({
  ...studentMessages,
  ...transferMessages,
  hint: ['学生须由本校确认已完成义务教育阶段课程后，方可申请提前到中职学习（R13）。可跨页勾选后批量确认。', 'A student may ask to study early only once your school confirms the compulsory curriculum is finished (R13). Tick students (across pages) and confirm them together.'],
  allClasses: ['全部班级', 'All classes'],
  completedOn: ['完成日期', 'Finished on'],
  notCompleted: ['未确认', 'Not confirmed'],
  transfer: ['提前学习', 'Early transfer'],
  selected: ['已选 {n} 人', '{n} selected'],
  clear: ['清除选择', 'Clear'],
  markDone: ['确认已完成课程', 'Confirm finished'],
  markUndo: ['撤销确认', 'Undo the confirmation'],
  summary: ['已确认 {done} / {total} 人', '{done} of {total} confirmed'],
  result: ['已更新 {u} 人，{n} 人无变化', '{u} updated, {n} unchanged'],
  pickDate: ['完成日期', 'Date finished'],
});

export function CurriculumTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const clock = useClock();
  const [className, setClassName] = useState<string>();
  const [search, setSearch] = useState('');
  const qs = useDeferredValue(search.trim());
  const [p, setP] = useState({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<number[]>([]);
  const [day, setDay] = useState<dayjs.Dayjs | null>(null);
  const list = useCurriculum({ campaignId, className, q: qs || undefined, ...p });
  const save = useSetCurriculum();
  const date = day ?? (clock.data ? dayjs(clock.data.today) : null);
  const run = (completed: boolean) =>
    save.mutate(
      { studentIds: selected, completed, completedOn: completed ? fromDay(date) ?? undefined : undefined },
      { onSuccess: (r) => { message.success(t('result', { u: r.updated, n: r.unchanged })); setSelected([]); } },
    );
  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const stLabel = (s: string) => (`st_${s}` in m ? t(`st_${s}` as keyof typeof m) : s);
  const done = (s: CurriculumStudent) => (s.curriculumCompletedOn ? <Tag color="green">{s.curriculumCompletedOn}</Tag> : <Tag>{t('notCompleted')}</Tag>);

  return (
    <div data-testid="et-curriculum">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: phone ? 'calc(50% - 4px)' : 160 }} allowClear placeholder={t('allClasses')} value={className}
          onChange={(v?: string) => { setClassName(v); setP((o) => ({ ...o, page: 1 })); }} options={(list.data?.classes ?? []).map((c) => ({ value: c, label: c }))} data-testid="et-curriculum-class" />
        <Input.Search style={{ width: phone ? 'calc(50% - 4px)' : 200 }} allowClear placeholder={t('searchPh')} value={search} onChange={(e) => { setSearch(e.target.value); setP((o) => ({ ...o, page: 1 })); }} />
        {list.data && <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="et-curriculum-summary">{t('summary', { done: list.data.completed, total: list.data.total })}</Typography.Text>}
      </Flex>
      <Card size="small" style={{ marginBottom: 12, background: '#fafafa' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong data-testid="et-curriculum-selected">{t('selected', { n: selected.length })}</Typography.Text>
          {selected.length > 0 && <Button size="small" type="link" onClick={() => setSelected([])}>{t('clear')}</Button>}
          <DatePicker value={date} onChange={setDay} allowClear={false} placeholder={t('pickDate')} style={{ width: 150 }} data-testid="et-curriculum-date" />
          <Button type="primary" disabled={!selected.length || !date} loading={save.isPending} onClick={() => run(true)} data-testid="et-curriculum-complete">{t('markDone')}</Button>
          <Button danger disabled={!selected.length} loading={save.isPending} onClick={() => run(false)} data-testid="et-curriculum-undo">{t('markUndo')}</Button>
        </Flex>
      </Card>
      {save.isError && <ApiErrorAlert error={save.error} />}
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {phone ? (
        <Spin spinning={list.isFetching}>
          <div data-testid="et-curriculum-rows">
            {list.data && list.data.items.length === 0 && <Empty />}
            {list.data?.items.map((s) => (
              <Flex key={s.id} gap={8} align="start" data-testid="et-curriculum-row" data-student-id={s.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <Checkbox checked={selected.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} style={{ marginTop: 2 }} data-testid="et-curriculum-check" />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Flex justify="space-between" wrap gap={4}>
                    <Typography.Text strong>{s.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.examNo} · {s.className}</Typography.Text>
                  </Flex>
                  <Flex gap={4} wrap style={{ marginTop: 4 }}>
                    {s.track && <Tag color={s.track === 'vocational' ? 'blue' : 'purple'}>{t(`track_${s.track}`)}</Tag>}
                    <Tag>{stLabel(s.applicationStatus)}</Tag>
                    {done(s)}
                    {s.transferStatus && <TransferStatusTag status={s.transferStatus} />}
                  </Flex>
                </div>
              </Flex>
            ))}
          </div>
          <Pagination style={{ marginTop: 8 }} size="small" simple current={p.page} pageSize={p.pageSize} total={list.data?.total ?? 0} hideOnSinglePage onChange={(page, pageSize) => setP({ page, pageSize })} />
        </Spin>
      ) : (
        <Table<CurriculumStudent>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 860 }}
          data-testid="et-curriculum-rows"
          onRow={(s) => ({ 'data-testid': 'et-curriculum-row', 'data-student-id': s.id }) as React.HTMLAttributes<HTMLElement>}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys.map(Number)),
          }}
          pagination={{ current: p.page, pageSize: p.pageSize, total: list.data?.total ?? 0, showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setP({ page, pageSize }) }}
          columns={[
            { title: t('name'), dataIndex: 'name', width: 100 },
            { title: t('examNo'), dataIndex: 'examNo', width: 120 },
            { title: t('className'), dataIndex: 'className', width: 90 },
            { title: t('track'), dataIndex: 'track', width: 80, render: (x: CurriculumStudent['track']) => (x ? <Tag color={x === 'vocational' ? 'blue' : 'purple'}>{t(`track_${x}`)}</Tag> : '—') },
            { title: t('applicationStatus'), dataIndex: 'applicationStatus', width: 110, render: (x: string) => <Tag>{stLabel(x)}</Tag> },
            { title: t('completedOn'), key: 'c', width: 120, render: (_: unknown, s) => done(s) },
            { title: t('transfer'), dataIndex: 'transferStatus', width: 170, render: (x: CurriculumStudent['transferStatus']) => (x ? <TransferStatusTag status={x} /> : '—') },
          ]}
        />
      )}
    </div>
  );
}
