/**
 * The roster's sensitive steps, each in its own small modal: reveal a whole value (with a
 * reason; audited; shown once), transfer to another junior high, reset a slip secret.
 */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { JuniorHighSelect } from '../../visits/school/JuniorHighSelect';
import { useResetCredentials, useRevealStudent, useTransferStudent } from '../api';
import { studentMessages } from '../messages';
import type { Student } from '../types';

const m = defineMessages({
  ...studentMessages,
  revealTitle: ['查看完整{field}', 'Show the whole {field}'],
  revealHint: ['查看完整个人信息须说明理由。此次查看将记入审计日志（谁、何时、为何）。', 'Seeing a whole personal value needs a reason. This is recorded in the audit log (who, when, why).'],
  reason: ['理由', 'Reason'],
  reasonRule: ['请填写 2–200 字的理由', 'Give a reason of 2–200 characters'],
  show: ['查看', 'Show'],
  shownOnce: ['仅显示这一次，关闭后不再显示；此次查看已记入审计日志。', 'Shown this once only; closing hides it. This viewing has been recorded in the audit log.'],
  close: ['关闭', 'Close'],
  transferTitle: ['转学：{name}', 'Transfer: {name}'],
  transferHint: ['学生转入本区另一所初中，其志愿和账号随之转移。', 'The student moves to another junior high of the district, with the application and the accounts.'],
  toSchool: ['转入学校', 'To school'],
  transferred: ['已转学', 'Transferred'],
  resetTitle: ['重置账号条密码：{name}', 'Reset the slip secrets: {name}'],
  resetHint: ['重置后原密码（或家长确认码）立即失效，已登录的会话结束；请重新打印账号条交给学生和家长。', 'The old secret stops working at once and sessions end; print a new slip for the student and the guardian.'],
  what_password: ['学生密码', 'The student\'s password'],
  what_guardian_code: ['家长确认码', 'The guardian\'s code'],
  what_both: ['两者都重置', 'Both'],
  resetDone: ['已重置，请重新打印账号条', 'Reset: print a new slip'],
});

export function RevealModal({ student, field, onClose }: { student: Student; field: 'idNumber' | 'guardianPhone'; onClose: () => void }) {
  const { t } = useI18n(m);
  const reveal = useRevealStudent();
  const [value, setValue] = useState<string | null>(null);
  const label = field === 'idNumber' ? t('idNumber') : t('phone');
  return (
    <Modal
      open
      title={t('revealTitle', { field: label })}
      onCancel={() => { setValue(null); onClose(); }}
      okText={value === null ? t('show') : t('close')}
      cancelButtonProps={value === null ? undefined : { style: { display: 'none' } }}
      okButtonProps={{ loading: reveal.isPending, 'data-testid': 'reveal-submit' }}
      onOk={() => (value === null ? document.getElementById('reveal-form-submit')?.click() : (setValue(null), onClose()))}
      destroyOnHidden
      data-testid="reveal-modal"
    >
      {value === null ? (
        <>
          <Typography.Paragraph type="secondary">{student.name} · {student.examNo}</Typography.Paragraph>
          <Alert type="warning" showIcon title={t('revealHint')} style={{ marginBottom: 12 }} />
          {reveal.isError && <ApiErrorAlert error={reveal.error} />}
          <Form layout="vertical" onFinish={(v: { reason: string }) => reveal.mutate({ id: student.id, field, reason: v.reason.trim() }, { onSuccess: (r) => setValue(r.value) })}>
            <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('reasonRule') }]}>
              <Input.TextArea rows={2} maxLength={200} autoFocus data-testid="reveal-reason" />
            </Form.Item>
            <button id="reveal-form-submit" type="submit" hidden />
          </Form>
        </>
      ) : (
        <>
          <Typography.Title level={3} copyable style={{ fontFamily: 'monospace', margin: '8px 0 16px' }} data-testid="reveal-value">{value}</Typography.Title>
          <Alert type="info" showIcon title={t('shownOnce')} />
        </>
      )}
    </Modal>
  );
}

export function TransferModal({ student, onClose }: { student: Student; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toJuniorHighId: number; reason: string }>();
  const transfer = useTransferStudent();
  return (
    <Modal open title={t('transferTitle', { name: student.name })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: transfer.isPending, 'data-testid': 'transfer-submit' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('transferHint')}</Typography.Paragraph>
      {transfer.isError && <ApiErrorAlert error={transfer.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => transfer.mutate({ id: student.id, ...v, reason: v.reason.trim() }, { onSuccess: () => { message.success(t('transferred')); onClose(); } })}>
        <Form.Item name="toJuniorHighId" label={t('toSchool')} rules={[{ required: true, message: t('required') }, { validator: (_, v) => (v === student.juniorHighId ? Promise.reject(new Error(t('toSchool'))) : Promise.resolve()) }]}>
          <JuniorHighSelect campaignId={student.campaignId} />
        </Form.Item>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('reasonRule') }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetModal({ student, onClose }: { student: Student; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [what, setWhat] = useState<'password' | 'guardian_code' | 'both'>('password');
  const reset = useResetCredentials();
  return (
    <Modal
      open
      title={t('resetTitle', { name: student.name })}
      onCancel={onClose}
      okButtonProps={{ danger: true, loading: reset.isPending, 'data-testid': 'reset-submit' }}
      onOk={() => reset.mutate({ id: student.id, what }, { onSuccess: () => { message.success(t('resetDone')); onClose(); } })}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('resetHint')}</Typography.Paragraph>
      {reset.isError && <ApiErrorAlert error={reset.error} />}
      <Radio.Group value={what} onChange={(e) => setWhat(e.target.value as typeof what)} options={(['password', 'guardian_code', 'both'] as const).map((w) => ({ value: w, label: t(`what_${w}`) }))} />
    </Modal>
  );
}
