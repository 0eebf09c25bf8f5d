/**
 * 登记未报到 (R16): why an admitted student did not come, from the plan's list, with a note; by
 * the enrolling school or the source junior high. Recording it again changes the reason.
 */
import { Form, Input, Modal, Select, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useRecordNoShow } from '../api';
import { noShowReasonLabels, noShowReasons } from '../labels';
import { enrolmentMessages } from '../messages';
import type { IntakeRow, NoShowReason } from '../types';

const m = defineMessages({
  ...enrolmentMessages,
  title: ['登记未报到原因：{name}', 'No-show reason: {name}'],
  hint: ['登记后该生计为未报到；如学生之后到校，学校可撤销此登记再办理报到（R16）。', 'The student then counts as a no-show; if they come later, the school withdraws this record and registers them (R16).'],
  reasonRule: ['请选择原因', 'Choose a reason'],
  notePh: ['如：家长电话告知已被普通高中录取', 'E.g. the parents said a general high school admitted them'],
  submit: ['登记', 'Record'],
});

export function NoShowModal({ row, onClose, onDone }: { row: IntakeRow; onClose: () => void; onDone: () => void }) {
  const { t, l } = useI18n(m);
  const [form] = Form.useForm<{ reason: NoShowReason; note?: string }>();
  const record = useRecordNoShow();
  return (
    <Modal open title={t('title', { name: row.studentName })} okText={t('submit')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden
      okButtonProps={{ danger: true, loading: record.isPending, 'data-testid': 'en-noshow-confirm' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hint')}</Typography.Paragraph>
      <Typography.Paragraph>{row.examNo} · {row.schoolName} · {row.majorName}</Typography.Paragraph>
      {record.isError && <ApiErrorAlert error={record.error} />}
      <Form form={form} layout="vertical" initialValues={{ reason: row.state === 'no_show' && !row.noShowByDeadline ? row.noShowReason ?? undefined : undefined, note: row.noShowNote ?? '' }}
        onFinish={(v) => record.mutate({ studentId: row.studentId, reason: v.reason, note: v.note?.trim() ?? '' }, { onSuccess: onDone })}>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: t('reasonRule') }]}>
          <Select options={noShowReasons.map((r) => ({ value: r, label: l(noShowReasonLabels[r]) }))} data-testid="en-noshow-reason" />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('notePh')} data-testid="en-noshow-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
