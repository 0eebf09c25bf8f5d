/** Create or edit a major: campus, category (art or not — R3 places it by that), length, internship, fees, aid (R6). */
import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrgSelect } from '../../../components/OrgSelect';
import { applyApiError, type FormProblem } from '../../../lib/forms';
import { useSession } from '../../../lib/session';
import { publicityMessages } from '../messages';
import type { FeeItem, Major, MajorCategory } from '../types';
import { useCreateMajor, useSchool, useUpdateMajor } from './api';
import { FeeItemsField } from './FeeItemsField';

const m = defineMessages({
  ...publicityMessages,
  createTitle: ['新建招生专业', 'New major'],
  editTitle: ['编辑专业 · {name}', 'Edit major · {name}'],
  codeRule: ['1–20 位字母、数字、_ 或 -', '1–20 letters, digits, _ or -'],
  campusHint: ['参加联合招生的学校，专业所在校区须符合联合招生规则（R3：艺术类、非艺术类分校区）', 'In a joint enrollment the campus must follow its rule (R3: art and general majors by campus)'],
  internshipPlaceholder: ['如：第三学年顶岗实习 6 个月', 'e.g. 6 months of placement in the third year'],
  aidPlaceholder: ['如：国家助学金每生每年 2000 元；免学费', 'e.g. national grant 2,000 yuan a year; tuition waived'],
  created: ['专业已创建', 'Major created'],
  active: ['启用', 'Active'],
  yearsUnit: ['年', 'yr'],
});

type Values = { organizationId: number; campusId: number; code: string; name: string; category: MajorCategory; lengthYears: number; internship: string; fees: FeeItem[]; aidPolicy?: string; active?: boolean };

export function MajorFormDrawer({ major, onClose }: { major?: Major; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const isSchool = me.organization.kind === 'vocational_school';
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('organizationId', form) ?? major?.organizationId ?? (isSchool ? me.organization.id : undefined);
  const school = useSchool(orgId ?? null);
  const create = useCreateMajor();
  const update = useUpdateMajor();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const pending = create.isPending || update.isPending;

  const initial: Partial<Values> = major
    ? { ...major, aidPolicy: major.aidPolicy }
    : { organizationId: isSchool ? me.organization.id : undefined, category: 'general', lengthYears: 3, fees: [{ name: '学费', amount: 0, unit: '元/学期' }] };

  const onFinish = (v: Values) => {
    setProblem(null);
    const onError = (e: unknown) => setProblem(applyApiError(form, e, { MAJOR_CODE_TAKEN: 'code' }));
    const body = { campusId: v.campusId, code: v.code.trim(), name: v.name.trim(), category: v.category, lengthYears: v.lengthYears, internship: v.internship.trim(), fees: v.fees, aidPolicy: v.aidPolicy?.trim() ?? '' };
    if (major) update.mutate({ id: major.id, ...body, active: v.active }, { onSuccess: () => { message.success(t('saved')); onClose(); }, onError });
    else create.mutate({ organizationId: v.organizationId, ...body }, { onSuccess: () => { message.success(t('created')); onClose(); }, onError });
  };

  const req = [{ required: true, message: t('required') }];
  const campuses = (school.data?.campuses ?? []).filter((c) => c.active || c.id === major?.campusId);
  return (
    <Drawer
      open
      size={560}
      title={major ? t('editTitle', { name: major.name }) : t('createTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="major-form-submit">{t('save')}</Button>
        </Flex>
      }
    >
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} disabled={pending} data-testid="major-form">
        {!isSchool && (
          <Form.Item name="organizationId" label={t('school')} rules={req}>
            <OrgSelect kinds={['vocational_school']} disabled={!!major} onChange={() => form.setFieldValue('campusId', undefined)} />
          </Form.Item>
        )}
        <Form.Item name="campusId" label={t('campus')} rules={req} extra={t('campusHint')}>
          <Select loading={school.isFetching} options={campuses.map((c) => ({ value: c.id, label: c.name }))} disabled={!orgId} data-testid="major-campus" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="code" label={t('majorCode')} rules={[...req, { pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t('codeRule') }]} style={{ flex: 1 }}>
            <Input maxLength={20} disabled={!!major} />
          </Form.Item>
          <Form.Item name="name" label={t('major')} rules={[...req, { min: 2, max: 60 }]} style={{ flex: 2 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="category" label={t('category')} rules={req} style={{ flex: 1 }}>
            <Radio.Group optionType="button" options={[{ value: 'general', label: t('cat_general') }, { value: 'art', label: t('cat_art') }]} />
          </Form.Item>
          <Form.Item name="lengthYears" label={t('lengthYears')} rules={req} style={{ width: 120 }}>
            <InputNumber min={1} max={6} suffix={t('yearsUnit')} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="internship" label={t('internship')} rules={[...req, { whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input maxLength={200} placeholder={t('internshipPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('fees')} required>
          <FeeItemsField />
        </Form.Item>
        <Form.Item name="aidPolicy" label={t('aidPolicy')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('aidPlaceholder')} />
        </Form.Item>
        {major && (
          <Form.Item name="active" label={t('active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
