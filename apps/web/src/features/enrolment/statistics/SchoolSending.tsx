/**
 * A vocational school's 送培统计 (R18): until it submits, its rows are the live figures from the
 * records; it may correct a row (with the reason, still adding up) and submits once, by the due
 * date. Afterwards each row shows the junior high's acknowledgement; a disputed row is answered.
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Skeleton, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useSending, useSubmitStatistics, type Correction } from '../api';
import { enrolmentMessages } from '../messages';
import type { SendingRow } from '../types';
import { AnswerModal } from './AnswerModal';
import { CorrectionModal } from './CorrectionModal';
import { SendingTable } from './SendingTable';

const m = defineMessages({
  ...enrolmentMessages,
  live: ['以下为按报到记录实时统计的数字（按生源初中）。核对无误或更正后，请在 {date} 前提交；提交后由各初中学校确认。', 'Live figures from the records, by source junior high. Check or correct them and submit by {date}; each junior high then acknowledges.'],
  overdue: ['已超过送培统计截止日期（{date}），请尽快提交。', 'Past the due date ({date}): submit now.'],
  submittedAt: ['本校送培统计已于 {at} 提交。', 'Submitted on {at}.'],
  correct: ['更正', 'Correct'],
  undo: ['撤销更正', 'Undo'],
  submit: ['提交送培统计', 'Submit the statistics'],
  submitTitle: ['提交本校送培统计？', 'Submit your statistics?'],
  submitHint: ['共 {rows} 所初中，其中 {n} 行有更正。提交后不能再修改；如初中学校提出异议，可答复并更正。', '{rows} junior highs, {n} corrected. Once submitted nothing changes except through answers to disputes.'],
  submitted: ['已提交', 'Submitted'],
  answer: ['答复异议', 'Answer'],
  answered: ['已答复', 'Answered'],
  empty: ['本校没有来自初中学校的新生。', 'No student from a junior high.'],
});

export function SchoolSending({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const { message, modal } = App.useApp();
  const data = useSending({ campaignId });
  const submit = useSubmitStatistics();
  const [corrections, setCorrections] = useState<Map<number, Correction>>(new Map());
  const [correcting, setCorrecting] = useState<SendingRow | null>(null);
  const [answering, setAnswering] = useState<SendingRow | null>(null);
  const s = data.data;
  const mine = s?.status[0];
  const submitted = !!mine?.submitted;
  const rows = s?.items ?? [];

  const put = (c: Correction | null, jh: number) => setCorrections((o) => {
    const n = new Map(o);
    if (c) n.set(jh, c); else n.delete(jh);
    return n;
  });
  const confirmSubmit = () => modal.confirm({
    title: t('submitTitle'),
    content: t('submitHint', { rows: rows.length, n: corrections.size }),
    okButtonProps: { 'data-testid': 'st-submit-confirm' },
    onOk: () => submit.mutateAsync({ campaignId, corrections: [...corrections.values()] }).then(() => { setCorrections(new Map()); message.success(t('submitted')); }).catch(() => undefined),
  });
  const actions = (r: SendingRow) => {
    if (!submitted) {
      const c = corrections.get(r.juniorHighId);
      return (
        <Flex gap={6}>
          <Button size="small" onClick={() => setCorrecting(r)} data-testid="st-correct">{t('correct')}</Button>
          {c && <Button size="small" type="link" onClick={() => put(null, r.juniorHighId)}>{t('undo')}</Button>}
        </Flex>
      );
    }
    if (r.ack === 'disputed') return <Button size="small" danger onClick={() => setAnswering(r)} data-testid="st-answer">{t('answer')}</Button>;
    return r.answer ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('answered')}</Typography.Text> : null;
  };

  if (!s) return data.isError ? <ApiErrorAlert error={data.error} onRetry={() => data.refetch()} /> : <Skeleton active />;
  return (
    <Flex vertical gap={12} data-testid="st-school" data-submitted={submitted}>
      {submitted ? (
        <Alert type="success" showIcon title={t('submittedAt', { at: formatDateTime(mine?.submittedAt) })} data-testid="st-submitted" />
      ) : mine?.overdue ? (
        <Alert type="error" showIcon title={t('overdue', { date: s.deadline })} data-testid="st-overdue" />
      ) : (
        <Alert type="info" showIcon title={t('live', { date: s.deadline })} />
      )}
      {submit.isError && <ApiErrorAlert error={submit.error} />}
      {rows.length === 0 && <Typography.Text type="secondary">{t('empty')}</Typography.Text>}
      <SendingTable rows={rows} side="school" loading={data.isFetching} actions={actions} shown={(r) => corrections.get(r.juniorHighId) ?? null} />
      {!submitted && (
        <Flex justify="end">
          <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} onClick={confirmSubmit} data-testid="st-submit">{t('submit')}</Button>
        </Flex>
      )}
      {correcting && (
        <CorrectionModal row={correcting} initial={corrections.get(correcting.juniorHighId) ?? null} onClose={() => setCorrecting(null)}
          onSave={(c) => { put(c, c.juniorHighId); setCorrecting(null); }} />
      )}
      {answering && <AnswerModal row={answering} campaignId={campaignId} onClose={() => setAnswering(null)} onDone={() => { message.success(t('answered')); setAnswering(null); }} />}
    </Flex>
  );
}
