/**
 * The demo's May of early transfers in 示例区 (R13, R14), as data: who asks for which programme
 * and what each party does, when (Beijing time, 2027). demo-transfers.ts plays it through the
 * real use cases. Two pairs of schools, each with one filed list and one list still open:
 *   A  示例区第二中学 (JH02) → 市职业高级中学校 (V02, district-run): 计算机应用, 会计事务;
 *   B  示例区第三中学 (JH03) → 示例市交通职业学校 (V11, city-run): 汽车运用与维修, 城市轨道交通运营服务.
 * The 16 forms end in every state: awaiting_family ×2 (one after a change of programme voided the
 * junior high's seal), awaiting_source, awaiting_school, sealed ×2, listed ×2 (A's open list sealed
 * by JH02 only, B's by V11 only), filed ×4 (示教职转备〔2027〕001号 for A, 002号 for B, filed on
 * 2027-05-07; three exam results), refused ×2 (by JH02; by V11), withdrawn (by a guardian after the
 * junior high's seal), returned (after filing, by the district bureau). V11's 城市轨道交通运营服务
 * ends full (3 of 3 seats).
 * Staff act on working days (May 1–5 is the Labour Day holiday; May 8–9 a weekend).
 */

export type Who = 'student' | 'guardian';
export type Party = 'source' | 'school';
export type PairKey = 'A' | 'B';
export type ExamSubject = { subject: string; sat: boolean; passed: boolean | null };

export type Step =
  | { at: string; act: 'request'; who: Who }
  /** The other family member confirms the current version. */
  | { at: string; act: 'confirm' }
  | { at: string; act: 'seal'; party: Party }
  | { at: string; act: 'refuse'; party: Party; reason: string }
  | { at: string; act: 'withdraw'; who: Who; reason: string }
  | { at: string; act: 'change'; who: Who; major: string }
  | { at: string; act: 'return'; reason: string }
  | { at: string; act: 'exam'; subjects: ExamSubject[] };

export type FormPlan = { key: string; pair: PairKey; major: string; steps: Step[] };
export type ListStep = { at: string; pair: PairKey; act: 'create' | 'seal'; party: Party } | { at: string; pair: PairKey; act: 'file' };

export const pairs: Record<PairKey, { juniorHigh: string; school: string; classes: string[] }> = {
  A: { juniorHigh: 'JH02', school: 'V02', classes: ['九(1)班', '九(2)班'] },
  B: { juniorHigh: 'JH03', school: 'V11', classes: ['九(1)班', '九(2)班'] },
};

/** The junior highs' curriculum confirmations (R13), on 2027-04-28: the pairs' classes and one class of JH05 (nobody there has asked yet). */
export const curriculum = { at: '04-28 16:00', completedOn: '2027-04-28', classes: { JH02: pairs.A.classes, JH03: pairs.B.classes, JH05: ['九(1)班'] } as Record<string, string[]> };

/** Early-transfer caps (R13: part of the planned seats), set by each school on 2027-04-29; by major code. */
export const caps: Record<string, Record<string, number>> = {
  V02: { '710201': 6, '730302': 4 },
  V11: { '700206': 5, '700601': 3 },
};

const C = '710201'; // V02 计算机应用
const K = '730302'; // V02 会计事务
const Q = '700206'; // V11 汽车运用与维修
const R = '700601'; // V11 城市轨道交通运营服务

const req = (at: string, who: Who): Step => ({ at, act: 'request', who });
const conf = (at: string): Step => ({ at, act: 'confirm' });
const seal = (at: string, party: Party): Step => ({ at, act: 'seal', party });

const passedAll: ExamSubject[] = [{ subject: '体育与健康', sat: true, passed: true }, { subject: '物理实验操作', sat: true, passed: true }, { subject: '化学实验操作', sat: true, passed: true }];

