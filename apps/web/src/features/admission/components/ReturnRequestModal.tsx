/**
 * 退档 asked by the enrolling school (R15): only for one of the reasons the campaign lists, within
 * the batch's window; the district bureau decides. The reason is picked, never typed.
 */
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useRequestReturn } from '../api';
import type { AdmissionRow } from '../types';

const m = defineMessages({
  title: ['申请退档：{name}', 'Ask to return {name}'],
  hint: ['退档只能以本招生活动列明的理由提出，须在该批次的退档截止日期前，由区教育局决定；同意后该名额退回，可在征集志愿中补录（R15）。', 'A return needs one of the reasons the campaign lists, before the batch’s deadline; the district bureau decides. Once approved, the seat goes back and can be refilled in the solicitation round (R15).'],
  reason: ['退档理由', 'Reason'],
  reasonRule: ['请选择退档理由', 'Choose a reason'],
  note: ['补充说明（可选）', 'Note (optional)'],
  submit: ['提交退档申请', 'Send the request'],
  noReasons: ['本招生活动未列明退档理由，无法申请退档。', 'The campaign lists no return reason: no return can be asked.'],
});

export function ReturnRequestModal({ row, reasons, onClose, onDone }: { row: AdmissionRow; reasons: readonly string[]; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n(m);
  const [form] = Form.useForm<{ reason: string; note?: string }>();
  const ask = useRequestReturn();
  return (
    <Modal open title={t('title', { name: row.studentName })} okText={t('submit')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden
      okButtonProps={{ danger: true, loading: ask.isPending, disabled: reasons.length === 0, 'data-testid': 'ad-return-confirm' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hint')}</Typography.Paragraph>
      <Typography.Paragraph>{row.examNo} · {row.majorName}（{row.campusName}）</Typography.Paragraph>
      {reasons.length === 0 && <Alert type="warning" showIcon title={t('noReasons')} style={{ marginBottom: 12 }} />}
      {ask.isError && <ApiErrorAlert error={ask.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => ask.mutate({ admissionId: row.id, reason: v.reason, note: v.note?.trim() ?? '' }, { onSuccess: onDone })}>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: t('reasonRule') }]}>
          <Select options={reasons.map((r) => ({ value: r, label: r }))} data-testid="ad-return-reason" popupMatchSelectWidth={false} style={{ maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="ad-return-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
