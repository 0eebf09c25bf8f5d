/** The district bureau decides a 退档 request (R15): approve (the seat goes back) or refuse, with a note (required to refuse). */
import { Form, Input, Modal, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useDecideReturn } from '../api';
import type { ReturnRequest } from '../types';

const m = defineMessages({
  approveTitle: ['同意退档：{name}', 'Approve the return of {name}'],
  rejectTitle: ['不同意退档：{name}', 'Refuse the return of {name}'],
  approveText: ['同意后该生的录取撤销，录取通知书作废（验证时显示“已撤销”），名额退回该专业。', 'Approving withdraws the admission and voids the letter (verification shows “withdrawn”); the seat goes back to the programme.'],
  rejectText: ['不同意后该生保持录取。', 'Refusing keeps the student admitted.'],
  note: ['说明', 'Note'],
  noteRule: ['不同意须说明理由（2–500 字）', 'Give a reason to refuse (2–500 characters)'],
  approve: ['同意退档', 'Approve'],
  reject: ['不同意', 'Refuse'],
});

export function DecideReturnModal({ request, approve, onClose, onDone }: { request: ReturnRequest; approve: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n(m);
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideReturn();
  return (
    <Modal open title={t(approve ? 'approveTitle' : 'rejectTitle', { name: request.studentName })} okText={t(approve ? 'approve' : 'reject')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden
      okButtonProps={{ danger: approve, loading: decide.isPending, 'data-testid': 'ad-decide-confirm' }}>
      <Typography.Paragraph>{request.schoolName} · {request.majorName} · {request.examNo}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{request.reason}{request.note ? `（${request.note}）` : ''}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t(approve ? 'approveText' : 'rejectText')}</Typography.Paragraph>
      {decide.isError && <ApiErrorAlert error={decide.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate({ id: request.id, approve, note: v.note?.trim() ?? '' }, { onSuccess: onDone })}>
        <Form.Item name="note" label={t('note')} rules={approve ? [{ max: 500 }] : [{ required: true, whitespace: true, min: 2, max: 500, message: t('noteRule') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="ad-decide-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
