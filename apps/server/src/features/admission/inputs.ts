/**
 * What a batch's run reads (R15): the newest locked scores, the programmes' seats for admission
 * (planned seats less filed early transfers, R13) less the seats already taken by published
 * batches and registration, the applicants with a confirmed vocational application (R11) and a
 * score — or, for a 征集志愿 batch, the new choices of the unplaced — and the lines. The engine's
 * records are built by the domain (batchInput); the same records become the CSV files an
 * auditor re-runs `admit` on, and the inputs hash is taken over exactly those bytes.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { canonicalJson } from '@zhizhao/domain';
import { batchInput, type ApplicantRecord, type BatchDefinition, type ProgramRecord, type RoundApplicant } from '@zhizhao/domain/admission/index';
import { queryRows, type Queryable } from '../../db/client';
import { admissionPool } from '../transfers/admission-pool';
import { admissionsHoldingSeats } from './seats-taken';
import type { BatchRow } from './batches';
import { applicantsCsv, programsCsv } from './csv';

export type ScoreSetRef = { id: number; version: number; contentHash: string; tiebreakNames: string[] };

export async function lockedScoreSet(db: Queryable, campaignId: number): Promise<ScoreSetRef | null> {
  const [r] = await queryRows<{ id: number; version: number; content_hash: string; tiebreak_names: string[] }>(db, sql`
    select id, version, content_hash, tiebreak_names from score_sets where campaign_id = ${campaignId} and status = 'locked' order by version desc limit 1`);
  return r ? { id: Number(r.id), version: Number(r.version), contentHash: r.content_hash, tiebreakNames: r.tiebreak_names } : null;
}

export type Lines = { minScore: number | null; programmeLines: Array<{ programmeId: number; minScore: number }> };

export type RunMeta = {
  campaignId: number;
  batchId: number;
  kind: string;
  scoreSetId: number;
  scoreSetHash: string;
  tiebreakNames: string[];
  lotterySeed: string;
  minScore: number | null;
  programmeLines: Array<{ programmeId: number; minScore: number }>;
};

export type GatheredInputs = {
  meta: RunMeta;
  programs: ProgramRecord[];
  applicants: ApplicantRecord[];
  /** Exam number → student and junior high. */
  studentOf: Map<string, { studentId: number; juniorHighId: number | null }>;
  skipped: { admittedBefore: number; noChoiceInBatch: number; noScore: number };
};

/** Deterministic per campaign and batch: the same batch draws the same lottery every time. */
export const lotterySeedOf = (campaignId: number, batchSeq: number) => `zhizhao-${campaignId}-${batchSeq}`;

export function inputsHashOf(meta: RunMeta, programs: readonly ProgramRecord[], applicants: readonly ApplicantRecord[]): string {
  return createHash('sha256')
    .update(canonicalJson(meta as unknown as Record<string, unknown>))
    .update('\n')
    .update(programsCsv(programs))
    .update(applicantsCsv(applicants))
    .digest('hex');
}

/** Seats taken (admitted, not returned, not a no-show given back to 补录) per programme, and who is admitted, before this batch. */
async function taken(db: Queryable, campaignId: number) {
  const byProgramme = new Map<number, number>();
  const students = new Set<number>();
  for (const r of await admissionsHoldingSeats(db, campaignId)) {
    if (r.holdsSeat) byProgramme.set(r.programmeId, (byProgramme.get(r.programmeId) ?? 0) + 1);
    students.add(r.studentId);
  }
  return { byProgramme, students };
}

