/**
 * The demo's admission round (issue 11 §9), held on 示例区's previous campaign (2026, run to the
 * end) while the 2027 campaign is in April: every page reads naturally on the demo date. The
 * 2026 campaign has the same schools and programmes (seats a little under half of 2027's, so
 * that popular programmes fill), 1,335 vocational applicants (three in ten of each junior
 * high's graduates) whose applications both confirmed, and then, through the use cases
 * themselves at their July instants (each step with a business clock at its own date):
 *   the exam office's scores imported and locked (07-05), the 统招批 defined, run (a job,
 *   drained here) and published (07-10) with a signed letter per admitted student, one 退档
 *   (asked by 市职业高级中学校 on 07-14 for the written declaration, approved on 07-15), and the
 *   征集志愿 batch (07-21..07-25) with the choices of twenty unplaced applicants, ready to run.
 * Deterministic (seeded); one audit event records the counts.
 */
import { sql } from 'drizzle-orm';
import { defaultCampaignSettings, demoJuniorHighs } from '@zhizhao/domain';
import { DEFAULT_RETURN_REASONS } from '@zhizhao/domain/admission/index';
import type { AppDeps } from '../deps';
import type { Config } from '../config';
import { queryRows, type Tx } from '../db/client';
import { campaigns } from '../db/schema';
import { writeAudit, type RequestContext } from '../audit/write-audit';
import { actorByUsername } from '../auth/actor';
import { DEV_PII_KEY, makePii } from '../pii/crypto';
import { drainJobs } from '../jobs/jobs';
import { insertStudents } from '../features/students/write-roster';
import { studentCtxById } from '../features/applications/queries';
import { importScores, lockScoreSet } from '../features/admission/scores';
import { createBatch } from '../features/admission/batches';
import { startRun } from '../features/admission/runs';
import { publishRun } from '../features/admission/publish';
import { decideReturn, requestReturn } from '../features/admission/returns';
import { saveSolicitation } from '../features/admission/solicitation';
import { myAdmissionOf } from '../features/admission/results';
import { admissionJobHandlers } from '../features/admission/jobs';
import { FAKE_AREA, demoRoster, mulberry32 } from './demo-people';

export const DEMO_PAST_YEAR = 2026;
/**
 * Two 2026 students who sign in with the demo password (README): one admitted by a later choice
 * (the earlier ones full), one not admitted (every choice full, no adjustment) who chose again
 * in the 征集志愿 round. The seed checks that they are.
 */
export const DEMO_PAST_STUDENTS = { admitted: '26010002', unplaced: '26010008' } as const;
const ZONE = 'Asia/Shanghai';
const p = (values: unknown[]) => sql.param(values);

/** The steps' dates (2026, Beijing time). */
export const DEMO_ROUND = {
  scores: '2026-07-05',
  publishOn: '2026-07-10',
  returnUntil: '2026-07-20',
  returnAsked: '2026-07-14',
  returnDecided: '2026-07-15',
  solicitFrom: '2026-07-21',
  solicitTo: '2026-07-25',
  solicitPublishOn: '2026-07-28',
  solicitReturnUntil: '2026-08-05',
} as const;

