/**
 * The visits of a campaign by day: one column per day of the visit window (R9), each visit
 * as a card “school → junior high, start–end”, conflicts and overruns in warm colours.
 */
import { Empty, Flex, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { visitMessages } from '../messages';
import type { Visit } from '../types';
import { daysBetween, weekdayName } from './format';
import { visitStatusColor } from './VisitStatusTag';

const m = defineMessages({
  ...visitMessages,
  legend: ['图例：', 'Legend:'],
  none: ['无安排', 'Nothing'],
  today: ['今天', 'Today'],
});

const border: Record<Visit['status'], string> = {
  requested: '#1677ff',
  proposed: '#faad14',
  approved: '#52c41a',
  refused: '#d9d9d9',
  revoked: '#ff4d4f',
  cancelled: '#d9d9d9',
};

type Props = { visits: readonly Visit[]; from: string; to: string; today?: string; onOpen: (v: Visit) => void; showRefused?: boolean };

export function VisitCalendar({ visits, from, to, today, onOpen, showRefused = false }: Props) {
  const { t, locale } = useI18n(m);
  const shown = visits.filter((v) => showRefused || (v.status !== 'refused' && v.status !== 'cancelled'));
  const dates = shown.map((v) => v.date).sort();
  const first = dates[0] && dates[0] < from ? dates[0] : from;
  const last = dates.at(-1) && dates.at(-1)! > to ? dates.at(-1)! : to;
  const days = daysBetween(first, last);
  const byDay = new Map<string, Visit[]>();
  for (const v of shown) byDay.set(v.date, [...(byDay.get(v.date) ?? []), v]);

  return (
    <div data-testid="visit-calendar">
      <Flex gap={6} wrap style={{ marginBottom: 8, fontSize: 12 }}>
        <Typography.Text type="secondary">{t('legend')}</Typography.Text>
        {(['requested', 'proposed', 'approved', 'revoked'] as const).map((s) => <Tag key={s} color={visitStatusColor[s]}>{t(`st_${s}`)}</Tag>)}
        <Tag color="volcano">{t('conflict')}</Tag>
        <Tag color="magenta">{t('overrun')}</Tag>
      </Flex>
      <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
        <div style={{ display: 'grid', gridTemplateColumns: `repeat(${days.length}, minmax(150px, 1fr))`, gap: 8, minWidth: days.length * 158 }}>
          {days.map((d) => {
            const list = (byDay.get(d) ?? []).sort((a, b) => a.start.localeCompare(b.start) || a.juniorHighName.localeCompare(b.juniorHighName));
            const isToday = d === today;
            return (
              <div key={d} data-testid="calendar-day" data-date={d} style={{ background: isToday ? '#e6f4ff' : '#fafafa', borderRadius: 8, padding: 6, minHeight: 120 }}>
                <Flex justify="space-between" align="baseline" style={{ marginBottom: 6 }}>
                  <Typography.Text strong>{d.slice(5).replace('-', '/')} {weekdayName(d, locale)}</Typography.Text>
                  {isToday ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('today')}</Tag> : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{list.length || ''}</Typography.Text>}
                </Flex>
                {list.length === 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('none')}</Typography.Text>}
                <Flex vertical gap={6}>
                  {list.map((v) => {
                    const conflict = v.conflicts.length > 0 && ['requested', 'proposed', 'approved'].includes(v.status);
                    return (
                      <button
                        key={v.id}
                        type="button"
                        onClick={() => onOpen(v)}
                        data-testid="calendar-visit"
                        data-visit-id={v.id}
                        data-status={v.status}
                        style={{
                          all: 'unset', cursor: 'pointer', display: 'block', background: conflict ? '#fff2e8' : v.overrun ? '#fff0f6' : '#fff',
                          borderLeft: `4px solid ${border[v.status]}`, outline: conflict ? '1px solid #fa541c' : v.overrun ? '1px solid #eb2f96' : '1px solid #f0f0f0',
                          borderRadius: 6, padding: '4px 6px', fontSize: 12, lineHeight: 1.45, textDecoration: v.status === 'revoked' ? 'line-through' : undefined,
                        }}
                      >
                        <div style={{ fontWeight: 600 }}>{v.start}–{v.end} <span style={{ fontWeight: 400, color: '#8c8c8c' }}>{t('minutes', { n: v.minutes })}</span></div>
                        <div>{v.schoolName}</div>
                        <div style={{ color: '#595959' }}>→ {v.juniorHighName}</div>
                        {(conflict || v.overrun || v.status !== 'approved') && (
                          <div style={{ marginTop: 2 }}>
                            {v.status !== 'approved' && <span style={{ color: border[v.status] === '#d9d9d9' ? '#8c8c8c' : border[v.status] }}>{t(`st_${v.status}`)} </span>}
                            {conflict && <span style={{ color: '#fa541c' }}>{t('conflict')} </span>}
                            {v.overrun && <span style={{ color: '#eb2f96' }}>{t('overrun')} {v.actualMinutes}′</span>}
                          </div>
                        )}
                      </button>
                    );
                  })}
                </Flex>
              </div>
            );
          })}
        </div>
      </div>
      {days.length === 0 && <Empty />}
    </div>
  );
}
