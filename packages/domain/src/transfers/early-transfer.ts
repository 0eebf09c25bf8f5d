/**
 * Early transfer (提前到中职学习, R13, R14), pure: the date gate in the campaign's time zone, who
 * may request, the seat cap per programme, and the state machines of the form (the plan's
 * Annex 4 中等职业学校志愿填报表, sealed by both schools) and of the combined list (汇总名单,
 * sealed by both schools and filed by the district bureau).
 *
 * A form moves:
 *   awaiting_family ──confirm (both)──► awaiting_source ──seal (junior high)──► awaiting_school
 *     ──seal (enrolling school)──► sealed ──list──► listed ──file (district, with its list)──► filed
 *     ──return (district, after filing)──► returned
 * The family may change the programme up to `sealed`: a change voids the seals (back to
 * awaiting_family). Either school refuses at its own seal (refused); before filing the family or
 * either school withdraws with a reason (withdrawn; a listed form voids its list). Nothing is
 * deleted: refused, withdrawn and returned are final, and a new request starts a new form.
 */
import { localTime } from '../visits/gate';
import type { CampaignSettings } from '../campaign/settings';

export const transferStatuses = ['awaiting_family', 'awaiting_source', 'awaiting_school', 'sealed', 'listed', 'filed', 'refused', 'withdrawn', 'returned'] as const;
export type TransferStatus = (typeof transferStatuses)[number];
/** A form in one of these holds a seat of its programme (counted against the cap). */
export const seatHoldingStatuses: readonly TransferStatus[] = ['awaiting_family', 'awaiting_source', 'awaiting_school', 'sealed', 'listed', 'filed'];
export const activeTransferStatuses = seatHoldingStatuses;
export const finalTransferStatuses: readonly TransferStatus[] = ['refused', 'withdrawn', 'returned'];

export const transferActions = ['confirm', 'change', 'seal', 'refuse', 'withdraw', 'list', 'unlist', 'file', 'return'] as const;
export type TransferAction = (typeof transferActions)[number];
export const transferParties = ['student', 'guardian', 'source', 'school', 'district', 'system'] as const;
/** source: the junior high whose roster holds the student; school: the enrolling vocational school. */
export type TransferParty = (typeof transferParties)[number];

export type TransitionRefusal = { code: 'EARLY_TRANSFER_TRANSITION'; rule: string; zh: string; en: string };
export type TransferTransitionResult = { ok: true; to: TransferStatus; voidsSeals: boolean } | { ok: false; refusal: TransitionRefusal };

const family = (p: TransferParty) => p === 'student' || p === 'guardian';
const no = (rule: string, zh: string, en: string): TransferTransitionResult => ({ ok: false, refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule, zh, en } });
const to = (s: TransferStatus, voidsSeals = false): TransferTransitionResult => ({ ok: true, to: s, voidsSeals });

/**
 * The one place that says which step follows which. `bothConfirmed` tells a confirmation
 * whether, with it, the student and the guardian have both confirmed the current version.
 */
