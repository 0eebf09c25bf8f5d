/**
 * The brochure workflow (R6, R7): lists and queues, one brochure's detail (with the
 * actions the caller may take), and each step — edit, submit, return, approve, file,
 * withdraw, revise.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { BrochureDetail, BrochurePage, BrochureSection, BrochureStatus } from '../types';

const key = ['brochures'] as const;

export type BrochureFilters = { campaignId?: number; status?: BrochureStatus; organizationId?: number; queue?: 'review' | 'filing'; page: number; pageSize: number };

export function useBrochureList(f: BrochureFilters, enabled = true) {
  return useQuery({
    queryKey: [...key, 'list', f],
    queryFn: ({ signal }) => api.get<BrochurePage>('/api/brochures', f, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBrochure(id: number) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<BrochureDetail>(`/api/brochures/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Every step changes lists, queues, the detail and the public list. */
function useBrochureMutation<V>(fn: (v: V) => Promise<BrochureDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData([...key, 'detail', d.id], d);
      return Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['public'] }), qc.invalidateQueries({ queryKey: ['dashboard'] })]);
    },
  });
}

const step = (id: number, name: string, body: unknown = {}) => api.post<BrochureDetail>(`/api/brochures/${id}/${name}`, body);

export const useCreateBrochure = () => useBrochureMutation((b: { campaignId: number; organizationId: number }) => api.post<BrochureDetail>('/api/brochures', b));
export const useUpdateBrochure = (id: number) =>
  useBrochureMutation((b: { sections?: BrochureSection[]; refreshFacts?: boolean }) => api.patch<BrochureDetail>(`/api/brochures/${id}`, b));
export const useSubmitBrochure = (id: number) => useBrochureMutation(() => step(id, 'submit', { confirmFacts: true }));
export const useReturnBrochure = (id: number) =>
  useBrochureMutation((b: { summary: string; comments: { sectionKey: string; comment: string }[] }) => step(id, 'return', b));
export const useApproveBrochure = (id: number) => useBrochureMutation((b: { comment: string }) => step(id, 'approve', b));
export const useFileBrochure = (id: number) => useBrochureMutation(() => step(id, 'file'));
export const useWithdrawBrochure = (id: number) => useBrochureMutation((b: { reason: string }) => step(id, 'withdraw', b));
export const useReviseBrochure = (id: number) => useBrochureMutation(() => step(id, 'revise'));
