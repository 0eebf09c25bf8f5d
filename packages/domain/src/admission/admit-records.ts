/**
 * Object in, object out: the engine for callers with records (the server, tests, a what-if
 * screen). Explanations are computed per applicant on demand through `explain(id)`.
 */
import { admit } from './engine';
import { explainApplicant, summarizePrograms, type ChoiceExplanation, type ExplainLabels, type ProgramSummary } from './explain';
import { fromRecords, type ApplicantRecord, type ProgramRecord, type ProgramScoreRecord } from './records';
import { ADJUSTMENT, type AdmissionInput, type AdmissionResult, type AdmitOptions } from './types';

export interface Placement {
  applicantId: string;
  /** null when unplaced. */
  programId: string | null;
  /** 1-based choice rank, 'adj' when placed by adjustment, null when unplaced. */
  choiceRank: number | 'adj' | null;
}

export interface RecordsOutcome {
  input: AdmissionInput;
  result: AdmissionResult;
  /** One per applicant, in input order. */
  placements: Placement[];
  explain(applicantId: string): Array<ChoiceExplanation & { programId: string | null }>;
  summary(): Array<ProgramSummary & { programId: string }>;
}

export function admitRecords(
  programs: readonly ProgramRecord[],
  applicants: readonly ApplicantRecord[],
  programScores: readonly ProgramScoreRecord[] = [],
  options: AdmitOptions & { tiebreakNames?: string[] } = {},
): RecordsOutcome {
  const { input, applicantIndex } = fromRecords(programs, applicants, programScores);
  const result = admit(input, options);
  const labels: ExplainLabels = { tiebreakNames: options.tiebreakNames, applicantId: (a) => applicants[a].id };
  const placements = applicants.map((ap, a): Placement => {
    const p = result.program[a];
    const c = result.choice[a];
    return { applicantId: ap.id, programId: p < 0 ? null : programs[p].id, choiceRank: p < 0 ? null : c === ADJUSTMENT ? 'adj' : c + 1 };
  });
  return {
    input,
    result,
    placements,
    explain(applicantId) {
      const a = applicantIndex.get(applicantId);
      if (a === undefined) throw new RangeError(`unknown applicant ${applicantId}`);
      return explainApplicant(input, result, a, labels).map((e) => ({ ...e, programId: e.program < 0 ? null : programs[e.program].id }));
    },
    summary() {
      return summarizePrograms(input, result, labels).map((s) => ({ ...s, programId: programs[s.program].id }));
    },
  };
}