export function transferTransition(from: TransferStatus, action: TransferAction, party: TransferParty, facts: { bothConfirmed?: boolean } = {}): TransferTransitionResult {
  if (finalTransferStatuses.includes(from)) return no('R13', `该申请已${transferStatusLabels[from].zh}，不能再操作；如需提前到中职学习请重新申请`, `This request is ${transferStatusLabels[from].en.toLowerCase()}: nothing more can happen to it; start a new request`);
  switch (action) {
    case 'confirm':
      if (!family(party)) return no('R13', '只有学生和家长本人可以确认申请', 'Only the student and the guardian confirm the request');
      if (from !== 'awaiting_family') return no('R13', '申请已确认，无需再次确认', 'The request is already confirmed');
      return to(facts.bothConfirmed ? 'awaiting_source' : 'awaiting_family');
    case 'change':
      if (!family(party)) return no('R13', '只有学生和家长可以修改申请的专业', 'Only the family changes the programme of the request');
      if (from === 'listed' || from === 'filed') return no('R14', '申请已列入汇总名单，不能修改；如需更改请先撤回', 'The request is on a combined list: withdraw it before changing it');
      return to('awaiting_family', from !== 'awaiting_family' && from !== 'awaiting_source');
    case 'seal':
      if (from === 'awaiting_family') return no('R13', '学生和家长尚未都确认申请，学校不能盖章', 'The student and the guardian have not both confirmed: no school may seal yet');
      if (from === 'awaiting_source') return party === 'source' ? to('awaiting_school') : no('R13', '须先由初中学校（生源学校）盖章，再由中职学校盖章', 'The junior high seals first, then the vocational school');
      if (from === 'awaiting_school') return party === 'school' ? to('sealed') : no('R13', '初中学校已盖章，等待中职学校盖章', 'The junior high has sealed: the vocational school seals next');
      return no('R13', '双方学校均已盖章', 'Both schools have sealed');
    case 'refuse':
      if (from === 'awaiting_source' && party === 'source') return to('refused');
      if (from === 'awaiting_school' && party === 'school') return to('refused');
      return no('R13', '只有轮到盖章的学校可以不同意（拒绝）该申请', 'Only the school whose seal is due may refuse the request');
    case 'withdraw':
      if (!(family(party) || party === 'source' || party === 'school')) return no('R14', '撤回须由学生家长或双方学校提出', 'The family or either school withdraws');
      if (from === 'filed') return no('R14', '汇总名单已由区教育局备案，撤回须由区教育局决定退回初中学校', 'The list is filed: a return to the junior high is the district bureau\'s decision');
      return to('withdrawn', from !== 'awaiting_family' && from !== 'awaiting_source');
    case 'list':
      if (party !== 'system') return no('R14', '申请随汇总名单列入', 'A request is listed with its combined list');
      return from === 'sealed' ? to('listed') : no('R14', '只有双方均已盖章的申请才能列入汇总名单', 'Only a request both schools sealed goes on a combined list');
    case 'unlist':
      if (party !== 'system') return no('R14', '汇总名单撤回时申请随之退出', 'A request leaves a list when the list is withdrawn');
      return from === 'listed' ? to('sealed') : no('R14', '该申请不在汇总名单上', 'The request is not on a list');
    case 'file':
      if (party !== 'district') return no('R14', '汇总名单由区教育局备案', 'The district bureau files the combined list');
      return from === 'listed' ? to('filed') : no('R14', '只有列入双方已盖章汇总名单的申请才能备案', 'Only a request on a list both schools sealed is filed');
    case 'return':
      if (party !== 'district') return no('R14', '备案后退回初中学校须由区教育局决定', 'After filing, only the district bureau decides a return to the junior high');
      return from === 'filed' ? to('returned') : no('R14', '只有已备案的学生才能退回初中学校；备案前请撤回申请', 'Only a filed transfer is returned; before filing, withdraw the request');
  }
}

// ---------------------------------------------------------------- the combined list (汇总名单)

export const transferListStatuses = ['open', 'sealed', 'filed', 'withdrawn'] as const;
export type TransferListStatus = (typeof transferListStatuses)[number];
export type ListSeals = { source: boolean; school: boolean };

/** Which seal a party adds to a list; a list is sealed when both have. */
export function listSealStep(status: TransferListStatus, seals: ListSeals, party: TransferParty): { ok: true; seals: ListSeals; status: TransferListStatus } | { ok: false; refusal: TransitionRefusal } {
  if (status !== 'open') return { ok: false, refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule: 'R14', zh: status === 'withdrawn' ? '该汇总名单已撤回' : status === 'filed' ? '该汇总名单已备案' : '汇总名单已由双方盖章', en: status === 'withdrawn' ? 'This list was withdrawn' : status === 'filed' ? 'This list is filed' : 'Both schools have sealed this list' } };
  if (party !== 'source' && party !== 'school') return { ok: false, refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule: 'R14', zh: '汇总名单由初中学校和中职学校盖章', en: 'The junior high and the vocational school seal the list' } };
  if (seals[party]) return { ok: false, refusal: { code: 'EARLY_TRANSFER_TRANSITION', rule: 'R14', zh: '本校已在该汇总名单上盖章', en: 'Your school has already sealed this list' } };
  const next = { ...seals, [party]: true };
  return { ok: true, seals: next, status: next.source && next.school ? 'sealed' : 'open' };
}

