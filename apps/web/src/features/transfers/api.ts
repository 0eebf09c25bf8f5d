/**
 * The staff side of early transfer (issue 10: R13, R14): the forms (Annex 4) and their seals,
 * the combined lists (汇总名单) and their filing, the curriculum confirmations, exam preparation
 * and results, the register's counts and the seat caps. Every change refreshes everything
 * under the `early-transfer` key (a seal moves the queue, the lists, the counts and the caps).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  CapsBody, CurriculumBody, CurriculumPage, CurriculumResponse, EarlyTransferCaps, EarlyTransferDetail, EarlyTransferPage, EarlyTransferReport,
  ExamPrep, ExamPrepBody, ExamPrepList, ExamResultBody, ListCandidates, TransferListDetail, TransferListPage, TransferListStatus, TransferStatus,
} from './types';

export const etKey = ['early-transfer'] as const;

/** A change: refresh every early-transfer query (and the dashboard's figures). */
function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: etKey }), qc.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}

// ---------------------------------------------------------------- forms (Annex 4)

export type TransferFilters = { campaignId?: number; status?: TransferStatus; juniorHighId?: number; schoolId?: number; q?: string; page: number; pageSize: number };

export function useTransfers(f: TransferFilters, enabled = true) {
  return useQuery({
    queryKey: [...etKey, 'transfers', f],
    queryFn: ({ signal }) => api.get<EarlyTransferPage>('/api/early-transfers', f, signal),
    enabled: enabled && !!f.campaignId,
    placeholderData: keepPreviousData,
  });
}

export function useTransfer(id: number | null) {
  return useQuery({
    queryKey: [...etKey, 'transfer', id],
    queryFn: ({ signal }) => api.get<EarlyTransferDetail>(`/api/early-transfers/${id}`, undefined, signal),
    enabled: !!id && Number.isInteger(id) && id > 0,
  });
}

export const useSealTransfer = () => useChange(({ id, version }: { id: number; version: number }) => api.post<EarlyTransferDetail>(`/api/early-transfers/${id}/seal`, { version }));
export const useRefuseTransfer = () =>
  useChange(({ id, reason, version }: { id: number; reason: string; version?: number }) => api.post<EarlyTransferDetail>(`/api/early-transfers/${id}/refuse`, { reason, version }));
export const useWithdrawTransfer = () =>
  useChange(({ id, reason, version }: { id: number; reason: string; version?: number }) => api.post<EarlyTransferDetail>(`/api/early-transfers/${id}/withdraw`, { reason, version }));
export const useReturnTransfer = () =>
  useChange(({ id, reason, version }: { id: number; reason: string; version?: number }) => api.post<EarlyTransferDetail>(`/api/early-transfers/${id}/return`, { reason, version }));
export const useSaveExamResult = () =>
  useChange(({ id, ...body }: ExamResultBody & { id: number }) => api.put<EarlyTransferDetail>(`/api/early-transfers/${id}/exam-result`, body));

/** The form's PDF (Annex 4 with the seals and its QR), opened by the browser itself. */
export const transferPdfUrl = (id: number) => `/api/early-transfers/${id}/pdf`;

// ---------------------------------------------------------------- combined lists (汇总名单)

export function useTransferLists(f: { campaignId?: number; status?: TransferListStatus; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: [...etKey, 'lists', f],
    queryFn: ({ signal }) => api.get<TransferListPage>('/api/early-transfer-lists', f, signal),
    enabled: enabled && !!f.campaignId,
    placeholderData: keepPreviousData,
  });
}

export function useListCandidates(campaignId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...etKey, 'candidates', campaignId ?? null],
    queryFn: ({ signal }) => api.get<ListCandidates>('/api/early-transfer-lists/candidates', { campaignId }, signal),
    enabled: enabled && !!campaignId,
  });
}

export function useTransferList(id: number | null) {
  return useQuery({
    queryKey: [...etKey, 'list', id],
    queryFn: ({ signal }) => api.get<TransferListDetail>(`/api/early-transfer-lists/${id}`, undefined, signal),
    enabled: !!id && Number.isInteger(id) && id > 0,
  });
}

export const useCreateList = () =>
  useChange((b: { campaignId: number; juniorHighId: number; schoolId: number }) => api.post<TransferListDetail>('/api/early-transfer-lists', b));
export const useSealList = () => useChange((id: number) => api.post<TransferListDetail>(`/api/early-transfer-lists/${id}/seal`, {}));
export const useWithdrawList = () => useChange(({ id, reason }: { id: number; reason: string }) => api.post<TransferListDetail>(`/api/early-transfer-lists/${id}/withdraw`, { reason }));
export const useFileList = () => useChange((id: number) => api.post<TransferListDetail>(`/api/early-transfer-lists/${id}/file`, {}));

export const listPdfUrl = (id: number) => `/api/early-transfer-lists/${id}/pdf`;
export const downloadListExcel = (id: number) => api.download(`/api/early-transfer-lists/${id}/xlsx`, `汇总名单-${id}.xlsx`);

// ---------------------------------------------------------------- the curriculum (R13)

export function useCurriculum(f: { campaignId?: number; className?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...etKey, 'curriculum', f],
    queryFn: ({ signal }) => api.get<CurriculumPage>('/api/curriculum', f, signal),
    enabled: !!f.campaignId,
    placeholderData: keepPreviousData,
  });
}
export const useSetCurriculum = () => useChange((b: CurriculumBody) => api.post<CurriculumResponse>('/api/curriculum', b));

// ---------------------------------------------------------------- exam preparation (R14)

export function useExamPrep(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...etKey, 'prep', campaignId ?? null],
    queryFn: ({ signal }) => api.get<ExamPrepList>('/api/early-transfer-prep', { campaignId }, signal),
    enabled: !!campaignId,
  });
}
export const useSaveExamPrep = () => useChange((b: ExamPrepBody) => api.put<ExamPrep>('/api/early-transfer-prep', b));

// ---------------------------------------------------------------- counts and caps

export function useTransferReport(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...etKey, 'report', campaignId ?? null],
    queryFn: ({ signal }) => api.get<EarlyTransferReport>('/api/early-transfer-report', { campaignId }, signal),
    enabled: !!campaignId,
  });
}

export function useTransferCaps(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...etKey, 'caps', campaignId ?? null],
    queryFn: ({ signal }) => api.get<EarlyTransferCaps>(`/api/campaigns/${campaignId}/early-transfer-caps`, undefined, signal),
    enabled: !!campaignId,
  });
}
export const useSaveCaps = (campaignId: number) => useChange((b: CapsBody) => api.put<EarlyTransferCaps>(`/api/campaigns/${campaignId}/early-transfer-caps`, b));
