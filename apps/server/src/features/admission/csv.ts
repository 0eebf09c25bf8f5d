/**
 * A run's inputs and results in the `admit` CLI's formats (apps/cli/src/commands/admit.ts):
 *   programs.csv   program_id,school_id,capacity,min_score
 *   applicants.csv applicant_id,score,tiebreak_1..t,lottery,choice_1..k,accept_adjustment
 *   results.csv    applicant_id,program_id,choice_rank   (choice_rank `adj` for adjustment)
 * Rows in the engine's input order; numbers as JavaScript prints them. `admit` on the first two
 * reproduces the third byte for byte (an integration test runs it).
 */
import type { ApplicantRecord, Placement, ProgramRecord } from '@zhizhao/domain/admission/index';

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function programsCsv(programs: readonly ProgramRecord[]): string {
  const out = ['program_id,school_id,capacity,min_score\n'];
  for (const p of programs) out.push(`${field(p.id)},${field(p.schoolId ?? '')},${p.capacity},${num(p.minScore)}\n`);
  return out.join('');
}

export function applicantsCsv(applicants: readonly ApplicantRecord[]): string {
  const t = applicants[0]?.tiebreaks?.length ?? 0;
  // A loop, not Math.max(...): spreading 100,000+ arguments overflows the stack.
  let k = 1;
  for (const a of applicants) if (a.choices.length > k) k = a.choices.length;
  const head = ['applicant_id', 'score', ...Array.from({ length: t }, (_, i) => `tiebreak_${i + 1}`), 'lottery', ...Array.from({ length: k }, (_, i) => `choice_${i + 1}`), 'accept_adjustment'];
  const out = [`${head.join(',')}\n`];
  for (const a of applicants) {
    const cells = [field(a.id), num(a.score), ...(a.tiebreaks ?? []).map(num), num(a.lottery), ...Array.from({ length: k }, (_, i) => (a.choices[i] === undefined ? '' : field(a.choices[i]))), a.acceptAdjustment ? '1' : '0'];
    out.push(`${cells.join(',')}\n`);
  }
  return out.join('');
}

export function resultsCsv(placements: readonly Placement[]): string {
  const out = ['applicant_id,program_id,choice_rank\n'];
  for (const p of placements) out.push(`${field(p.applicantId)},${p.programId === null ? '' : field(p.programId)},${p.choiceRank === null ? '' : String(p.choiceRank)}\n`);
  return out.join('');
}