// ---------------------------------------------------------------- the request's rules

/** The first day early transfer may start (R13), in the campaign's local calendar. */
export function earlyTransferOpen(now: Date, timeZone: string, settings: Pick<CampaignSettings, 'earlyTransferFrom' | 'phases'>): 'before' | 'open' | 'after' {
  const today = localTime(now, timeZone).date;
  if (today < settings.earlyTransferFrom) return 'before';
  if (today > settings.phases.earlyTransfer.to) return 'after';
  return 'open';
}

export type TransferRequestFacts = {
  window: 'before' | 'open' | 'after';
  settings: Pick<CampaignSettings, 'earlyTransferFrom' | 'phases'>;
  /** grade9: on a junior high's roster; social applicants are not in grade 9. */
  grade9: boolean;
  /** The application's track and whether the family has confirmed it (R11). */
  track: 'vocational' | 'general' | null;
  applicationConfirmed: boolean;
  /** The junior high confirmed the compulsory curriculum is finished (R13). */
  curriculumConfirmed: boolean;
  /** Another form of the student that is not final. */
  activeRequest: boolean;
  programme: { exists: boolean; qualified: boolean; filed: boolean; cap: number; held: number } | null;
};

export type TransferRequestRefusalCode =
  | 'EARLY_TRANSFER_NOT_OPEN'
  | 'EARLY_TRANSFER_CLOSED'
  | 'EARLY_TRANSFER_NOT_GRADE9'
  | 'EARLY_TRANSFER_NOT_VOCATIONAL'
  | 'EARLY_TRANSFER_CURRICULUM'
  | 'EARLY_TRANSFER_ACTIVE'
  | 'EARLY_TRANSFER_UNKNOWN_PROGRAMME'
  | 'EARLY_TRANSFER_NOT_QUALIFIED'
  | 'EARLY_TRANSFER_NOT_FILED'
  | 'EARLY_TRANSFER_NO_SEATS';
export type TransferRequestRefusal = { code: TransferRequestRefusalCode; rule: string; zh: string; en: string };

const r = (code: TransferRequestRefusalCode, rule: string, zh: string, en: string): TransferRequestRefusal => ({ code, rule, zh, en });

/** Every rule a request (or a change of programme) breaks; empty when it may go ahead. */
export function checkTransferRequest(f: TransferRequestFacts, opts: { change?: boolean } = {}): TransferRequestRefusal[] {
  const out: TransferRequestRefusal[] = [];
  if (f.window === 'before') out.push(r('EARLY_TRANSFER_NOT_OPEN', 'R13', `${f.settings.earlyTransferFrom} 起方可申请提前到中职学校学习`, `Early transfer starts on ${f.settings.earlyTransferFrom}`));
  if (f.window === 'after') out.push(r('EARLY_TRANSFER_CLOSED', 'R13', `提前到中职学习的申请已于 ${f.settings.phases.earlyTransfer.to} 截止`, `Early-transfer requests closed on ${f.settings.phases.earlyTransfer.to}`));
  if (!f.grade9) out.push(r('EARLY_TRANSFER_NOT_GRADE9', 'R13', '提前到中职学习只适用于初三学生', 'Early transfer is for grade-9 students'));
  if (f.track !== 'vocational' || !f.applicationConfirmed) out.push(r('EARLY_TRANSFER_NOT_VOCATIONAL', 'R13', '须先填报并确认中职志愿（学生和家长均已确认），才能申请提前到中职学习', 'The student and the guardian must first confirm a vocational application'));
  if (!f.curriculumConfirmed) out.push(r('EARLY_TRANSFER_CURRICULUM', 'R13', '初中学校尚未确认该生已完成义务教育阶段课程', 'The junior high has not confirmed the student finished the compulsory curriculum'));
  if (f.activeRequest && !opts.change) out.push(r('EARLY_TRANSFER_ACTIVE', 'R13', '已有一份进行中的提前到中职学习申请', 'There is already an early-transfer request in progress'));
  const p = f.programme;
  if (!p || !p.exists) out.push(r('EARLY_TRANSFER_UNKNOWN_PROGRAMME', 'R13', '所选专业不在本招生活动的招生计划内', 'The programme is not in this campaign\'s plan'));
  else {
    if (!p.qualified) out.push(r('EARLY_TRANSFER_NOT_QUALIFIED', 'R4', '该学校不在本年度具备招生资格的学校名单内', 'The school is not on this year\'s list of qualified schools'));
    if (!p.filed) out.push(r('EARLY_TRANSFER_NOT_FILED', 'R7', '该学校没有经审查备案的招生简章', 'The school has no reviewed and filed brochure'));
    if (p.held >= p.cap) out.push(r('EARLY_TRANSFER_NO_SEATS', 'R13', p.cap === 0 ? '该专业不接收提前到校学习的学生（提前学习名额为 0）' : `该专业提前学习名额（${p.cap} 个）已满`, p.cap === 0 ? 'The programme takes no early-transfer students (its cap is 0)' : `The programme's ${p.cap} early-transfer seats are taken`));
  }
  return out;
}

