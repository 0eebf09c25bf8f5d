/**
 * The admission round's staff calls (issue 11: R15, R5): score versions and their import, batches,
 * runs (dry run → publish) and the what-if preview, the admitted lists, letters and their bundle
 * job, 退档 and 注册入学. Every change refreshes everything under the `admission` key; a run and
 * a job are polled while they work.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  AdmissionBatch, AdmissionPage, AdmissionRow, AdmissionRun, AdmissionStatus, BatchBody, BatchList, JobView, ProgrammeOption, PublicCutoffs,
  RegistrationCandidates, ReturnList, ReturnRequest, RunDetail, RunLines, RunList, RunPlacementsPage, RunStatus, ScoreImportResult, ScoreRowsPage,
  ScoreSet, ScoreSetList,
} from './types';

export const admissionKey = ['admission'] as const;

/** A change: refresh every admission query (and the dashboard's figures). */
function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: admissionKey }), qc.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}

const POLL_MS = 1000;
/** A run still working: queued, running or publishing. */
export const runBusy = (s: RunStatus | undefined) => s === 'queued' || s === 'running' || s === 'publishing';
/** A published run whose letters are still being signed (the server's progress counts them). */
export const lettersPending = (r: { status: RunStatus; progress: { phase: string; done: number; total: number } } | undefined) =>
  !!r && r.status === 'published' && r.progress.phase === 'letters' && r.progress.done < r.progress.total;

// ---------------------------------------------------------------- scores

export function useScoreSets(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...admissionKey, 'score-sets', campaignId ?? null],
    queryFn: ({ signal }) => api.get<ScoreSetList>('/api/admission/score-sets', { campaignId }, signal),
    enabled: !!campaignId,
  });
}

export type ScoreImport = { campaignId: number; file: File; dryRun: boolean; tiebreaks?: string; reason?: string };

/** A dry run writes nothing (nothing to refresh); the real import adds a version. */
export function useImportScores() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ campaignId, file, dryRun, tiebreaks, reason }: ScoreImport) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ScoreImportResult>('/api/admission/score-sets/import', form, { campaignId, dryRun, tiebreaks: tiebreaks || undefined, reason: reason || undefined });
    },
    onSuccess: (r) => (r.dryRun ? undefined : qc.invalidateQueries({ queryKey: admissionKey })),
  });
}

export const useLockScoreSet = () => useChange((id: number) => api.post<ScoreSet>(`/api/admission/score-sets/${id}/lock`, {}));

export function useScoreRows(id: number | null, f: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: [...admissionKey, 'score-rows', id, f],
    queryFn: ({ signal }) => api.get<ScoreRowsPage>(`/api/admission/score-sets/${id}/rows`, f, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export const downloadScoreTemplate = (campaignId: number) => api.download('/api/admission/score-template.xlsx', '中考成绩导入模板.xlsx', { campaignId });

// ---------------------------------------------------------------- batches

export function useBatches(campaignId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...admissionKey, 'batches', campaignId ?? null],
    queryFn: ({ signal }) => api.get<BatchList>('/api/admission/batches', { campaignId }, signal),
    enabled: enabled && !!campaignId,
  });
}

export const useSaveBatch = (campaignId: number) =>
  useChange(({ id, body }: { id?: number; body: BatchBody }) =>
    id ? api.put<AdmissionBatch>(`/api/admission/batches/${id}`, body) : api.post<AdmissionBatch>('/api/admission/batches', body, { campaignId }),
  );

/** The campaign's programmes with their seats for admission (the seat-caps list serves as the catalogue). */
export function useProgrammeOptions(campaignId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...admissionKey, 'programmes', campaignId ?? null],
    queryFn: ({ signal }) => api.get<{ campaignId: number; rows: ProgrammeOption[] }>(`/api/campaigns/${campaignId}/early-transfer-caps`, undefined, signal),
    enabled: enabled && !!campaignId,
    staleTime: 60_000,
  });
}

// ---------------------------------------------------------------- runs

export function useRuns(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...admissionKey, 'runs', campaignId ?? null],
    queryFn: ({ signal }) => api.get<RunList>('/api/admission/runs', { campaignId }, signal),
    enabled: !!campaignId,
    // A run in the list still working: keep the list moving too.
    refetchInterval: (q) => (q.state.data?.items.some((r) => runBusy(r.status)) ? POLL_MS * 2 : false),
  });
}

