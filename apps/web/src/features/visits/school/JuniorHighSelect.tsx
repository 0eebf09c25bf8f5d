/**
 * The junior highs of the campaign's district a visit may go to (R19: the district's junior
 * highs, approved by its bureau). A school does not read the district's directory, but it
 * reads the campaign's graduates table (targets.read), which lists every junior high of it.
 */
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { graduatesResponse } from '@zhizhao/contracts';
import { api } from '../../../lib/api';

type Graduates = (typeof graduatesResponse)['_zod']['output'];

export function useCampaignJuniorHighs(campaignId: number | undefined) {
  return useQuery({
    queryKey: ['campaigns', campaignId, 'junior-highs'],
    queryFn: ({ signal }) => api.get<Graduates>(`/api/campaigns/${campaignId}/graduates`, undefined, signal),
    select: (d) => d.rows.map((r) => ({ id: r.organizationId, code: r.code, name: r.name })),
    enabled: !!campaignId,
    staleTime: 5 * 60_000,
  });
}

export function JuniorHighSelect({ campaignId, value, onChange, id }: { campaignId: number; value?: number; onChange?: (id: number) => void; id?: string }) {
  const q = useCampaignJuniorHighs(campaignId);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={q.isPending}
      status={q.isError ? 'error' : undefined}
      options={(q.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` }))}
      data-testid="visit-junior-high"
    />
  );
}
