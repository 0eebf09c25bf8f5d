/**
 * Enters one early-transfer student's academic-exam results (R14): per subject, sat or not and
 * passed / failed / not known yet. Offered to the enrolling school (the server's `examResult`
 * action); a score import of the admission work may fill the same record.
 */
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Select, Skeleton } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useExamPrep, useSaveExamResult, useTransfer } from '../api';
import { transferMessages } from '../messages';
import type { EarlyTransferDetail } from '../types';

const m = defineMessages({
  ...transferMessages,
  title: ['学业水平考试结果：{name}', 'Academic exam results: {name}'],
  subject: ['科目', 'Subject'],
  sat: ['参加考试', 'Sat'],
  passed: ['结果', 'Result'],
  pass: ['合格', 'Passed'],
  fail: ['不合格', 'Failed'],
  unknown: ['待公布', 'Not known yet'],
  add: ['添加科目', 'Add a subject'],
  notAllowed: ['本校不能录入该生的考试结果', 'Your school cannot enter this student’s results'],
});

type Row = { subject: string; sat: boolean; passed: 'pass' | 'fail' | 'unknown' };
/** A first list when nothing is recorded: the school's prep courses for that junior high, else the three core subjects. */
const CORE = ['语文', '数学', '英语'];

export function ExamResultModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n(m);
  const q = useTransfer(id);
  return (
    <Modal open title={t('title', { name: q.data?.studentName ?? '' })} onCancel={onClose} footer={null} destroyOnHidden data-testid="et-exam-modal">
      {q.isError && <ApiErrorAlert error={q.error} />}
      {q.isPending && <Skeleton active />}
      {q.data && (q.data.actions.includes('examResult') ? <ExamForm d={q.data} onClose={onClose} /> : <Alert type="warning" showIcon title={t('notAllowed')} />)}
    </Modal>
  );
}

function ExamForm({ d, onClose }: { d: EarlyTransferDetail; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const prep = useExamPrep(d.campaignId);
  const save = useSaveExamResult();
  const [form] = Form.useForm<{ subjects: Row[] }>();
  if (!d.examResult && prep.isPending) return <Skeleton active />;
  const planned = prep.data?.items.find((p) => p.juniorHighId === d.juniorHighId)?.courses.map((c) => c.subject) ?? [];
  const initial: Row[] = d.examResult
    ? d.examResult.subjects.map((s) => ({ subject: s.subject, sat: s.sat, passed: s.passed === null ? 'unknown' : s.passed ? 'pass' : 'fail' }))
    : [...new Set(planned.length ? planned : CORE)].map((s) => ({ subject: s, sat: true, passed: 'unknown' }));
  const onFinish = (v: { subjects: Row[] }) =>
    save.mutate(
      { id: d.id, subjects: v.subjects.map((s) => ({ subject: s.subject.trim(), sat: !!s.sat, passed: !s.sat || s.passed === 'unknown' ? null : s.passed === 'pass' })) },
      { onSuccess: () => { message.success(t('saved')); onClose(); } },
    );
  return (
    <Form form={form} onFinish={onFinish} initialValues={{ subjects: initial }}>
      {save.isError && <ApiErrorAlert error={save.error} />}
      <Form.List name="subjects">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((f) => (
              <Flex key={f.key} gap={6} wrap align="start" data-testid="et-exam-row">
                <Form.Item name={[f.name, 'subject']} rules={[{ required: true, whitespace: true, max: 20 }]} style={{ marginBottom: 4, flex: '1 1 90px' }}>
                  <Input placeholder={t('subject')} maxLength={20} data-testid="et-exam-subject" />
                </Form.Item>
                <Form.Item name={[f.name, 'sat']} valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox data-testid="et-exam-sat">{t('sat')}</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, 'passed']} style={{ marginBottom: 4, width: 110 }}>
                  <Select data-testid="et-exam-passed" options={(['pass', 'fail', 'unknown'] as const).map((x) => ({ value: x, label: t(x) }))} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label="remove" />
              </Flex>
            ))}
            {fields.length < 12 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ subject: '', sat: true, passed: 'unknown' })}>{t('add')}</Button>}
          </Flex>
        )}
      </Form.List>
      <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
        <Button onClick={onClose}>{t('cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="et-exam-save">{t('save')}</Button>
      </Flex>
    </Form>
  );
}
