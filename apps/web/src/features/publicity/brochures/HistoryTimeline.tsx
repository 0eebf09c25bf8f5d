/** Every step of a brochure, audited (R7): who did what, when, and what they said. */
import { Timeline, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import type { BrochureEvent } from '../types';

const m = defineMessages({
  a_create: ['新建', 'Created'],
  a_created: ['新建', 'Created'],
  a_edit: ['修改正文', 'Edited'],
  a_edited: ['修改正文', 'Edited'],
  a_update: ['修改', 'Edited'],
  a_refresh_facts: ['从档案刷新必备事项', 'Facts refreshed from the records'],
  a_refreshFacts: ['从档案刷新必备事项', 'Facts refreshed from the records'],
  a_submit: ['提交审查', 'Submitted for review'],
  a_submitted: ['提交审查', 'Submitted for review'],
  a_return: ['退回修改', 'Returned'],
  a_returned: ['退回修改', 'Returned'],
  a_approve: ['审查通过', 'Approved'],
  a_approved: ['审查通过', 'Approved'],
  a_file: ['备案发布', 'Filed'],
  a_filed: ['备案发布', 'Filed'],
  a_withdraw: ['撤销备案', 'Withdrawn'],
  a_withdrawn: ['撤销备案', 'Withdrawn'],
  a_revise: ['修订为新版本', 'Revised as a new version'],
  a_revised: ['修订为新版本', 'Revised as a new version'],
  a_supersede: ['被新版本替代', 'Superseded'],
  a_superseded: ['被新版本替代', 'Superseded'],
  empty: ['暂无记录', 'No history yet'],
});

const colors: Record<string, string> = { return: 'red', returned: 'red', withdraw: 'red', withdrawn: 'red', approve: 'green', approved: 'green', file: 'green', filed: 'green', submit: 'blue', submitted: 'blue' };

/** Event actions may be `brochure.submit` or `submit`: the last segment names the step. */
const stepOf = (action: string) => action.split('.').pop() ?? action;

export function HistoryTimeline({ events }: { events: readonly BrochureEvent[] }) {
  const { t } = useI18n(m);
  if (events.length === 0) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="brochure-history"
      items={events.map((e, i) => {
        const s = stepOf(e.action);
        const k = `a_${s}` as keyof typeof m;
        return {
          key: i,
          color: colors[s] ?? 'gray',
          title: formatDateTime(e.at),
          content: (
            <div data-testid="history-item" data-action={s}>
              <Typography.Text strong>{k in m ? t(k) : e.action}</Typography.Text>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{[e.organization, e.by].filter(Boolean).join(' · ')}</div>
              {e.comment && <div style={{ whiteSpace: 'pre-wrap', marginTop: 2 }}>{e.comment}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
