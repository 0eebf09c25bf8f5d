/**
 * 备考安排 (R14): once the vocational school has accepted students from a junior high, it
 * records how it prepares them for the junior-high academic exam (学业水平考试) — its own
 * courses (subject, teacher, hours a week), or tiered teaching kept at the junior high — one
 * plan per junior high.
 */
import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { examPrepModeLabels } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { useExamPrep } from '../api';
import { transferMessages } from '../messages';
import type { ExamPrep } from '../types';
import { PrepDrawer } from './PrepDrawer';

const m = defineMessages({
  ...transferMessages,
  hint: ['本校接收提前学习学生后，须安排课程、师资等，保证他们顺利通过初中学业水平考试（R14）。每所生源初中一份安排。', 'Having accepted early-transfer students, arrange courses and teachers so they pass the junior-high academic exam well (R14). One plan per junior high.'],
  students: ['{n} 名学生', '{n} students'],
  noPlan: ['尚未填写备考安排', 'No plan yet'],
  hours: ['每周 {n} 课时', '{n} h/week'],
  notes: ['说明', 'Notes'],
  edit: ['填写安排', 'Edit the plan'],
  updated: ['更新于 {at}', 'Updated {at}'],
  empty: ['暂无提前学习的学生', 'No early-transfer student yet'],
});

export function PrepTab({ campaignId }: { campaignId: number }) {
  const { t, l } = useI18n(m);
  const can = useCan();
  const q = useExamPrep(campaignId);
  const [editing, setEditing] = useState<ExamPrep | null>(null);
  if (q.isError) return <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Skeleton active />;
  return (
    <div data-testid="et-prep">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {q.data.items.length === 0 && <Empty description={t('empty')} />}
      <Flex vertical gap={12}>
        {q.data.items.map((x) => (
          <Card
            key={x.juniorHighId}
            size="small"
            data-testid="et-prep-card"
            data-junior-high-id={x.juniorHighId}
            title={<span style={{ whiteSpace: 'normal' }}>{x.juniorHighName} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('students', { n: x.students })}</Typography.Text></span>}
            extra={can('transfer.prep') && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(x)} data-testid="et-prep-edit">{t('edit')}</Button>}
          >
            {x.mode ? <Tag color="blue">{l(examPrepModeLabels[x.mode])}</Tag> : <Tag>{t('noPlan')}</Tag>}
            {x.courses.length > 0 && (
              <ul style={{ margin: '8px 0 0', paddingInlineStart: 18 }}>
                {x.courses.map((c, i) => <li key={i}>{c.subject} · {c.teacher} · {t('hours', { n: c.hoursPerWeek })}</li>)}
              </ul>
            )}
            {x.notes && <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>{t('notes')}：{x.notes}</Typography.Paragraph>}
            {x.updatedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('updated', { at: formatDateTime(x.updatedAt) })}</Typography.Text>}
          </Card>
        ))}
      </Flex>
      {editing && <PrepDrawer campaignId={campaignId} prep={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
