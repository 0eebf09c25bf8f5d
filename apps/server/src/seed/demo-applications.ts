/**
 * The demo's students and applications (issue 9 §10), on the demo date 2027-04-21 inside the
 * application window:
 *   示例区's 4,450 graduates as students of their junior highs (exactly the graduates the
 *   targets use), 示例北区's 399, with their student and guardian accounts (the same bulk
 *   writer the Excel import uses: keyed hashes, never an argon2 hash per student);
 *   applications in every state (demo-application-plan.ts), one cross-system duplicate at JH03,
 *   one pressure report at JH11, five social applicants (three pending, two confirmed), the
 *   slip notifications of JH01, and `student.demo` (JH01, not yet applied) with a fixed guardian
 *   code (DEMO_STUDENT, printed in the README).
 * Everything is written in bulk (INSERT … SELECT FROM unnest): the seed runs at every test
 * run's set-up and on the first `npm start`. One audit event records the counts.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { demoJuniorHighs, maskPhone } from '@zhizhao/domain';
import type { Tx } from '../db/client';
import { queryRows } from '../db/client';
import { generalListImports, pressureReports, trackConflicts, users } from '../db/schema';
import { DEV_PII_KEY, generateGuardianCode, generateInitialPassword, makePii, type Pii } from '../pii/crypto';
import { writeAudit } from '../audit/write-audit';
import { guardianUsername, normalizePhone, sealId, sealPhone, studentUsername } from '../features/students/fields';
import { loadProgrammes } from '../features/applications/programmes';
import { DEMO_STUDENT, DEMO_TARGETS, DEMO_YEAR } from './demo-data';
import { FAKE_AREA, demoRoster, type RosterRow } from './demo-people';
import { planSchool, type PlannedApplication } from './demo-application-plan';
import { seedDemoSocial } from './demo-social';

const p = (values: unknown[]) => sql.param(values);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** Slips go home in the first week of the window, school by school (Beijing time, 16:00). */
const slipDate = (i: number) => new Date(`2027-04-0${1 + (i % 5)}T16:00:00+08:00`);

/** A graduate to write: the roster row, where it belongs, and what the family has done (plan). */
type Person = { row: RosterRow; campaignId: number; juniorHighId: number; slipsIssuedAt: Date | null; plan: PlannedApplication | null; staffUserId: number };
type Seeded = Person & { id: number; userId: number; guardianUserId: number };

