/**
 * Asks the reason of a decision (a refusal, a revocation, a withdrawal, a return): 2–500
 * characters, kept in the record's history and the audit log. The buttons carry
 * `<testId>-confirm` and the text box `<testId>-reason` for browser tests.
 */
import { Form, Input, Modal, Typography } from 'antd';
import { defineMessages, useI18n } from '../app/i18n';
import { ApiErrorAlert } from './ApiErrorAlert';

const m = defineMessages({
  reason: ['理由', 'Reason'],
  reasonRule: ['请填写理由（2–500 字）', 'Give a reason (2–500 characters)'],
});

type Props = { open?: boolean; title: string; hint?: string; okText: string; loading: boolean; error: unknown; onCancel: () => void; onSubmit: (reason: string) => void; testId: string };

export function ReasonModal({ open = true, title, hint, okText, loading, error, onCancel, onSubmit, testId }: Props) {
  const { t } = useI18n(m);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open={open} title={title} okText={okText} okButtonProps={{ danger: true, loading, 'data-testid': `${testId}-confirm` }} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {error != null && <ApiErrorAlert error={error} />}
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('reasonRule') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testId}-reason`} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
