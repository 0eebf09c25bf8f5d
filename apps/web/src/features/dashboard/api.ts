import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Dashboard } from '../../lib/types';

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => api.get<Dashboard>('/api/dashboard', undefined, signal) });
}
