/**
 * `/visits` for a vocational school: its visits (table or calendar), the request form, the
 * junior highs' proposals to accept, and the sealed permits to print or show (R9, R10, R19).
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useCan, useSession } from '../../../lib/session';
import { useOrgDetail } from '../../organizations/api';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useAllVisits } from '../api';
import { visitMessages } from '../messages';
import { useVisitCampaign } from '../shared/campaign';
import { slotText } from '../shared/format';
import { VisitActions } from '../shared/VisitActions';
import { VisitCalendar } from '../shared/VisitCalendar';
import { VisitDrawer } from '../shared/VisitDrawer';
import { VisitTable } from '../shared/VisitTable';
import type { Visit } from '../types';
import { RequestVisitDrawer } from './RequestVisitDrawer';

const m = defineMessages({
  ...visitMessages,
  title: ['进校宣传', 'Campus visits'],
  request: ['申请进校宣传', 'Request a visit'],
  rules: ['{kind}学校进校宣传时间 {from} 至 {to}（R9）；每次不超过 {max} 分钟，不得影响正常教学（R10）；须持区教育局盖章的批准文件，只发放已备案的招生简章（R7、R19）。', '{kind} schools visit from {from} to {to} (R9), at most {max} min a visit, never disturbing lessons (R10), holding the district’s sealed permit and handing out only filed brochures (R7, R19).'],
  k_district: ['区属', 'District-run'],
  k_city: ['市属', 'City-run'],
  proposals: ['初中学校建议改期（{n}）', 'Junior highs propose other slots ({n})'],
  proposalLine: ['{jh}：原定 {from}，建议 {to}', '{jh}: asked {from}, proposes {to}'],
  empty: ['本年度还没有进校宣传申请', 'No visit requested this year'],
  table: ['列表', 'Table'],
  calendar: ['日历', 'Calendar'],
});

export function SchoolVisitsPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const c = useVisitCampaign();
  const school = useOrgDetail(me.organization.id);
  const visits = useAllVisits({ campaignId: c.campaign?.id, schoolId: me.organization.id }, !!c.campaign);
  const [view, setView] = useState<'table' | 'calendar'>('table');
  const [requesting, setRequesting] = useState(false);
  const [open, setOpen] = useState<Visit | null>(null);
  const runBy = school.data?.runBy ?? 'district';
  const w = c.campaign ? (runBy === 'district' ? c.campaign.settings.visitWindowDistrictRun : c.campaign.settings.visitWindowCityRun) : null;
  const proposals = (visits.data ?? []).filter((v) => v.status === 'proposed' && v.proposedSlot);

  return (
    <div data-testid="school-visits-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <CampaignSelect campaigns={c.campaigns} value={c.campaign?.id ?? null} onChange={c.pick} />
            {can('visit.request') && c.campaign && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)} data-testid="visit-request-open">{t('request')}</Button>
            )}
          </>
        }
      />
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {c.isPending && <Skeleton active />}
      {!c.isPending && !c.error && !c.campaign && <Alert type="info" showIcon title={t('noCampaign')} />}
      {c.campaign && w && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="visit-rules" title={t('rules', { kind: t(`k_${runBy}`), from: w.from, to: w.to, max: c.maxMinutes })} />
          {proposals.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="visit-proposals"
              title={t('proposals', { n: proposals.length })}
              description={
                <Flex vertical gap={8}>
                  {proposals.map((v) => (
                    <Flex key={v.id} gap={8} align="center" wrap>
                      <span>{t('proposalLine', { jh: v.juniorHighName, from: slotText(v), to: slotText(v.proposedSlot!) })}{v.proposedSlot!.note ? `（${v.proposedSlot!.note}）` : ''}</span>
                      <VisitActions v={v} maxMinutes={c.maxMinutes} compact />
                    </Flex>
                  ))}
                </Flex>
              }
            />
          )}
          <Card size="small" extra={<Segmented value={view} onChange={(x) => setView(x as 'table' | 'calendar')} options={[{ value: 'table', label: t('table') }, { value: 'calendar', label: t('calendar') }]} />}>
            {visits.isError && <ApiErrorAlert error={visits.error} onRetry={() => visits.refetch()} />}
            {view === 'table' ? (
              <VisitTable visits={visits.data} loading={visits.isFetching} empty={t('empty')} onOpen={setOpen} hide={['school']} actions={(v) => <VisitActions v={v} maxMinutes={c.maxMinutes} compact />} />
            ) : (
              <VisitCalendar visits={visits.data ?? []} from={w.from} to={w.to} today={c.today} onOpen={setOpen} showRefused />
            )}
          </Card>
          <RequestVisitDrawer open={requesting} onClose={() => setRequesting(false)} campaign={c.campaign} school={school.data} />
        </>
      )}
      <VisitDrawer id={open?.id ?? null} initial={open} today={c.today} maxMinutes={c.maxMinutes} onClose={() => setOpen(null)} />
    </div>
  );
}