export async function seedDemoApplications(tx: Tx, orgIds: Map<string, number>, campaignIds: Map<string, number>, demoPasswordHash: string): Promise<void> {
  // The same derivation the server uses (deps.ts): the seed runs only outside production, where
  // the development key stands in when ZHIZHAO_PII_KEY is unset.
  const pii = makePii(process.env.ZHIZHAO_PII_KEY ?? DEV_PII_KEY);
  const d01 = campaignIds.get('D01')!;
  const d02 = campaignIds.get('D02')!;

  // The choosable programmes of 示例区's campaign (qualified in 2027, filed brochure, seats).
  const campaign = { id: d01, districtId: orgIds.get('D01')!, year: DEMO_YEAR };
  const choosable = (await loadProgrammes(tx, campaign)).items.filter((x) => x.choosable);
  if (!choosable.length) throw new Error('demo seed: no choosable programme in 示例区 (publicity seed missing?)');
  const targets = new Map((await queryRows<{ organization_id: number; target: number }>(tx, sql`
    select tr.organization_id, tr.target from target_rows tr join target_versions tv on tv.id = tr.version_id
    where tv.campaign_id = ${d01} and tv.status = 'published'`)).map((r) => [Number(r.organization_id), Number(r.target)]));
  const staffIds = new Map((await queryRows<{ id: number; username: string }>(tx, sql`select id, username from users where username like 'jh%.admin' or username like 'jn%.admin'`)).map((r) => [r.username, Number(r.id)]));

  // Who did what is planned first (pure), so every row is written once, complete.
  const people: Person[] = [];
  const southRows = demoRoster(demoJuniorHighs.map((j) => ({ code: j.code, graduates: j.graduates, examPrefix: `27${j.code.slice(2)}` })), { seed: 2027, area: FAKE_AREA.D01, hukouDistrict: '示例区' });
  const programmes = choosable.map((x) => ({ districtRun: x.runBy === 'district' }));
  demoJuniorHighs.forEach((j, i) => {
    const roster = southRows.filter((r) => r.schoolCode === j.code);
    const jhId = orgIds.get(j.code)!;
    const keep = new Set(roster.flatMap((r, k) => (r.examNo === DEMO_STUDENT.examNo ? [k] : [])));
    const plans = planSchool({ code: j.code, graduates: roster.length, target: targets.get(jhId) ?? null, slipsIssuedAt: slipDate(i) }, programmes, 1000 + i, keep);
    const byIndex = new Map(plans.map((a) => [a.index, a]));
    roster.forEach((row, k) => people.push({ row, campaignId: d01, juniorHighId: jhId, slipsIssuedAt: slipDate(i), plan: byIndex.get(k) ?? null, staffUserId: staffIds.get(`${j.code.toLowerCase()}.admin`)! }));
  });
  // 示例北区 has no vocational school: about a third of JN01 chose general high and confirmed; JN02 has no slips yet.
  const northSchools = Object.entries(DEMO_TARGETS.northGraduates).map(([code, graduates], i) => ({ code, graduates, examPrefix: `278${i + 1}` }));
  const northRows = demoRoster(northSchools, { seed: 2028, area: FAKE_AREA.D02, hukouDistrict: '示例北区', first: 5000 });
  for (const s of northSchools) {
    const roster = northRows.filter((r) => r.schoolCode === s.code);
    const issued = s.code === 'JN01' ? slipDate(2) : null;
    const plans = issued ? planSchool({ code: s.code, graduates: roster.length, target: 0, slipsIssuedAt: issued }, [], 3000) : [];
    const byIndex = new Map(plans.filter((a) => a.track === 'general' && a.status === 'confirmed').map((a) => [a.index, a]));
    roster.forEach((row, k) => people.push({ row, campaignId: d02, juniorHighId: orgIds.get(s.code)!, slipsIssuedAt: issued, plan: byIndex.get(k) ?? null, staffUserId: staffIds.get(`${s.code.toLowerCase()}.admin`)! }));
  }

  const seeded = await insertPeople(tx, pii, people, demoPasswordHash);
  const applied = seeded.filter((s) => s.plan !== null);
  await insertApplications(tx, applied, choosable.map((x) => x.programmeId));

  const extras = await seedExtras(tx, pii, { d01, seeded });
  const social = await seedDemoSocial(tx, pii, { campaignId: d01, orgIds, programmeIds: choosable.filter((x) => x.schoolId === orgIds.get('V02')).map((x) => x.programmeId) });

  const byStatus: Record<string, number> = {};
  for (const { plan } of applied) byStatus[plan!.status] = (byStatus[plan!.status] ?? 0) + 1;
  const count = (c: number) => seeded.filter((s) => s.campaignId === c).length;
  await writeAudit(tx, { actor: null, requestId: null, ip: null }, {
    action: 'seed.demo_applications',
    objectType: 'system',
    objectId: null,
    changes: { students: { D01: count(d01), D02: count(d02), social: social.confirmed }, applications: applied.length, byStatus, ...extras, socialRegistrations: social.registrations },
    organizationId: null,
  });
}

/**
 * The students with their two accounts, as the roster writer (features/students/write-roster.ts)
 * stores them — keyed hashes of random secrets, encrypted copies for reprinting — plus what
 * the plan implies: a family who signed in has changed the slip's password (the copy is gone).
 * `student.demo` gets the shared demo password hash and the fixed guardian code.
 */