/** One run; polled every second until it is ready, published, failed or discarded. */
export function useRun(id: number | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...admissionKey, 'run', id],
    queryFn: async ({ signal }) => {
      const prev = qc.getQueryData<RunDetail>([...admissionKey, 'run', id]);
      const run = await api.get<RunDetail>(`/api/admission/runs/${id}`, undefined, signal);
      // It has just finished: the list, the batches and the admitted lists changed.
      if (prev && runBusy(prev.status) && !runBusy(run.status)) void qc.invalidateQueries({ queryKey: admissionKey, predicate: (q) => q.queryKey[1] !== 'run' });
      return run;
    },
    enabled: !!id,
    refetchInterval: (q) => (runBusy(q.state.data?.status) || lettersPending(q.state.data) ? POLL_MS : false),
  });
}

export type PlacementFilters = { page: number; pageSize: number; programmeId?: number; juniorHighId?: number; outcome?: 'admitted' | 'unplaced' };

export function useRunPlacements(id: number | null, f: PlacementFilters, enabled = true) {
  return useQuery({
    queryKey: [...admissionKey, 'placements', id, f],
    queryFn: ({ signal }) => api.get<RunPlacementsPage>(`/api/admission/runs/${id}/placements`, f, signal),
    enabled: enabled && !!id,
    placeholderData: keepPreviousData,
  });
}

export const useStartRun = () => useChange((b: { batchId: number } & RunLines) => api.post<AdmissionRun>('/api/admission/runs', b));
export const usePublishRun = () => useChange((id: number) => api.post<AdmissionRun>(`/api/admission/runs/${id}/publish`, {}));

/** The what-if: the batch computed with other lines, nothing stored. */
export function usePreview() {
  return useMutation({ mutationFn: (b: { batchId: number } & RunLines) => api.post<RunDetail>('/api/admission/preview', b) });
}

export const runFiles = ['programs.csv', 'applicants.csv', 'results.csv'] as const;
export const downloadRunFile = (id: number, name: (typeof runFiles)[number]) => api.download(`/api/admission/runs/${id}/files/${name}`, `run-${id}-${name}`);

// ---------------------------------------------------------------- admitted lists, letters

export type AdmissionFilters = { campaignId?: number; schoolId?: number; juniorHighId?: number; programmeId?: number; status?: AdmissionStatus; q?: string; page: number; pageSize: number };

export function useAdmissions(f: AdmissionFilters, enabled = true) {
  return useQuery({
    queryKey: [...admissionKey, 'admissions', f],
    queryFn: ({ signal }) => api.get<AdmissionPage>('/api/admission/admissions', f, signal),
    enabled: enabled && !!f.campaignId,
    placeholderData: keepPreviousData,
  });
}

export const downloadAdmissionsXlsx = (campaignId: number, schoolId?: number) =>
  api.download('/api/admission/admissions.xlsx', '录取名单.xlsx', { campaignId, schoolId });

/** One student's 录取通知书, opened by the browser itself. */
export const letterPdfUrl = (admissionId: number) => `/api/admission/admissions/${admissionId}/letter.pdf`;

export const useLettersBundle = () => useChange((b: { campaignId?: number; schoolId?: number }) => api.post<JobView>('/api/admission/letters/bundle', b));

/** A background job; polled every second until done or failed. */
export function useJob(id: number | null) {
  return useQuery({
    queryKey: [...admissionKey, 'job', id],
    queryFn: ({ signal }) => api.get<JobView>(`/api/jobs/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : POLL_MS),
  });
}
export const jobDownloadUrl = (job: JobView) => job.download ?? `/api/jobs/${job.id}/download`;

// ---------------------------------------------------------------- 退档

export function useReturns(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...admissionKey, 'returns', campaignId ?? null],
    queryFn: ({ signal }) => api.get<ReturnList>('/api/admission/returns', { campaignId }, signal),
    enabled: !!campaignId,
  });
}
export const useRequestReturn = () => useChange((b: { admissionId: number; reason: string; note: string }) => api.post<ReturnRequest>('/api/admission/returns', b));
export const useDecideReturn = () =>
  useChange(({ id, approve, note }: { id: number; approve: boolean; note: string }) => api.post<ReturnRequest>(`/api/admission/returns/${id}/decide`, { approve, note }));

// ---------------------------------------------------------------- 注册入学 (R5)

export function useRegistrationCandidates(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...admissionKey, 'registration', campaignId ?? null],
    queryFn: ({ signal }) => api.get<RegistrationCandidates>('/api/admission/registration/candidates', { campaignId }, signal),
    enabled: !!campaignId,
  });
}
export const useRegister = () => useChange((b: { studentId: number; programmeId: number }) => api.post<AdmissionRow>('/api/admission/registrations', b));

// ---------------------------------------------------------------- public

export function usePublicCutoffs(campaignId: number | undefined) {
  return useQuery({
    queryKey: ['public', 'admission-cutoffs', campaignId ?? null],
    queryFn: ({ signal }) => api.get<PublicCutoffs>('/api/public/admission/cutoffs', { campaignId }, signal),
    staleTime: 60_000,
  });
}
