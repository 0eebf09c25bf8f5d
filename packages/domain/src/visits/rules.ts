/**
 * Campus publicity visits (进校宣传) as pure rules: R4 (qualified this year), R7 (a filed
 * brochure to hand out), R9 (inside the window of the school's kind), R10 (at most the
 * campaign's limit, never in the junior high's protected lesson time) and no overlap with
 * another approved visit at the same junior high. Dates and clock times are the campaign's
 * local calendar (`YYYY-MM-DD`, `HH:MM`); a visit never crosses midnight.
 */
export type LocalSlot = { date: string; start: string; end: string };
/** A protected period: on a weekday (1 = Monday … 7 = Sunday) or on one date, from–to. */
export type ProtectedPeriod = { weekday?: number; date?: string; start: string; end: string; label?: string };

export type VisitContext = {
  runBy: 'district' | 'city';
  qualified: boolean;
  hasFiledBrochure: boolean;
  windows: { districtRun: { from: string; to: string }; cityRun: { from: string; to: string } };
  maxVisitMinutes: number;
  protectedPeriods: readonly ProtectedPeriod[];
  /** Approved visits at the same junior high (the one being decided excluded). */
  approvedAtJuniorHigh: readonly (LocalSlot & { id?: number; school?: string })[];
  /** The business date (the campaign's calendar): a visit is never for a day gone. Absent: not checked. */
  today?: string;
  /** The school day (campaign setting, default 07:30–18:00): a visit falls inside it. Absent: not checked. */
  schoolDay?: { start: string; end: string };
  /** The same school's requests and visits in force at the same junior high (the one being decided excluded): no duplicates. */
  ownAtJuniorHigh?: readonly (LocalSlot & { id?: number; status?: string })[];
};

export type VisitRefusalCode =
  | 'VISIT_BAD_TIME'
  | 'SCHOOL_NOT_QUALIFIED'
  | 'VISIT_NO_FILED_BROCHURE'
  | 'VISIT_OUTSIDE_WINDOW'
  | 'VISIT_TOO_LONG'
  | 'VISIT_IN_PROTECTED_TIME'
  | 'VISIT_OVERLAPS'
  | 'VISIT_IN_PAST'
  | 'VISIT_OUTSIDE_SCHOOL_DAY'
  | 'VISIT_DUPLICATE';

