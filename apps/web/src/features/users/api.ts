import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@zhizhao/contracts/roles';
import { api } from '../../lib/api';
import type { User, UserPage } from '../../lib/types';

export type UserFilters = { organizationId?: number; role?: Role; q?: string; page: number; pageSize: number };
export type CreateUser = { username: string; displayName: string; role: Role; organizationId: number; initialPassword: string };
export type UpdateUser = { displayName?: string; role?: Role; active?: boolean };

const key = ['users'] as const;

export function useUserList(f: UserFilters) {
  return useQuery({ queryKey: [...key, f], queryFn: ({ signal }) => api.get<UserPage>('/api/users', f, signal), placeholderData: keepPreviousData });
}

function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['dashboard'] })]) });
}

export const useCreateUser = () => useUserMutation((b: CreateUser) => api.post<User>('/api/users', b));
export const useUpdateUser = () => useUserMutation(({ id, ...b }: UpdateUser & { id: number }) => api.patch<User>(`/api/users/${id}`, b));
export const useResetPassword = () =>
  useUserMutation(({ id, initialPassword }: { id: number; initialPassword: string }) => api.post<unknown>(`/api/users/${id}/reset-password`, { initialPassword }));
export const useUnlockUser = () => useUserMutation((id: number) => api.post<unknown>(`/api/users/${id}/unlock`));
