/** What anyone may read without signing in: filed brochures and the verification of a code. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { PublicBrochureDetail, PublicBrochureList, VerifyResponse } from '../types';

const key = ['public'] as const;
export type PublicFilters = { q?: string; major?: string; campus?: string };

export function usePublicBrochures(f: PublicFilters) {
  return useQuery({
    queryKey: [...key, 'brochures', f],
    queryFn: ({ signal }) => api.get<PublicBrochureList>('/api/public/brochures', f, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublicBrochure(id: number) {
  return useQuery({
    queryKey: [...key, 'brochure', id],
    queryFn: ({ signal }) => api.get<PublicBrochureDetail>(`/api/public/brochures/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useVerify(code: string | null) {
  return useQuery({
    queryKey: [...key, 'verify', code],
    queryFn: ({ signal }) => api.get<VerifyResponse>(`/api/verify/${encodeURIComponent(code!)}`, undefined, signal),
    enabled: !!code,
    staleTime: 0,
  });
}

export const pdfUrl = (id: number) => `/api/public/brochures/${id}/pdf`;

/** The address a brochure's QR opens (the same page the server's PDF points to). */
export const verifyUrl = (code: string) => `${window.location.origin}/verify/${encodeURIComponent(code)}`;

/** A pasted QR text may be the whole address or only the code. */
export function codeFromInput(raw: string): string {
  const s = raw.trim();
  const at = s.lastIndexOf('/verify/');
  const code = at >= 0 ? s.slice(at + '/verify/'.length) : s;
  try {
    return decodeURIComponent(code.split(/[?#]/)[0]!).trim();
  } catch {
    return code.trim();
  }
}
