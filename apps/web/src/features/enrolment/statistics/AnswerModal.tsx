/**
 * 答复异议 (R18): the school answers a junior high's dispute of a submitted row, and corrects the
 * figures if the junior high was right; the junior high then looks again.
 */
import { useState } from 'react';
import { Checkbox, Input, Modal, Typography } from 'antd';
import { checkCorrection } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useAnswerDispute } from '../api';
import { enrolmentMessages } from '../messages';
import type { SendingRow } from '../types';
import { countsOf, FiguresEditor } from './FiguresEditor';

const m = defineMessages({
  ...enrolmentMessages,
  title: ['答复异议：{jh}', 'Answer the dispute: {jh}'],
  answerPh: ['答复内容（至少 2 个字）', 'Your answer (2 characters or more)'],
  correct: ['同时更正数字', 'Also correct the figures'],
  ok: ['提交答复', 'Send the answer'],
});

export function AnswerModal({ row, campaignId, onClose, onDone }: { row: SendingRow; campaignId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n(m);
  const [answer, setAnswer] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const [figures, setFigures] = useState(countsOf(row));
  const send = useAnswerDispute();
  const ok = answer.trim().length >= 2 && (!correcting || checkCorrection(figures).length === 0);
  return (
    <Modal open title={t('title', { jh: row.juniorHighName })} okText={t('ok')} onCancel={onClose} destroyOnHidden
      okButtonProps={{ disabled: !ok, loading: send.isPending, 'data-testid': 'st-answer-confirm' }}
      onOk={() => send.mutate({ campaignId, juniorHighId: row.juniorHighId, answer: answer.trim(), correction: correcting ? figures : undefined }, { onSuccess: onDone })}>
      {row.ackNote && <Typography.Paragraph><Typography.Text type="secondary">{t('disputeNote')}：</Typography.Text>{row.ackNote}</Typography.Paragraph>}
      {send.isError && <ApiErrorAlert error={send.error} />}
      <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('answerPh')} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="st-answer-text" />
      <Checkbox style={{ margin: '12px 0' }} checked={correcting} onChange={(e) => setCorrecting(e.target.checked)} data-testid="st-answer-correct">{t('correct')}</Checkbox>
      {correcting && <FiguresEditor value={figures} onChange={setFigures} />}
    </Modal>
  );
}
