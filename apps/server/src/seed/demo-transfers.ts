/**
 * The demo's May of early transfers (issue 10: R13, R14), played through the same use cases the
 * families, the schools and the bureau call, inside the seed's transaction (the use cases'
 * own transactions nest as savepoints), so every seal is a real Ed25519 signature, every QR
 * code verifies, every filing number comes from the campaign's pattern and every step is in the
 * audit chain. The plan (demo-transfer-plan.ts) is dated May 3–12, 2027, as if the campaign had
 * run on: each step runs with a business clock at its own instant, while the demo clock stays
 * at 2027-04-21 (the README says to move it to May to act).
 *
 * The students are taken from the seeded applications: confirmed on the vocational track, in the
 * classes whose curriculum the junior high confirmed, preferring those who chose the programme
 * (lowest rank first), never the track-conflict or pressure-report students, never student.demo
 * (JH01, whose walk-through starts from nothing).
 */
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import type { Config } from '../config';
import type { Tx } from '../db/client';
import { queryRows } from '../db/client';
import { writeAudit, type RequestContext } from '../audit/write-audit';
import { actorByUsername } from '../auth/actor';
import type { Actor } from '../auth/policy';
import { studentCtxById, type StudentCtx } from '../features/applications/queries';
import { saveCaps } from '../features/transfers/caps';
import { setCurriculum } from '../features/transfers/curriculum';
import { changeEarlyTransfer, confirmEarlyTransfer, requestEarlyTransfer, withdrawOwnEarlyTransfer } from '../features/transfers/family';
import { refuseTransfer, returnTransfer, sealTransfer, setExamResult } from '../features/transfers/staff';
import { createList, fileList, sealList } from '../features/transfers/lists';
import { saveExamPrep } from '../features/transfers/prep';
import { DEMO_YEAR } from './demo-data';
import { caps, curriculum, examPrep, forms, listSteps, pairs, type FormPlan, type PairKey, type Party, type Step, type Who } from './demo-transfer-plan';

/** The demo district keeps Beijing time; the plan's instants are 'MM-DD HH:mm' of 2027. */
const ZONE = 'Asia/Shanghai';
const instant = (at: string) => new Date(`${DEMO_YEAR}-${at.slice(0, 5)}T${at.slice(6)}:00+08:00`);
const dayOf = (at: string) => `${DEMO_YEAR}-${at.slice(0, 5)}`;

type Candidate = { id: number; jh: string; className: string; username: string; guardian: string; choices: number[] };
/** A form as it goes: its student, id and version once requested, who asked. */
type Live = { student: Candidate; id: number; version: number; requestedBy: Who };

/** What every step needs: the use cases' dependencies at an instant, the actors, the names. */
type Stage = {
  campaignId: number;
  org: (code: string) => number;
  depsAt: (at: string) => AppDeps;
  as: (username: string) => Promise<RequestContext>;
  ctxOf: (studentId: number) => Promise<StudentCtx>;
  programme: (school: string, major: string) => number;
};