async function insertPeople(tx: Tx, pii: Pii, people: Person[], demoPasswordHash: string): Promise<Seeded[]> {
  const rows = people.map((x) => {
    const demo = x.row.examNo === DEMO_STUDENT.examNo && x.row.schoolCode === 'JH01';
    const a = x.plan;
    const studentIn = a && (a.enteredBy === 'student' || a.studentConfirmedVersion !== null) ? (a.studentConfirmedAt ?? a.enteredAt) : null;
    const guardianIn = a && (a.enteredBy === 'guardian' || a.guardianConfirmedVersion !== null) ? (a.guardianConfirmedAt ?? a.enteredAt) : null;
    const password = demo || studentIn ? null : generateInitialPassword();
    const code = demo ? DEMO_STUDENT.guardianCode : generateGuardianCode();
    return {
      x, demo, studentIn, guardianIn, password, code,
      username: demo ? DEMO_STUDENT.username : studentUsername(x.row.examNo),
      // A changed password's hash would be argon2 of a secret nobody here knows: a hash of a discarded random one stands in.
      passwordHash: demo ? demoPasswordHash : pii.secretHash(password ?? generateInitialPassword()),
    };
  });
  const users2 = rows.flatMap((r) => [
    { username: r.username, displayName: r.x.row.name, hash: r.passwordHash, role: 'student', org: r.x.juniorHighId, must: !r.demo && !r.studentIn, changed: iso(r.studentIn), login: iso(r.studentIn) },
    { username: guardianUsername(r.x.row.examNo), displayName: r.x.row.guardianName, hash: pii.secretHash(r.code), role: 'guardian', org: r.x.juniorHighId, must: false, changed: null, login: iso(r.guardianIn) },
  ]);
  const u = <T>(f: (x: (typeof users2)[number]) => T) => p(users2.map(f));
  const ids = new Map((await queryRows<{ id: number; username: string }>(tx, sql`
    insert into users (username, display_name, password_hash, role, organization_id, must_change_password, password_changed_at, last_login_at)
    select * from unnest(${u((x) => x.username)}::text[], ${u((x) => x.displayName)}::text[], ${u((x) => x.hash)}::text[], ${u((x) => x.role)}::text[],
      ${u((x) => x.org)}::int[], ${u((x) => x.must)}::bool[], ${u((x) => x.changed)}::timestamptz[], ${u((x) => x.login)}::timestamptz[])
    returning id, username`)).map((r) => [r.username, Number(r.id)]));

  const sealed = rows.map((r) => ({ r, id: sealId(pii, 'resident_id', r.x.row.idNumber), phone: sealPhone(pii, r.x.row.guardianPhone) }));
  const s = <T>(f: (x: (typeof sealed)[number]) => T) => p(sealed.map(f));
  const out = await queryRows<{ id: number; exam_no: string; campaign_id: number }>(tx, sql`
    insert into students (campaign_id, kind, junior_high_id, name, gender, id_type, id_cipher, id_hash, id_masked, exam_no, class_name, cohort, hukou_district,
      guardian_name, guardian_relation, phone_cipher, phone_hash, phone_masked, user_id, guardian_user_id, initial_password_cipher, guardian_code_cipher, slips_issued_at)
    select t.c, 'grade9', t.jh, t.name, t.gender, 'resident_id', t.ic, t.ih, t.im, t.exam, t.class, 'current', t.hukou, t.gn, t.gr, t.pc, t.ph, t.pm, t.u, t.g, t.ipc, t.gcc, t.slips
    from unnest(${s((x) => x.r.x.campaignId)}::int[], ${s((x) => x.r.x.juniorHighId)}::int[], ${s((x) => x.r.x.row.name)}::text[], ${s((x) => x.r.x.row.gender)}::text[],
      ${s((x) => x.id.idCipher)}::text[], ${s((x) => x.id.idHash)}::text[], ${s((x) => x.id.idMasked)}::text[], ${s((x) => x.r.x.row.examNo)}::text[],
      ${s((x) => x.r.x.row.className)}::text[], ${s((x) => x.r.x.row.hukouDistrict)}::text[], ${s((x) => x.r.x.row.guardianName)}::text[], ${s((x) => x.r.x.row.guardianRelation)}::text[],
      ${s((x) => x.phone.phoneCipher)}::text[], ${s((x) => x.phone.phoneHash)}::text[], ${s((x) => x.phone.phoneMasked)}::text[],
      ${s((x) => ids.get(x.r.username)!)}::int[], ${s((x) => ids.get(guardianUsername(x.r.x.row.examNo))!)}::int[],
      ${s((x) => (x.r.password ? pii.encrypt(x.r.password) : null))}::text[], ${s((x) => pii.encrypt(x.r.code))}::text[], ${s((x) => iso(x.r.x.slipsIssuedAt))}::timestamptz[])
      as t(c, jh, name, gender, ic, ih, im, exam, class, hukou, gn, gr, pc, ph, pm, u, g, ipc, gcc, slips)
    returning id, exam_no, campaign_id`);
  const byKey = new Map(out.map((o) => [`${o.campaign_id}:${o.exam_no}`, Number(o.id)]));
  return rows.map((r) => ({ ...r.x, id: byKey.get(`${r.x.campaignId}:${r.x.row.examNo}`)!, userId: ids.get(r.username)!, guardianUserId: ids.get(guardianUsername(r.x.row.examNo))! }));
}

