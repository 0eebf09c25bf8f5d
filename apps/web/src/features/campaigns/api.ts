import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Campaign, CampaignPage, CampaignSettingsValue } from '../../lib/types';

const key = ['campaigns'] as const;

export function useCampaigns() {
  return useQuery({ queryKey: [...key, 'list'], queryFn: ({ signal }) => api.get<CampaignPage>('/api/campaigns', { pageSize: 200 }, signal) });
}

export function useCampaignDefaults(year: number | null) {
  return useQuery({
    queryKey: [...key, 'defaults', year],
    queryFn: ({ signal }) => api.get<CampaignSettingsValue>('/api/campaigns/defaults', { year }, signal),
    enabled: year !== null && year >= 2000 && year <= 2100,
    staleTime: Infinity,
  });
}

function useCampaignMutation<V>(fn: (v: V) => Promise<Campaign>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}

export const useCreateCampaign = () =>
  useCampaignMutation((b: { districtId: number; year: number; name?: string }) => api.post<Campaign>('/api/campaigns', b));

export const useUpdateCampaign = () =>
  useCampaignMutation(({ id, ...b }: { id: number; name?: string; settings?: Partial<CampaignSettingsValue>; reason: string }) =>
    api.patch<Campaign>(`/api/campaigns/${id}`, b),
  );
