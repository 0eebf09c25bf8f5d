/**
 * One student: the masked record, the account, the application with who entered it and who
 * still has to confirm, its history and PDF, the transfers; and the steps a role may take.
 */
import { useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { EyeOutlined, FilePdfOutlined, FormOutlined, KeyOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { applicationPdfUrl, slipsUrl, useApplicationHistory, useStudent } from '../api';
import { studentMessages } from '../messages';
import { StatusTag, TrackTag } from '../shared';
import type { Student } from '../types';
import { ResetModal, RevealModal, TransferModal } from './StudentActions';

const m = defineMessages({
  ...studentMessages,
  title: ['学生：{name}', 'Student: {name}'],
  application: ['志愿', 'Application'],
  noApplication: ['尚未填报', 'Not entered yet'],
  adjust: ['服从调剂', 'Accepts reassignment'],
  enteredBy: ['录入人', 'Entered by'],
  pending: ['待确认', 'Still to confirm'],
  history: ['修改记录', 'History'],
  transfers: ['转学记录', 'Transfers'],
  act_save: ['保存', 'saved'],
  act_confirm: ['确认', 'confirmed'],
  act_resolve_conflict: ['处理重复报名', 'duplicate resolved'],
  reveal: ['查看', 'Show'],
  slip: ['打印账号条', 'Print the slip'],
  reset: ['重置密码', 'Reset secrets'],
  transfer: ['转学', 'Transfer'],
  onBehalf: ['代填志愿', 'Enter on behalf'],
  pdf: ['志愿表 PDF', 'Application PDF'],
  version: ['第 {v} 版', 'v{v}'],
  window: ['填报时间 {from} 至 {to}', 'Window {from} to {to}'],
});

type Props = { student: Student; onClose: () => void; onEdit: () => void; onBehalf: () => void };

export function StudentDrawer({ student, onClose, onEdit, onBehalf }: Props) {
  const { t } = useI18n(m);
  const can = useCan();
  const q = useStudent(student.id);
  const history = useApplicationHistory(student.id);
  const [modal, setModal] = useState<'idNumber' | 'guardianPhone' | 'transfer' | 'reset' | null>(null);
  const s = q.data ?? student;
  const app = q.data?.application ?? null;

  return (
    <Drawer open width={Math.min(600, window.innerWidth)} title={t('title', { name: s.name })} onClose={onClose} data-testid="student-drawer">
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {can('student.write') && <Button icon={<FormOutlined />} onClick={onEdit} data-testid="student-edit">{t('edit')}</Button>}
        {can('application.onbehalf') && s.kind === 'grade9' && <Button icon={<FormOutlined />} type="primary" ghost onClick={onBehalf} data-testid="student-onbehalf">{t('onBehalf')}</Button>}
        {can('student.write') && (
          <Button icon={<PrinterOutlined />} href={slipsUrl(s.campaignId, { studentId: s.id })} target="_blank" data-testid="student-slip">{t('slip')}</Button>
        )}
        {can('student.write') && <Button icon={<KeyOutlined />} onClick={() => setModal('reset')} data-testid="student-reset">{t('reset')}</Button>}
        {can('student.write') && s.kind === 'grade9' && <Button icon={<SwapOutlined />} onClick={() => setModal('transfer')} data-testid="student-transfer">{t('transfer')}</Button>}
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="student-facts"
        items={[
          { key: 'exam', label: t('examNo'), children: s.examNo },
          { key: 'jh', label: t('juniorHigh'), children: s.juniorHighName ?? '—' },
          { key: 'class', label: t('className'), children: s.className || '—' },
          { key: 'gender', label: t('gender'), children: t(s.gender) },
          {
            key: 'id', label: t('idNumber'),
            children: <Flex gap={8} align="center"><span>{s.idMasked}</span>{can('student.reveal') && <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setModal('idNumber')} data-testid="reveal-id">{t('reveal')}</Button>}</Flex>,
          },
          { key: 'guardian', label: t('guardian'), children: `${s.guardianName}（${s.guardianRelation}）` },
          {
            key: 'phone', label: t('phone'),
            children: <Flex gap={8} align="center"><span>{s.phoneMasked}</span>{can('student.reveal') && <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setModal('guardianPhone')} data-testid="reveal-phone">{t('reveal')}</Button>}</Flex>,
          },
          { key: 'account', label: t('account'), children: <Tag color={s.account === 'active' ? 'green' : s.account === 'issued' ? 'blue' : 'default'}>{t(`acc_${s.account}`)}</Tag> },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('application')}</Typography.Title>
      {q.isPending ? <Skeleton active /> : !app || (!app.track && app.version === 0) ? <Empty description={t('noApplication')} /> : (
        <div data-testid="student-application">
          <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
            <TrackTag track={app.track} />
            <StatusTag status={app.status} />
            <Typography.Text type="secondary">{t('version', { v: app.version })}</Typography.Text>
            {app.enteredBy && <Typography.Text type="secondary">{t('enteredBy')}: {t(`by_${app.enteredBy}`)} · {formatDateTime(app.enteredAt)}</Typography.Text>}
          </Flex>
          {app.pendingConfirmers.length > 0 && <Typography.Paragraph type="warning">{t('pending')}: {app.pendingConfirmers.map((p) => t(`by_${p}`)).join('、')}</Typography.Paragraph>}
          {app.choices.length > 0 && (
            <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="student-choices">
              {app.choices.map((c) => <li key={c.rank}>{c.schoolName} · {c.majorName}{c.campusName ? `（${c.campusName}）` : ''}</li>)}
            </ol>
          )}
          {app.track === 'vocational' && <Typography.Paragraph style={{ marginTop: 8 }}>{t('adjust')}: {app.acceptAdjustment ? t('yes') : t('no')}</Typography.Paragraph>}
          <Typography.Paragraph type="secondary">{t('window', { from: app.window.from, to: app.window.to })}</Typography.Paragraph>
          <Button icon={<FilePdfOutlined />} href={applicationPdfUrl(s.id)} target="_blank" data-testid="student-app-pdf">{t('pdf')}</Button>
        </div>
      )}

      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('history')}</Typography.Title>
      {history.isError && <ApiErrorAlert error={history.error} />}
      {history.data && history.data.items.length === 0 && <Typography.Text type="secondary">{t('noData')}</Typography.Text>}
      {history.data && history.data.items.length > 0 && (
        <Timeline
          data-testid="student-history"
          items={history.data.items.map((h, i) => ({
            key: i,
            color: h.action === 'confirm' ? 'green' : h.by === 'staff' ? 'orange' : 'blue',
            content: `${formatDateTime(h.at)} · ${t(`by_${h.by}`)} ${t(`act_${h.action}`)} · ${t('version', { v: h.version })}${h.track ? ` · ${t(`track_${h.track}`)}` : ''}${h.choices.length ? ` · ${h.choices.length}` : ''}`,
          }))}
        />
      )}

      {q.data && q.data.transfers.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('transfers')}</Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {q.data.transfers.map((x) => <li key={x.id}>{formatDateTime(x.createdAt)} · {x.fromJuniorHighName} → {x.toJuniorHighName} · {x.reason}</li>)}
          </ul>
        </>
      )}

      {(modal === 'idNumber' || modal === 'guardianPhone') && <RevealModal student={s} field={modal} onClose={() => setModal(null)} />}
      {modal === 'transfer' && <TransferModal student={s} onClose={() => setModal(null)} />}
      {modal === 'reset' && <ResetModal student={s} onClose={() => setModal(null)} />}
    </Drawer>
  );
}