async function insertApplications(tx: Tx, applied: Seeded[], programmeIds: number[]): Promise<void> {
  const col = <T>(f: (x: Seeded, a: PlannedApplication) => T) => p(applied.map((x) => f(x, x.plan!)));
  const by = (x: Seeded, a: PlannedApplication) => (a.enteredBy === 'staff' ? x.staffUserId : a.enteredBy === 'guardian' ? x.guardianUserId : x.userId);
  const last = (a: PlannedApplication) => new Date(Math.max(a.enteredAt.getTime(), a.studentConfirmedAt?.getTime() ?? 0, a.guardianConfirmedAt?.getTime() ?? 0));
  const rows = await queryRows<{ id: number; student_id: number }>(tx, sql`
    insert into applications (campaign_id, student_id, track, accept_adjustment, version, entered_by, entered_by_user_id, entered_at,
      student_confirmed_version, student_confirmed_at, guardian_confirmed_version, guardian_confirmed_at, status, staff_entries, changes_after_staff, updated_at)
    select * from unnest(${col((x) => x.campaignId)}::int[], ${col((x) => x.id)}::int[], ${col((_, a) => a.track)}::text[], ${col((_, a) => a.acceptAdjustment)}::bool[],
      ${col((_, a) => a.version)}::int[], ${col((_, a) => a.enteredBy)}::text[], ${col(by)}::int[], ${col((_, a) => iso(a.enteredAt))}::timestamptz[],
      ${col((_, a) => a.studentConfirmedVersion)}::int[], ${col((_, a) => iso(a.studentConfirmedAt))}::timestamptz[],
      ${col((_, a) => a.guardianConfirmedVersion)}::int[], ${col((_, a) => iso(a.guardianConfirmedAt))}::timestamptz[],
      ${col((_, a) => a.status)}::text[], ${col((_, a) => a.staffEntries)}::int[], ${col((_, a) => a.changesAfterStaff)}::int[], ${col((_, a) => iso(last(a)))}::timestamptz[])
    returning id, student_id`);
  const appIds = new Map(rows.map((r) => [Number(r.student_id), Number(r.id)]));
  const choices = applied.flatMap((x) => x.plan!.choices.map((c, rank) => ({ app: appIds.get(x.id)!, rank: rank + 1, programme: programmeIds[c]! })));
  await tx.execute(sql`insert into application_choices (application_id, rank, programme_id)
    select * from unnest(${p(choices.map((c) => c.app))}::int[], ${p(choices.map((c) => c.rank))}::int[], ${p(choices.map((c) => c.programme))}::int[])`);
}

type ExtrasCtx = { d01: number; seeded: Seeded[] };

/** The cross-system duplicate (JH03), the pressure report (JH11) and JH01's slip notifications. */
async function seedExtras(tx: Tx, pii: Pii, c: ExtrasCtx) {
  const [staff] = await tx.select({ id: users.id }).from(users).where(sql`${users.username} = 'district.staff'`);
  const inSchool = (code: string) => c.seeded.filter((s) => s.row.schoolCode === code && s.plan !== null);

  // 查重 (R11): the exam office's list of general-high applicants holds every confirmed general
  // applicant of 示例区 — and one JH03 student who also confirmed vocational choices.
  const general = c.seeded.filter((s) => s.campaignId === c.d01 && s.plan?.track === 'general' && s.plan.status === 'confirmed').length;
  const dup = inSchool('JH03').find((s) => s.plan!.track === 'vocational' && s.plan!.status === 'confirmed')!;
  const [imp] = await tx.insert(generalListImports).values({
    campaignId: c.d01, rows: general + 1, matched: general + 1, fileHash: createHash('sha256').update('demo general-high list 2027-04-20').digest('hex'),
    createdBy: staff!.id, createdAt: new Date('2027-04-20T10:00:00+08:00'),
  }).returning({ id: generalListImports.id });
  await tx.insert(trackConflicts).values({ campaignId: c.d01, studentId: dup.id, importId: imp!.id, matchedBy: 'exam_no', createdAt: new Date('2027-04-20T10:00:00+08:00') });

  // R11, R21: a guardian at JH11 reports pressure (the school with many staff entries).
  const pressured = inSchool('JH11').find((s) => s.plan!.kind === 'staff_awaiting_guardian') ?? inSchool('JH11')[0]!;
  await tx.insert(pressureReports).values({
    campaignId: c.d01, studentId: pressured.id, juniorHighId: pressured.juniorHighId, reporter: 'guardian', kind: 'pressure_choice', status: 'open',
    description: '班主任在学校替孩子填了中职志愿，还多次打电话说孩子成绩考不上高中、不报中职就不让参加中考。孩子自己想报普通高中，希望教育局了解情况。',
    createdAt: new Date('2027-04-19T21:30:00+08:00'),
  });

  // Slips of JH01 went out through the outbox (masked phone, no secret in the message).
  const jh01 = c.seeded.filter((s) => s.row.schoolCode === 'JH01');
  const masked = (s: Seeded) => maskPhone(normalizePhone(s.row.guardianPhone));
  await tx.execute(sql`insert into notifications (campaign_id, student_id, recipient, template, "to", body, provider, status, dedupe_key, created_at)
    select ${c.d01}, t.sid, 'guardian', 'slip_issued', t.to, t.body, 'outbox', 'queued', t.k, ${slipDate(0).toISOString()}::timestamptz
    from unnest(${p(jh01.map((s) => s.id))}::int[], ${p(jh01.map(masked))}::text[],
      ${p(jh01.map((s) => `【示例区教育局】${s.row.name}同学的志愿填报账号通知单已由示例区第一中学发放，请凭中考报名号登录职招平台填报志愿；家长凭通知单上的确认码确认。`))}::text[],
      ${p(jh01.map((s) => `slip_issued:${s.id}`))}::text[]) as t(sid, "to", body, k)`);

  return { duplicateStudentId: dup.id, pressureStudentId: pressured.id, slipNotifications: jh01.length };
}