export type VisitRefusal = { code: VisitRefusalCode; rule: 'R4' | 'R7' | 'R9' | 'R10' | 'R19' | null; zh: string; en: string; details?: Record<string, unknown> };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(time: string): number | null {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Half-open intervals [start, end): back-to-back visits touch but do not overlap. */
export function overlaps(a: LocalSlot, b: LocalSlot): boolean {
  if (a.date !== b.date) return false;
  return minutesOf(a.start)! < minutesOf(b.end)! && minutesOf(b.start)! < minutesOf(a.end)!;
}

export function visitWindow(ctx: Pick<VisitContext, 'runBy' | 'windows'>) {
  return ctx.runBy === 'district' ? ctx.windows.districtRun : ctx.windows.cityRun;
}

/** Every reason to refuse a visit request; an empty list means it may be approved. */
export function checkVisit(slot: LocalSlot, ctx: VisitContext): VisitRefusal[] {
  const refusals: VisitRefusal[] = [];
  const start = minutesOf(slot.start);
  const end = minutesOf(slot.end);
  if (start === null || end === null || end <= start || !/^\d{4}-\d{2}-\d{2}$/.test(slot.date)) {
    return [{ code: 'VISIT_BAD_TIME', rule: null, zh: '时间有误：结束时间须晚于开始时间（同一天内）', en: 'bad time: the end must be after the start, on the same day' }];
  }
  if (ctx.today !== undefined && slot.date < ctx.today) {
    refusals.push({ code: 'VISIT_IN_PAST', rule: 'R19', zh: `进校宣传日期 ${slot.date} 已过（今天是 ${ctx.today}），不能申请或批准`, en: `the visit's date ${slot.date} has passed (today is ${ctx.today})`, details: { today: ctx.today } });
  }
  if (ctx.schoolDay && (start < minutesOf(ctx.schoolDay.start)! || end > minutesOf(ctx.schoolDay.end)!)) {
    refusals.push({
      code: 'VISIT_OUTSIDE_SCHOOL_DAY', rule: 'R10',
      zh: `进校宣传须在学校作息时间 ${ctx.schoolDay.start}–${ctx.schoolDay.end} 内（R10：不得影响正常教学秩序）`,
      en: `a visit falls within the school day ${ctx.schoolDay.start}–${ctx.schoolDay.end} (R10)`,
      details: { schoolDay: ctx.schoolDay },
    });
  }
  const twin = ctx.ownAtJuniorHigh?.find((v) => overlaps(slot, v));
  if (twin) {
    refusals.push({
      code: 'VISIT_DUPLICATE', rule: 'R19',
      zh: `本校已有同一时段到该初中学校的进校宣传申请（${twin.date} ${twin.start}–${twin.end}），请勿重复申请`,
      en: `the school already asked to visit this junior high at that time (${twin.date} ${twin.start}–${twin.end})`,
      details: { visitId: twin.id ?? null },
    });
  }
  if (!ctx.qualified) refusals.push({ code: 'SCHOOL_NOT_QUALIFIED', rule: 'R4', zh: '学校不具备本年度招生资格，不能进校宣传（R4）', en: 'the school is not qualified to enroll this year and may not visit (R4)' });
  if (!ctx.hasFiledBrochure) refusals.push({ code: 'VISIT_NO_FILED_BROCHURE', rule: 'R7', zh: '学校没有已备案的招生简章，不能进校宣传（R7）', en: 'the school has no filed brochure to hand out (R7)' });
  const w = visitWindow(ctx);
  if (slot.date < w.from || slot.date > w.to) {
    refusals.push({
      code: 'VISIT_OUTSIDE_WINDOW', rule: 'R9',
      zh: `${ctx.runBy === 'district' ? '区属' : '市属'}学校进校宣传时间为 ${w.from} 至 ${w.to}（R9）`,
      en: `${ctx.runBy === 'district' ? 'district-run' : 'city-run'} schools visit from ${w.from} to ${w.to} (R9)`,
      details: { window: w },
    });
  }
  if (end - start > ctx.maxVisitMinutes) {
    refusals.push({
      code: 'VISIT_TOO_LONG', rule: 'R10',
      zh: `每次进校宣传不超过 ${ctx.maxVisitMinutes} 分钟，申请为 ${end - start} 分钟（R10）`,
      en: `a visit lasts at most ${ctx.maxVisitMinutes} minutes; this one is ${end - start} (R10)`,
      details: { minutes: end - start, max: ctx.maxVisitMinutes },
    });
  }
  for (const p of ctx.protectedPeriods) {
    const applies = (p.date !== undefined && p.date === slot.date) || (p.weekday !== undefined && p.weekday === weekdayOf(slot.date));
    if (applies && overlaps(slot, { date: slot.date, start: p.start, end: p.end })) {
      refusals.push({
        code: 'VISIT_IN_PROTECTED_TIME', rule: 'R10',
        zh: `与初中学校的教学保护时段 ${p.start}–${p.end}${p.label ? `（${p.label}）` : ''} 冲突，不得影响正常教学秩序（R10）`,
        en: `it falls in the junior high's protected lesson time ${p.start}–${p.end} (R10: teaching must not be disturbed)`,
        details: { period: p },
      });
      break;
    }
  }
  const clash = ctx.approvedAtJuniorHigh.find((v) => overlaps(slot, v));
  if (clash) {
    refusals.push({
      code: 'VISIT_OVERLAPS', rule: null,
      zh: `与该校已批准的进校宣传（${clash.school ?? ''} ${clash.start}–${clash.end}）时间重叠`,
      en: `it overlaps an approved visit at this junior high (${clash.school ?? ''} ${clash.start}–${clash.end})`,
      details: { visitId: clash.id ?? null },
    });
  }
  return refusals;
}

/** Minutes a checked-in visit lasted, and whether it ran over the approved slot or the limit. */
export function visitOverrun(slot: LocalSlot, checkedIn: Date, checkedOut: Date, maxVisitMinutes: number) {
  const actual = Math.max(0, Math.round((checkedOut.getTime() - checkedIn.getTime()) / 60_000));
  const planned = minutesOf(slot.end)! - minutesOf(slot.start)!;
  return { actualMinutes: actual, plannedMinutes: planned, overrun: actual > Math.min(planned, maxVisitMinutes) };
}
