/**
 * R7: the city bureau files an approved brochure (which gives it its filing number and
 * publishes it) and may withdraw a filed one, with a reason.
 */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { FileProtectOutlined, StopOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import type { BrochureDetail } from '../types';
import { useFileBrochure, useWithdrawBrochure } from './api';

const m = defineMessages({
  file: ['备案并公布', 'File and publish'],
  fileHint: ['备案后生成备案号，简章带“已经市教育局审查备案”标识和验证二维码向社会公布；备案版本不可再修改。', 'Filing gives a filing number and publishes the brochure with the mark and a verification QR code; the filed version is frozen.'],
  fileConfirm: ['确认备案“{school}”的招生简章（第 {v} 版）？', 'File the brochure of “{school}” (version {v})?'],
  filed: ['已备案，备案号：{n}', 'Filed as {n}'],
  withdraw: ['撤销备案', 'Withdraw the filing'],
  withdrawHint: ['撤销后公众验证将显示“已撤销”，该简章不得再用于宣传。', 'Once withdrawn, verification says “withdrawn” and the brochure may no longer be used.'],
  reason: ['撤销原因', 'Reason'],
  reasonRule: ['请填写 2–1000 字的原因', 'Give a reason of 2–1000 characters'],
  withdrawn: ['已撤销备案', 'Filing withdrawn'],
});

export function FilingPanel({ b }: { b: BrochureDetail }) {
  const { t } = useI18n(m);
  const { message, modal } = App.useApp();
  const file = useFileBrochure(b.id);
  const withdraw = useWithdrawBrochure(b.id);
  const [withdrawing, setWithdrawing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const onFile = () =>
    modal.confirm({
      title: t('file'),
      content: t('fileConfirm', { school: b.school, v: b.version }),
      okButtonProps: { 'data-testid': 'file-confirm' },
      onOk: () => file.mutateAsync().then((d) => { message.success(t('filed', { n: d.filingNumber ?? '' })); }).catch(() => undefined),
    });

  return (
    <div data-testid="filing-panel">
      {file.isError && <ApiErrorAlert error={file.error} />}
      {b.actions.includes('file') && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('fileHint')}</Typography.Paragraph>
          <Button type="primary" block icon={<FileProtectOutlined />} loading={file.isPending} onClick={onFile} data-testid="file-brochure">{t('file')}</Button>
        </>
      )}
      {b.actions.includes('withdraw') && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 12 }}>{t('withdrawHint')}</Typography.Paragraph>
          <Button danger block icon={<StopOutlined />} onClick={() => setWithdrawing(true)} data-testid="withdraw-brochure">{t('withdraw')}</Button>
        </>
      )}
      <Modal
        open={withdrawing}
        title={t('withdraw')}
        okText={t('withdraw')}
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        onCancel={() => setWithdrawing(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {withdraw.isError && <ApiErrorAlert error={withdraw.error} />}
        <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate({ reason: v.reason.trim() }, { onSuccess: () => { message.success(t('withdrawn')); setWithdrawing(false); } })}>
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 2, max: 1000, message: t('reasonRule') }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="withdraw-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
