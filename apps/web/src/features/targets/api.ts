/**
 * The targets API (R1, R2, R12): the campaign of the year, its overview (published,
 * draft, versions), graduates, the draft's split / preview / adjust / publish /
 * discard, comparisons, Excel, and the city's district targets.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Campaign, CampaignPage } from '../../lib/types';
import type {
  AdjustInput,
  AdjustPreview,
  CityTargets,
  CompareResult,
  CreateDraftInput,
  DistrictTargets,
  Graduates,
  TargetsImportResult,
  TargetsOverview,
  TargetVersion,
} from './types';

const key = ['targets'] as const;
const base = (campaignId: number) => `/api/campaigns/${campaignId}`;

/** The campaign of a district for a year (the demo district's 2027 campaign), or null. */
export function useCampaignFor(districtId: number | null, year: number | null) {
  return useQuery({
    queryKey: ['campaigns', 'for', districtId, year],
    queryFn: async ({ signal }) => {
      const page = await api.get<CampaignPage>('/api/campaigns', { districtId, year, pageSize: 1 }, signal);
      return (page.items[0] ?? null) as Campaign | null;
    },
    enabled: year !== null,
  });
}

export function useTargetsOverview(campaignId: number | null) {
  return useQuery({
    queryKey: [...key, campaignId, 'overview'],
    queryFn: ({ signal }) => api.get<TargetsOverview>(`${base(campaignId!)}/targets`, undefined, signal),
    enabled: campaignId !== null,
  });
}

export function useTargetVersion(campaignId: number, number: number | null) {
  return useQuery({
    queryKey: [...key, campaignId, 'version', number],
    queryFn: ({ signal }) => api.get<TargetVersion>(`${base(campaignId)}/targets/versions/${number}`, undefined, signal),
    enabled: number !== null,
  });
}

export function useCompare(campaignId: number, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: [...key, campaignId, 'compare', pair?.from, pair?.to],
    queryFn: ({ signal }) => api.get<CompareResult>(`${base(campaignId)}/targets/compare`, pair!, signal),
    enabled: pair !== null,
  });
}

export function useGraduates(campaignId: number, enabled = true) {
  return useQuery({
    queryKey: [...key, campaignId, 'graduates'],
    queryFn: ({ signal }) => api.get<Graduates>(`${base(campaignId)}/graduates`, undefined, signal),
    enabled,
  });
}

export function useDistrictTargets(campaignId: number | null) {
  return useQuery({
    queryKey: [...key, campaignId, 'district'],
    queryFn: ({ signal }) => api.get<DistrictTargets>(`${base(campaignId!)}/district-targets`, undefined, signal),
    enabled: campaignId !== null,
  });
}

export function useCityTargets(year: number | null) {
  return useQuery({
    queryKey: [...key, 'city', year],
    queryFn: ({ signal }) => api.get<CityTargets>('/api/targets/city', { year }, signal),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}

/** Every targets write changes the overview, versions, graduates and the dashboard's figures. */
function useTargetsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}

export const useSaveGraduates = (campaignId: number) =>
  useTargetsMutation((b: { rows: { organizationId: number; graduates: number }[]; reason?: string }) => api.put<Graduates>(`${base(campaignId)}/graduates`, b));

export const useCreateDraft = (campaignId: number) =>
  useTargetsMutation((b: CreateDraftInput) => api.post<TargetVersion>(`${base(campaignId)}/targets/draft`, b));

export const useAdjust = (campaignId: number) =>
  useTargetsMutation((b: AdjustInput) => api.post<TargetVersion>(`${base(campaignId)}/targets/draft/adjust`, b));

export const usePublish = (campaignId: number) =>
  useTargetsMutation((b: { note: string; acknowledgeTotalDifference?: boolean }) => api.post<TargetVersion>(`${base(campaignId)}/targets/draft/publish`, b));

export const useDiscardDraft = (campaignId: number) => useTargetsMutation(() => api.delete<unknown>(`${base(campaignId)}/targets/draft`));

export const useSetDistrictTargets = () =>
  useTargetsMutation(({ campaignId, ...b }: { campaignId: number; nDistrict: number; nTotal: number; reason: string }) =>
    api.put<DistrictTargets>(`${base(campaignId)}/district-targets`, b),
  );

/** The effect of an adjustment on every school, written nowhere. */
export function usePreviewAdjust(campaignId: number, input: Omit<AdjustInput, 'reason'> | null) {
  return useQuery({
    queryKey: [...key, campaignId, 'preview', input],
    queryFn: () => api.post<AdjustPreview>(`${base(campaignId)}/targets/draft/preview`, input),
    enabled: input !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useImportTargets(campaignId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<TargetsImportResult>(`${base(campaignId)}/targets/import`, form, { dryRun: String(dryRun) });
    },
    onSuccess: (r) => {
      if (!r.dryRun) return Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['dashboard'] })]);
    },
  });
}

export const downloadTemplate = (campaignId: number) => api.download(`${base(campaignId)}/targets/template.xlsx`, 'targets-template.xlsx');
export const downloadExport = (campaignId: number, version?: number) =>
  api.download(`${base(campaignId)}/targets/export.xlsx`, 'annex2-targets.xlsx', { version });
