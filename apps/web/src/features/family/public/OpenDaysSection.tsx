/**
 * 开放日 (R8): the open days vocational schools announce, shown beside the filed brochures —
 * upcoming first (soonest at the top), past ones after; and the way in for social applicants (R5).
 */
import { useState } from 'react';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { useClock } from '../../../lib/clock';
import { FamilyError } from '../FamilyError';
import { useOpenDays } from '../api';
import type { OpenDay } from '../types';

const m = defineMessages({
  title: ['开放日', 'Open days'],
  intro: ['中职学校开放校园，欢迎学生和家长参观了解。', 'Vocational schools open their campuses to students and parents.'],
  none: ['暂无开放日安排', 'No open day announced yet'],
  past: ['已结束', 'Past'],
  today: ['今天', 'Today'],
  more: ['查看全部 {n} 个', 'Show all {n}'],
  less: ['收起', 'Show fewer'],
  social: ['社会人员报名（往届生、退役士兵、务工人员等）', 'Social applicants register here (past graduates, veterans, workers…)'],
});

const SHOWN = 3;

/** Upcoming (today included) soonest first, then past ones, latest first. */
export function sortOpenDays(items: OpenDay[], today: string | undefined): OpenDay[] {
  const key = (d: OpenDay) => `${d.date} ${d.start}`;
  const upcoming = items.filter((d) => !today || d.date >= today).sort((a, b) => key(a).localeCompare(key(b)));
  const past = items.filter((d) => today && d.date < today).sort((a, b) => key(b).localeCompare(key(a)));
  return [...upcoming, ...past];
}

export function OpenDaysSection({ year }: { year: number | undefined }) {
  const { t } = useI18n(m);
  const clock = useClock();
  const days = useOpenDays(year);
  const [all, setAll] = useState(false);
  const today = clock.data?.today;
  const sorted = sortOpenDays(days.data?.items ?? [], today);
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="open-days" title={<><CalendarOutlined /> {t('title')}</>}>
      {days.isError && <FamilyError error={days.error} />}
      {days.isPending && <Typography.Text type="secondary">{t('loading')}</Typography.Text>}
      {days.data && sorted.length === 0 && <Typography.Text type="secondary" data-testid="open-days-none">{t('none')}</Typography.Text>}
      {sorted.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>{t('intro')}</Typography.Paragraph>
          <Flex vertical gap={8} data-testid="open-day-list">
            {shown.map((d) => {
              const past = !!today && d.date < today;
              return (
                <div key={d.id} data-testid="open-day-item" data-date={d.date} style={{ opacity: past ? 0.55 : 1, borderLeft: `3px solid ${past ? '#d9d9d9' : '#1677ff'}`, paddingInlineStart: 8 }}>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text strong>{d.date} {d.start}–{d.end}</Typography.Text>
                    {today === d.date && <Tag color="green">{t('today')}</Tag>}
                    {past && <Tag>{t('past')}</Tag>}
                  </Flex>
                  <div>{d.title}</div>
                  <div style={{ fontSize: 13 }}>{d.schoolName} · {d.campusName}</div>
                  {d.address && <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}><EnvironmentOutlined /> {d.address}</div>}
                  {d.note && <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{d.note}</div>}
                </div>
              );
            })}
          </Flex>
          {sorted.length > SHOWN && (
            <Button type="link" size="small" style={{ padding: 0, marginTop: 4 }} onClick={() => setAll(!all)}>{all ? t('less') : t('more', { n: sorted.length })}</Button>
          )}
        </>
      )}
      <div style={{ marginTop: 10, paddingTop: 8, borderTop: '1px solid #f0f0f0' }}>
        <Link to="/social-register" data-testid="social-register-link"><UserAddOutlined /> {t('social')}</Link>
      </div>
    </Card>
  );
}