/** Seats a programme still offers for early transfer. */
export const earlyTransferSeatsLeft = (cap: number, held: number) => Math.max(0, cap - held);

/** The cap is part of the planned seats (R13): never above them, never negative. */
export function checkEarlyTransferCap(cap: number, seats: number, held: number): { zh: string; en: string } | null {
  if (!Number.isInteger(cap) || cap < 0) return { zh: '提前学习名额须为非负整数', en: 'The early-transfer cap must be a whole number, 0 or more' };
  if (cap > seats) return { zh: `提前学习名额（${cap}）不能超过该专业的计划招生数（${seats}）`, en: `The early-transfer cap (${cap}) cannot exceed the planned seats (${seats})` };
  if (cap < held) return { zh: `已有 ${held} 名学生占用提前学习名额，名额不能少于此数`, en: `${held} students already hold early-transfer seats: the cap cannot go below that` };
  return null;
}

/** Seats the central admission still fills: planned seats less those held by filed early transfers (R13, R15). */
export const seatsForAdmission = (seats: number, heldByFiled: number) => Math.max(0, seats - heldByFiled);

export const transferStatusLabels: Record<TransferStatus, { zh: string; en: string }> = {
  awaiting_family: { zh: '待学生和家长确认', en: 'Awaiting the family' },
  awaiting_source: { zh: '待初中学校盖章', en: 'Awaiting the junior high\'s seal' },
  awaiting_school: { zh: '待中职学校盖章', en: 'Awaiting the vocational school\'s seal' },
  sealed: { zh: '双方已盖章', en: 'Sealed by both schools' },
  listed: { zh: '已列入汇总名单', en: 'On a combined list' },
  filed: { zh: '已备案（提前到校学习）', en: 'Filed: studying early' },
  refused: { zh: '学校不同意', en: 'Refused' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  returned: { zh: '已退回初中学校', en: 'Returned to the junior high' },
};
export const transferListStatusLabels: Record<TransferListStatus, { zh: string; en: string }> = {
  open: { zh: '待双方盖章', en: 'Awaiting seals' },
  sealed: { zh: '双方已盖章，待区教育局备案', en: 'Sealed: awaiting filing' },
  filed: { zh: '已备案', en: 'Filed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** How the enrolling school prepares its early-transfer students for the academic exam (R14). */
export const examPrepModes = ['school_courses', 'tiered_at_junior_high'] as const;
export type ExamPrepMode = (typeof examPrepModes)[number];
export const examPrepModeLabels: Record<ExamPrepMode, { zh: string; en: string }> = {
  school_courses: { zh: '中职学校开设文化课程', en: 'Courses at the vocational school' },
  tiered_at_junior_high: { zh: '留在初中分层教学', en: 'Tiered teaching kept at the junior high' },
};

/** The early-transfer list's filing numbers (the district's), `{year}` and `{seq}` / `{seq:N}`. */
export const DEFAULT_TRANSFER_LIST_PATTERN = '示教职转备〔{year}〕{seq:3}号';
