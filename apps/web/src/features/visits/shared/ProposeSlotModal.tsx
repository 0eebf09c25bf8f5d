/** The junior high proposes another slot for a requested visit (R10: not in lesson time); the school accepts or not. */
import { Form, Input, Modal, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useProposeSlot } from '../api';
import type { Visit } from '../types';
import { slotText } from './format';
import { RefusalList } from './RefusalList';
import { refusalsOf } from './refusals';
import { TimeRange } from './TimeRange';

const m = defineMessages({
  title: ['建议另一时段', 'Propose another slot'],
  hint: ['学校申请的时段：{slot}。请给出不影响正常教学的时段，学校接受后再报区教育局审批。', 'The school asked for {slot}. Give a slot that does not disturb lessons; once the school accepts, it goes to the district for approval.'],
  note: ['说明（可选）', 'Note (optional)'],
  send: ['发送建议', 'Send the proposal'],
});

type Values = { date: string; start: string; end: string; note?: string };

export function ProposeSlotModal({ visit, maxMinutes, onClose }: { visit: Visit | null; maxMinutes: number; onClose: () => void }) {
  const { t } = useI18n(m);
  const [form] = Form.useForm<Values>();
  const propose = useProposeSlot();
  const refusals = refusalsOf(propose.error);
  return (
    <Modal
      open={!!visit}
      title={t('title')}
      okText={t('send')}
      okButtonProps={{ loading: propose.isPending, 'data-testid': 'propose-confirm' }}
      onCancel={() => { propose.reset(); onClose(); }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {visit && <Typography.Paragraph type="secondary">{t('hint', { slot: slotText(visit) })}</Typography.Paragraph>}
      <RefusalList refusals={refusals} />
      {propose.isError && refusals.length === 0 && <ApiErrorAlert error={propose.error} />}
      {visit && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ date: visit.date, start: visit.start, end: visit.end, note: '' }}
          onFinish={(v) => propose.mutate({ id: visit.id, date: v.date, start: v.start, end: v.end, note: (v.note ?? '').trim() }, { onSuccess: () => onClose() })}
        >
          <TimeRange max={maxMinutes} testPrefix="propose" />
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={2} maxLength={300} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
