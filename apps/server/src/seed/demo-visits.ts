/**
 * The demo's April of campus visits in 示例区 (R9, R10, R19), made by the same use cases a
 * clerk calls, inside the seed's transaction, so every step is audited like the real thing:
 *   protected lesson time at JH01, JH03, JH07 (mid-term exams) and JH10;
 *   the district-run schools (V01, V02) April 20–26, the city-run ones (V11, V12, V15)
 *   April 27–30 — 18 permits 示区教宣许〔2027〕0001–0018号 signed with 示例区教育局's key;
 *   on April 20 one visit checked in and out on time and one that ran over (135 of 90 minutes);
 *   one permit revoked, one request refused with a reason, one slot proposed by the junior
 *   high, three requests waiting for the bureau (two of them overlapping at JH12);
 *   two reports of unauthorised recruiting (V16, not qualified, at JH15's gate; an agency).
 * The business time of each step is set explicitly (requests early April, approvals before
 * the window), so the demo reads the same every time it is seeded.
 */
import type { Tx } from '../db/client';
import { actorByUsername } from '../auth/actor';
import type { VisitCtx } from '../features/visits/context';
import { requestVisitIn } from '../features/visits/request-visit';
import { approveVisitIn } from '../features/visits/approve-visit';
import { refuseVisitIn } from '../features/visits/refuse-visit';
import { revokePermitIn } from '../features/visits/revoke-permit';
import { proposeSlotIn } from '../features/visits/propose-slot';
import { checkInVisitIn } from '../features/visits/check-in-visit';
import { checkOutVisitIn } from '../features/visits/check-out-visit';
import { currentFiledBrochure } from '../features/visits/check-slot';
import { replaceProtectedPeriodsIn } from '../features/visits/protected-periods';
import { createVisitReportIn } from '../features/visits/create-visit-report';
import { acknowledgeVisitReportIn } from '../features/visits/acknowledge-visit-report';

/** The demo district keeps Beijing time; instants below are written with +08:00. */
const ZONE = 'Asia/Shanghai';
const t = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);

async function as(tx: Tx, username: string, now: Date): Promise<VisitCtx> {
  return { actor: await actorByUsername(tx, username), requestId: null, ip: null, now, timeZone: ZONE, keySecret: process.env.ZHIZHAO_KEY_SECRET || undefined };
}

const staff: Record<string, Array<{ name: string; phone: string }>> = {
  V01: [{ name: '李明', phone: '138-0000-0101' }, { name: '周婷', phone: '138-0000-0102' }],
  V02: [{ name: '王磊', phone: '138-0000-0201' }, { name: '陈静', phone: '138-0000-0202' }, { name: '刘洋', phone: '138-0000-0203' }],
  V11: [{ name: '赵强', phone: '139-0000-1101' }],
  V12: [{ name: '孙丽', phone: '139-0000-1201' }, { name: '吴敏', phone: '139-0000-1202' }],
  V15: [{ name: '郑凯', phone: '139-0000-1501' }, { name: '何欣', phone: '139-0000-1502' }],
};

type Plan = { school: string; jh: string; date: string; start: string; end: string; requested: string; then?: 'approve' | 'refuse' | 'propose' | 'wait' };

