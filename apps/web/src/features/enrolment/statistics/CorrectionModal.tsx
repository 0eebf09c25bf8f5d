/** A school corrects one row before it submits (R18): the five figures, still adding up, with the reason. */
import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { checkCorrection } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { Correction } from '../api';
import { enrolmentMessages } from '../messages';
import type { SendingRow } from '../types';
import { countsOf, FiguresEditor } from './FiguresEditor';

const m = defineMessages({
  ...enrolmentMessages,
  title: ['更正：{jh}', 'Correct: {jh}'],
  hint: ['系统按报到记录统计；如与实际不符（如学生在系统外办理了手续），可更正数字并说明理由。更正随统计一并提交，初中学校可见。', 'The figures come from the records; if they differ from the facts, correct them with the reason. The correction is submitted with the statistics and the junior high sees it.'],
  reasonPh: ['更正理由（至少 2 个字）', 'Why (2 characters or more)'],
  ok: ['确定更正', 'Apply'],
});

export function CorrectionModal({ row, initial, onClose, onSave }: { row: SendingRow; initial: Correction | null; onClose: () => void; onSave: (c: Correction) => void }) {
  const { t } = useI18n(m);
  const [figures, setFigures] = useState(countsOf(initial ?? row));
  const [reason, setReason] = useState(initial?.reason ?? '');
  const ok = checkCorrection(figures).length === 0 && reason.trim().length >= 2;
  return (
    <Modal open title={t('title', { jh: row.juniorHighName })} okText={t('ok')} onCancel={onClose} destroyOnHidden
      okButtonProps={{ disabled: !ok, 'data-testid': 'st-correct-confirm' }}
      onOk={() => onSave({ ...figures, juniorHighId: row.juniorHighId, reason: reason.trim() })}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hint')}</Typography.Paragraph>
      <FiguresEditor value={figures} onChange={setFigures} />
      <Input.TextArea style={{ marginTop: 12 }} rows={2} maxLength={500} showCount placeholder={t('reasonPh')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="st-correct-reason" />
    </Modal>
  );
}