export const forms: FormPlan[] = [
  // A, first wave: sealed by both on May 6, listed and filed on May 7 (001号); one returned on May 11.
  { key: 'a1', pair: 'A', major: C, steps: [req('05-03 19:20', 'student'), conf('05-03 21:05'), seal('05-06 09:30', 'source'), seal('05-06 15:10', 'school'), { at: '05-12 16:00', act: 'exam', subjects: passedAll }] },
  { key: 'a2', pair: 'A', major: K, steps: [req('05-04 10:15', 'guardian'), conf('05-04 20:30'), seal('05-06 09:32', 'source'), seal('05-06 15:12', 'school'),
    { at: '05-12 16:05', act: 'exam', subjects: [{ subject: '体育与健康', sat: true, passed: true }, { subject: '物理实验操作', sat: true, passed: false }, { subject: '化学实验操作', sat: true, passed: true }] }] },
  { key: 'a3', pair: 'A', major: C, steps: [req('05-05 18:30', 'student'), conf('05-05 19:00'), seal('05-06 09:36', 'source'), seal('05-06 15:16', 'school'),
    { at: '05-11 16:30', act: 'return', reason: '该生因身体原因需回初中学校就读，经家长书面申请、双方学校同意，区教育局决定退回示例区第二中学' }] },
  // A, second wave: one on the open list JH02 sealed on May 11, one sealed after it, the others on their way.
  { key: 'a4', pair: 'A', major: C, steps: [req('05-06 19:00', 'guardian'), conf('05-06 19:30'), seal('05-10 09:30', 'source'), seal('05-10 15:00', 'school')] },
  { key: 'a5', pair: 'A', major: K, steps: [req('05-08 10:00', 'student'), conf('05-08 11:00'), seal('05-10 09:34', 'source'), seal('05-11 14:00', 'school')] },
  { key: 'a6', pair: 'A', major: C, steps: [req('05-09 19:00', 'guardian'), conf('05-09 19:20'), seal('05-11 10:00', 'source')] },
  { key: 'a7', pair: 'A', major: K, steps: [req('05-11 19:40', 'student'), conf('05-11 20:15')] },
  { key: 'a8', pair: 'A', major: C, steps: [req('05-12 07:30', 'student')] },
  { key: 'a9', pair: 'A', major: K, steps: [req('05-07 19:00', 'guardian'), conf('05-07 19:10'),
    { at: '05-10 10:00', act: 'refuse', party: 'source', reason: '经班主任家访核实，家长对提前到校学习的住宿和往返交通安排尚有顾虑，学校暂不盖章；家长当面确认后可重新申请' }] },
  { key: 'a10', pair: 'A', major: C, steps: [req('05-06 20:00', 'student'), conf('05-06 20:30'), seal('05-10 09:36', 'source'),
    { at: '05-10 21:00', act: 'withdraw', who: 'guardian', reason: '家长决定让孩子在初中参加完学业水平考试后再到中职学校报到' }] },
  // B, first wave: filed on May 7 (002号).
  { key: 'b1', pair: 'B', major: Q, steps: [req('05-03 10:00', 'student'), conf('05-03 20:00'), seal('05-06 10:00', 'source'), seal('05-06 14:30', 'school'),
    { at: '05-12 16:30', act: 'exam', subjects: [{ subject: '体育与健康', sat: true, passed: true }, { subject: '物理实验操作', sat: true, passed: true }, { subject: '化学实验操作', sat: false, passed: null }] }] },
  { key: 'b2', pair: 'B', major: R, steps: [req('05-04 19:30', 'guardian'), conf('05-04 21:00'), seal('05-06 10:02', 'source'), seal('05-06 14:32', 'school')] },
  // B, second wave: one on the open list V11 sealed on May 11, one sealed after it; a change after the junior high's seal voided that seal.
  { key: 'b3', pair: 'B', major: R, steps: [req('05-06 18:00', 'student'), conf('05-06 18:30'), seal('05-10 10:00', 'source'), seal('05-10 14:00', 'school')] },
  { key: 'b4', pair: 'B', major: Q, steps: [req('05-07 18:00', 'guardian'), conf('05-07 21:00'), seal('05-10 10:02', 'source'), seal('05-11 15:00', 'school')] },
  { key: 'b5', pair: 'B', major: Q, steps: [req('05-06 19:10', 'student'), conf('05-06 19:40'), seal('05-07 10:00', 'source'), { at: '05-09 20:00', act: 'change', who: 'student', major: R }] },
  { key: 'b6', pair: 'B', major: Q, steps: [req('05-06 20:10', 'guardian'), conf('05-06 20:20'), seal('05-07 10:02', 'source'),
    { at: '05-10 14:10', act: 'refuse', party: 'school', reason: '汽车运用与维修专业本学期实训车间已满负荷，无法为提前到校学生安排实训，建议参加统一招生录取或改报本校其他专业' }] },
];

export const listSteps: ListStep[] = [
  { at: '05-07 09:00', pair: 'A', act: 'create', party: 'source' },
  { at: '05-07 09:05', pair: 'A', act: 'seal', party: 'source' },
  { at: '05-07 09:30', pair: 'B', act: 'create', party: 'school' },
  { at: '05-07 09:35', pair: 'B', act: 'seal', party: 'school' },
  { at: '05-07 10:20', pair: 'A', act: 'seal', party: 'school' },
  { at: '05-07 11:00', pair: 'B', act: 'seal', party: 'source' },
  { at: '05-07 16:00', pair: 'A', act: 'file' },
  { at: '05-07 16:10', pair: 'B', act: 'file' },
  { at: '05-11 09:00', pair: 'A', act: 'create', party: 'source' },
  { at: '05-11 09:05', pair: 'A', act: 'seal', party: 'source' },
  { at: '05-11 10:00', pair: 'B', act: 'create', party: 'school' },
  { at: '05-11 10:05', pair: 'B', act: 'seal', party: 'school' },
];

/** R14: how each enrolling school prepares its students for the academic exam, recorded on May 10. */
export const examPrep = [
  {
    at: '05-10 11:00', pair: 'A' as PairKey, mode: 'school_courses' as const,
    courses: [
      { subject: '语文', teacher: '周文华', hoursPerWeek: 4 }, { subject: '数学', teacher: '陈建国', hoursPerWeek: 4 },
      { subject: '英语', teacher: '林晓', hoursPerWeek: 3 }, { subject: '道德与法治', teacher: '王芳', hoursPerWeek: 2 },
    ],
    notes: '文化课由本校高一文化课教师承担，每周五下午与示例区第二中学对接一次教学进度，学业水平考试前安排两次模拟考试。',
  },
  {
    at: '05-10 11:30', pair: 'B' as PairKey, mode: 'tiered_at_junior_high' as const, courses: [],
    notes: '学生每周一、三、五上午回示例区第三中学参加文化课分层教学，由初中任课教师授课；本校安排专人对接，每月与初中学校核对出勤和学习情况。',
  },
];
