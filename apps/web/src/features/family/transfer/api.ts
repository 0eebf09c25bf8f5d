/**
 * The family's own early transfer (`/api/me/early-transfer`, student or guardian signed in;
 * R13): where it stands, the programmes with seats, the request, the other member's
 * confirmation, a change of programme (voids the seals), a withdrawal, the Annex 4 PDF.
 * Every change refreshes the family's queries.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { EarlyTransferDetail, MyEarlyTransfer } from '../../transfers/types';

export const myTransferKey = ['family', 'early-transfer'] as const;

export function useMyEarlyTransfer() {
  return useQuery({ queryKey: myTransferKey, queryFn: ({ signal }) => api.get<MyEarlyTransfer>('/api/me/early-transfer', undefined, signal) });
}

function useChange<V>(fn: (v: V) => Promise<EarlyTransferDetail>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['family'] }) });
}

export const useRequestEarlyTransfer = () => useChange((programmeId: number) => api.post<EarlyTransferDetail>('/api/me/early-transfer', { programmeId }));
export const useChangeEarlyTransfer = () => useChange((b: { programmeId: number; version: number }) => api.put<EarlyTransferDetail>('/api/me/early-transfer', b));
export const useConfirmEarlyTransfer = () => useChange((version: number) => api.post<EarlyTransferDetail>('/api/me/early-transfer/confirm', { version }));
export const useWithdrawEarlyTransfer = () => useChange((b: { reason: string; version?: number }) => api.post<EarlyTransferDetail>('/api/me/early-transfer/withdraw', b));

/** The Annex 4 form of the current request (with its seals and QR), opened by the browser itself. */
export const myTransferPdfUrl = '/api/me/early-transfer/pdf';
