/**
 * `/visits/calendar`: every visit of the campaign the caller may see (R9, R10) — the district
 * bureau all of its district's, a junior high its own — as a calendar by day or as a table
 * grouped by junior high, by school or by day, with conflicts and overruns highlighted.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Segmented, Select, Skeleton } from 'antd';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useCan, useSession } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useAllVisits } from '../api';
import { visitMessages } from '../messages';
import { useVisitCampaign } from '../shared/campaign';
import { VisitCalendar } from '../shared/VisitCalendar';
import { VisitDrawer } from '../shared/VisitDrawer';
import { visitStatusList } from '../shared/VisitStatusTag';
import type { Visit, VisitStatus } from '../types';
import { GroupedVisits, type GroupBy } from './GroupedVisits';

const m = defineMessages({
  ...visitMessages,
  title: ['进校日历', 'Visit calendar'],
  calendar: ['日历', 'Calendar'],
  table: ['表格', 'Table'],
  by_none: ['不分组', 'No grouping'],
  by_juniorHigh: ['按初中', 'By junior high'],
  by_school: ['按学校', 'By school'],
  by_day: ['按日期', 'By day'],
  flaggedOnly: ['只看冲突和超时', 'Conflicts and overruns only'],
  summary: ['共 {n} 个安排，其中已批准 {a} 个、待审批 {r} 个；时间冲突 {c} 个，超时 {o} 个', '{n} visits: {a} approved, {r} waiting; {c} in conflict, {o} overran'],
  queue: ['去审批', 'Open the approval queue'],
  periods: ['教学保护时段', 'Protected lesson time'],
});

const isFlagged = (v: Visit) => v.overrun || (v.conflicts.length > 0 && ['requested', 'proposed', 'approved'].includes(v.status));

export function CalendarPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const c = useVisitCampaign();
  const all = useAllVisits({ campaignId: c.campaign?.id }, !!c.campaign);
  const [view, setView] = useState<'calendar' | 'table'>('calendar');
  const [groupBy, setGroupBy] = useState<GroupBy>('juniorHigh');
  const [f, setF] = useState<{ juniorHigh?: string; school?: string; day?: string; status?: VisitStatus; flagged?: boolean }>({});
  const [open, setOpen] = useState<Visit | null>(null);
  const isJuniorHigh = me.organization.kind === 'junior_high';

  const visits = useMemo(
    () =>
      (all.data ?? []).filter(
        (v) => (!f.juniorHigh || v.juniorHighName === f.juniorHigh) && (!f.school || v.schoolName === f.school) && (!f.day || v.date === f.day) && (!f.status || v.status === f.status) && (!f.flagged || isFlagged(v)),
      ),
    [all.data, f],
  );
  const names = (pick: (v: Visit) => string) => [...new Set((all.data ?? []).map(pick))].sort().map((x) => ({ value: x, label: x }));
  const counts = { n: visits.length, a: visits.filter((v) => v.status === 'approved').length, r: visits.filter((v) => v.status === 'requested').length, c: visits.filter((v) => v.conflicts.length > 0 && ['requested', 'proposed', 'approved'].includes(v.status)).length, o: visits.filter((v) => v.overrun).length };

  return (
    <div data-testid="visit-calendar-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <CampaignSelect campaigns={c.campaigns} value={c.campaign?.id ?? null} onChange={c.pick} />
            {can('visit.approve') && <Link to="/visits/approvals"><Button>{t('queue')}</Button></Link>}
            {can('visit.gate') && <Link to="/visits/protected-periods"><Button>{t('periods')}</Button></Link>}
          </>
        }
      />
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {c.isPending && <Skeleton active />}
      {!c.isPending && !c.error && !c.campaign && <Alert type="info" showIcon title={t('noCampaign')} />}
      {c.campaign && c.span && (
        <Card size="small">
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Segmented value={view} onChange={(x) => setView(x as 'calendar' | 'table')} options={[{ value: 'calendar', label: t('calendar') }, { value: 'table', label: t('table') }]} data-testid="calendar-view" />
            {view === 'table' && (
              <Select<GroupBy> value={groupBy} onChange={setGroupBy} style={{ width: 130 }} data-testid="calendar-group"
                options={(['none', 'juniorHigh', 'school', 'day'] as const).filter((g) => !(isJuniorHigh && g === 'juniorHigh')).map((g) => ({ value: g, label: t(`by_${g}`) }))} />
            )}
            {!isJuniorHigh && <Select allowClear showSearch placeholder={t('juniorHigh')} style={{ width: 180 }} value={f.juniorHigh} onChange={(juniorHigh) => setF((x) => ({ ...x, juniorHigh }))} options={names((v) => v.juniorHighName)} data-testid="filter-junior-high" />}
            <Select allowClear showSearch placeholder={t('school')} style={{ width: 200 }} value={f.school} onChange={(school) => setF((x) => ({ ...x, school }))} options={names((v) => v.schoolName)} data-testid="filter-school" />
            <Select allowClear placeholder={t('date')} style={{ width: 130 }} value={f.day} onChange={(day) => setF((x) => ({ ...x, day }))} options={names((v) => v.date)} data-testid="filter-day" />
            <Select<VisitStatus> allowClear placeholder={t('status')} style={{ width: 150 }} value={f.status} onChange={(status) => setF((x) => ({ ...x, status }))} options={visitStatusList.map((s) => ({ value: s, label: t(`st_${s}`) }))} />
            <Checkbox checked={!!f.flagged} onChange={(e) => setF((x) => ({ ...x, flagged: e.target.checked }))} data-testid="filter-flagged">{t('flaggedOnly')}</Checkbox>
          </Flex>
          {all.isError && <ApiErrorAlert error={all.error} onRetry={() => all.refetch()} />}
          {all.isPending ? (
            <Skeleton active />
          ) : (
            <>
              <Alert type={counts.c || counts.o ? 'warning' : 'info'} style={{ marginBottom: 12 }} title={t('summary', counts)} data-testid="calendar-summary" />
              {view === 'calendar' ? (
                <VisitCalendar visits={visits} from={c.span.from} to={c.span.to} today={c.today} onOpen={setOpen} />
              ) : (
                <GroupedVisits visits={visits} groupBy={groupBy} onOpen={setOpen} hideJuniorHigh={isJuniorHigh} />
              )}
            </>
          )}
        </Card>
      )}
      <VisitDrawer id={open?.id ?? null} initial={open} today={c.today} maxMinutes={c.maxMinutes} onClose={() => setOpen(null)} />
    </div>
  );
}
