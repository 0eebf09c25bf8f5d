/**
 * What each demo graduate has done by the demo date (pure, deterministic): the mix of
 * application states of issue 9 §10 — confirmed vocational (~40 %) and general (~35 %), about
 * 8 % entered or changed but not yet confirmed by both (staff entries on the family's behalf
 * waiting for the guardian, changes the family made after a staff entry, a guardian waiting
 * for the student, plain drafts), the rest undecided. JH07 stays a little under its sending
 * target, a few junior highs go over, and JH11 has many staff entries (the R21 signal that sits
 * beside the pressure report filed there).
 */
import { applicationStatus, type ApplicationStatus, type EnteredBy, type Track } from '@zhizhao/domain';
import { mulberry32, pick } from './demo-people';

export type PlanKind =
  | 'none' | 'undecided_saved' | 'confirmed' | 'confirmed_by_staff' | 'confirmed_after_change'
  | 'staff_awaiting_guardian' | 'staff_draft' | 'changed_after_staff' | 'awaiting_student' | 'draft' | 'draft_after_confirm';

export type PlannedApplication = {
  index: number;
  kind: PlanKind;
  track: Track | null;
  /** Indices into the choosable programmes, ranked. */
  choices: number[];
  acceptAdjustment: boolean;
  version: number;
  enteredBy: EnteredBy;
  studentConfirmedVersion: number | null;
  guardianConfirmedVersion: number | null;
  staffEntries: number;
  changesAfterStaff: number;
  status: ApplicationStatus;
  enteredAt: Date;
  studentConfirmedAt: Date | null;
  guardianConfirmedAt: Date | null;
};

/** Sending target × this = confirmed vocational applicants (JH07 a little under; some over). */
const TARGET_FACTOR: Record<string, number> = { JH02: 1.08, JH07: 0.93, JH13: 1.12, JH20: 1.05, JH24: 1.1 };
const STAFF_HEAVY = new Set(['JH11']);

const HOUR = 3600_000;
/** Nothing after the evening before the demo date (2027-04-21, Beijing time). */
const LAST = Date.parse('2027-04-20T23:00:00+08:00');

export type PlanSchool = { code: string; graduates: number; target: number | null; slipsIssuedAt: Date };

/**
 * Plans one junior high's graduates (`graduates` of them, in roster order); `keep` lists indices
 * that must stay without an application (the demo student). `programmes` is the number of
 * choosable programmes; `districtRun` says which of them are district-run (chosen twice as often).
 */
