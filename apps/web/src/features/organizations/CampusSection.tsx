/** R3: where a school's majors are taught (the joint enrollment's art majors stay at one campus). */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyApiError, type FormProblem } from '../../lib/forms';
import { useCan } from '../../lib/session';
import type { OrganizationDetail } from '../../lib/types';
import { useAddCampus, useUpdateCampus } from './api';

const m = defineMessages({
  title: ['校区（R3）', 'Campuses (R3)'],
  name: ['校区名称', 'Campus'],
  address: ['地址', 'Address'],
  add: ['添加校区', 'Add a campus'],
  editCampus: ['编辑校区', 'Edit campus'],
  empty: ['还没有校区', 'No campus yet'],
});

type Campus = OrganizationDetail['campuses'][number];
type Values = { name: string; address?: string; active?: boolean };

export function CampusSection({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const add = useAddCampus();
  const update = useUpdateCampus();
  const [editing, setEditing] = useState<Campus | 'new' | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [form] = Form.useForm<Values>();

  const open = (c: Campus | 'new') => {
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(c === 'new' ? { name: '', address: '', active: true } : c);
    setEditing(c);
  };
  const onFinish = (v: Values) => {
    const done = { onSuccess: () => { message.success(t('saved')); setEditing(null); }, onError: (e: Error) => setProblem(applyApiError(form, e)) };
    if (editing === 'new') add.mutate({ orgId: org.id, name: v.name, address: v.address ?? '' }, done);
    else if (editing) update.mutate({ orgId: org.id, campusId: editing.id, name: v.name, address: v.address ?? '', active: v.active }, done);
  };

  return (
    <section style={{ marginTop: 24 }} data-testid="campuses">
      <Typography.Title level={5}>
        {t('title')}
        {can('org.write') && org.manageable !== false && <Button size="small" icon={<PlusOutlined />} style={{ marginInlineStart: 12 }} onClick={() => open('new')}>{t('add')}</Button>}
      </Typography.Title>
      <Table<Campus>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={org.campuses}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('address'), dataIndex: 'address', render: (a: string) => a || '—' },
          { title: t('status'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>) },
          ...(can('org.write') && org.manageable !== false ? [{ title: t('actions'), width: 70, render: (_: unknown, c: Campus) => <a onClick={() => open(c)}>{t('edit')}</a> }] : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('add') : t('editCampus')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending || update.isPending}
        forceRender
      >
        {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }, { min: 2, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t('address')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t('status')} valuePropName="checked">
              <Switch checkedChildren={t('active')} unCheckedChildren={t('inactive')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </section>
  );
}
