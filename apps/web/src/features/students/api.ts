/**
 * The applications work's API for staff: the roster and its family accounts, applications on a
 * family's behalf, the live picture (R11, R12), the duplicate check, pressure reports, guidance
 * (R8), open days, social applicants (R5), a school's applicants and the notification outbox.
 * Every change refreshes the roster and the live picture.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  ApplicantPage, ApplicationHistory, ApplicationView, CityOverview, ConfirmSocial, ConflictPage, CreateStudent, GeneralListImport, GuidanceInput,
  GuidanceList, NotificationPage, OpenDayInput, OpenDayList, Overview, PressurePage, ProgrammeList, SaveApplication, SocialPage, SocialRegistration,
  StudentDetail, StudentImport, StudentPage, Track,
} from './types';

/** Everything an applications change may move (the roster, the live picture, the dashboard). */
const moved = [['students'], ['applications'], ['track-conflicts'], ['dashboard']] as const;
function useChange<V, R>(fn: (v: V) => Promise<R>, keys: readonly (readonly string[])[] = moved) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: k }))) });
}

// ---------------------------------------------------------------- roster

export type StudentFilters = { juniorHighId?: number; className?: string; q?: string; track?: Track | 'undecided'; status?: string };

export function useStudents(campaignId: number | undefined, f: StudentFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['students', 'list', campaignId ?? null, f],
    queryFn: ({ signal }) => api.get<StudentPage>(`/api/campaigns/${campaignId}/students`, f, signal),
    placeholderData: keepPreviousData,
    enabled: !!campaignId,
  });
}

