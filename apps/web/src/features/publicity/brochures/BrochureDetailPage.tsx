/**
 * `/brochures/:id`: one brochure version for everyone who may see it — the school edits
 * and submits; the reviewing bureau sees the diff against the previous filed version and
 * decides; the city bureau files or withdraws. The buttons follow the server's `actions`.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Result, Row, Skeleton, Steps, Tag, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { publicityMessages } from '../messages';
import { StatusTag } from '../shared/StatusTag';
import type { BrochureDetail } from '../types';
import { ActionsCard } from './ActionsCard';
import { useBrochure } from './api';
import { DiffCard, hasBaseline } from './DiffCard';
import { FactsCard } from './FactsCard';
import { HistoryTimeline } from './HistoryTimeline';
import { ReviewPanel } from './ReviewPanel';
import { SectionsCard } from './SectionsCard';

const m = defineMessages({
  ...publicityMessages,
  title: ['{school} · {year} 年度招生简章', '{school} · {year} brochure'],
  back: ['招生简章', 'Brochures'],
  history: ['办理记录', 'History'],
  s_edit: ['学校编辑', 'School edits'],
  s_review: ['审查', 'Review'],
  s_file: ['市教育局备案', 'City files'],
  s_public: ['公布', 'Published'],
  returnedTitle: ['审查机关已退回，请按意见修改后重新提交', 'The reviewer returned it: make the changes and submit again'],
  withdrawnTitle: ['该版本的备案已被撤销', 'This version’s filing was withdrawn'],
  supersededTitle: ['该版本已被新的备案版本替代', 'A newer filed version replaced this one'],
  notFound: ['没有找到这份招生简章，或您无权查看', 'No such brochure, or you may not see it'],
});

const stepOf: Record<BrochureDetail['status'], number> = { draft: 0, returned: 0, submitted: 1, approved: 2, filed: 3, withdrawn: 3, superseded: 3 };

/** The reviewer's summary of the last return, from the history. */
function lastReturn(b: BrochureDetail): string | null {
  const e = [...b.events].reverse().find((x) => /return/.test(x.action));
  return e?.comment || null;
}

export function BrochureDetailPage() {
  const { t } = useI18n(m);
  const id = Number(useParams().id);
  const q = useBrochure(id);
  const [editing, setEditing] = useState(false);
  const back = <Link to="/brochures"><Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }}>{t('back')}</Button></Link>;

  if (!Number.isInteger(id) || id <= 0 || (isApiError(q.error) && (q.error.status === 404 || q.error.status === 403))) {
    return <Result status="404" title={t('notFound')} extra={back} subTitle={q.error ? <ApiErrorAlert error={q.error} /> : undefined} />;
  }
  if (q.isError) return <>{back}<ApiErrorAlert error={q.error} onRetry={() => q.refetch()} /></>;
  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 12 }} /></Card>;
  const b = q.data;
  // Changes are marked only against a filed baseline (else everything would be “new”).
  const changed = hasBaseline(b.diff) ? b.diff.map((c) => c.path) : [];
  const reviewing = b.actions.includes('return') || b.actions.includes('approve');
  const summary = b.status === 'returned' ? lastReturn(b) : null;

  return (
    <div data-testid="brochure-detail" data-brochure-id={b.id}>
      {back}
      <PageHeader
        title={t('title', { school: b.school, year: b.year })}
        extra={
          <>
            <Tag>{t('version', { n: b.version })}</Tag>
            <StatusTag status={b.status} testId="brochure-status" />
          </>
        }
      >
        <Typography.Text type="secondary">
          {t(`reviewer_${b.reviewerKind}`)} · {t('updatedAt')} {formatDateTime(b.updatedAt)}
          {b.filingNumber && <> · {t('filingNumber')} <Typography.Text strong data-testid="filing-number">{b.filingNumber}</Typography.Text></>}
        </Typography.Text>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={stepOf[b.status]}
          status={b.status === 'withdrawn' ? 'error' : b.status === 'filed' ? 'finish' : 'process'}
          items={[{ title: t('s_edit') }, { title: t('s_review') }, { title: t('s_file') }, { title: t('s_public') }]}
        />
      </Card>
      {b.status === 'returned' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('returnedTitle')} description={summary} data-testid="return-summary" />
      )}
      {b.status === 'withdrawn' && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('withdrawnTitle')} />}
      {b.status === 'superseded' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('supersededTitle')} />}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {(reviewing || changed.length > 0) && <DiffCard diff={b.diff} />}
          <FactsCard b={b} changed={changed} />
          <SectionsCard b={b} changed={changed} editing={editing} onEditing={setEditing} />
          {reviewing && <ReviewPanel b={b} />}
        </Col>
        <Col xs={24} xl={8}>
          <ActionsCard b={b} editing={editing} />
          <Card size="small" title={t('history')}>
            <HistoryTimeline events={b.events} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
