/** Asks for the reason of a refusal or a revocation (kept in the audit log and shown to the school). */
import { Form, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { visitMessages } from '../messages';

type Props = {
  open: boolean;
  title: string;
  hint?: string;
  okText: string;
  loading: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
  testId: string;
};

export function ReasonModal({ open, title, hint, okText, loading, error, onCancel, onSubmit, testId }: Props) {
  const { t } = useI18n(visitMessages);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading, 'data-testid': `${testId}-confirm` }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
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
