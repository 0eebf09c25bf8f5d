/**
 * "I am being pressured" in one step (R11, R21): it goes to the district bureau as a
 * complaint, never to the junior high, and only the bureau sees who reported.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Result, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { FamilyError } from '../FamilyError';
import { usePressureReport } from '../api';
import type { PressureKind, PressureReportBody } from '../types';

const m = defineMessages({
  open: ['我受到了压力 / 我被劝说不参加中考', 'I am being pressured / told not to sit the exam'],
  title: ['向区教育局反映', 'Tell the district bureau'],
  plain: ['本反映直接送达区教育局，不会发给你的初中学校；只有区教育局能看到是谁反映的。', 'This goes straight to the district education bureau, never to your junior high; only the bureau sees who reported it.'],
  kind: ['情况', 'What happens'],
  k_pressure_choice: ['有人强迫或劝说我选择（或不选）某个方向、某所学校', 'Someone pushes me to choose (or not) a track or a school'],
  k_kept_from_exam: ['有人劝说或阻止我参加中考', 'Someone tells me not to, or stops me from, sitting the exam'],
  k_other: ['其他情况', 'Something else'],
  description: ['请简单说明经过（谁、什么时候、说了什么）', 'Briefly: who, when, what was said'],
  tooShort: ['请至少写 5 个字', 'At least 5 characters'],
  send: ['发送给区教育局', 'Send to the district bureau'],
  sent: ['已送达区教育局', 'Sent to the district bureau'],
  sentText: ['区教育局会核实处理。你的初中学校不会收到这条反映。', 'The bureau will look into it. Your junior high does not receive this report.'],
  close: ['关闭', 'Close'],
});

const kinds: PressureKind[] = ['pressure_choice', 'kept_from_exam', 'other'];

export function PressureReport() {
  const { t } = useI18n(m);
  const [open, setOpen] = useState(false);
  const report = usePressureReport();
  const [form] = Form.useForm<PressureReportBody>();
  const close = () => { setOpen(false); report.reset(); form.resetFields(); };
  return (
    <>
      <div style={{ textAlign: 'center', margin: '16px 0 8px' }}>
        <Button type="link" icon={<SafetyOutlined />} onClick={() => setOpen(true)} data-testid="pressure-open" style={{ whiteSpace: 'normal', height: 'auto' }}>
          {t('open')}
        </Button>
      </div>
      <Modal open={open} onCancel={close} title={t('title')} footer={null} destroyOnHidden data-testid="pressure-modal">
        {report.isSuccess ? (
          <Result status="success" title={t('sent')} subTitle={t('sentText')} data-testid="pressure-done" extra={<Button onClick={close}>{t('close')}</Button>} />
        ) : (
          <>
            <Alert type="info" showIcon title={t('plain')} style={{ marginBottom: 12 }} />
            <FamilyError error={report.error} />
            <Form form={form} layout="vertical" initialValues={{ kind: 'pressure_choice' }} onFinish={(v) => report.mutate(v)} disabled={report.isPending}>
              <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
                <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                  options={kinds.map((k) => ({ value: k, label: <span data-testid={`pressure-kind-${k}`}>{t(`k_${k}`)}</span> }))} />
              </Form.Item>
              <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, message: t('required') }, { min: 5, message: t('tooShort') }]}>
                <Input.TextArea rows={4} maxLength={2000} showCount data-testid="pressure-description" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={report.isPending} data-testid="pressure-submit">{t('send')}</Button>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{t('plain')}</Typography.Paragraph>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}
