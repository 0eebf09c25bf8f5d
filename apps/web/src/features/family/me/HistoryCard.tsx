/** Every change and confirmation of the application: who (学生本人 / 家长 / 初中学校代填), when, what. */
import { useMemo } from 'react';
import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { FamilyError } from '../FamilyError';
import { useApplicationHistory, useProgrammes } from '../api';
import { familyMessages } from '../messages';
import type { HistoryItem } from '../types';

const m = defineMessages({
  ...familyMessages,
  title: ['修改记录', 'History'],
  a_save: ['保存第 {n} 版', 'Saved version {n}'],
  a_confirm: ['确认第 {n} 版', 'Confirmed version {n}'],
  a_resolve_conflict: ['查重处理（第 {n} 版）', 'Duplicate resolved (version {n})'],
  noTrack: ['未选择方向', 'No track'],
  adjust: ['服从调剂', 'Accepts adjustment'],
  noAdjust: ['不服从调剂', 'No adjustment'],
});

export function HistoryCard() {
  const { t } = useI18n(m);
  const history = useApplicationHistory();
  const programmes = useProgrammes();
  const names = useMemo(() => new Map((programmes.data?.items ?? []).map((p) => [p.programmeId, `${p.schoolName} · ${p.majorName}`])), [programmes.data]);
  const what = (h: HistoryItem) => {
    if (h.action === 'confirm') return null;
    const parts = [h.track ? t(`tr_${h.track}`) : t('noTrack')];
    if (h.track === 'vocational') {
      parts.push(h.choices.map((id, i) => `${i + 1}. ${names.get(id) ?? `#${id}`}`).join('；'));
      if (h.acceptAdjustment !== null) parts.push(h.acceptAdjustment ? t('adjust') : t('noAdjust'));
    }
    return <div style={{ fontSize: 13, color: 'rgba(0,0,0,.65)' }}>{parts.filter(Boolean).join(' · ')}</div>;
  };
  const items = [...(history.data?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card size="small" title={t('title')} data-testid="application-history">
      {history.isError && <FamilyError error={history.error} />}
      {history.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {items.length > 0 && (
        <Timeline
          items={items.map((h, i) => ({
            key: `${h.at}-${i}`,
            color: h.by === 'staff' ? 'orange' : h.action === 'confirm' ? 'green' : 'blue',
            content: (
              <div data-testid="history-item" data-by={h.by} data-action={h.action}>
                <Typography.Text strong>{t(`a_${h.action}`, { n: h.version })}</Typography.Text>{' '}
                <Tag color={h.by === 'staff' ? 'orange' : undefined}>{t(`by_${h.by}`)}</Tag>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,.45)' }}>{formatDateTime(h.at)}</div>
                {what(h)}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
