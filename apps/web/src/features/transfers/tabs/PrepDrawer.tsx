/** Edits one junior high's exam-preparation plan (R14): the mode, the courses, notes. */
import { App, Button, Drawer, Flex, Form, Grid, Input, InputNumber, Radio } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { examPrepModeLabels, examPrepModes } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useSaveExamPrep } from '../api';
import { transferMessages } from '../messages';
import type { ExamPrep, ExamPrepMode } from '../types';

const m = defineMessages({
  ...transferMessages,
  title: ['备考安排：{jh}', 'Exam preparation: {jh}'],
  mode: ['方式', 'Mode'],
  courses: ['文化课程', 'Courses'],
  subject: ['科目', 'Subject'],
  teacher: ['任课教师', 'Teacher'],
  hours: ['每周课时', 'Hours a week'],
  addCourse: ['添加课程', 'Add a course'],
  perWeek: ['课时/周', 'h/week'],
  notes: ['说明', 'Notes'],
  notesPh: ['如：与初中学校分层教学的安排、辅导时间等', 'E.g. the tiered teaching with the junior high, tutoring times'],
});

type Values = { mode: ExamPrepMode; courses: { subject: string; teacher: string; hoursPerWeek: number }[]; notes: string };

export function PrepDrawer({ campaignId, prep, onClose }: { campaignId: number; prep: ExamPrep; onClose: () => void }) {
  const { t, l } = useI18n(m);
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const save = useSaveExamPrep();
  const onFinish = (v: Values) =>
    save.mutate(
      { campaignId, juniorHighId: prep.juniorHighId, mode: v.mode, courses: (v.courses ?? []).map((c) => ({ ...c, subject: c.subject.trim(), teacher: c.teacher.trim() })), notes: (v.notes ?? '').trim() },
      { onSuccess: () => { message.success(t('saved')); onClose(); } },
    );
  return (
    <Drawer open onClose={onClose} title={t('title', { jh: prep.juniorHighName })} size={phone ? '100%' : 560} destroyOnHidden data-testid="et-prep-drawer"
      extra={<Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="et-prep-save">{t('save')}</Button>}>
      {save.isError && <ApiErrorAlert error={save.error} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ mode: prep.mode ?? 'school_courses', courses: prep.courses, notes: prep.notes }}>
        <Form.Item name="mode" label={t('mode')} rules={[{ required: true }]}>
          <Radio.Group data-testid="et-prep-mode">
            <Flex vertical gap={4}>
              {examPrepModes.map((x) => <Radio key={x} value={x}>{l(examPrepModeLabels[x])}</Radio>)}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('courses')}>
          <Form.List name="courses">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={6} wrap align="start" data-testid="et-prep-course" style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 4 }}>
                    <Form.Item name={[f.name, 'subject']} rules={[{ required: true, whitespace: true, max: 20 }]} style={{ marginBottom: 4, flex: '1 1 90px' }}>
                      <Input placeholder={t('subject')} maxLength={20} data-testid="et-prep-subject" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'teacher']} rules={[{ required: true, whitespace: true, max: 40 }]} style={{ marginBottom: 4, flex: '1 1 100px' }}>
                      <Input placeholder={t('teacher')} maxLength={40} data-testid="et-prep-teacher" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'hoursPerWeek']} rules={[{ required: true }]} style={{ marginBottom: 4, width: 140 }}>
                      <InputNumber min={0.5} max={40} step={0.5} placeholder={t('hours')} suffix={t('perWeek')} style={{ width: '100%' }} data-testid="et-prep-hours" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                  </Flex>
                ))}
                {fields.length < 12 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ subject: '', teacher: '', hoursPerWeek: 4 })} data-testid="et-prep-add">{t('addCourse')}</Button>}
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="notes" label={t('notes')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('notesPh')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