export async function seedDemoTransfers(tx: Tx, orgIds: Map<string, number>, campaignIds: Map<string, number>): Promise<void> {
  const stage = await stageOf(tx, orgIds, campaignIds.get('D01')!);
  const { campaignId, org, depsAt } = stage;
  const admin = (code: string) => stage.as(`${code.toLowerCase()}.admin`);

  // R13: the junior highs confirm the curriculum of whole classes (April 28).
  for (const [jh, classes] of Object.entries(curriculum.classes)) {
    const ids = await queryRows<{ id: number }>(tx, sql`
      select id from students where campaign_id = ${campaignId} and junior_high_id = ${org(jh)} and kind = 'grade9' and active and class_name = any(${sql.param(classes)}::text[])`);
    await setCurriculum(depsAt(curriculum.at), await admin(jh), { studentIds: ids.map((r) => Number(r.id)), completed: true, completedOn: curriculum.completedOn });
  }
  // R13: each school sets the early-transfer cap of two of its programmes (April 29).
  for (const [school, majors] of Object.entries(caps)) {
    await saveCaps(depsAt('04-29 10:00'), await admin(school), campaignId, { rows: Object.entries(majors).map(([major, cap]) => ({ programmeId: stage.programme(school, major), cap })) });
  }

  // The use cases read a form with a ten-table join (queries.ts loadTransfers) some 120 times here;
  // planning it costs more than running it on these small tables, so the seed keeps joins in
  // their written order while it plays (a third off those reads on PGlite) and restores the
  // planner's default after. Results are the same either way; only the plans differ.
  await tx.execute(sql`set local join_collapse_limit = 1`);
  const pick = await studentPicker(tx, campaignId);
  const live = new Map<string, Live>();
  const lists = new Map<PairKey, number>();

  // Every step of every form and list, in the order of its instant (stable within one instant).
  const events: Array<{ at: string; run: () => Promise<unknown> }> = [];
  for (const plan of forms) {
    for (const step of plan.steps) {
      events.push({
        at: step.at,
        run: async () => {
          if (step.act !== 'request') return formStep(stage, plan, step, live.get(plan.key)!);
          const { juniorHigh, classes, school } = pairs[plan.pair];
          live.set(plan.key, await request(stage, pick(juniorHigh, classes, stage.programme(school, plan.major)), plan, step.at, step.who));
        },
      });
    }
  }
  for (const s of listSteps) {
    events.push({
      at: s.at,
      run: async () => {
        const { juniorHigh, school } = pairs[s.pair];
        if (s.act === 'file') return fileList(depsAt(s.at), await stage.as('district.admin'), lists.get(s.pair)!);
        const by = await admin(s.party === 'source' ? juniorHigh : school);
        if (s.act === 'create') lists.set(s.pair, (await createList(depsAt(s.at), by, { campaignId, juniorHighId: org(juniorHigh), schoolId: org(school) })).id);
        else await sealList(depsAt(s.at), by, lists.get(s.pair)!);
      },
    });
  }
  for (const p of examPrep) {
    const { juniorHigh, school } = pairs[p.pair];
    events.push({ at: p.at, run: async () => saveExamPrep(depsAt(p.at), await admin(school), { campaignId, juniorHighId: org(juniorHigh), mode: p.mode, courses: p.courses, notes: p.notes }) });
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const e of events) await e.run();
  await tx.execute(sql`set local join_collapse_limit to default`);

  const [n] = await queryRows<{ forms: Record<string, number>; lists: Record<string, number> }>(tx, sql`
    select (select jsonb_object_agg(status, n) from (select status, count(*)::int as n from early_transfers group by status) f) as forms,
      (select jsonb_object_agg(status, n) from (select status, count(*)::int as n from early_transfer_lists group by status) l) as lists`);
  await writeAudit(tx, { actor: null, requestId: null, ip: null }, {
    action: 'seed.demo_transfers', objectType: 'system', objectId: null, organizationId: null,
    changes: { campaignId, forms: n?.forms ?? {}, lists: n?.lists ?? {}, pairs: Object.values(pairs).map((p) => `${p.juniorHigh}→${p.school}`) },
  });
}

async function stageOf(tx: Tx, orgIds: Map<string, number>, campaignId: number): Promise<Stage> {
  // What the use cases read of their dependencies: the database (here the seed's transaction),
  // the configuration's key secret and time zone, and a business clock fixed at the step's instant.
  const config: Pick<Config, 'keySecret' | 'timeZone'> = { keySecret: process.env.ZHIZHAO_KEY_SECRET || undefined, timeZone: ZONE };
  const actors = new Map<string, Promise<Actor>>();
  // A student's context (student, campaign, application) does not change while the seed plays.
  const contexts = new Map<number, Promise<StudentCtx>>();
  const programmes = await queryRows<{ id: number; school: string; major: string }>(tx, sql`
    select ps.id, o.code as school, m.code as major from planned_seats ps join majors m on m.id = ps.major_id join organizations o on o.id = m.organization_id
    where ps.campaign_id = ${campaignId} and ps.seats > 0 and o.code = any(${sql.param(Object.keys(caps))}::text[])`);
  return {
    campaignId,
    org: (code) => orgIds.get(code)!,
    depsAt: (at) => ({ db: tx, config, clock: async () => ({ now: instant(at), today: dayOf(at), source: 'env' as const }) }) as unknown as AppDeps,
    as: async (username) => {
      if (!actors.has(username)) actors.set(username, actorByUsername(tx, username));
      return { actor: await actors.get(username)!, requestId: null, ip: null };
    },
    ctxOf: (id) => {
      if (!contexts.has(id)) contexts.set(id, studentCtxById(tx, id));
      return contexts.get(id)!;
    },
    programme: (school, major) => {
      const p = programmes.find((r) => r.school === school && r.major === major);
      if (!p) throw new Error(`demo seed: no programme ${major} at ${school}`);
      return Number(p.id);
    },
  };
}