/** In the order the requests came in (early April); `then` is what the bureau or the junior high did. */
const plan: Plan[] = [
  { school: 'V01', jh: 'JH01', date: '2027-04-20', start: '14:30', end: '16:00', requested: '2027-04-06' },
  { school: 'V02', jh: 'JH02', date: '2027-04-20', start: '14:00', end: '15:30', requested: '2027-04-06' },
  { school: 'V01', jh: 'JH04', date: '2027-04-21', start: '15:00', end: '16:30', requested: '2027-04-07' },
  { school: 'V02', jh: 'JH05', date: '2027-04-21', start: '09:00', end: '10:30', requested: '2027-04-07' },
  { school: 'V02', jh: 'JH01', date: '2027-04-22', start: '14:00', end: '15:30', requested: '2027-04-07' },
  { school: 'V01', jh: 'JH06', date: '2027-04-22', start: '09:30', end: '11:00', requested: '2027-04-08' },
  { school: 'V01', jh: 'JH09', date: '2027-04-23', start: '14:00', end: '15:30', requested: '2027-04-08' },
  { school: 'V02', jh: 'JH08', date: '2027-04-23', start: '09:00', end: '10:30', requested: '2027-04-08' },
  { school: 'V02', jh: 'JH07', date: '2027-04-26', start: '14:00', end: '15:30', requested: '2027-04-09' },
  { school: 'V01', jh: 'JH10', date: '2027-04-26', start: '14:30', end: '16:00', requested: '2027-04-09' },
  { school: 'V11', jh: 'JH01', date: '2027-04-27', start: '14:00', end: '15:30', requested: '2027-04-09' },
  { school: 'V12', jh: 'JH02', date: '2027-04-27', start: '09:00', end: '10:30', requested: '2027-04-12' },
  { school: 'V15', jh: 'JH03', date: '2027-04-28', start: '09:00', end: '10:30', requested: '2027-04-12' },
  { school: 'V11', jh: 'JH04', date: '2027-04-28', start: '14:00', end: '16:00', requested: '2027-04-12' },
  { school: 'V15', jh: 'JH07', date: '2027-04-28', start: '14:00', end: '15:30', requested: '2027-04-13', then: 'refuse' },
  { school: 'V12', jh: 'JH07', date: '2027-04-29', start: '14:00', end: '15:30', requested: '2027-04-13' },
  { school: 'V15', jh: 'JH05', date: '2027-04-29', start: '09:30', end: '11:00', requested: '2027-04-13' },
  { school: 'V11', jh: 'JH08', date: '2027-04-30', start: '09:00', end: '10:30', requested: '2027-04-14' },
  { school: 'V12', jh: 'JH13', date: '2027-04-30', start: '14:00', end: '15:30', requested: '2027-04-14' },
  { school: 'V12', jh: 'JH03', date: '2027-04-29', start: '14:00', end: '15:30', requested: '2027-04-15', then: 'propose' },
  { school: 'V02', jh: 'JH11', date: '2027-04-26', start: '09:00', end: '10:30', requested: '2027-04-19', then: 'wait' },
  { school: 'V01', jh: 'JH12', date: '2027-04-23', start: '15:00', end: '16:30', requested: '2027-04-19', then: 'wait' },
  { school: 'V02', jh: 'JH12', date: '2027-04-23', start: '15:30', end: '17:00', requested: '2027-04-20', then: 'wait' },
  { school: 'V11', jh: 'JH14', date: '2027-04-29', start: '09:00', end: '10:30', requested: '2027-04-20', then: 'wait' },
];

