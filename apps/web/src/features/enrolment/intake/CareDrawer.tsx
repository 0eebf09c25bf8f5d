/**
 * 编班与资助 (R17): the registered student's class and homeroom teacher, 免学费, 国家助学金, and
 * 家庭经济困难 with the type of its evidence (required with the flag).
 */
import { App, Button, Checkbox, Drawer, Flex, Form, Grid, Input, Select, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useSaveCare } from '../api';
import { hardshipEvidence, hardshipEvidenceLabels } from '../labels';
import { enrolmentMessages } from '../messages';
import type { CareRecord, IntakeRow } from '../types';

const m = defineMessages({
  ...enrolmentMessages,
  title: ['编班与资助：{name}', 'Class and aid: {name}'],
  hint: ['新生报到后编入班级、指定班主任，并登记免学费、国家助学金和家庭经济困难情况（R17）。', 'Once registered: the class, the homeroom teacher, tuition waiver, state grant and hardship (R17).'],
  aid: ['资助', 'Aid'],
  evidenceRule: ['登记家庭经济困难须选择证明材料类型', 'Choose the type of evidence'],
});

const blank: CareRecord = { className: '', homeroomTeacher: '', tuitionFree: false, grant: false, hardship: false, hardshipEvidence: null };

export function CareDrawer({ row, onClose }: { row: IntakeRow; onClose: () => void }) {
  const { t, l } = useI18n(m);
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<CareRecord>();
  const hardship = Form.useWatch('hardship', form);
  const save = useSaveCare();
  const submit = (v: CareRecord) => {
    const care: CareRecord = { ...blank, ...v, className: (v.className ?? '').trim(), homeroomTeacher: (v.homeroomTeacher ?? '').trim(), hardshipEvidence: v.hardship ? v.hardshipEvidence ?? null : null };
    save.mutate({ studentId: row.studentId, care }, { onSuccess: () => { message.success(t('saved')); onClose(); } });
  };
  return (
    <Drawer open onClose={onClose} title={t('title', { name: row.studentName })} size={phone ? '100%' : 480} destroyOnHidden data-testid="en-care-drawer"
      footer={<Flex justify="end" gap={8}><Button onClick={onClose}>{t('cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="en-care-save">{t('save')}</Button></Flex>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hint')}</Typography.Paragraph>
      <Typography.Paragraph>{row.examNo} · {row.majorName}（{row.registeredCampusName ?? row.campusName}）</Typography.Paragraph>
      {save.isError && <ApiErrorAlert error={save.error} />}
      <Form form={form} layout="vertical" initialValues={row.care ?? blank} onFinish={submit}>
        <Form.Item name="className" label={t('className')}><Input maxLength={40} data-testid="en-care-class" /></Form.Item>
        <Form.Item name="homeroomTeacher" label={t('homeroomTeacher')}><Input maxLength={40} data-testid="en-care-teacher" /></Form.Item>
        <Form.Item label={t('aid')} style={{ marginBottom: 8 }}>
          <Flex vertical gap={6}>
            <Form.Item name="tuitionFree" valuePropName="checked" noStyle><Checkbox data-testid="en-care-tuition">{t('tuitionFree')}</Checkbox></Form.Item>
            <Form.Item name="grant" valuePropName="checked" noStyle><Checkbox data-testid="en-care-grant">{t('grant')}</Checkbox></Form.Item>
            <Form.Item name="hardship" valuePropName="checked" noStyle><Checkbox data-testid="en-care-hardship">{t('hardship')}</Checkbox></Form.Item>
          </Flex>
        </Form.Item>
        {hardship && (
          <Form.Item name="hardshipEvidence" label={t('evidence')} rules={[{ required: true, message: t('evidenceRule') }]}>
            <Select options={hardshipEvidence.map((e) => ({ value: e, label: l(hardshipEvidenceLabels[e]) }))} data-testid="en-care-evidence" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
