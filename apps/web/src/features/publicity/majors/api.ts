/** Majors (专业) per school and campus, and the planned seats (招生计划) of a campaign, with Excel. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { OrganizationDetail } from '../../../lib/types';
import type { ExcelImportResult, FeeItem, Major, MajorCategory, MajorPage, PlannedSeats } from '../types';

const key = ['majors'] as const;
const seatsKey = ['planned-seats'] as const;

export type MajorFilters = { organizationId?: number; q?: string; category?: MajorCategory; page: number; pageSize: number };
export type MajorInput = {
  organizationId: number; campusId: number; code: string; name: string; category: MajorCategory;
  lengthYears: number; internship: string; fees: FeeItem[]; aidPolicy: string;
};

export function useMajors(f: MajorFilters) {
  return useQuery({ queryKey: [...key, 'list', f], queryFn: ({ signal }) => api.get<MajorPage>('/api/majors', f, signal), placeholderData: keepPreviousData });
}

/** A school's campuses (for the campus of a major). */
export function useSchool(id: number | null) {
  return useQuery({
    queryKey: ['organizations', 'detail', id],
    queryFn: ({ signal }) => api.get<OrganizationDetail>(`/api/organizations/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

function useMajorMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: seatsKey })]) });
}

export const useCreateMajor = () => useMajorMutation((b: MajorInput) => api.post<Major>('/api/majors', b));
export const useUpdateMajor = () =>
  useMajorMutation(({ id, ...b }: Partial<Omit<MajorInput, 'organizationId'>> & { id: number; active?: boolean }) => api.patch<Major>(`/api/majors/${id}`, b));

export function usePlannedSeats(campaignId: number | null) {
  return useQuery({
    queryKey: [...seatsKey, campaignId],
    queryFn: ({ signal }) => api.get<PlannedSeats>(`/api/campaigns/${campaignId}/planned-seats`, undefined, signal),
    enabled: campaignId !== null,
  });
}

export function useSavePlannedSeats(campaignId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rows: { majorId: number; seats: number }[]) => api.put<PlannedSeats>(`/api/campaigns/${campaignId}/planned-seats`, { rows }),
    onSuccess: (d) => { qc.setQueryData([...seatsKey, campaignId], d); return qc.invalidateQueries({ queryKey: seatsKey }); },
  });
}

const upload = (path: string, file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<ExcelImportResult>(path, form, { dryRun: String(dryRun) });
};
export const importMajors = (file: File, dryRun: boolean) => upload('/api/majors/import', file, dryRun);
export const importPlannedSeats = (campaignId: number) => (file: File, dryRun: boolean) => upload(`/api/campaigns/${campaignId}/planned-seats/import`, file, dryRun);
/** The export doubles as the import template (the server's choice). */
export const downloadMajorsTemplate = () => api.download('/api/majors/export.xlsx', 'majors.xlsx');
export const downloadMajorsExport = (f: Omit<MajorFilters, 'page' | 'pageSize'>) => api.download('/api/majors/export.xlsx', 'majors.xlsx', f);
export const downloadPlannedSeats = (campaignId: number) => api.download(`/api/campaigns/${campaignId}/planned-seats/export.xlsx`, 'planned-seats.xlsx');
export const invalidateMajors = (qc: ReturnType<typeof useQueryClient>) => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: seatsKey })]);
