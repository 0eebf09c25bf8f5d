/** R4: the provincial list of schools qualified to enroll, per year (entered or imported by the city bureau). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ExcelImportResult, QualificationList } from '../types';

const key = ['qualifications'] as const;

export function useQualifications(year: number | null) {
  return useQuery({
    queryKey: [...key, year],
    queryFn: ({ signal }) => api.get<QualificationList>('/api/qualifications', { year }, signal),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}

export function useSetQualification(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ organizationId, ...b }: { organizationId: number; qualified: boolean; note: string }) => api.put<unknown>(`/api/organizations/${organizationId}/qualifications/${year}`, b),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['organizations'] })]),
  });
}

export const importQualifications = (year: number) => (file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<ExcelImportResult>('/api/qualifications/import', form, { year, dryRun: String(dryRun) });
};

export const qualificationsKey = key;
/** The list of a year as Excel; it doubles as the import template. */
export const downloadQualifications = (year: number) => api.download('/api/qualifications/export.xlsx', `qualifications-${year}.xlsx`, { year });
