/**
 * A junior high's 送培统计 (R18): the rows that name it, one per vocational school. Once a school
 * has submitted, the junior high confirms its row (确认无误) or disputes it with a note (提出异议);
 * the school answers, and the junior high looks again.
 */
import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ReasonModal } from '../../../components/ReasonModal';
import { useCan } from '../../../lib/session';
import { useAckStatistics, useSending } from '../api';
import { enrolmentMessages } from '../messages';
import type { SendingRow } from '../types';
import { SendingTable } from './SendingTable';

const m = defineMessages({
  ...enrolmentMessages,
  hint: ['各中职学校统计的本校毕业生录取与报到情况。学校提交后，请逐校核对：确认无误，或提出异议并说明理由（R18）。', 'Each vocational school’s figures for your graduates. Once a school submits, check its row: acknowledge it, or dispute it with your reason (R18).'],
  ok: ['确认无误', 'Acknowledge'],
  okTitle: ['确认 {school} 的统计无误？', 'Acknowledge {school}’s figures?'],
  dispute: ['提出异议', 'Dispute'],
  disputeTitle: ['对 {school} 的统计提出异议', 'Dispute {school}’s figures'],
  disputeHint: ['请说明哪些数字与本校掌握的情况不符，学校将答复并可更正。', 'Say which figures differ from what you know; the school answers and may correct them.'],
  notSubmitted: ['学校未提交', 'Not submitted'],
  done: ['已提交', 'Sent'],
});

export function JuniorHighSending({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const data = useSending({ campaignId });
  const ack = useAckStatistics();
  const [disputing, setDisputing] = useState<SendingRow | null>(null);
  const s = data.data;
  const submitted = new Set((s?.status ?? []).filter((x) => x.submitted).map((x) => x.schoolId));
  const decide = (r: SendingRow, decision: 'acknowledged' | 'disputed', note = '') =>
    ack.mutate({ campaignId, schoolId: r.schoolId, decision, note }, { onSuccess: () => { message.success(t('done')); setDisputing(null); } });

  const actions = (r: SendingRow) => {
    if (!submitted.has(r.schoolId) || r.ack === null) return <Tag>{t('notSubmitted')}</Tag>;
    if (!can('statistics.ack') || r.ack === 'acknowledged') return null;
    return (
      <Flex gap={6}>
        <Popconfirm title={t('okTitle', { school: r.schoolName })} onConfirm={() => decide(r, 'acknowledged')} okButtonProps={{ 'data-testid': 'st-ack-confirm' }}>
          <Button size="small" type="primary" data-testid="st-ack">{t('ok')}</Button>
        </Popconfirm>
        {r.ack === 'pending' && <Button size="small" danger onClick={() => setDisputing(r)} data-testid="st-dispute">{t('dispute')}</Button>}
      </Flex>
    );
  };

  if (!s) return data.isError ? <ApiErrorAlert error={data.error} onRetry={() => data.refetch()} /> : <Skeleton active />;
  return (
    <Flex vertical gap={12} data-testid="st-junior-high">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('hint')}</Typography.Paragraph>
      <Flex gap={6} wrap><Tag color="blue">{t('deadline', { date: s.deadline })}</Tag><Tag>{t('today', { today: s.today })}</Tag></Flex>
      {ack.isError && !disputing && <ApiErrorAlert error={ack.error} />}
      <SendingTable rows={s.items} side="juniorHigh" loading={data.isFetching} actions={actions} />
      {disputing && (
        <ReasonModal title={t('disputeTitle', { school: disputing.schoolName })} hint={t('disputeHint')} okText={t('dispute')} loading={ack.isPending} error={ack.error}
          onCancel={() => setDisputing(null)} onSubmit={(note) => decide(disputing, 'disputed', note)} testId="st-dispute" />
      )}
    </Flex>
  );
}
