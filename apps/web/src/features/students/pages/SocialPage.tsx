/**
 * `/social` 社会人员 (R5: registration-based entry): people who registered online come in person
 * with their document. The clerk re-types the document number (it must match), confirms
 * that the original was checked, and hands over the registration number and the initial
 * password, shown once and printable. Or rejects with a reason.
 */
import { useDeferredValue, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { educationLabels, idTypeLabels, socialCategoryLabels } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useConfirmSocial, useRejectSocial, useSocialRegistrations } from '../api';
import { studentMessages } from '../messages';
import { useAppCampaign } from '../shared';
import type { ConfirmSocial, SocialRegistration } from '../types';

const m = defineMessages({
  ...studentMessages,
  title: ['社会人员报名', 'Social applicants'],
  hint: ['社会人员网上登记后，须本人持证件到职业学校或区教育局现场核验（R5）。核验时请重新录入证件号码。', 'Social applicants register online, then come in person with their document (R5). Re-type the document number when checking.'],
  trackingNo: ['登记号', 'Tracking no.'],
  category: ['类别', 'Category'],
  education: ['学历', 'Education'],
  registeredAt: ['登记时间', 'Registered'],
  pending: ['待核验', 'Pending'],
  confirmed: ['已确认', 'Confirmed'],
  rejected: ['未通过', 'Rejected'],
  confirm: ['现场确认', 'Confirm in person'],
  reject: ['不予确认', 'Reject'],
  searchPh: ['姓名或登记号', 'Name or tracking no.'],
  confirmTitle: ['现场确认：{name}', 'Confirm in person: {name}'],
  retype: ['重新录入证件号码（对照证件原件）', 'Re-type the document number (from the original)'],
  checked: ['已核对证件原件，与本人相符', 'I checked the original document against the person'],
  checkedRule: ['须核对证件原件', 'The original must be checked'],
  resultTitle: ['已确认：请将以下信息交给本人', 'Confirmed: hand this to the applicant'],
  registrationNo: ['报名号（登录账号）', 'Registration no. (sign-in)'],
  initialPassword: ['初始密码', 'Initial password'],
  once: ['初始密码只显示这一次，首次登录须修改。请打印或抄写后交给本人。', 'The initial password is shown this once; it must be changed at first sign-in. Print it or write it down for the applicant.'],
  print: ['打印', 'Print'],
  rejectTitle: ['不予确认：{name}', 'Reject: {name}'],
  reason: ['原因', 'Reason'],
  reasonRule: ['请填写 2–200 字的原因', 'Give a reason of 2–200 characters'],
  decidedBy: ['确认单位', 'Decided by'],
  empty: ['没有登记', 'No registration'],
  done: ['完成', 'Done'],
});