export async function seedDemoVisits(tx: Tx, orgIds: Map<string, number>, campaignIds: Map<string, number>): Promise<void> {
  const campaignId = campaignIds.get('D01')!;
  const id = (code: string) => orgIds.get(code)!;
  const jhAdmin = (code: string, now: Date) => as(tx, `${code.toLowerCase()}.admin`, now);

  // R10: lesson time the junior highs protect, entered by the schools (JH07's exams by the bureau).
  const weekdays = (start: string, end: string, label: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, date: null, start, end, label }));
  await replaceProtectedPeriodsIn(tx, await jhAdmin('JH01', t('2027-04-01', '10:00')), id('JH01'), weekdays('08:00', '11:40', '上午正常教学'));
  await replaceProtectedPeriodsIn(tx, await jhAdmin('JH03', t('2027-04-01', '10:30')), id('JH03'), [{ weekday: 3, date: null, start: '14:00', end: '17:00', label: '周三下午教研活动' }]);
  await replaceProtectedPeriodsIn(tx, await jhAdmin('JH10', t('2027-04-01', '11:00')), id('JH10'), weekdays('08:00', '12:00', '上午正常教学'));
  const exams = ['2027-04-22', '2027-04-23'].map((date) => ({ weekday: null, date, start: '07:30', end: '17:30', label: '期中考试' }));
  await replaceProtectedPeriodsIn(tx, await as(tx, 'district.staff', t('2027-04-02', '09:00')), id('JH07'), exams);

  const visitIds = new Map<Plan, number>();
  for (const p of plan) {
    const ctx = await as(tx, `${p.school.toLowerCase()}.admin`, t(p.requested, '10:00'));
    const brochure = await currentFiledBrochure(tx, id(p.school), 2027);
    const l = await requestVisitIn(tx, ctx, { campaignId, juniorHighId: id(p.jh), date: p.date, start: p.start, end: p.end, staff: staff[p.school]!, brochureId: brochure!.id });
    visitIds.set(p, l.v.id);
  }

  // The bureau decides two or three working days after each request; serials follow that order.
  for (const p of plan) {
    const visit = visitIds.get(p)!;
    const decided = t(addDays(p.requested, p.requested < '2027-04-09' ? 4 : 3), '16:00');
    if (!p.then) await approveVisitIn(tx, await as(tx, 'district.staff', decided), visit);
    if (p.then === 'refuse') await refuseVisitIn(tx, await as(tx, 'district.admin', decided), visit, '实验中学4月28日下午承办市级公开课活动，不宜安排进校宣传，请另选时间');
    if (p.then === 'propose') {
      await proposeSlotIn(tx, await jhAdmin(p.jh, t('2027-04-19', '09:30')), visit, { date: '2027-04-30', start: '09:00', end: '10:30', note: '4月29日下午学校召开家长会，建议改到4月30日上午' });
    }
  }

  const byPair = (school: string, jh: string) => visitIds.get(plan.find((p) => p.school === school && p.jh === jh)!)!;
  // R19: the bureau withdraws V01's permit at JH09 after a complaint about the material handed out.
  await revokePermitIn(tx, await as(tx, 'district.admin', t('2027-04-20', '11:00')), byPair('V01', 'JH09'), '经核查，该校在其他初中学校发放的宣传材料与备案简章不一致（R7），撤回本次批准');

  // April 20 at the gate: V01 at JH01 on time; V02 at JH02 ran over (R10).
  const gate = (jh: string) => jhAdmin(jh, t('2027-04-20', '17:00'));
  await checkInVisitIn(tx, await gate('JH01'), byPair('V01', 'JH01'), t('2027-04-20', '14:25').toISOString());
  await checkOutVisitIn(tx, await gate('JH01'), byPair('V01', 'JH01'), t('2027-04-20', '15:55').toISOString());
  await checkInVisitIn(tx, await gate('JH02'), byPair('V02', 'JH02'), t('2027-04-20', '14:05').toISOString());
  await checkOutVisitIn(tx, await gate('JH02'), byPair('V02', 'JH02'), t('2027-04-20', '16:20').toISOString());

  // R19: reports of unauthorised recruiting — V16's stays open, first in the bureau's queue.
  await createVisitReportIn(tx, await jhAdmin('JH15', t('2027-04-19', '16:10')), {
    campaignId, kind: 'no_permit', schoolId: id('V16'), schoolText: '', occurredAt: t('2027-04-19', '15:30').toISOString(), permitCode: null,
    description: '两名自称博远职业技术学校招生老师的人员在校门口向放学学生发放宣传单、登记学生电话，未能出示区教育局的批准手续。',
  });
  const agency = await createVisitReportIn(tx, await jhAdmin('JH18', t('2027-04-16', '18:20')), {
    campaignId, kind: 'intermediary', schoolId: null, schoolText: '自称“鸿途教育咨询”的人员', occurredAt: t('2027-04-16', '17:00').toISOString(), permitCode: null,
    description: '有家长反映，有人在校外联系初三学生家长，称可代为安排就读职校，并收取“报名服务费”500元。',
  });
  await acknowledgeVisitReportIn(tx, await as(tx, 'district.staff', t('2027-04-19', '09:00')), agency);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
