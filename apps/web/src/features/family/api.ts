/**
 * The family's own application (`/api/me/...`, student or guardian signed in) and the public
 * pages' calls (social registration, open campaigns, open days). Every change refreshes the
 * application, its history and the family's own facts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  ApplicationHistory,
  ApplicationView,
  FamilyMe,
  OpenCampaign,
  OpenDayList,
  PressureReportBody,
  ProgrammeList,
  SaveApplication,
  SocialReceipt,
  SocialRegistrationBody,
} from './types';

const key = ['family'] as const;

export function useFamilyMe() {
  return useQuery({ queryKey: [...key, 'me'], queryFn: ({ signal }) => api.get<FamilyMe>('/api/me/student', undefined, signal) });
}

export function useApplication() {
  return useQuery({ queryKey: [...key, 'application'], queryFn: ({ signal }) => api.get<ApplicationView>('/api/me/application', undefined, signal) });
}

export function useProgrammes(enabled = true) {
  return useQuery({
    queryKey: [...key, 'programmes'],
    queryFn: ({ signal }) => api.get<ProgrammeList>('/api/me/application/programmes', undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useApplicationHistory() {
  return useQuery({ queryKey: [...key, 'history'], queryFn: ({ signal }) => api.get<ApplicationHistory>('/api/me/application/history', undefined, signal) });
}

function useApplicationMutation<V>(fn: (v: V) => Promise<ApplicationView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      if (view && typeof view === 'object' && 'version' in view) qc.setQueryData([...key, 'application'], view);
      return qc.invalidateQueries({ queryKey: key });
    },
  });
}

export const useSaveApplication = () => useApplicationMutation((body: SaveApplication) => api.put<ApplicationView>('/api/me/application', body));
export const useConfirmApplication = () => useApplicationMutation((version: number) => api.post<ApplicationView>('/api/me/application/confirm', { version }));

export function usePressureReport() {
  return useMutation({ mutationFn: (body: PressureReportBody) => api.post<unknown>('/api/me/pressure-report', body) });
}

/** The 志愿表 PDF (with its signed QR), opened by the browser itself (a phone shows it inline). */
export const applicationPdfUrl = '/api/me/application/pdf';

// ---------------------------------------------------------------- public (no sign-in)

export function useOpenCampaigns() {
  return useQuery({ queryKey: ['public', 'campaigns-open'], queryFn: ({ signal }) => api.get<{ items: OpenCampaign[] }>('/api/public/campaigns/open', undefined, signal) });
}

export function useSocialRegistration() {
  return useMutation({ mutationFn: (body: SocialRegistrationBody) => api.post<SocialReceipt>('/api/public/social-registrations', body) });
}

export function useOpenDays(year: number | undefined) {
  return useQuery({
    queryKey: ['public', 'open-days', year ?? null],
    queryFn: ({ signal }) => api.get<OpenDayList>('/api/public/open-days', { year }, signal),
  });
}
