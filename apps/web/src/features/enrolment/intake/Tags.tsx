/** The intake's state as a tag (待报到 / 已报到 / 未报到, with the reason or the deadline). */
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import { noShowReasonLabels } from '../labels';
import { enrolmentMessages } from '../messages';
import type { IntakeRow } from '../types';

const color = { pending: 'gold', registered: 'green', no_show: 'red' } as const;

export function IntakeStateTag({ row }: { row: Pick<IntakeRow, 'state' | 'noShowReason' | 'noShowByDeadline' | 'noShowNote' | 'registeredOn'> }) {
  const { t, l } = useI18n(enrolmentMessages);
  const tag = (
    <Tag color={color[row.state]} data-testid="en-state" data-state={row.state} style={{ marginInlineEnd: 0 }}>
      {t(`st_${row.state}`)}
      {row.state === 'registered' && row.registeredOn ? ` · ${row.registeredOn.slice(5)}` : ''}
      {row.state === 'no_show' && (row.noShowByDeadline ? ` · ${t('byDeadline')}` : row.noShowReason ? ` · ${l(noShowReasonLabels[row.noShowReason])}` : '')}
    </Tag>
  );
  return row.noShowNote ? <Tooltip title={row.noShowNote}>{tag}</Tooltip> : tag;
}
