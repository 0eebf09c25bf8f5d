import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgKind } from '@zhizhao/contracts/roles';
import { api } from '../../lib/api';
import type { CreateOrganization, ImportResult, Organization, OrganizationDetail, OrgPage } from '../../lib/types';

export type OrgFilters = { kind?: OrgKind; q?: string; active?: 'true' | 'false'; page: number; pageSize: number };
export type UpdateOrganization = Partial<Pick<Organization, 'name' | 'address' | 'contactName' | 'contactPhone'>> & { ownership?: 'public' | 'private' };

const key = ['organizations'] as const;

export function useOrgList(f: OrgFilters) {
  return useQuery({
    queryKey: [...key, 'list', f],
    queryFn: ({ signal }) => api.get<OrgPage>('/api/organizations', f, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrgDetail(id: number | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<OrganizationDetail>(`/api/organizations/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

/** Every organisation write changes lists, details, dashboards and the audit log. */
function useOrgMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}

export const useCreateOrg = () => useOrgMutation((b: CreateOrganization) => api.post<Organization>('/api/organizations', b));
export const useUpdateOrg = () => useOrgMutation(({ id, ...b }: UpdateOrganization & { id: number }) => api.patch<Organization>(`/api/organizations/${id}`, b));
export const useSetOrgActive = () =>
  useOrgMutation(({ id, active }: { id: number; active: boolean }) => api.post<Organization>(`/api/organizations/${id}/${active ? 'activate' : 'deactivate'}`));
export const useAddCampus = () =>
  useOrgMutation(({ orgId, ...b }: { orgId: number; name: string; address: string }) => api.post<unknown>(`/api/organizations/${orgId}/campuses`, b));
export const useUpdateCampus = () =>
  useOrgMutation(({ orgId, campusId, ...b }: { orgId: number; campusId: number; name?: string; address?: string; active?: boolean }) =>
    api.patch<unknown>(`/api/organizations/${orgId}/campuses/${campusId}`, b),
  );
export const useSetQualification = () =>
  useOrgMutation(({ orgId, year, ...b }: { orgId: number; year: number; qualified: boolean; note: string }) =>
    api.put<unknown>(`/api/organizations/${orgId}/qualifications/${year}`, b),
  );

export function useImportOrgs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ImportResult>('/api/organizations/import', form, { dryRun: String(dryRun) });
    },
    onSuccess: (r) => {
      if (!r.dryRun) return Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['dashboard'] })]);
    },
  });
}

export const downloadTemplate = () => api.download('/api/organizations/template.xlsx', 'organizations-template.xlsx');
export const downloadExport = (f: Omit<OrgFilters, 'page' | 'pageSize'>) => api.download('/api/organizations/export.xlsx', 'organizations.xlsx', f);
