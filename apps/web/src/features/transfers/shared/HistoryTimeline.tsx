/** Every step of a form (R13, R14: nothing deleted, every step audited): who, for which party, when, why. */
import { Empty, Tag, Timeline, Typography } from 'antd';
import { transferStatusLabels, type TransferStatus } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { transferMessages } from '../messages';
import type { HistoryEntry } from '../types';

const m = defineMessages({
  ...transferMessages,
  a_request: ['提出申请', 'Requested'],
  a_confirm: ['确认申请', 'Confirmed'],
  a_change: ['更换专业', 'Changed the programme'],
  a_seal: ['盖章', 'Sealed'],
  a_refuse: ['不同意', 'Refused'],
  a_withdraw: ['撤回', 'Withdrawn'],
  a_list: ['列入汇总名单', 'Put on a combined list'],
  a_unlist: ['退出汇总名单', 'Taken off a list'],
  a_file: ['区教育局备案', 'Filed by the district'],
  a_return: ['退回初中学校', 'Returned to the junior high'],
  a_examResult: ['录入考试结果', 'Exam results entered'],
  a_exam_result: ['录入考试结果', 'Exam results entered'],
  a_voidSeals: ['印章作废', 'Seals voided'],
  a_void_seals: ['印章作废', 'Seals voided'],
  versionN: ['第 {n} 版', 'version {n}'],
  noHistory: ['暂无记录', 'No history yet'],
});

const colors: Record<string, string> = { seal: 'green', file: 'green', confirm: 'blue', request: 'blue', refuse: 'red', withdraw: 'red', return: 'red', change: 'orange' };
/** Actions may come as `early_transfer.seal` or `seal`: the last segment names the step. */
const stepOf = (action: string) => action.split('.').pop() ?? action;

export function HistoryTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t, l } = useI18n(m);
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} />;
  const items = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="et-history"
      items={items.map((h, i) => {
        const s = stepOf(h.action);
        const k = `a_${s}` as keyof typeof m;
        const party = h.party && `party_${h.party}` in m ? t(`party_${h.party}` as keyof typeof m) : h.party;
        const status = h.status && h.status in transferStatusLabels ? l(transferStatusLabels[h.status as TransferStatus]) : h.status;
        return {
          key: `${h.at}-${i}`,
          color: colors[s] ?? 'gray',
          content: (
            <div data-testid="et-history-item" data-action={s}>
              <Typography.Text strong>{k in m ? t(k) : h.action}</Typography.Text>
              {party && <Tag style={{ marginInlineStart: 6 }}>{party}</Tag>}
              {h.version !== null && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('versionN', { n: h.version })}</Typography.Text>}
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{[formatDateTime(h.at), h.by].filter(Boolean).join(' · ')}</div>
              {status && <div style={{ fontSize: 12 }}>→ {status}</div>}
              {h.reason && <div style={{ whiteSpace: 'pre-wrap', marginTop: 2 }}>{t('reason')}：{h.reason}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
