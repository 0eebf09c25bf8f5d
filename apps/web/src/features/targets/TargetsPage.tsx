/**
 * `/targets`: one route, the view the organisation is entitled to — a district
 * bureau works on its split, a junior high sees its own target, a vocational school
 * the district's published table. City roles have their own page (`/targets/city`).
 */
import { useState, type ReactNode } from 'react';
import { Button, Card, Empty, Select, Skeleton, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useClock } from '../../lib/clock';
import { useCan, useSession } from '../../lib/session';
import type { CampaignPage } from '../../lib/types';
import { useTargetsOverview } from './api';
import { DistrictTargetsView } from './DistrictTargetsView';
import { targetsMessages } from './messages';
import { OwnTargetView } from './OwnTargetView';

const m = defineMessages({
  ...targetsMessages,
  subtitle: ['{district} · {year} 年度 · 送培总目标 {nTotal} · 区属学校招生目标 {nDistrict}', '{district} · {year} · N_total {nTotal} · N_district {nDistrict}'],
  ownSubtitle: ['{district} · {year} 年度', '{district} · {year}'],
  yearLabel: ['{year} 年度', '{year}'],
});

export function TargetsPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const clock = useClock();
  const kind = me.organization.kind;
  const districtId = me.organization.districtId;
  const thisYear = clock.data ? Number(clock.data.today.slice(0, 4)) : null;
  const [picked, setPicked] = useState<number | null>(null);
  // The district's campaigns, newest first: this year's by default, another on request.
  const campaigns = useQuery({
    queryKey: ['campaigns', 'district', districtId],
    queryFn: ({ signal }) => api.get<CampaignPage>('/api/campaigns', { districtId, pageSize: 50 }, signal),
    enabled: kind !== 'city_bureau',
  });
  const list = campaigns.data?.items ?? [];
  const year = picked ?? thisYear;
  const campaign = list.find((c) => c.year === year) ?? null;
  const overview = useTargetsOverview(campaign?.id ?? null);

  if (kind === 'city_bureau') return <Navigate to="/targets/city" replace />;

  const yearPicker = list.length > 1 && (
    <Select value={year ?? undefined} onChange={setPicked} style={{ width: 120 }} data-testid="targets-year" options={list.map((c) => ({ value: c.year, label: t('yearLabel', { year: c.year }) }))} />
  );
  const o = overview.data;
  const subtitle = o && (
    <Typography.Text type="secondary" data-testid="targets-subtitle">
      {kind === 'district_bureau'
        ? t('subtitle', { district: o.districtName, year: o.year, nTotal: o.nTotal, nDistrict: o.nDistrict })
        : t('ownSubtitle', { district: o.districtName, year: o.year })}
    </Typography.Text>
  );
  const header = (actions?: ReactNode) => <PageHeader title={t('title')} extra={(yearPicker || actions) && <>{yearPicker}{actions}</>}>{subtitle}</PageHeader>;
  const error = clock.error ?? campaigns.error ?? overview.error;
  const retry = () => { void clock.refetch(); void campaigns.refetch(); void overview.refetch(); };

  let body: ReactNode;
  if (error) body = <ApiErrorAlert error={error} onRetry={retry} />;
  else if (clock.isPending || campaigns.isPending || (campaign && overview.isPending)) body = <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  else if (!campaign || !o)
    body = (
      <Card>
        <Empty description={t('noCampaign', { year: year ?? '' })} data-testid="targets-no-campaign">
          {can('campaign.write') && kind === 'district_bureau' && <Link to="/campaigns"><Button type="primary">{t('goCampaigns')}</Button></Link>}
        </Empty>
      </Card>
    );
  else if (kind === 'junior_high') body = <OwnTargetView overview={o} />;
  else return <div data-testid="targets-page"><DistrictTargetsView campaignId={campaign.id} overview={o} readOnly={kind !== 'district_bureau'} header={header} /></div>;

  return <div data-testid="targets-page">{header()}{body}</div>;
}
