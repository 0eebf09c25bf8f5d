/**
 * The visits API (R9, R10, R19): visits and their steps, protected lesson periods, permits,
 * and reports of unauthorised recruiting. Every step returns the visit and refreshes the
 * lists, the calendar and the permits.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { BrochurePage } from '../publicity/types';
import type { CreateVisit, CreateVisitReport, PermitList, ProtectedPeriods, ProtectedPeriodValue, Visit, VisitPage, VisitReport, VisitReportPage, VisitStatus } from './types';

const key = ['visits'] as const;

export type VisitFilters = { campaignId?: number; schoolId?: number; juniorHighId?: number; status?: VisitStatus; from?: string; to?: string };

export function useVisits(f: VisitFilters & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: [...key, 'list', f],
    queryFn: ({ signal }) => api.get<VisitPage>('/api/visits', f, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every visit matching (the calendar and the queue): page after page of 200. */
export function useAllVisits(f: VisitFilters, enabled = true) {
  return useQuery({
    queryKey: [...key, 'all', f],
    queryFn: async ({ signal }) => {
      const items: Visit[] = [];
      for (let page = 1; ; page++) {
        const p = await api.get<VisitPage>('/api/visits', { ...f, page, pageSize: 200 }, signal);
        items.push(...p.items);
        if (p.items.length === 0 || items.length >= p.total) return items;
      }
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisit(id: number | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<Visit>(`/api/visits/${id}`, undefined, signal),
    enabled: !!id,
  });
}

function useVisitMutation<V>(fn: (v: V) => Promise<Visit>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (v) => {
      if (v && typeof v === 'object' && 'id' in v) qc.setQueryData([...key, 'detail', v.id], v);
      return Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['permits'] }), qc.invalidateQueries({ queryKey: ['dashboard'] })]);
    },
  });
}

const step = (id: number, name: string, body: unknown = {}) => api.post<Visit>(`/api/visits/${id}/${name}`, body);

export const useCreateVisit = () => useVisitMutation((b: CreateVisit) => api.post<Visit>('/api/visits', b));
export const useProposeSlot = () => useVisitMutation(({ id, ...b }: { id: number; date: string; start: string; end: string; note: string }) => step(id, 'propose', b));
export const useAcceptProposal = () => useVisitMutation((id: number) => step(id, 'accept-proposal'));
export const useCancelVisit = () => useVisitMutation((id: number) => step(id, 'cancel'));
export const useApproveVisit = () => useVisitMutation((id: number) => step(id, 'approve'));
export const useRefuseVisit = () => useVisitMutation(({ id, reason }: { id: number; reason: string }) => step(id, 'refuse', { reason }));
export const useRevokePermit = () => useVisitMutation(({ id, reason }: { id: number; reason: string }) => step(id, 'revoke', { reason }));
export const useCheckIn = () => useVisitMutation((id: number) => step(id, 'check-in'));
export const useCheckOut = () => useVisitMutation((id: number) => step(id, 'check-out'));

/** The permit as the school prints it or shows it on a phone. */
export const permitPdfUrl = (id: number) => `/api/visits/${id}/permit.pdf`;

export function usePermits(campaignId: number | undefined) {
  return useQuery({
    queryKey: ['permits', campaignId ?? null],
    queryFn: ({ signal }) => api.get<PermitList>('/api/permits', { campaignId }, signal),
    enabled: !!campaignId,
  });
}

/** R10: a junior high's protected lesson time. */
export function useProtectedPeriods(orgId: number | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['protected-periods', orgId ?? null],
    queryFn: ({ signal }) => api.get<ProtectedPeriods>(`/api/organizations/${orgId}/protected-periods`, undefined, signal),
    enabled: !!orgId && enabled,
    retry: false,
  });
}

export function useSaveProtectedPeriods(orgId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (periods: ProtectedPeriodValue[]) => api.put<ProtectedPeriods>(`/api/organizations/${orgId}/protected-periods`, { periods }),
    onSuccess: (d) => qc.setQueryData(['protected-periods', orgId], d),
  });
}

/** R19: reports of unauthorised recruiting. */
export function useVisitReports(f: { campaignId?: number; status?: VisitReport['status']; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['visit-reports', f],
    queryFn: ({ signal }) => api.get<VisitReportPage>('/api/visit-reports', f, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateVisitReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: CreateVisitReport) => api.post<VisitReport>('/api/visit-reports', b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['visit-reports'] }),
  });
}

export function useAcknowledgeReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<VisitReport>(`/api/visit-reports/${id}/acknowledge`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['visit-reports'] }),
  });
}

/** The school's filed brochures (R7): the one it hands out is named in the request. */
export function useFiledBrochures(organizationId: number, campaignId: number | undefined) {
  return useQuery({
    queryKey: ['brochures', 'list', { organizationId, campaignId, status: 'filed' }],
    queryFn: ({ signal }) => api.get<BrochurePage>('/api/brochures', { organizationId, campaignId, status: 'filed', pageSize: 50 }, signal),
    enabled: !!campaignId,
  });
}
