/**
 * 联系记录 (R16, R17): every call, visit or message about a student who has not come, by the
 * school or the source junior high, newest first; those who follow the student up add one
 * (the date cannot be later than the business day). Bureaus read it.
 */
import { Button, DatePicker, Drawer, Empty, Flex, Form, Grid, Input, Select, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { fromDay, toDay } from '../../../lib/format';
import { useAddContact, useContacts } from '../api';
import { contactKindLabels, contactKinds, contactPartyLabels } from '../labels';
import { enrolmentMessages } from '../messages';
import type { ContactKind, ContactParty, IntakeRow } from '../types';
import { IntakeStateTag } from './Tags';

const m = defineMessages({
  ...enrolmentMessages,
  title: ['联系记录：{name}', 'Contacts: {name}'],
  add: ['记录一次联系', 'Log a contact'],
  kind: ['方式', 'How'],
  party: ['联系对象', 'With'],
  on: ['日期', 'Date'],
  result: ['联系结果', 'Outcome'],
  resultRule: ['请填写联系结果', 'Write the outcome'],
  resultPh: ['如：家长表示下周一带孩子到校报到', 'E.g. the parents will bring the student on Monday'],
  saveContact: ['保存记录', 'Save'],
  by: ['{org} · {user}', '{org} · {user}'],
});

type Values = { kind: ContactKind; party: ContactParty; on: Dayjs; result: string };

export function ContactsDrawer({ row, today, canAdd, onClose }: { row: IntakeRow; today: string; canAdd: boolean; onClose: () => void }) {
  const { t, l } = useI18n(m);
  const phone = !Grid.useBreakpoint().md;
  const list = useContacts(row.studentId);
  const add = useAddContact();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    add.mutate({ studentId: row.studentId, body: { kind: v.kind, party: v.party, on: fromDay(v.on)!, result: v.result.trim() } }, { onSuccess: () => form.resetFields(['result']) });

  return (
    <Drawer open onClose={onClose} title={t('title', { name: row.studentName })} size={phone ? '100%' : 520} destroyOnHidden data-testid="en-contacts-drawer">
      <Flex gap={6} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{row.examNo}</Typography.Text>
        <IntakeStateTag row={row} />
        <Typography.Text type="secondary">{row.schoolName}</Typography.Text>
      </Flex>
      {canAdd && (
        <div style={{ padding: 12, background: '#fafafa', borderRadius: 8, marginBottom: 16 }}>
          <Typography.Text strong>{t('add')}</Typography.Text>
          {add.isError && <ApiErrorAlert error={add.error} style={{ marginTop: 8, marginBottom: 0 }} />}
          <Form form={form} layout="vertical" style={{ marginTop: 8 }} initialValues={{ kind: 'call', party: 'family', on: toDay(today) }} onFinish={submit}>
            <Flex gap={8} wrap>
              <Form.Item name="kind" label={t('kind')} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                <Select options={contactKinds.map((k) => ({ value: k, label: l(contactKindLabels[k]) }))} data-testid="en-contact-kind" />
              </Form.Item>
              <Form.Item name="party" label={t('party')} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                <Select options={(['family', 'school'] as const).map((p) => ({ value: p, label: l(contactPartyLabels[p]) }))} data-testid="en-contact-party" />
              </Form.Item>
              <Form.Item name="on" label={t('on')} rules={[{ required: true, message: t('required') }]} style={{ flex: '1 1 130px', marginBottom: 8 }}>
                <DatePicker style={{ width: '100%' }} allowClear={false} maxDate={toDay(today) ?? undefined} inputReadOnly data-testid="en-contact-on" />
              </Form.Item>
            </Flex>
            <Form.Item name="result" label={t('result')} rules={[{ required: true, whitespace: true, message: t('resultRule') }]} style={{ marginBottom: 8 }}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('resultPh')} data-testid="en-contact-result" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="en-contact-save">{t('saveContact')}</Button>
          </Form>
        </div>
      )}
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      <Spin spinning={list.isFetching}>
        {list.data && list.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noContact')} />}
        <div data-testid="en-contacts">
          {list.data?.items.map((c) => (
            <div key={c.id} data-testid="en-contact-row" data-contact-id={c.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{c.on}</Typography.Text>
                <Tag>{l(contactKindLabels[c.kind])}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l(contactPartyLabels[c.party])}</Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ margin: '4px 0', overflowWrap: 'anywhere' }}>{c.result}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('by', { org: c.organizationName, user: c.createdBy || '—' })}</Typography.Text>
            </div>
          ))}
        </div>
      </Spin>
    </Drawer>
  );
}
