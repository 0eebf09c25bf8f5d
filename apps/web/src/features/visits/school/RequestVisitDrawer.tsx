/**
 * A school asks to visit a junior high (R9, R10, R19): which junior high, when (inside its
 * window), who comes, and which filed brochure it hands out (R7). Checked as it is typed;
 * a refusal lists every reason with its rule.
 */
import { useEffect } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { applyApiError } from '../../../lib/forms';
import { useSession } from '../../../lib/session';
import type { Campaign, OrganizationDetail } from '../../../lib/types';
import { useCreateVisit, useFiledBrochures } from '../api';
import { refusalsOf } from '../shared/refusals';
import { RefusalList } from '../shared/RefusalList';
import { TimeRange } from '../shared/TimeRange';
import { JuniorHighSelect } from './JuniorHighSelect';
import { usePrecheck } from './usePrecheck';

const m = defineMessages({
  title: ['申请进校宣传', 'Request a campus visit'],
  juniorHigh: ['初中学校', 'Junior high'],
  window: ['本校为{kind}学校，进校宣传时间为 {from} 至 {to}（R9）', 'As a {kind} school, you visit from {from} to {to} (R9)'],
  k_district: ['区属', 'district-run'],
  k_city: ['市属', 'city-run'],
  staff: ['宣传人员及联系电话', 'Staff and phones'],
  name: ['姓名', 'Name'],
  phone: ['电话', 'Phone'],
  phoneRule: ['请填写电话号码', 'Give a phone number'],
  addStaff: ['添加人员', 'Add a person'],
  brochure: ['发放的招生简章（已备案，R7）', 'Brochure handed out (filed, R7)'],
  noBrochure: ['本校没有已备案的招生简章，不能申请进校宣传（R7）。', 'The school has no filed brochure, so it may not visit (R7).'],
  brochureLabel: ['{n} · 第 {v} 版', '{n} · version {v}'],
  submit: ['提交申请', 'Submit the request'],
  sent: ['已提交，等待区教育局审批', 'Sent; waiting for the district’s approval'],
});

type Values = { juniorHighId?: number; date?: string; start?: string; end?: string; staff: { name: string; phone: string }[]; brochureId?: number };

export function RequestVisitDrawer({ open, onClose, campaign, school }: { open: boolean; onClose: () => void; campaign: Campaign; school: OrganizationDetail | undefined }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const create = useCreateVisit();
  const brochures = useFiledBrochures(me.organization.id, campaign.id);
  const filed = brochures.data?.items.filter((b) => b.status === 'filed') ?? [];
  const values = Form.useWatch([], form) as Values | undefined;
  const precheck = usePrecheck({ slot: values ?? {}, juniorHighId: values?.juniorHighId, campaign, school, filedBrochures: brochures.isSuccess ? filed.length : undefined });
  const refusals = refusalsOf(create.error);
  const runBy = school?.runBy ?? 'district';
  const w = runBy === 'district' ? campaign.settings.visitWindowDistrictRun : campaign.settings.visitWindowCityRun;

  // The newest filed brochure is the one to hand out, unless the school picks another.
  useEffect(() => {
    const first = brochures.data?.items.find((b) => b.status === 'filed');
    if (open && first && !form.getFieldValue('brochureId')) form.setFieldValue('brochureId', first.id);
  }, [open, brochures.data, form]);

  const onFinish = (v: Values) => {
    create.mutate(
      { campaignId: campaign.id, juniorHighId: v.juniorHighId!, date: v.date!, start: v.start!, end: v.end!, brochureId: v.brochureId!, staff: v.staff.map((s) => ({ name: s.name.trim(), phone: s.phone.trim() })) },
      {
        onSuccess: () => { message.success(t('sent')); form.resetFields(); create.reset(); onClose(); },
        onError: (e) => applyApiError(form, e),
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('title')}
      size={520}
      data-testid="visit-request-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={create.isPending} disabled={brochures.isSuccess && filed.length === 0} onClick={() => form.submit()} data-testid="visit-request-submit">{t('submit')}</Button>
        </Flex>
      }
    >
      <RefusalList refusals={refusals} />
      {create.isError && refusals.length === 0 && <ApiErrorAlert error={create.error} />}
      {brochures.isSuccess && filed.length === 0 && <Alert type="error" showIcon title={t('noBrochure')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ staff: [{ name: '', phone: '' }] }} requiredMark="optional" onValuesChange={() => create.isError && create.reset()}>
        <Form.Item name="juniorHighId" label={t('juniorHigh')} rules={[{ required: true, message: t('required') }]}>
          <JuniorHighSelect campaignId={campaign.id} />
        </Form.Item>
        <TimeRange max={campaign.settings.maxVisitMinutes} windowHint={t('window', { kind: t(`k_${runBy}`), from: w.from, to: w.to })} />
        <RefusalList refusals={refusals.length ? [] : precheck} kind="precheck" />
        <Typography.Text strong>{t('staff')}</Typography.Text>
        <Form.List name="staff">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'name']} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('required') }]}>
                    <Input placeholder={t('name')} maxLength={30} data-testid={`visit-staff-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']} style={{ flex: 1 }} rules={[{ required: true, pattern: /^[0-9+\- ]{5,20}$/, message: t('phoneRule') }]}>
                    <Input placeholder={t('phone')} inputMode="tel" maxLength={20} data-testid={`visit-staff-phone-${i}`} />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                </Flex>
              ))}
              {fields.length < 10 && <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', phone: '' })} style={{ marginBottom: 16 }}>{t('addStaff')}</Button>}
            </div>
          )}
        </Form.List>
        <Form.Item name="brochureId" label={t('brochure')} rules={[{ required: true, message: t('required') }]}>
          <Select
            loading={brochures.isPending}
            options={filed.map((b) => ({ value: b.id, label: t('brochureLabel', { n: b.filingNumber ?? '—', v: b.version }) }))}
            data-testid="visit-brochure"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
