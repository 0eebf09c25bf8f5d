/**
 * A slow, obviously-correct reference for the tests only: plain objects, comparator sorts,
 * and textbook Gale–Shapley in rounds (every free applicant proposes at once, every
 * programme keeps its best `capacity` proposals). Shares no code with the engine.
 */
import type { ApplicantRecord, ProgramRecord, ProgramScoreRecord } from './records';

export interface RefPlacement {
  programId: string | null;
  choiceRank: number | 'adj' | null;
}

function codePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0)!);
}

function compareIds(x: string, y: string): number {
  const a = codePoints(x);
  const b = codePoints(y);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Negative when x ranks before y under the default ranking. */
export function referenceCompare(x: ApplicantRecord, y: ApplicantRecord): number {
  if (x.score !== y.score) return y.score - x.score;
  const tx = x.tiebreaks ?? [];
  const ty = y.tiebreaks ?? [];
  for (let i = 0; i < tx.length; i++) if (tx[i] !== ty[i]) return ty[i] - tx[i];
  if (x.lottery != null && y.lottery != null && x.lottery !== y.lottery) return x.lottery - y.lottery;
  return compareIds(x.id, y.id);
}

export function referenceAdmit(
  programs: readonly ProgramRecord[],
  applicants: readonly ApplicantRecord[],
  scores: readonly ProgramScoreRecord[] = [],
): Map<string, RefPlacement> {
  const own = new Map<string, Map<string, number>>();
  for (const s of scores) {
    if (!own.has(s.programId)) own.set(s.programId, new Map());
    own.get(s.programId)!.set(s.applicantId, s.score);
  }
  const programCompare = (pid: string) => (x: ApplicantRecord, y: ApplicantRecord) => {
    const o = own.get(pid);
    if (o) {
      const sx = o.get(x.id) ?? -Infinity;
      const sy = o.get(y.id) ?? -Infinity;
      if (sx !== sy) return sy > sx ? 1 : -1;
    }
    return referenceCompare(x, y);
  };
  const byId = new Map(programs.map((p) => [p.id, p]));
  const eligible = (a: ApplicantRecord, p: ProgramRecord) => p.minScore == null || a.score >= p.minScore;

  // Gale–Shapley in rounds.
  const held = new Map<string, ApplicantRecord[]>(programs.map((p) => [p.id, []]));
  const next = new Map<string, number>(applicants.map((a) => [a.id, 0]));
  const placedAt = new Map<string, number>(); // applicant id -> choice index
  for (;;) {
    const proposals = new Map<string, ApplicantRecord[]>();
    for (const a of applicants) {
      if (placedAt.has(a.id)) continue;
      const j = next.get(a.id)!;
      if (j >= a.choices.length) continue;
      next.set(a.id, j + 1);
      const pid = a.choices[j];
      if (!proposals.has(pid)) proposals.set(pid, []);
      proposals.get(pid)!.push(a);
    }
    if (proposals.size === 0) break;
    for (const [pid, newcomers] of proposals) {
      const p = byId.get(pid)!;
      const pool = [...held.get(pid)!, ...newcomers.filter((a) => eligible(a, p))].sort(programCompare(pid));
      const keep = pool.slice(0, p.capacity);
      for (const a of pool.slice(p.capacity)) placedAt.delete(a.id);
      for (const a of keep) placedAt.set(a.id, a.choices.indexOf(pid));
      held.set(pid, keep);
    }
  }

  const out = new Map<string, RefPlacement>();
  for (const a of applicants) {
    const j = placedAt.get(a.id);
    out.set(a.id, j === undefined ? { programId: null, choiceRank: null } : { programId: a.choices[j], choiceRank: j + 1 });
  }

  // Adjustment: remaining seats of the chosen schools, in ranking order.
  const schoolOf = (p: ProgramRecord) => (p.schoolId ? `s:${p.schoolId}` : `p:${p.id}`);
  const remaining = new Map(programs.map((p) => [p.id, p.capacity - held.get(p.id)!.length]));
  const waiting = applicants.filter((a) => a.acceptAdjustment && !placedAt.has(a.id)).sort(referenceCompare);
  for (const a of waiting) {
    const schools: string[] = [];
    for (const c of a.choices) {
      const s = schoolOf(byId.get(c)!);
      if (!schools.includes(s)) schools.push(s);
    }
    const offer = schools.flatMap((s) => programs.filter((p) => schoolOf(p) === s).sort((x, y) => compareIds(x.id, y.id)));
    const p = offer.find((q) => remaining.get(q.id)! > 0 && eligible(a, q));
    if (p) {
      remaining.set(p.id, remaining.get(p.id)! - 1);
      out.set(a.id, { programId: p.id, choiceRank: 'adj' });
    }
  }
  return out;
}
