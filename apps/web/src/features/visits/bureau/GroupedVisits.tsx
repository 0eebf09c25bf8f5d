/** The visits table, whole or grouped (by junior high, by school, by day), each group with its count and flags. */
import { Collapse, Flex, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { visitMessages } from '../messages';
import { weekdayName } from '../shared/format';
import { VisitTable } from '../shared/VisitTable';
import type { Visit } from '../types';

export type GroupBy = 'none' | 'juniorHigh' | 'school' | 'day';

const m = defineMessages({ ...visitMessages, empty: ['没有符合条件的进校安排', 'No visit matches'], count: ['{n} 个', '{n}'] });

const keyOf: Record<Exclude<GroupBy, 'none'>, (v: Visit) => string> = {
  juniorHigh: (v) => v.juniorHighName,
  school: (v) => v.schoolName,
  day: (v) => v.date,
};

const bySlot = (a: Visit, b: Visit) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start);

export function GroupedVisits({ visits, groupBy, onOpen, hideJuniorHigh }: { visits: readonly Visit[]; groupBy: GroupBy; onOpen: (v: Visit) => void; hideJuniorHigh?: boolean }) {
  const { t, locale } = useI18n(m);
  const sorted = [...visits].sort(bySlot);
  const hide: ('school' | 'juniorHigh')[] = hideJuniorHigh ? ['juniorHigh'] : [];
  if (groupBy === 'none' || visits.length === 0) return <VisitTable visits={sorted} empty={t('empty')} onOpen={onOpen} hide={hide} />;
  const groups = new Map<string, Visit[]>();
  for (const v of sorted) groups.set(keyOf[groupBy](v), [...(groups.get(keyOf[groupBy](v)) ?? []), v]);
  const keys = [...groups.keys()].sort();
  return (
    <Collapse
      data-testid="visit-groups"
      defaultActiveKey={keys.slice(0, 3)}
      items={keys.map((k) => {
        const list = groups.get(k)!;
        const conflicts = list.filter((v) => v.conflicts.length > 0 && ['requested', 'proposed', 'approved'].includes(v.status)).length;
        const overruns = list.filter((v) => v.overrun).length;
        return {
          key: k,
          label: (
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{groupBy === 'day' ? `${k} ${weekdayName(k, locale)}` : k}</Typography.Text>
              <Tag>{t('count', { n: list.length })}</Tag>
              {conflicts > 0 && <Tag color="volcano">{t('conflict')} {conflicts}</Tag>}
              {overruns > 0 && <Tag color="magenta">{t('overrun')} {overruns}</Tag>}
            </Flex>
          ),
          children: <VisitTable visits={list} empty={t('empty')} onOpen={onOpen} hide={[...hide, ...(groupBy === 'juniorHigh' ? ['juniorHigh' as const] : groupBy === 'school' ? ['school' as const] : [])]} pagination={false} />,
        };
      })}
    />
  );
}
