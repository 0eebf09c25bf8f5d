import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { AuditPage, AuditVerify } from '../../lib/types';

export type AuditFilters = {
  action?: string;
  objectType?: string;
  objectId?: string;
  actor?: string;
  organizationId?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export function useAuditList(f: AuditFilters) {
  return useQuery({ queryKey: ['audit', 'list', f], queryFn: ({ signal }) => api.get<AuditPage>('/api/audit', f, signal), placeholderData: keepPreviousData });
}

/** Walks the whole hash chain on the server; an action, not a cached query. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerify>('/api/audit/verify') });
}