export async function gatherInputs(db: Queryable, batch: BatchRow, scores: ScoreSetRef, lines: Lines): Promise<GatheredInputs> {
  const campaignId = batch.campaignId;
  const pool = await admissionPool(db, campaignId);
  const schools = await queryRows<{ id: number; school_id: number }>(db, sql`
    select ps.id, m.organization_id as school_id from planned_seats ps join majors m on m.id = ps.major_id where ps.campaign_id = ${campaignId}`);
  const schoolOf = new Map(schools.map((r) => [Number(r.id), Number(r.school_id)]));
  const programmes = pool.programmes.map((p) => ({ id: p.programmeId, schoolId: schoolOf.get(p.programmeId)!, seatsForAdmission: p.seatsForAdmission }));
  const t = await taken(db, campaignId);
  for (const s of pool.excludedStudentIds) t.students.add(s);

  const people = await queryRows<{ student_id: number; exam_no: string; junior_high_id: number | null; total: number | null; tiebreaks: number[] | null; accept_adjustment: boolean }>(
    db,
    batch.kind === 'solicitation'
      ? sql`
        select s.id as student_id, s.exam_no, s.junior_high_id, es.total, es.tiebreaks, sc.accept_adjustment
        from solicitation_choices sc join students s on s.id = sc.student_id and s.active
        left join exam_scores es on es.score_set_id = ${scores.id} and es.student_id = s.id
        where sc.batch_id = ${batch.id}`
      : sql`
        select s.id as student_id, s.exam_no, s.junior_high_id, es.total, es.tiebreaks, a.accept_adjustment
        from applications a join students s on s.id = a.student_id and s.active
        left join exam_scores es on es.score_set_id = ${scores.id} and es.student_id = s.id
        where a.campaign_id = ${campaignId} and a.track = 'vocational' and a.status = 'confirmed'`,
  );
  const choicesOf = new Map<number, number[]>();
  if (batch.kind === 'solicitation') {
    const rows = await queryRows<{ student_id: number; choices: number[] }>(db, sql`select student_id, choices from solicitation_choices where batch_id = ${batch.id}`);
    for (const r of rows) choicesOf.set(Number(r.student_id), (r.choices as unknown[]).map(Number));
  } else {
    // Each application's choices by its primary key (application_id, rank): an aggregate ordered
    // over the whole district would sort every choice (and spill to disk at 100,000 applicants).
    const rows = await queryRows<{ student_id: number; choices: number[] }>(db, sql`
      select a.student_id, array(select ac.programme_id from application_choices ac where ac.application_id = a.id order by ac.rank) as choices
      from applications a where a.campaign_id = ${campaignId} and a.track = 'vocational' and a.status = 'confirmed'`);
    for (const r of rows) choicesOf.set(Number(r.student_id), (r.choices as unknown[]).map(Number));
  }
  const applicants: RoundApplicant[] = [];
  const studentOf = new Map<string, { studentId: number; juniorHighId: number | null }>();
  let noScore = 0;
  const tiebreakCount = scores.tiebreakNames.length;
  for (const p of people) {
    const studentId = Number(p.student_id);
    if (p.total === null) {
      if (!t.students.has(studentId)) noScore++;
      continue;
    }
    studentOf.set(p.exam_no, { studentId, juniorHighId: p.junior_high_id === null ? null : Number(p.junior_high_id) });
    const tb = (p.tiebreaks ?? []).map(Number);
    applicants.push({ studentId, examNo: p.exam_no, score: Number(p.total), tiebreaks: Array.from({ length: tiebreakCount }, (_, i) => tb[i] ?? 0), choices: choicesOf.get(studentId) ?? [], acceptAdjustment: p.accept_adjustment });
  }
  const def: BatchDefinition = {
    kind: batch.kind as BatchDefinition['kind'],
    programmeIds: (batch.programmeIds as number[] | null) ?? null,
    minScore: lines.minScore,
    programmeLines: Object.fromEntries(lines.programmeLines.map((l) => [String(l.programmeId), l.minScore])),
  };
  const lotterySeed = lotterySeedOf(campaignId, batch.seq);
  const built = batchInput(def, programmes, applicants, t.byProgramme, t.students, lotterySeed);
  return {
    meta: { campaignId, batchId: batch.id, kind: batch.kind, scoreSetId: scores.id, scoreSetHash: scores.contentHash, tiebreakNames: scores.tiebreakNames, lotterySeed, minScore: lines.minScore, programmeLines: [...lines.programmeLines].sort((a, b) => a.programmeId - b.programmeId) },
    programs: built.programs,
    applicants: built.applicants,
    studentOf,
    skipped: { ...built.skipped, noScore },
  };
}
