/**
 * The confirmation of the current version by whoever is signed in (学生确认 / 家长确认): a
 * choice is final only once the student and the guardian have both confirmed it (R11, R21).
 * A confirmation names the version it confirms, so a change made meanwhile is never confirmed unseen.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, FilePdfOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { FamilyError } from '../FamilyError';
import { applicationPdfUrl, useConfirmApplication } from '../api';
import { familyMessages } from '../messages';
import type { ApplicationView, FamilyMe } from '../types';

const m = defineMessages({
  ...familyMessages,
  title: ['确认志愿', 'Confirm'],
  confirm_student: ['学生确认（第 {n} 版）', 'Confirm as student (version {n})'],
  confirm_guardian: ['家长确认（第 {n} 版）', 'Confirm as guardian (version {n})'],
  confirmAsk: ['确认后，本版本志愿即为你们自己的选择。截止前仍可修改，修改后需重新确认。', 'Once confirmed, this version is your own choice. Until the deadline you may still change it; then confirm again.'],
  saveFirst: ['请先保存修改，再确认。', 'Save your changes first, then confirm.'],
  student: ['学生确认', 'Student'],
  guardian: ['家长确认', 'Guardian'],
  notYet: ['未确认', 'Not yet'],
  done: ['已确认第 {n} 版', 'Version {n} confirmed'],
  youDone: ['你已确认本版本。', 'You have confirmed this version.'],
  notNeeded: ['社会人员无需家长确认', 'No guardian for a social applicant'],
  pdf: ['下载志愿表（PDF）', 'Download the application form (PDF)'],
  pdfHint: ['志愿表上的二维码可在“真伪验证”页核验。', 'The QR code on the form can be checked on the verification page.'],
  staffWarning: ['本版本由初中学校代填（{at}）。只有学生和家长确认后才生效；如果不是你们的意愿，请直接修改后再确认，或使用页面下方的反映渠道。', 'This version was entered by the junior high ({at}). It is final only once the student and the guardian confirm it; if it is not your wish, change it and confirm, or use the report form below.'],
});

export function ConfirmCard({ me, view, dirty }: { me: FamilyMe; view: ApplicationView; dirty: boolean }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const confirm = useConfirmApplication();
  const mine = view.pendingConfirmers.includes(me.role);
  const confirmedAt = (who: 'student' | 'guardian') => (who === 'student' ? view.studentConfirmedAt : view.guardianConfirmedAt);
  const stateOf = (who: 'student' | 'guardian') => {
    if (who === 'guardian' && view.social) return t('notNeeded');
    if (view.pendingConfirmers.includes(who)) return <span style={{ color: '#d46b08' }}><ClockCircleOutlined /> {t('notYet')}</span>;
    return <span style={{ color: '#389e0d' }}><CheckCircleOutlined /> {t('done', { n: view.version })} · {formatDateTime(confirmedAt(who))}</span>;
  };

  if (!view.track) return null;
  return (
    <Card size="small" data-testid="application-confirm-card">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      {view.enteredBy === 'staff' && view.status !== 'confirmed' && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="staff-entry-warning" title={t('staffWarning', { at: formatDateTime(view.enteredAt) })} />
      )}
      <Descriptions size="small" column={1} items={[
        { key: 's', label: t('student'), children: <span data-testid="confirm-state-student">{stateOf('student')}</span> },
        { key: 'g', label: t('guardian'), children: <span data-testid="confirm-state-guardian">{stateOf('guardian')}</span> },
      ]} />
      <FamilyError error={confirm.error} testId="application-confirm-error" />
      {mine && view.window.open && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>{dirty ? t('saveFirst') : t('confirmAsk')}</Typography.Text>
          <Button type="primary" size="large" block disabled={dirty} loading={confirm.isPending} data-testid="application-confirm" data-version={view.version}
            onClick={() => confirm.mutate(view.version, { onSuccess: () => message.success(t('youDone')) })}>
            {t(`confirm_${me.role}`, { n: view.version })}
          </Button>
        </Flex>
      )}
      {!mine && view.status !== 'undecided' && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{view.pendingConfirmers.length ? t('youDone') : ''}</Typography.Paragraph>}
      {view.status === 'confirmed' && (
        <div style={{ marginTop: 8 }}>
          <Button icon={<FilePdfOutlined />} href={applicationPdfUrl} target="_blank" block data-testid="application-pdf">{t('pdf')}</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pdfHint')}</Typography.Text>
        </div>
      )}
    </Card>
  );
}