export async function seedDemoAdmission(tx: Tx, orgIds: Map<string, number>, campaignIds: Map<string, number>, demoPasswordHash: string): Promise<void> {
  const pii = makePii(process.env.ZHIZHAO_PII_KEY ?? DEV_PII_KEY);
  const config: Pick<Config, 'keySecret' | 'timeZone'> = { keySecret: process.env.ZHIZHAO_KEY_SECRET || undefined, timeZone: ZONE };
  const depsOn = (day: string) =>
    ({ db: tx, config, jobs: { kick() {} }, clock: async () => ({ now: new Date(`${day}T10:00:00+08:00`), today: day, source: 'env' as const }) }) as unknown as AppDeps;
  const as = async (username: string): Promise<RequestContext> => ({ actor: await actorByUsername(tx, username), requestId: null, ip: null });

  // The campaign, its qualifications and programmes (2027's, with fewer seats).
  const [c] = await tx
    .insert(campaigns)
    .values({ districtId: orgIds.get('D01')!, year: DEMO_PAST_YEAR, name: `示例区${DEMO_PAST_YEAR}年中职招生活动`, settings: defaultCampaignSettings(DEMO_PAST_YEAR) })
    .returning({ id: campaigns.id });
  const campaignId = c!.id;
  await tx.execute(sql`insert into qualifications (organization_id, year, qualified, note) select organization_id, ${DEMO_PAST_YEAR}, qualified, note from qualifications where year = ${DEMO_PAST_YEAR + 1}`);
  await tx.execute(sql`
    insert into planned_seats (campaign_id, major_id, seats)
    select ${campaignId}, ps.major_id, greatest(4, round(ps.seats * 0.45))::int from planned_seats ps join majors m on m.id = ps.major_id
      join qualifications q on q.organization_id = m.organization_id and q.year = ${DEMO_PAST_YEAR} and q.qualified
    where ps.campaign_id = ${campaignIds.get('D01')!} and ps.seats > 0`);
  const programmes = (await queryRows<{ id: number; seats: number }>(tx, sql`select id, seats from planned_seats where campaign_id = ${campaignId} order by id`)).map((r) => ({ id: Number(r.id), seats: Number(r.seats) }));
  if (!programmes.length) throw new Error('demo seed: no programme for 2026');

  // The applicants: three in ten of each junior high's graduates, with their accounts.
  const roster = demoRoster(
    demoJuniorHighs.map((j) => ({ code: j.code, graduates: Math.round(j.graduates * 0.3), examPrefix: `26${j.code.slice(2)}` })),
    { seed: DEMO_PAST_YEAR, area: FAKE_AREA.D01, hukouDistrict: '示例区', first: 50_000 },
  );
  const created = await insertStudents(tx, pii, campaignId, roster.map((r) => ({ ...r, juniorHighId: orgIds.get(r.schoolCode)! })));

  // Their applications: 1 to 3 ranked programmes, the popular ones (every fifth) chosen more; both confirmed in April.
  const rnd = mulberry32(DEMO_PAST_YEAR * 7);
  const weights = programmes.map((_, i) => (i % 5 === 0 ? 6 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const draw = () => {
    let x = rnd() * totalWeight;
    for (let i = 0; i < programmes.length; i++) if ((x -= weights[i]!) < 0) return programmes[i]!.id;
    return programmes[programmes.length - 1]!.id;
  };
  const plans = created.map((s) => {
    const n = 1 + Math.floor(rnd() * 3);
    const choices = new Set<number>();
    while (choices.size < Math.min(n, programmes.length)) choices.add(draw());
    return { studentId: s.id, choices: [...choices], adjust: rnd() < 0.65 };
  });
  const confirmedAt = new Date('2026-04-20T20:00:00+08:00').toISOString();
  const apps = await queryRows<{ id: number; student_id: number }>(tx, sql`
    insert into applications (campaign_id, student_id, track, accept_adjustment, version, entered_by, entered_at, student_confirmed_version, student_confirmed_at, guardian_confirmed_version, guardian_confirmed_at, status)
    select ${campaignId}, t.s, 'vocational', t.a, 1, 'student', ${confirmedAt}::timestamptz, 1, ${confirmedAt}::timestamptz, 1, ${confirmedAt}::timestamptz, 'confirmed'
    from unnest(${p(plans.map((x) => x.studentId))}::int[], ${p(plans.map((x) => x.adjust))}::boolean[]) as t(s, a)
    returning id, student_id`);
  const appOf = new Map(apps.map((a) => [Number(a.student_id), Number(a.id)]));
  const choiceRows = plans.flatMap((x) => x.choices.map((programmeId, i) => ({ app: appOf.get(x.studentId)!, rank: i + 1, programmeId })));
  await tx.execute(sql`
    insert into application_choices (application_id, rank, programme_id)
    select * from unnest(${p(choiceRows.map((r) => r.app))}::int[], ${p(choiceRows.map((r) => r.rank))}::int[], ${p(choiceRows.map((r) => r.programmeId))}::int[])`);

  // The exam office's scores: imported and locked by the district bureau.
  const bureau = await as('district.admin');
  const scoreRnd = mulberry32(DEMO_PAST_YEAR * 11);
  const normal = () => Math.sqrt(-2 * Math.log(1 - scoreRnd())) * Math.cos(2 * Math.PI * scoreRnd());
  const lines = ['中考报名号,总分,语文,数学,外语,物理,化学,道德与法治,历史,体育'];
  for (const s of created) {
    const level = Math.min(0.97, Math.max(0.2, 0.62 + 0.14 * normal()));
    const subject = (full: number) => Math.round(Math.min(full, Math.max(0, full * (level + 0.06 * normal()))) * 2) / 2;
    const parts = [subject(120), subject(120), subject(120), subject(80), subject(60), subject(80), subject(60), subject(60)];
    const total = parts.reduce((a, b) => a + b, 0);
    lines.push([s.examNo, total, ...parts].join(','));
  }
  const imported = await importScores(depsOn(DEMO_ROUND.scores), bureau, async () => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), { campaignId, dryRun: false, locale: 'zh-CN' });
  await lockScoreSet(depsOn(DEMO_ROUND.scores), bureau, imported.scoreSet!.id);

  // 统招批: defined, run and published on the publication day.
  const publish = depsOn(DEMO_ROUND.publishOn);
  const batch = await createBatch(publish, bureau, campaignId, {
    name: '统招批', kind: 'exam', programmeIds: null, minScore: 330, programmeLines: [], publishOn: DEMO_ROUND.publishOn, returnUntil: DEMO_ROUND.returnUntil, solicitFrom: null, solicitTo: null,
  });
  const run = await startRun(publish, bureau, { batchId: batch.id });
  await drainJobs(publish, admissionJobHandlers, 'demo-seed');
  await publishRun(publish, bureau, run.id);
  await drainJobs(publish, admissionJobHandlers, 'demo-seed');
  const [done] = await queryRows<{ status: string; admitted: number; applicants: number }>(tx, sql`select status, admitted, applicants from admission_runs where id = ${run.id}`);
  if (done?.status !== 'published') throw new Error(`demo seed: the 2026 run is ${done?.status}`);

  // One 退档 at 市职业高级中学校 (V02): the family declined in writing.
  const [returned] = await queryRows<{ id: number }>(tx, sql`
    select a.id from admissions a join organizations o on o.id = a.school_id join students s on s.id = a.student_id
    where a.campaign_id = ${campaignId} and o.code = 'V02' and a.status = 'admitted' order by s.exam_no limit 1`);
  if (!returned) throw new Error('demo seed: nobody admitted at V02 in 2026');
  const asked = await requestReturn(depsOn(DEMO_ROUND.returnAsked), await as('v02.admin'), { admissionId: Number(returned.id), reason: DEFAULT_RETURN_REASONS[0], note: '学生及监护人书面声明放弃录取，原件已存档' });
  await decideReturn(depsOn(DEMO_ROUND.returnDecided), bureau, asked.id, { approve: true, note: '同意退档，名额退回' });

  // 征集志愿: the batch, and the choices of twenty unplaced applicants, ready to run.
  const solicit = await createBatch(publish, bureau, campaignId, {
    name: '征集志愿', kind: 'solicitation', programmeIds: null, minScore: null, programmeLines: [],
    publishOn: DEMO_ROUND.solicitPublishOn, returnUntil: DEMO_ROUND.solicitReturnUntil, solicitFrom: DEMO_ROUND.solicitFrom, solicitTo: DEMO_ROUND.solicitTo,
  });
  const unplaced = await queryRows<{ student_id: number; username: string }>(tx, sql`
    select ra.student_id, u.username from admission_run_applicants ra join students s on s.id = ra.student_id join users u on u.id = s.user_id
    where ra.run_id = ${run.id} and ra.programme_id is null order by ra.rank limit 20`);
  const choosing = depsOn(DEMO_ROUND.solicitFrom);
  let solicited = 0;
  for (const [i, u] of unplaced.entries()) {
    const ctx = await studentCtxById(tx, Number(u.student_id));
    const open = (await myAdmissionOf(choosing, ctx)).solicitation?.programmes.filter((x) => x.seatsLeft > 0) ?? [];
    if (!open.length) break;
    const choices = [open[(i * 3) % open.length]!.programmeId, open[(i * 3 + 1) % open.length]!.programmeId].filter((x, k, all) => all.indexOf(x) === k);
    await saveSolicitation(choosing, await as(u.username), ctx, { batchId: solicit.id, choices, acceptAdjustment: i % 2 === 0 });
    solicited++;
  }

  // The two families of the README sign in with the demo password.
  const shown = await queryRows<{ exam_no: string; choice_rank: number | null; chose_again: boolean }>(tx, sql`
    select ra.exam_no, ra.choice_rank, exists (select 1 from solicitation_choices sc where sc.batch_id = ${solicit.id} and sc.student_id = ra.student_id) as chose_again
    from admission_run_applicants ra where ra.run_id = ${run.id} and ra.exam_no in (${DEMO_PAST_STUDENTS.admitted}, ${DEMO_PAST_STUDENTS.unplaced}) order by ra.exam_no`);
  const [admittedOne, unplacedOne] = shown;
  if (!(admittedOne && Number(admittedOne.choice_rank) >= 2 && unplacedOne && unplacedOne.choice_rank === null && unplacedOne.chose_again)) {
    throw new Error(`demo seed: the README's 2026 students are not as described: ${JSON.stringify(shown)}`);
  }
  await tx.execute(sql`
    update users set password_hash = ${demoPasswordHash}, must_change_password = false
    where id in (select user_id from students where campaign_id = ${campaignId} and exam_no in (${DEMO_PAST_STUDENTS.admitted}, ${DEMO_PAST_STUDENTS.unplaced}))`);

  await writeAudit(tx, { actor: null, requestId: null, ip: null }, {
    action: 'seed.demo_admission', objectType: 'system', objectId: null, organizationId: null,
    changes: { campaignId, year: DEMO_PAST_YEAR, programmes: programmes.length, applicants: created.length, scoreSetId: imported.scoreSet!.id, runId: run.id, admitted: done.admitted, returned: 1, solicitationBatchId: solicit.id, solicited },
  });
}