/** The family's request (R13): the requester's confirmation is implied. */
async function request(stage: Stage, student: Candidate, plan: FormPlan, at: string, who: Who): Promise<Live> {
  const rctx = await stage.as(who === 'student' ? student.username : student.guardian);
  const d = await requestEarlyTransfer(stage.depsAt(at), rctx, await stage.ctxOf(student.id), who, stage.programme(pairs[plan.pair].school, plan.major));
  return { student, id: d.id, version: d.version, requestedBy: who };
}

/** One later step of a form, by the family, a school or the bureau; keeps the form's version. */
async function formStep(stage: Stage, plan: FormPlan, step: Exclude<Step, { act: 'request' }>, f: Live): Promise<void> {
  const deps = stage.depsAt(step.at);
  const { juniorHigh, school } = pairs[plan.pair];
  const family = async (who: Who) => ({ rctx: await stage.as(who === 'student' ? f.student.username : f.student.guardian), ctx: await stage.ctxOf(f.student.id) });
  const staff = (party: Party) => stage.as(`${(party === 'source' ? juniorHigh : school).toLowerCase()}.admin`);
  if (step.act === 'confirm') {
    const who = f.requestedBy === 'student' ? 'guardian' : 'student';
    const { rctx, ctx } = await family(who);
    f.version = (await confirmEarlyTransfer(deps, rctx, ctx, who, f.version)).version;
  } else if (step.act === 'change') {
    const { rctx, ctx } = await family(step.who);
    f.version = (await changeEarlyTransfer(deps, rctx, ctx, step.who, { programmeId: stage.programme(school, step.major), version: f.version })).version;
    f.requestedBy = step.who;
  } else if (step.act === 'withdraw') {
    const { rctx, ctx } = await family(step.who);
    await withdrawOwnEarlyTransfer(deps, rctx, ctx, step.who, { reason: step.reason, version: f.version });
  } else if (step.act === 'seal') await sealTransfer(deps, await staff(step.party), f.id, f.version);
  else if (step.act === 'refuse') await refuseTransfer(deps, await staff(step.party), f.id, { reason: step.reason, version: f.version });
  else if (step.act === 'return') await returnTransfer(deps, await stage.as('district.admin'), f.id, { reason: step.reason });
  else await setExamResult(deps, await staff('school'), f.id, { subjects: step.subjects });
}

/**
 * Chooses each form's student: confirmed vocational applicants of the pair's junior high in the
 * confirmed classes, those who chose the programme first (by rank), then by exam number; each once.
 */
async function studentPicker(tx: Tx, campaignId: number) {
  const codes = Object.values(pairs).map((p) => p.juniorHigh);
  const rows = await queryRows<{ id: number; jh: string; class_name: string; username: string; guardian: string; choices: number[] | null }>(tx, sql`
    select s.id, jh.code as jh, s.class_name, u.username, g.username as guardian,
      array(select c.programme_id from application_choices c where c.application_id = a.id order by c.rank) as choices
    from students s
    join organizations jh on jh.id = s.junior_high_id
    join applications a on a.student_id = s.id and a.status = 'confirmed' and a.track = 'vocational'
    join users u on u.id = s.user_id join users g on g.id = s.guardian_user_id
    where s.campaign_id = ${campaignId} and s.kind = 'grade9' and s.active and s.curriculum_completed_on is not null and jh.code = any(${sql.param(codes)}::text[])
      and not exists (select 1 from track_conflicts t where t.student_id = s.id) and not exists (select 1 from pressure_reports p where p.student_id = s.id)
    order by s.exam_no`);
  const candidates: Candidate[] = rows.map((r) => ({ id: Number(r.id), jh: r.jh, className: r.class_name, username: r.username, guardian: r.guardian, choices: (r.choices ?? []).map(Number) }));
  const used = new Set<number>();
  return (jh: string, classes: string[], programmeId: number): Candidate => {
    const free = candidates.filter((c) => c.jh === jh && classes.includes(c.className) && !used.has(c.id));
    const rank = (c: Candidate) => (c.choices.includes(programmeId) ? c.choices.indexOf(programmeId) : 99);
    const best = free.reduce<Candidate | null>((b, c) => (b === null || rank(c) < rank(b) ? c : b), null);
    if (!best) throw new Error(`demo seed: no confirmed vocational student left at ${jh}`);
    used.add(best.id);
    return best;
  };
}
