/**
 * The family's own admission (`/api/me/admission`, student or guardian signed in; R15): the score,
 * each published batch's result with its explanation, the letter, and the 征集志愿 round when
 * it is open to them. A submitted solicitation replaces the view.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { MyAdmission, SolicitationBody } from '../../admission/types';

export const myAdmissionKey = ['family', 'admission'] as const;

export function useMyAdmission() {
  return useQuery({ queryKey: myAdmissionKey, queryFn: ({ signal }) => api.get<MyAdmission>('/api/me/admission', undefined, signal) });
}

export function useSaveSolicitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: SolicitationBody) => api.put<MyAdmission>('/api/me/admission/solicitation', b),
    onSuccess: (view) => {
      qc.setQueryData(myAdmissionKey, view);
      return qc.invalidateQueries({ queryKey: myAdmissionKey });
    },
  });
}

/** The family's 录取通知书 (with its signed QR), opened by the browser itself. */
export const myLetterUrl = '/api/me/admission/letter.pdf';
