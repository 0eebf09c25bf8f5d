/** 撤销未报到 (R16): the student came after all, or the reason was a mistake; the record is kept as withdrawn. */
import { App } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ReasonModal } from '../../../components/ReasonModal';
import { useWithdrawNoShow } from '../api';
import type { IntakeRow } from '../types';

const m = defineMessages({
  title: ['撤销未报到登记：{name}', 'Withdraw the no-show: {name}'],
  hint: ['撤销后该生恢复为待报到（报到截止后为逾期未报到），可再办理报到。', 'The student is pending again (past the deadline: a no-show by the deadline) and may be registered.'],
  ok: ['撤销登记', 'Withdraw'],
  done: ['已撤销未报到登记', 'Withdrawn'],
});

export function WithdrawModal({ row, onClose }: { row: IntakeRow; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const withdraw = useWithdrawNoShow();
  return (
    <ReasonModal title={t('title', { name: row.studentName })} hint={t('hint')} okText={t('ok')} loading={withdraw.isPending} error={withdraw.error} onCancel={onClose} testId="en-withdraw"
      onSubmit={(reason) => withdraw.mutate({ studentId: row.studentId, reason }, { onSuccess: () => { message.success(t('done')); onClose(); } })} />
  );
}
