/**
 * `/early-transfers/:id`: one 中等职业学校志愿填报表 (Annex 4, R13) for everyone who may see it —
 * laid out like the paper form with the two seals and whether each still holds, where it
 * stands, the exam results (R14), the history, and the buttons the server offers this caller
 * (`actions`). The PDF carries the seals and the QR checked on `/verify`.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined, FilePdfOutlined, LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { transferPdfUrl, useTransfer } from '../api';
import { transferMessages } from '../messages';
import { Codes } from '../shared/Codes';
import { ExamResultModal } from '../shared/ExamResultModal';
import { FormContent } from '../shared/FormContent';
import { HistoryTimeline } from '../shared/HistoryTimeline';
import { StatusSteps } from '../shared/StatusSteps';
import { TransferStatusTag } from '../shared/StatusTags';
import { TransferActions, type RowAction } from '../shared/TransferActions';
import type { EarlyTransferDetail } from '../types';

const m = defineMessages({
  ...transferMessages,
  back: ['提前到中职', 'Early transfer'],
  heading: ['{name} · 提前到中职学习', '{name} · early transfer'],
  versionN: ['第 {n} 版', 'Version {n}'],
  notFound: ['没有找到这份申请，或您无权查看', 'No such request, or you may not see it'],
  next: ['办理', 'Next step'],
  nothing: ['目前没有需要您办理的步骤。', 'Nothing for you to do now.'],
  history: ['办理记录', 'History'],
  examTitle: ['学业水平考试结果', 'Academic exam results'],
  sat: ['参考', 'sat'],
  absent: ['未参考', 'absent'],
  pass: ['合格', 'passed'],
  fail: ['不合格', 'failed'],
  unknown: ['待公布', 'not known'],
  enterExam: ['录入考试结果', 'Enter exam results'],
  openList: ['查看汇总名单', 'Open the combined list'],
  pendingFamily: ['等待{who}确认', 'Waiting for the {who} to confirm'],
  reasonBy: ['{party}的理由', 'Reason given by the {party}'],
});

const rowActions: RowAction[] = ['seal', 'refuse', 'withdraw', 'return'];

export function TransferDetailPage() {
  const { t } = useI18n(m);
  const id = Number(useParams().id);
  const q = useTransfer(id);
  const back = <Link to="/early-transfers"><Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }}>{t('back')}</Button></Link>;
  if (!Number.isInteger(id) || id <= 0 || (isApiError(q.error) && (q.error.status === 404 || q.error.status === 403))) {
    return <Result status="404" title={t('notFound')} extra={back} subTitle={q.error ? <ApiErrorAlert error={q.error} /> : undefined} />;
  }
  if (q.isError) return <>{back}<ApiErrorAlert error={q.error} onRetry={() => q.refetch()} /></>;
  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  const d = q.data;
  return (
    <div data-testid="et-detail" data-transfer-id={d.id} data-status={d.status}>
      {back}
      <PageHeader title={t('heading', { name: d.studentName })} extra={<><Tag>{t('versionN', { n: d.version })}</Tag><TransferStatusTag status={d.status} /></>}>
        <Typography.Text type="secondary">{d.juniorHighName} → {d.schoolName} · {d.majorName}</Typography.Text>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}><StatusSteps x={d} /></Card>
      {d.reason && (
        <Alert type={d.status === 'refused' || d.status === 'returned' ? 'error' : 'warning'} showIcon style={{ marginBottom: 16 }} data-testid="et-reason"
          title={d.decidedBy ? t('reasonBy', { party: t(`party_${d.decidedBy}`) }) : t('reason')} description={d.reason} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16} style={{ marginBottom: 16 }}>
          <FormContent d={d} />
          {d.examResult && <ExamCard d={d} />}
        </Col>
        <Col xs={24} xl={8}>
          <ActionsCard d={d} />
          <Card size="small" title={t('history')}><HistoryTimeline history={d.history} /></Card>
        </Col>
      </Row>
    </div>
  );
}

function ActionsCard({ d }: { d: EarlyTransferDetail }) {
  const { t } = useI18n(m);
  const [exam, setExam] = useState(false);
  const acts = rowActions.filter((a) => d.actions.includes(a));
  const family = d.pendingConfirmers.map((w) => t(`party_${w}`)).join('、');
  return (
    <Card size="small" title={t('next')} style={{ marginBottom: 16 }} data-testid="et-actions" data-actions={d.actions.join(' ')}>
      <Flex vertical gap={8}>
        {acts.length > 0 && <TransferActions transfer={d} actions={acts} block />}
        {d.actions.includes('examResult') && <Button icon={<EditOutlined />} onClick={() => setExam(true)} data-testid="et-exam-edit">{t('enterExam')}</Button>}
        {acts.length === 0 && !d.actions.includes('examResult') && (
          <Typography.Text type="secondary">{d.status === 'awaiting_family' && family ? t('pendingFamily', { who: family }) : t('nothing')}</Typography.Text>
        )}
        <Button icon={<FilePdfOutlined />} href={transferPdfUrl(d.id)} target="_blank" data-testid="et-pdf">{t('pdf')}</Button>
        {d.listId && <Link to={`/early-transfer-lists/${d.listId}`} data-testid="et-open-list">{t('openList')}</Link>}
        {d.filingNumber && <Typography.Text>{t('filingNumber')}：<Typography.Text strong data-testid="et-filing-number">{d.filingNumber}</Typography.Text>{d.filedOn ? ` · ${d.filedOn}` : ''}</Typography.Text>}
        <Codes items={[
          { label: t('id'), value: d.id },
          { label: t('formCode'), value: d.formCode, verify: true },
          { label: t('listCode'), value: d.listCode, verify: true },
          ...d.seals.map((s, i) => ({ label: `${t('keyId')} · ${t(`party_${s.party}`)}${i ? ` #${i + 1}` : ''}`, value: `${s.keyId}（${s.sealedBy} · ${formatDateTime(s.sealedAt)}）` })),
        ]} />
      </Flex>
      {exam && <ExamResultModal id={d.id} onClose={() => setExam(false)} />}
    </Card>
  );
}

function ExamCard({ d }: { d: EarlyTransferDetail }) {
  const { t } = useI18n(m);
  const r = d.examResult!;
  return (
    <Card size="small" title={t('examTitle')} style={{ marginTop: 16 }} data-testid="et-exam-result">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={r.subjects.map((s) => ({
        key: s.subject,
        label: s.subject,
        children: !s.sat ? <Tag>{t('absent')}</Tag> : <><Tag color="blue">{t('sat')}</Tag><Tag color={s.passed === null ? 'default' : s.passed ? 'green' : 'red'}>{t(s.passed === null ? 'unknown' : s.passed ? 'pass' : 'fail')}</Tag></>,
      }))} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(r.updatedAt)}</Typography.Text>
    </Card>
  );
}