export function planSchool(s: PlanSchool, programmes: { districtRun: boolean }[], seed: number, keep: ReadonlySet<number> = new Set()): PlannedApplication[] {
  const rnd = mulberry32(seed);
  const g = s.graduates;
  const factor = TARGET_FACTOR[s.code] ?? 0.82 + rnd() * 0.1;
  const voc = Math.min(Math.round((s.target ?? g * 0.45) * factor), Math.floor(g * 0.55));
  const gen = Math.min(Math.round(g * (0.33 + rnd() * 0.05)), g - voc);
  const pending = Math.min(Math.max(1, Math.round(g * 0.08)), g - voc - gen);
  const kinds: PlanKind[] = [];
  const staffShare = STAFF_HEAVY.has(s.code) ? 0.3 : 0.05;
  for (let i = 0; i < voc + gen; i++) {
    const r = rnd();
    kinds.push(r < staffShare ? 'confirmed_by_staff' : r < staffShare + 0.02 ? 'confirmed_after_change' : 'confirmed');
  }
  const pendingKinds: PlanKind[] = ['staff_awaiting_guardian', 'staff_awaiting_guardian', 'changed_after_staff', 'awaiting_student', 'draft', 'staff_draft', 'draft_after_confirm'];
  for (let i = 0; i < pending; i++) kinds.push(pendingKinds[i % pendingKinds.length]!);
  while (kinds.length < g) kinds.push(rnd() < 0.15 ? 'undecided_saved' : 'none');
  const tracks: Array<Track | null> = kinds.map((k, i) => (i < voc ? 'vocational' : i < voc + gen ? 'general' : k === 'none' || k === 'undecided_saved' ? null : rnd() < 0.6 ? 'vocational' : 'general'));

  // Shuffle who is who (Fisher–Yates), then put the kept students back to 'none'.
  const order = Array.from({ length: g }, (_, i) => i);
  for (let i = g - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const out: PlannedApplication[] = [];
  const weights = programmes.map((p) => (p.districtRun ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const weighted = () => {
    let x = rnd() * total;
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
    return weights.length - 1;
  };
  for (let slot = 0; slot < g; slot++) {
    const index = order[slot]!;
    let kind = kinds[slot]!;
    let track = tracks[slot] ?? null;
    if (keep.has(index)) [kind, track] = ['none', null];
    if (kind === 'none') continue;
    const choices: number[] = [];
    if (track === 'vocational') {
      const n = Math.min(programmes.length, 1 + Math.floor(rnd() * 3));
      while (choices.length < n) {
        const c = weighted();
        if (!choices.includes(c)) choices.push(c);
      }
    }
    out.push(describe(index, kind, track, choices, rnd, s.slipsIssuedAt));
  }
  return out.sort((a, b) => a.index - b.index);
}

function describe(index: number, kind: PlanKind, track: Track | null, choices: number[], rnd: () => number, slips: Date): PlannedApplication {
  // Families apply in the evenings after the slips came home.
  const day = 1 + Math.floor(rnd() * Math.max(1, (LAST - slips.getTime()) / (24 * HOUR) - 1));
  const enteredAt = new Date(Math.min(LAST - 2 * HOUR, slips.getTime() + day * 24 * HOUR + (2 + rnd() * 4) * HOUR));
  const later = (minH: number, maxH: number) => new Date(Math.min(LAST, enteredAt.getTime() + (minH + rnd() * (maxH - minH)) * HOUR));
  const family: EnteredBy = rnd() < 0.7 ? 'student' : 'guardian';
  const base = { index, kind, track, choices, acceptAdjustment: track === 'vocational' && rnd() < 0.7, enteredAt, staffEntries: 0, changesAfterStaff: 0 };
  let f: Omit<PlannedApplication, keyof typeof base | 'status'>;
  switch (kind) {
    case 'confirmed': {
      const v = pick(rnd, [1, 1, 1, 2, 2, 3]);
      f = { version: v, enteredBy: family, studentConfirmedVersion: v, guardianConfirmedVersion: v, studentConfirmedAt: later(0.05, 0.5), guardianConfirmedAt: later(0.1, 20) };
      break;
    }
    case 'confirmed_by_staff':
      f = { version: 1, enteredBy: 'staff', studentConfirmedVersion: 1, guardianConfirmedVersion: 1, studentConfirmedAt: later(4, 30), guardianConfirmedAt: later(6, 40) };
      Object.assign(base, { staffEntries: 1 });
      break;
    case 'confirmed_after_change':
      f = { version: 2, enteredBy: family, studentConfirmedVersion: 2, guardianConfirmedVersion: 2, studentConfirmedAt: later(0.05, 0.5), guardianConfirmedAt: later(0.2, 12) };
      Object.assign(base, { staffEntries: 1, changesAfterStaff: 1 });
      break;
    case 'staff_awaiting_guardian':
      f = { version: 1, enteredBy: 'staff', studentConfirmedVersion: 1, guardianConfirmedVersion: null, studentConfirmedAt: later(1, 24), guardianConfirmedAt: null };
      Object.assign(base, { staffEntries: 1 });
      break;
    case 'staff_draft':
      f = { version: 1, enteredBy: 'staff', studentConfirmedVersion: null, guardianConfirmedVersion: null, studentConfirmedAt: null, guardianConfirmedAt: null };
      Object.assign(base, { staffEntries: 1 });
      break;
    case 'changed_after_staff':
      f = { version: 2, enteredBy: family, studentConfirmedVersion: 2, guardianConfirmedVersion: null, studentConfirmedAt: later(0.05, 0.5), guardianConfirmedAt: null };
      Object.assign(base, { staffEntries: 1, changesAfterStaff: 1 });
      break;
    case 'awaiting_student':
      f = { version: 1, enteredBy: 'guardian', studentConfirmedVersion: null, guardianConfirmedVersion: 1, studentConfirmedAt: null, guardianConfirmedAt: later(0.05, 0.3) };
      break;
    case 'draft':
      f = { version: 1, enteredBy: 'student', studentConfirmedVersion: null, guardianConfirmedVersion: null, studentConfirmedAt: null, guardianConfirmedAt: null };
      break;
    case 'draft_after_confirm': {
      // Confirmed version 1 by both, then changed: version 2 waits for both again.
      const at = later(0, 0);
      f = { version: 2, enteredBy: family, studentConfirmedVersion: 1, guardianConfirmedVersion: 1, studentConfirmedAt: new Date(at.getTime() - 20 * HOUR), guardianConfirmedAt: new Date(at.getTime() - 18 * HOUR) };
      break;
    }
    default: // undecided_saved: looked, saved "not decided yet"
      f = { version: 1, enteredBy: family, studentConfirmedVersion: null, guardianConfirmedVersion: null, studentConfirmedAt: null, guardianConfirmedAt: null };
  }
  const status = applicationStatus({ track, version: f.version, studentConfirmedVersion: f.studentConfirmedVersion, guardianConfirmedVersion: f.guardianConfirmedVersion, social: false });
  return { ...base, ...f, status };
}