export function SocialPage() {
  const { t, l } = useI18n(m);
  const c = useAppCampaign();
  const [status, setStatus] = useState<SocialRegistration['status'] | 'all'>('pending');
  const [search, setSearch] = useState('');
  const qs = useDeferredValue(search.trim());
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const q = useSocialRegistrations({ campaignId: c.campaign?.id, status: status === 'all' ? undefined : status, q: qs || undefined, ...p });
  const [confirming, setConfirming] = useState<SocialRegistration | null>(null);
  const [rejecting, setRejecting] = useState<SocialRegistration | null>(null);
  const [result, setResult] = useState<ConfirmSocial | null>(null);
  const color = { pending: 'orange', confirmed: 'green', rejected: 'default' } as const;

  return (
    <div data-testid="social-page">
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={c.campaign?.id ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      <Card
        size="small"
        title={<Input.Search allowClear placeholder={t('searchPh')} style={{ maxWidth: 240, margin: '6px 0' }} value={search} onChange={(e) => { setSearch(e.target.value); setP((x) => ({ ...x, page: 1 })); }} />}
        extra={<Segmented value={status} onChange={(s) => { setStatus(s as typeof status); setP((x) => ({ ...x, page: 1 })); }} options={(['pending', 'confirmed', 'rejected'] as const).map((s) => ({ value: s, label: t(s) })).concat([{ value: 'all' as never, label: t('all') }])} />}
      >
        {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<SocialRegistration>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.items}
          scroll={{ x: 1300 }}
          data-testid="social-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          pagination={{ current: p.page, pageSize: p.pageSize, total: q.data?.total ?? 0, hideOnSinglePage: true, onChange: (page, pageSize) => setP({ page, pageSize }) }}
          columns={[
            { title: t('trackingNo'), dataIndex: 'trackingNo', width: 140 },
            { title: t('name'), dataIndex: 'name', width: 100 },
            { title: t('gender'), dataIndex: 'gender', width: 60, render: (g: SocialRegistration['gender']) => t(g) },
            { title: t('idNumber'), key: 'id', width: 220, render: (_: unknown, r) => `${l(idTypeLabels[r.idType])} ${r.idMasked}` },
            { title: t('category'), dataIndex: 'category', width: 130, render: (x: SocialRegistration['category']) => l(socialCategoryLabels[x]) },
            { title: t('education'), dataIndex: 'education', width: 100, render: (x: SocialRegistration['education']) => l(educationLabels[x]) },
            { title: t('phone'), dataIndex: 'phoneMasked', width: 130 },
            { title: t('registeredAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
            { title: t('status'), dataIndex: 'status', width: 90, render: (s: SocialRegistration['status'], r) => <Tag color={color[s]} title={r.rejectReason ?? undefined}>{t(s)}</Tag> },
            { title: t('decidedBy'), dataIndex: 'decidedByOrgName', width: 150, render: (x: string | null, r) => (x ? `${x}${r.registrationNo ? ` · ${r.registrationNo}` : ''}` : '—') },
            {
              title: t('actions'), key: 'a', width: 180, fixed: 'right' as const,
              render: (_: unknown, r) => r.status === 'pending' ? (
                <>
                  <Button size="small" type="primary" onClick={() => setConfirming(r)} data-testid="social-confirm">{t('confirm')}</Button>{' '}
                  <Button size="small" danger onClick={() => setRejecting(r)} data-testid="social-reject">{t('reject')}</Button>
                </>
              ) : null,
            },
          ]}
        />
      </Card>
      {confirming && <ConfirmModal reg={confirming} onClose={() => setConfirming(null)} onDone={(r) => { setConfirming(null); setResult(r); }} />}
      {rejecting && <RejectModal reg={rejecting} onClose={() => setRejecting(null)} />}
      {result && <ResultModal result={result} onClose={() => setResult(null)} />}
    </div>
  );
}

function ConfirmModal({ reg, onClose, onDone }: { reg: SocialRegistration; onClose: () => void; onDone: (r: ConfirmSocial) => void }) {
  const { t, l } = useI18n(m);
  const [form] = Form.useForm<{ idNumber: string; checked: boolean }>();
  const confirm = useConfirmSocial();
  return (
    <Modal open title={t('confirmTitle', { name: reg.name })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: confirm.isPending, 'data-testid': 'social-confirm-submit' }} destroyOnHidden>
      <Descriptions size="small" column={1} items={[
        { key: 'n', label: t('trackingNo'), children: reg.trackingNo },
        { key: 'i', label: t('idNumber'), children: `${l(idTypeLabels[reg.idType])} ${reg.idMasked}` },
      ]} />
      {confirm.isError && <ApiErrorAlert error={confirm.error} style={{ marginTop: 12 }} />}
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={(v) => confirm.mutate({ id: reg.id, idNumber: v.idNumber.trim() }, { onSuccess: onDone })}>
        <Form.Item name="idNumber" label={t('retype')} rules={[{ required: true, whitespace: true, min: 5, max: 30 }]}><Input maxLength={30} autoComplete="off" data-testid="social-id" /></Form.Item>
        <Form.Item name="checked" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('checkedRule')))) }]}>
          <Checkbox data-testid="social-checked">{t('checked')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RejectModal({ reg, onClose }: { reg: SocialRegistration; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useRejectSocial();
  return (
    <Modal open title={t('rejectTitle', { name: reg.name })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ danger: true, loading: reject.isPending }} destroyOnHidden>
      {reject.isError && <ApiErrorAlert error={reject.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => reject.mutate({ id: reg.id, reason: v.reason.trim() }, { onSuccess: () => { message.success(t('saved')); onClose(); } })}>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('reasonRule') }]}><Input.TextArea rows={3} maxLength={200} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Printed through a window of its own so only the slip goes to paper. */
function ResultModal({ result, onClose }: { result: ConfirmSocial; onClose: () => void }) {
  const { t } = useI18n(m);
  const print = () => {
    const w = window.open('', '_blank', 'width=480,height=360');
    if (!w) return;
    const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
    w.document.write(`<html><head><title>${esc(t('title'))}</title></head><body style="font-family:sans-serif;padding:24px">
      <h3>${esc(result.registration.name)}</h3>
      <p>${esc(t('registrationNo'))}：<b style="font-size:20px;font-family:monospace">${esc(result.registrationNo)}</b></p>
      <p>${esc(t('initialPassword'))}：<b style="font-size:20px;font-family:monospace">${esc(result.initialPassword)}</b></p>
      <p style="font-size:12px">${esc(t('once'))}</p></body></html>`);
    w.document.close();
    w.print();
  };
  return (
    <Modal open title={t('resultTitle')} onCancel={onClose} footer={[<Button key="p" icon={<PrinterOutlined />} onClick={print}>{t('print')}</Button>, <Button key="c" type="primary" onClick={onClose}>{t('done')}</Button>]} >
      <Descriptions bordered size="small" column={1} data-testid="social-result" items={[
        { key: 'n', label: t('name'), children: result.registration.name },
        { key: 'r', label: t('registrationNo'), children: <Typography.Text copyable strong style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="social-registration-no">{result.registrationNo}</Typography.Text> },
        { key: 'p', label: t('initialPassword'), children: <Typography.Text copyable strong style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="social-password">{result.initialPassword}</Typography.Text> },
      ]} />
      <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('once')} />
    </Modal>
  );
}
