/**
 * 考试结果 (R14): the enrolling school's filed early-transfer students and their academic-exam
 * results (sat / passed per subject), with the school's own totals from the report.
 */
import { useState } from 'react';
import { Button, Card, Flex, Statistic, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCan, useSession } from '../../../lib/session';
import { useTransferReport, useTransfers } from '../api';
import { transferMessages } from '../messages';
import { ExamResultModal } from '../shared/ExamResultModal';
import { TransferRows } from '../shared/TransferRows';

const m = defineMessages({
  ...transferMessages,
  hint: ['已备案的提前学习学生参加初中学业水平考试的情况：逐科录入是否参考、是否合格。', 'How the filed early-transfer students did in the junior-high academic exam: per subject, sat and passed.'],
  students: ['学生', 'Students'],
  withResults: ['已录入', 'With results'],
  satAll: ['全科参考', 'Sat every subject'],
  passedAll: ['全科合格', 'Passed every subject'],
  enter: ['录入结果', 'Enter results'],
});

export function ExamTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<number | null>(null);
  const list = useTransfers({ campaignId, status: 'filed', ...p });
  const report = useTransferReport(campaignId);
  const mine = report.data?.exam.find((e) => e.schoolId === me.organization.id);
  return (
    <div data-testid="et-exam">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {mine && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={24} wrap>
            <Statistic title={t('students')} value={mine.students} />
            <Statistic title={t('withResults')} value={mine.withResults} />
            <Statistic title={t('satAll')} value={mine.satAll} />
            <Statistic title={t('passedAll')} value={mine.passedAll} />
          </Flex>
          {mine.bySubject.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
              {mine.bySubject.map((s) => `${s.subject} ${s.passed}/${s.sat}`).join(' · ')}
            </Typography.Text>
          )}
        </Card>
      )}
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      <TransferRows
        page={list.data}
        loading={list.isFetching}
        p={p}
        onPage={(page, pageSize) => setP({ page, pageSize })}
        hide={{ school: true }}
        actions={can('transfer.prep') ? (x) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(x.id)} data-testid="et-exam-edit" data-transfer-id={x.id}>{t('enter')}</Button> : undefined}
        testId="et-exam-rows"
      />
      {editing && <ExamResultModal id={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