export function useStudent(id: number | null) {
  return useQuery({
    queryKey: ['students', 'detail', id],
    queryFn: ({ signal }) => api.get<StudentDetail>(`/api/students/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export const useCreateStudent = (campaignId: number) => useChange((b: CreateStudent) => api.post<StudentDetail>(`/api/campaigns/${campaignId}/students`, b));
export const useUpdateStudent = () => useChange(({ id, ...b }: Partial<CreateStudent> & { id: number }) => api.patch<StudentDetail>(`/api/students/${id}`, b));
export const useRevealStudent = () =>
  useMutation({ mutationFn: ({ id, ...b }: { id: number; field: 'idNumber' | 'guardianPhone'; reason: string }) => api.post<{ field: string; value: string }>(`/api/students/${id}/reveal`, b) });
export const useTransferStudent = () => useChange(({ id, ...b }: { id: number; toJuniorHighId: number; reason: string }) => api.post<StudentDetail>(`/api/students/${id}/transfer`, b));
export const useResetCredentials = () => useChange(({ id, what }: { id: number; what: 'password' | 'guardian_code' | 'both' }) => api.post<unknown>(`/api/students/${id}/reset-credentials`, { what }));

export const studentFiles = {
  template: (campaignId: number) => api.download(`/api/campaigns/${campaignId}/students/template.xlsx`, '学生名册模板.xlsx'),
  export: (campaignId: number, juniorHighId?: number) => api.download(`/api/campaigns/${campaignId}/students/export.xlsx`, '学生名册.xlsx', { juniorHighId }),
  import: (campaignId: number, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<StudentImport>(`/api/campaigns/${campaignId}/students/import`, form, { dryRun });
  },
};

/** The credential slips (a PDF the browser opens): a class, a school, or one student. */
export function slipsUrl(campaignId: number, q: { juniorHighId?: number; className?: string; studentId?: number }) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return `/api/campaigns/${campaignId}/students/slips.pdf${s ? `?${s}` : ''}`;
}

// ---------------------------------------------------------------- on the family's behalf

export const useSaveOnBehalf = () => useChange(({ id, ...b }: SaveApplication & { id: number }) => api.put<ApplicationView>(`/api/students/${id}/application`, b));

export function useApplicationHistory(studentId: number | null) {
  return useQuery({
    queryKey: ['students', 'history', studentId],
    queryFn: ({ signal }) => api.get<ApplicationHistory>(`/api/students/${studentId}/application/history`, undefined, signal),
    enabled: !!studentId,
  });
}
export const applicationPdfUrl = (studentId: number) => `/api/students/${studentId}/application/pdf`;

export function useProgrammes(campaignId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['programmes', campaignId ?? null],
    queryFn: ({ signal }) => api.get<ProgrammeList>(`/api/campaigns/${campaignId}/programmes`, undefined, signal),
    enabled: !!campaignId && enabled,
    staleTime: 60_000,
  });
}

// ---------------------------------------------------------------- the live picture

/** Refreshed every 15 s while the page is open: the picture is "live". */
export const LIVE_MS = 15_000;

export function useOverview(campaignId: number | undefined) {
  return useQuery({
    queryKey: ['applications', 'overview', campaignId ?? null],
    queryFn: ({ signal }) => api.get<Overview>('/api/applications/overview', { campaignId }, signal),
    enabled: !!campaignId,
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
}

export function useCityOverview(year: number | null) {
  return useQuery({
    queryKey: ['applications', 'city', year],
    queryFn: ({ signal }) => api.get<CityOverview>('/api/applications/city', { year }, signal),
    enabled: !!year,
    refetchInterval: LIVE_MS,
    placeholderData: keepPreviousData,
  });
}
export const exportApplications = (campaignId: number) => api.download('/api/applications/export.xlsx', '志愿填报进度.xlsx', { campaignId });

// ---------------------------------------------------------------- duplicates across systems (查重)

export function useConflicts(campaignId: number | undefined, f: { open?: 'true' | 'false'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['track-conflicts', campaignId ?? null, f],
    queryFn: ({ signal }) => api.get<ConflictPage>(`/api/campaigns/${campaignId}/track-conflicts`, f, signal),
    enabled: !!campaignId,
    placeholderData: keepPreviousData,
  });
}
export function importGeneralList(campaignId: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<GeneralListImport>(`/api/campaigns/${campaignId}/general-list/import`, form);
}
export const useResolveConflict = () =>
  useChange(({ id, ...b }: { id: number; resolution: 'keep_vocational' | 'keep_general'; note: string }) => api.post<unknown>(`/api/track-conflicts/${id}/resolve`, b));

// ---------------------------------------------------------------- pressure reports

export function usePressureReports(f: { campaignId?: number; status?: 'open' | 'acknowledged'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['pressure-reports', f],
    queryFn: ({ signal }) => api.get<PressurePage>('/api/pressure-reports', f, signal),
    enabled: !!f.campaignId,
    placeholderData: keepPreviousData,
  });
}
export const useAcknowledgePressure = () => useChange((id: number) => api.post<unknown>(`/api/pressure-reports/${id}/acknowledge`, {}), [['pressure-reports'], ['applications']]);

// ---------------------------------------------------------------- guidance (R8) and open days

export function useGuidance(campaignId: number | undefined, juniorHighId?: number) {
  return useQuery({
    queryKey: ['guidance', campaignId ?? null, juniorHighId ?? null],
    queryFn: ({ signal }) => api.get<GuidanceList>(`/api/campaigns/${campaignId}/guidance`, { juniorHighId }, signal),
    enabled: !!campaignId,
  });
}
export const useAddGuidance = (campaignId: number) => useChange((b: GuidanceInput) => api.post<unknown>(`/api/campaigns/${campaignId}/guidance`, b), [['guidance'], ['applications']]);
export const useDeleteGuidance = () => useChange((id: number) => api.delete<unknown>(`/api/guidance/${id}`), [['guidance'], ['applications']]);

export function useOpenDays(f: { year?: number | null; organizationId?: number }) {
  return useQuery({
    queryKey: ['open-days', f],
    queryFn: ({ signal }) => api.get<OpenDayList>('/api/open-days', { year: f.year ?? undefined, organizationId: f.organizationId }, signal),
  });
}
export const useAddOpenDay = () => useChange((b: OpenDayInput) => api.post<unknown>('/api/open-days', b), [['open-days']]);
export const useDeleteOpenDay = () => useChange((id: number) => api.delete<unknown>(`/api/open-days/${id}`), [['open-days']]);

// ---------------------------------------------------------------- social applicants (R5)

export function useSocialRegistrations(f: { campaignId?: number; status?: SocialRegistration['status']; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['social', f],
    queryFn: ({ signal }) => api.get<SocialPage>('/api/social-registrations', f, signal),
    placeholderData: keepPreviousData,
  });
}
export const useConfirmSocial = () =>
  useChange(({ id, idNumber }: { id: number; idNumber: string }) => api.post<ConfirmSocial>(`/api/social-registrations/${id}/confirm`, { idNumber, idChecked: true }), [['social'], ['students'], ['applications']]);
export const useRejectSocial = () => useChange(({ id, reason }: { id: number; reason: string }) => api.post<unknown>(`/api/social-registrations/${id}/reject`, { reason }), [['social']]);

// ---------------------------------------------------------------- a vocational school's applicants

export function useApplicants(f: { campaignId?: number; programmeId?: number; status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['applicants', f],
    queryFn: ({ signal }) => api.get<ApplicantPage>('/api/school/applicants', f, signal),
    placeholderData: keepPreviousData,
    enabled: !!f.campaignId,
  });
}

// ---------------------------------------------------------------- notifications (outbox)

export function useNotifications(f: { campaignId?: number; template?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['notifications', f],
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/notifications', f, signal),
    placeholderData: keepPreviousData,
    enabled: !!f.campaignId,
  });
}
export const useSendReminders = (campaignId: number) => useChange(() => api.post<{ queued: number }>(`/api/campaigns/${campaignId}/notifications/deadline-reminders`, {}), [['notifications']]);
