/** The server's clock (public): what day the campaign thinks it is, and whether that is a demo date. */
import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Clock } from './types';

export const clockKey = ['clock'] as const;

export function useClock() {
  return useQuery({ queryKey: clockKey, queryFn: ({ signal }) => api.get<Clock>('/api/clock', undefined, signal), staleTime: 60_000, retry: 1 });
}
