/** Asks the reason of a refusal, a withdrawal or a return (R13, R14: kept in the history and the audit log). */
import { Form, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { transferMessages } from '../messages';

type Props = { title: string; hint?: string; okText: string; loading: boolean; error: unknown; onCancel: () => void; onSubmit: (reason: string) => void; testId: string };

export function ReasonModal({ title, hint, okText, loading, error, onCancel, onSubmit, testId }: Props) {
  const { t } = useI18n(transferMessages);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={title} okText={okText} okButtonProps={{ danger: true, loading, 'data-testid': `${testId}-confirm` }} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
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
