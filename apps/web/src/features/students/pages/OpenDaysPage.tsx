/**
 * `/open-days` 开放日 (R8): a vocational school announces the days families may visit its
 * campuses; students and guardians see them beside the programmes.
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Popconfirm, Select, Table, TimePicker, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { api } from '../../../lib/api';
import { useClock } from '../../../lib/clock';
import { fromDay } from '../../../lib/format';
import { useCan, useSession } from '../../../lib/session';
import type { OrganizationDetail } from '../../../lib/types';
import { useAddOpenDay, useDeleteOpenDay, useOpenDays } from '../api';
import type { OpenDay } from '../types';

const m = defineMessages({
  title: ['开放日', 'Open days'],
  hint: ['向学生和家长开放校园参观的日期，会显示在志愿填报页面的专业旁。', 'The days families may visit the campus; shown beside the programmes where families apply.'],
  add: ['新增开放日', 'Add an open day'],
  date: ['日期', 'Date'],
  time: ['时间', 'Time'],
  campus: ['校区', 'Campus'],
  address: ['地址', 'Address'],
  titleField: ['主题', 'Title'],
  note: ['说明', 'Note'],
  school: ['学校', 'School'],
  delete: ['删除', 'Delete'],
  deleteConfirm: ['删除这个开放日？', 'Delete this open day?'],
  empty: ['还没有开放日', 'No open day yet'],
});

export function OpenDaysPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const me = useSession();
  const clock = useClock();
  const year = clock.data ? Number(clock.data.today.slice(0, 4)) : null;
  const own = me.organization.kind === 'vocational_school';
  const q = useOpenDays({ year, organizationId: own ? me.organization.id : undefined });
  const del = useDeleteOpenDay();
  const [adding, setAdding] = useState(false);
  const mayWrite = can('openday.write') && own;
  return (
    <div data-testid="open-days-page">
      <PageHeader title={t('title')} extra={mayWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="open-day-add">{t('add')}</Button>}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {del.isError && <ApiErrorAlert error={del.error} />}
      <Card size="small">
        <Table<OpenDay>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.items}
          scroll={{ x: 900 }}
          data-testid="open-days-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          columns={[
            { title: t('date'), dataIndex: 'date', width: 110 },
            { title: t('time'), key: 'time', width: 120, render: (_: unknown, r) => `${r.start}–${r.end}` },
            ...(own ? [] : [{ title: t('school'), dataIndex: 'schoolName', width: 180 }]),
            { title: t('titleField'), dataIndex: 'title', width: 180 },
            { title: t('campus'), dataIndex: 'campusName', width: 120 },
            { title: t('address'), dataIndex: 'address', ellipsis: true },
            ...(mayWrite ? [{
              title: t('actions'), key: 'a', width: 80, fixed: 'right' as const,
              render: (_: unknown, r: OpenDay) => (
                <Popconfirm title={t('deleteConfirm')} onConfirm={() => del.mutate(r.id, { onSuccess: () => message.success(t('saved')) })}>
                  <Button size="small" danger type="link">{t('delete')}</Button>
                </Popconfirm>
              ),
            }] : []),
          ]}
        />
      </Card>
      {adding && <OpenDayModal orgId={me.organization.id} onClose={() => setAdding(false)} />}
    </div>
  );
}

type Values = { campusId: number; date: Dayjs; time: [Dayjs, Dayjs]; title: string; note?: string };

function OpenDayModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddOpenDay();
  const org = useQuery({ queryKey: ['organizations', 'detail', orgId], queryFn: ({ signal }) => api.get<OrganizationDetail>(`/api/organizations/${orgId}`, undefined, signal) });
  const campuses = (org.data?.campuses ?? []).filter((c) => c.active);
  return (
    <Modal open title={t('add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: add.isPending, 'data-testid': 'open-day-submit' }} destroyOnHidden>
      {add.isError && <ApiErrorAlert error={add.error} />}
      {org.isError && <ApiErrorAlert error={org.error} />}
      <Form form={form} layout="vertical"
        onFinish={(v) => add.mutate({ campusId: v.campusId, date: fromDay(v.date)!, start: v.time[0].format('HH:mm'), end: v.time[1].format('HH:mm'), title: v.title.trim(), note: v.note?.trim() ?? '' }, { onSuccess: () => { message.success(t('saved')); onClose(); } })}>
        <Form.Item name="campusId" label={t('campus')} rules={[{ required: true, message: t('required') }]}>
          <Select loading={org.isPending} options={campuses.map((c) => ({ value: c.id, label: c.address ? `${c.name}（${c.address}）` : c.name }))} />
        </Form.Item>
        <Form.Item name="date" label={t('date')} rules={[{ required: true, message: t('required') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="time" label={t('time')} rules={[{ required: true, message: t('required') }]}><TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="title" label={t('titleField')} rules={[{ required: true, whitespace: true, min: 2, max: 60 }]}><Input maxLength={60} /></Form.Item>
        <Form.Item name="note" label={t('note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
