/**
 * After admission's calls (issue 12: R16, R17, R18): the intake (报到, 外流, 新生关爱) with its
 * letter look-up, registration, no-shows, contacts and care; the sending statistics with their
 * submission, acknowledgement and answers; the funnel against the targets. Every change refreshes
 * everything under the `enrolment` key (and the dashboard's figures).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { CareRecord, CityFunnel, ContactBody, ContactRow, Funnel, IntakePage, IntakeRow, IntakeState, NoShowReason, SendingCounts, SendingStatistics } from './types';

export const enrolmentKey = ['enrolment'] as const;

function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: enrolmentKey }), qc.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}

// ---------------------------------------------------------------- the intake

export type IntakeFilters = { campaignId: number; schoolId?: number; juniorHighId?: number; state?: IntakeState | 'open'; careMissing?: 'true' | 'false'; q?: string };

export function useIntake(f: IntakeFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...enrolmentKey, 'intake', f],
    queryFn: ({ signal }) => api.get<IntakePage>('/api/enrolment/intake', f, signal),
    placeholderData: keepPreviousData,
  });
}

export const downloadIntakeXlsx = (f: IntakeFilters) => api.download('/api/enrolment/intake.xlsx', '新生报到.xlsx', f);

/** What a scanned letter names (nothing changes): the clerk confirms before registering. */
export function useLookup() {
  return useMutation({ mutationFn: (letterCode: string) => api.get<IntakeRow>('/api/enrolment/lookup', { letterCode }) });
}

export const useRegister = () => useChange((b: { letterCode: string } | { studentId: number }) => api.post<IntakeRow>('/api/enrolment/register', b));
export const useRegisterMany = () => useChange((studentIds: number[]) => api.post<{ registered: number }>('/api/enrolment/register-many', { studentIds }));
export const useRecordNoShow = () =>
  useChange(({ studentId, reason, note }: { studentId: number; reason: NoShowReason; note: string }) => api.post<IntakeRow>(`/api/enrolment/students/${studentId}/no-show`, { reason, note }));
export const useWithdrawNoShow = () =>
  useChange(({ studentId, reason }: { studentId: number; reason: string }) => api.post<IntakeRow>(`/api/enrolment/students/${studentId}/no-show/withdraw`, { reason }));
export const useSaveCare = () => useChange(({ studentId, care }: { studentId: number; care: CareRecord }) => api.put<IntakeRow>(`/api/enrolment/students/${studentId}/care`, care));

export function useContacts(studentId: number | null) {
  return useQuery({
    queryKey: [...enrolmentKey, 'contacts', studentId],
    queryFn: ({ signal }) => api.get<{ items: ContactRow[] }>(`/api/enrolment/students/${studentId}/contacts`, undefined, signal),
    enabled: !!studentId,
  });
}
export const useAddContact = () =>
  useChange(({ studentId, body }: { studentId: number; body: ContactBody }) => api.post<{ items: ContactRow[] }>(`/api/enrolment/students/${studentId}/contacts`, body));

// ---------------------------------------------------------------- 送培统计 (R18)

export type StatisticsFilters = { campaignId: number; schoolId?: number; juniorHighId?: number };

export function useSending(f: StatisticsFilters) {
  return useQuery({
    queryKey: [...enrolmentKey, 'sending', f],
    queryFn: ({ signal }) => api.get<SendingStatistics>('/api/statistics/sending', f, signal),
    placeholderData: keepPreviousData,
  });
}
export const downloadSendingXlsx = (f: StatisticsFilters) => api.download('/api/statistics/sending.xlsx', '送培统计.xlsx', f);

export type Correction = SendingCounts & { juniorHighId: number; reason: string };
export const useSubmitStatistics = () =>
  useChange((b: { campaignId: number; corrections: Correction[] }) => api.post<SendingStatistics>('/api/statistics/sending/submit', b));
export const useAckStatistics = () =>
  useChange((b: { campaignId: number; schoolId: number; decision: 'acknowledged' | 'disputed'; note: string }) => api.post<SendingStatistics>('/api/statistics/sending/ack', b));
export const useAnswerDispute = () =>
  useChange((b: { campaignId: number; juniorHighId: number; answer: string; correction?: SendingCounts }) => api.post<SendingStatistics>('/api/statistics/sending/answer', b));

// ---------------------------------------------------------------- against the targets

export function useFunnel(campaignId: number, enabled = true) {
  return useQuery({
    queryKey: [...enrolmentKey, 'funnel', campaignId],
    queryFn: ({ signal }) => api.get<Funnel>('/api/statistics/funnel', { campaignId }, signal),
    enabled,
  });
}
export const downloadFunnelXlsx = (campaignId: number) => api.download('/api/statistics/funnel.xlsx', '目标完成情况.xlsx', { campaignId });

export function useCityFunnel(year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...enrolmentKey, 'city', year ?? null],
    queryFn: ({ signal }) => api.get<CityFunnel>('/api/statistics/city', { year }, signal),
    enabled,
  });
}
