/**
 * Which campaign the planned seats and brochures belong to: the caller's district's
 * campaign of the current year by default (a city user picks among districts).
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { useClock } from '../../../lib/clock';
import type { Campaign, CampaignPage } from '../../../lib/types';

export function useVisibleCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'list', 'all'],
    queryFn: ({ signal }) => api.get<CampaignPage>('/api/campaigns', { pageSize: 200 }, signal),
    staleTime: 60_000,
  });
}

/** The default campaign: this year's of the caller's district, else this year's first, else the newest. */
export function useDefaultCampaign(districtId: number | null) {
  const clock = useClock();
  const campaigns = useVisibleCampaigns();
  const year = clock.data ? Number(clock.data.today.slice(0, 4)) : null;
  const list = campaigns.data?.items ?? [];
  const pick: Campaign | null =
    list.find((c) => c.year === year && c.districtId === districtId) ?? list.find((c) => c.year === year) ?? [...list].sort((a, b) => b.year - a.year)[0] ?? null;
  return {
    campaigns: list,
    campaign: pick,
    year,
    isPending: clock.isPending || campaigns.isPending,
    error: clock.error ?? campaigns.error,
    refetch: () => { void clock.refetch(); void campaigns.refetch(); },
  };
}
