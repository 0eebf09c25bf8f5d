/**
 * `/guidance` 升学指导 (R8): the junior high records its guidance sessions (class meetings,
 * parents' meetings, talks with vocational schools); the bureaus read them per junior high.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, InputNumber, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { fromDay } from '../../../lib/format';
import { useCan, useSession } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useCampaignJuniorHighs } from '../../visits/school/JuniorHighSelect';
import { useAddGuidance, useDeleteGuidance, useGuidance, useProgrammes } from '../api';
import { studentMessages } from '../messages';
import { useAppCampaign } from '../shared';
import type { Guidance, GuidanceInput } from '../types';

const m = defineMessages({
  ...studentMessages,
  title: ['升学指导', 'Guidance sessions'],
  hint: ['记录面向学生和家长的职业教育宣传与升学指导活动（R8），区教育局在志愿进度中查看各校开展情况。', 'Record the sessions that present vocational education to students and parents (R8); the bureau sees them in the live picture.'],
  add: ['记录活动', 'Record a session'],
  date: ['日期', 'Date'],
  kind: ['形式', 'Kind'],
  kind_class_meeting: ['主题班会', 'Class meeting'],
  kind_parents_meeting: ['家长会', 'Parents\' meeting'],
  kind_lecture: ['专题讲座', 'Lecture'],
  kind_other: ['其他', 'Other'],
  audience: ['对象', 'Audience'],
  aud_students: ['学生', 'Students'],
  aud_parents: ['家长', 'Parents'],
  aud_both: ['学生和家长', 'Both'],
  attendees: ['参加人数', 'Attendees'],
  schools: ['参与的职业学校', 'Vocational schools taking part'],
  note: ['说明', 'Note'],
  delete: ['删除', 'Delete'],
  deleteConfirm: ['删除这条记录？', 'Delete this record?'],
  empty: ['还没有记录', 'No session recorded'],
});

export function GuidancePage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const me = useSession();
  const c = useAppCampaign();
  const campaignId = c.campaign?.id;
  const ownJh = me.organization.kind === 'junior_high';
  const [jh, setJh] = useState<number | undefined>();
  const jhs = useCampaignJuniorHighs(ownJh ? undefined : campaignId);
  const q = useGuidance(campaignId, ownJh ? undefined : jh);
  const del = useDeleteGuidance();
  const [adding, setAdding] = useState(false);
  const mayWrite = can('guidance.write') && ownJh;

  return (
    <div data-testid="guidance-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <CampaignSelect campaigns={c.campaigns} value={campaignId ?? null} onChange={c.pick} />
            {!ownJh && (
              <Select allowClear placeholder={t('allJuniorHighs')} style={{ minWidth: 200 }} value={jh} onChange={setJh} showSearch={{ optionFilterProp: 'label' }}
                options={(jhs.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` }))} />
            )}
            {mayWrite && <Button type="primary" icon={<PlusOutlined />} disabled={!campaignId} onClick={() => setAdding(true)} data-testid="guidance-add">{t('add')}</Button>}
          </>
        }
      >
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {del.isError && <ApiErrorAlert error={del.error} />}
      <Card size="small">
        <Table<Guidance>
          rowKey="id"
          size="middle"
          loading={q.isFetching || c.isPending}
          dataSource={q.data?.items}
          scroll={{ x: 1000 }}
          data-testid="guidance-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          columns={[
            { title: t('date'), dataIndex: 'date', width: 110 },
            ...(ownJh ? [] : [{ title: t('juniorHigh'), dataIndex: 'juniorHighName', width: 160, ellipsis: true }]),
            { title: t('kind'), dataIndex: 'kind', width: 110, render: (k: Guidance['kind']) => t(`kind_${k}`) },
            { title: t('audience'), dataIndex: 'audience', width: 110, render: (a: Guidance['audience']) => t(`aud_${a}`) },
            { title: t('attendees'), dataIndex: 'attendees', width: 90, align: 'right' as const },
            { title: t('schools'), dataIndex: 'schoolNames', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
            { title: t('note'), dataIndex: 'note', ellipsis: true },
            ...(mayWrite ? [{
              title: t('actions'), key: 'a', width: 80, fixed: 'right' as const,
              render: (_: unknown, r: Guidance) => (
                <Popconfirm title={t('deleteConfirm')} onConfirm={() => del.mutate(r.id, { onSuccess: () => message.success(t('saved')) })}>
                  <Button size="small" danger type="link">{t('delete')}</Button>
                </Popconfirm>
              ),
            }] : []),
          ]}
        />
      </Card>
      {adding && campaignId && <GuidanceModal campaignId={campaignId} onClose={() => setAdding(false)} />}
    </div>
  );
}

type Values = Omit<GuidanceInput, 'date'> & { date: import('dayjs').Dayjs };

function GuidanceModal({ campaignId, onClose }: { campaignId: number; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddGuidance(campaignId);
  const programmes = useProgrammes(campaignId);
  const schools = useMemo(() => {
    const seen = new Map<number, string>();
    for (const p of programmes.data?.items ?? []) seen.set(p.schoolId, p.schoolName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [programmes.data]);
  return (
    <Modal open title={t('add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: add.isPending, 'data-testid': 'guidance-submit' }} destroyOnHidden>
      {add.isError && <ApiErrorAlert error={add.error} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'class_meeting', audience: 'students', attendees: 40, schoolIds: [] }}
        onFinish={(v) => add.mutate({ ...v, date: fromDay(v.date)!, note: v.note?.trim() ?? '' }, { onSuccess: () => { message.success(t('saved')); onClose(); } })}>
        <Form.Item name="date" label={t('date')} rules={[{ required: true, message: t('required') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="kind" label={t('kind')}>
          <Select options={(['class_meeting', 'parents_meeting', 'lecture', 'other'] as const).map((k) => ({ value: k, label: t(`kind_${k}`) }))} />
        </Form.Item>
        <Form.Item name="audience" label={t('audience')}>
          <Select options={(['students', 'parents', 'both'] as const).map((k) => ({ value: k, label: t(`aud_${k}`) }))} />
        </Form.Item>
        <Form.Item name="attendees" label={t('attendees')} rules={[{ required: true }]}><InputNumber min={0} max={100000} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="schoolIds" label={t('schools')}>
          <Select mode="multiple" allowClear loading={programmes.isPending} options={schools} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
