/**
 * 送培统计 at a glance for a bureau (R18): how many schools have submitted (a bar 已提交 x/y),
 * those overdue after the due date in red, and the junior highs' acknowledgements and disputes;
 * then each school's line.
 */
import { Flex, Progress, Statistic, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { enrolmentMessages } from '../messages';
import type { SendingStatistics, SendingStatus } from '../types';

const m = defineMessages({
  ...enrolmentMessages,
  submittedOf: ['已提交 {x}/{y}', 'Submitted {x}/{y}'],
  submitted: ['已提交', 'Submitted'],
  overdue: ['逾期未提交', 'Overdue'],
  acknowledged: ['已确认（行）', 'Acknowledged (rows)'],
  disputed: ['有异议（行）', 'Disputed (rows)'],
  notYet: ['未提交', 'Not yet'],
  overdueTag: ['逾期', 'Overdue'],
  rows: ['初中数', 'Junior highs'],
  submittedAt: ['提交时间', 'Submitted at'],
});

export function Completion({ data }: { data: SendingStatistics }) {
  const { t } = useI18n(m);
  const s = data.status;
  const submitted = s.filter((x) => x.submitted).length;
  const overdue = s.filter((x) => x.overdue).length;
  const acknowledged = s.reduce((n, x) => n + x.acknowledged, 0);
  const disputed = s.reduce((n, x) => n + x.disputed, 0);
  return (
    <Flex vertical gap={12} data-testid="st-completion">
      <Flex gap={6} wrap>
        <Tag color="blue" data-testid="st-deadline">{t('deadline', { date: data.deadline })}</Tag>
        <Tag>{t('today', { today: data.today })}</Tag>
      </Flex>
      <div>
        <Typography.Text strong data-testid="st-progress-text">{t('submittedOf', { x: submitted, y: s.length })}</Typography.Text>
        <Progress percent={s.length ? Math.round((submitted / s.length) * 100) : 0} status={overdue ? 'exception' : undefined} data-testid="st-progress" />
      </div>
      <Flex gap={12} wrap>
        <Statistic title={t('submitted')} value={submitted} suffix={`/ ${s.length}`} styles={{ content: { fontSize: 20 } }} data-testid="st-count-submitted" style={{ flex: '1 1 80px' }} />
        <Statistic title={t('overdue')} value={overdue} styles={{ content: { fontSize: 20, color: overdue ? '#cf1322' : undefined } }} data-testid="st-count-overdue" style={{ flex: '1 1 80px' }} />
        <Statistic title={t('acknowledged')} value={acknowledged} styles={{ content: { fontSize: 20 } }} data-testid="st-count-acknowledged" style={{ flex: '1 1 80px' }} />
        <Statistic title={t('disputed')} value={disputed} styles={{ content: { fontSize: 20, color: disputed ? '#d46b08' : undefined } }} data-testid="st-count-disputed" style={{ flex: '1 1 80px' }} />
      </Flex>
      <Table<SendingStatus>
        size="small"
        rowKey="schoolId"
        dataSource={s}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="st-status"
        onRow={(r) => ({ 'data-testid': 'st-status-row', 'data-school-id': r.schoolId, 'data-submitted': r.submitted, 'data-overdue': r.overdue }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('school'), dataIndex: 'schoolName', fixed: 'left' as const },
          {
            title: t('status'), key: 's', render: (_: unknown, r: SendingStatus) =>
              r.submitted ? <Tag color="green">{t('submitted')}</Tag> : r.overdue ? <Tag color="red" data-testid="st-overdue">{t('overdueTag')}</Tag> : <Tag>{t('notYet')}</Tag>,
          },
          { title: t('submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: t('rows'), dataIndex: 'rows', align: 'right' as const },
          { title: t('ack_acknowledged'), dataIndex: 'acknowledged', align: 'right' as const },
          { title: t('ack_disputed'), dataIndex: 'disputed', align: 'right' as const, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
        ]}
      />
    </Flex>
  );
}
