/**
 * `/statistics` 送培统计 (issue 12 §4–5, R18; R1, R2, R12), tabs by who is looking:
 *  - a bureau: the completion and every row (filter, Excel), 目标完成情况 (the funnel against the
 *    targets), and for the city bureau its districts side by side;
 *  - a vocational school: its rows, corrections and submission, answers to disputes;
 *  - a junior high: the rows naming it to acknowledge or dispute, and its own funnel row.
 * The tab is in the address (`?tab=`).
 */
import type { ReactNode } from 'react';
import { Card, Empty, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../lib/session';
import type { Campaign } from '../../lib/types';
import { CampaignSelect } from '../publicity/shared/CampaignSelect';
import { useEnrolmentCampaign } from './campaign';
import { enrolmentMessages } from './messages';
import { BureauSending } from './statistics/BureauSending';
import { CityTab } from './statistics/CityTab';
import { FunnelTab } from './statistics/FunnelTab';
import { JuniorHighSending } from './statistics/JuniorHighSending';
import { SchoolSending } from './statistics/SchoolSending';
import type { StatsSide } from './statistics/SendingTable';

const m = defineMessages({
  ...enrolmentMessages,
  title: ['送培统计', 'Sending statistics'],
  hint_bureau: ['各中职学校按生源初中统计录取、提前到中职学习、报到、未报到和待报到人数，10 月上旬提交，初中学校确认（R18）；目标完成情况对照送培目标与职普比（R1、R2、R12）。', 'Each vocational school counts, per source junior high, the admitted, early transfers, registered, no-shows and pending, submits in early October and the junior highs acknowledge (R18); against the targets and the ratio (R1, R2, R12).'],
  hint_school: ['本校新生按生源初中的统计，核对或更正后按时提交，由初中学校确认（R18）。', 'Your intake per source junior high: check or correct, submit on time; the junior highs acknowledge (R18).'],
  hint_juniorHigh: ['各中职学校统计的本校毕业生去向，请核对确认（R18）。', 'Where your graduates went, as each school counts them: check and acknowledge (R18).'],
  tab_sending: ['送培统计', 'Statistics'],
  tab_funnel: ['目标完成情况', 'Against the targets'],
  tab_city: ['各区完成情况', 'Districts'],
});

type TabKey = 'sending' | 'funnel' | 'city';

function sideOf(kind: string): StatsSide {
  if (kind === 'vocational_school') return 'school';
  if (kind === 'junior_high') return 'juniorHigh';
  return 'bureau';
}

export function StatisticsPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const c = useEnrolmentCampaign();
  const side = sideOf(me.organization.kind);
  const campaign = c.campaign;
  return (
    <div data-testid="statistics-page" data-side={side}>
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={campaign?.id ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t(`hint_${side}`)}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {!c.isPending && !campaign && <Empty description={t('noCampaign')} />}
      {!c.isPending && campaign && <StatisticsTabs key={campaign.id} campaign={campaign} side={side} city={me.organization.kind === 'city_bureau'} />}
    </div>
  );
}

function StatisticsTabs({ campaign, side, city }: { campaign: Campaign; side: StatsSide; city: boolean }) {
  const { t } = useI18n(m);
  const [params, setParams] = useSearchParams();
  const id = campaign.id;
  const tabs: { key: TabKey; render: () => ReactNode }[] = [];
  if (side === 'bureau') {
    tabs.push({ key: 'sending', render: () => <BureauSending campaignId={id} /> });
    tabs.push({ key: 'funnel', render: () => <FunnelTab campaignId={id} /> });
    if (city) tabs.push({ key: 'city', render: () => <CityTab year={campaign.year} /> });
  } else if (side === 'school') {
    tabs.push({ key: 'sending', render: () => <SchoolSending campaignId={id} /> });
  } else {
    tabs.push({ key: 'sending', render: () => <JuniorHighSending campaignId={id} /> });
    tabs.push({ key: 'funnel', render: () => <FunnelTab campaignId={id} own /> });
  }
  const asked = params.get('tab') as TabKey | null;
  const active = tabs.find((x) => x.key === asked)?.key ?? tabs[0]!.key;
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams((p) => { p.set('tab', k); return p; }, { replace: true })}
        destroyOnHidden
        items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`st-tab-${x.key}`}>{t(`tab_${x.key}`)}</span>, children: x.render() }))}
      />
    </Card>
  );
}
