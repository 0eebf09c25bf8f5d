/** R3: joint enrollments — a named alliance of schools with a rule placing each major on a campus by category. */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { OrganizationDetail, OrgPage } from '../../../lib/types';
import type { Alliance, AllianceList, MajorCategory } from '../types';

const key = ['alliances'] as const;

export type AllianceInput = { name: string; districtId: number; countsTowardNDistrict: boolean; memberIds: number[]; rules: { category: MajorCategory; campusId: number }[] };

export function useAlliances() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<AllianceList>('/api/alliances', undefined, signal) });
}

function useAllianceMutation<V>(fn: (v: V) => Promise<Alliance>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // A joint enrollment changes majors' campuses and the brochures' facts (R3).
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['majors'] }), qc.invalidateQueries({ queryKey: ['brochures'] })]),
  });
}

export const useCreateAlliance = () => useAllianceMutation((b: AllianceInput) => api.post<Alliance>('/api/alliances', b));
/** PATCH keeps the district; members and rules replace the old ones. */
export const useUpdateAlliance = () =>
  useAllianceMutation(({ id, districtId: _district, ...b }: AllianceInput & { id: number }) => api.patch<Alliance>(`/api/alliances/${id}`, b));

/** The vocational schools one may pick as members. */
export function useVocationalSchools(districtId: number | null) {
  return useQuery({
    queryKey: ['organizations', 'vocational', districtId],
    queryFn: ({ signal }) => api.get<OrgPage>('/api/organizations', { kind: 'vocational_school', active: 'true', pageSize: 200 }, signal),
    select: (p) => p.items.filter((o) => districtId === null || o.districtId === districtId),
  });
}

/** The campuses of the chosen members. */
export function useMemberCampuses(ids: readonly number[]) {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['organizations', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<OrganizationDetail>(`/api/organizations/${id}`, undefined, signal),
    })),
  });
  return {
    loading: results.some((r) => r.isFetching),
    campuses: results.flatMap((r) => (r.data ? r.data.campuses.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, school: r.data.name })) : [])),
  };
}
