/**
 * The demo's May of early transfers (issue 10: R13, R14; seed/demo-transfers.ts): forms in
 * every state at two pairs of schools, one filed list per pair, the codes on the paper verify
 * (both seals and the filing on a filed one; withdrawn once refused, withdrawn or returned), the
 * district's register and counts show them, the audit chain holds, and `student.demo` is untouched.
 */
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { transferStatuses } from '@zhizhao/domain';
import { queryRows } from '../src/db/client';
import { DEMO_STUDENT } from '../src/seed/demo-data';
import { describeBackends } from './harness';
import { clients } from './factories';

type Form = { id: number; status: string; jh: string; school: string; form_code: string | null; list_id: number | null; reason: string | null; decided_by: string | null };
type List = { id: number; status: string; jh: string; school: string; code: string | null; filing_number: string | null; filed_on: string | null; n: number };

describeBackends('demo: early transfers of 示例区 in May 2027', (env) => {
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(env().database.db, q);
  const as = clients(env);
  const verify = async (code: string) => {
    const res = await env().app.inject({ method: 'GET', url: `/api/verify/${encodeURIComponent(code)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const forms = () => rows<Form>(sql`
    select t.id, t.status, jh.code as jh, o.code as school, t.form_code, t.list_id, t.reason, t.decided_by
    from early_transfers t join organizations jh on jh.id = t.junior_high_id join organizations o on o.id = t.school_id order by t.id`);
  const lists = () => rows<List>(sql`
    select l.id, l.status, jh.code as jh, o.code as school, l.code, l.filing_number, l.filed_on, jsonb_array_length(l.content->'students')::int as n
    from early_transfer_lists l join organizations jh on jh.id = l.junior_high_id join organizations o on o.id = l.school_id order by l.id`);
  const campaignId = async () => (await rows<{ id: number }>(sql`select c.id from campaigns c join organizations o on o.id = c.district_id where o.code = 'D01' and c.year = 2027`))[0]!.id;

  it('holds a form in every state, at two pairs (a district-run and a city-run school), dated in May', async () => {
    const all = await forms();
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.length).toBeLessThanOrEqual(30);
    expect(new Set(all.map((f) => f.status))).toEqual(new Set(transferStatuses));
    expect([...new Set(all.map((f) => `${f.jh}→${f.school}`))].sort()).toEqual(['JH02→V02', 'JH03→V11']);
    const byPair = (pair: string) => new Set(all.filter((f) => `${f.jh}→${f.school}` === pair).map((f) => f.status));
    for (const pair of ['JH02→V02', 'JH03→V11']) for (const s of ['filed', 'listed', 'sealed', 'awaiting_family', 'refused']) expect(byPair(pair).has(s), `${pair} ${s}`).toBe(true);
    const [dates] = await rows<{ first: string; last: string }>(sql`select min(requested_on) as first, max(requested_on) as last from early_transfers`);
    expect(dates!.first >= '2027-05-01' && dates!.last <= '2027-05-12').toBe(true);

    // Reasons where a party said no or undid it: refused by a junior high and by a school, withdrawn by the family, returned by the bureau.
    const decided = all.filter((f) => ['refused', 'withdrawn', 'returned'].includes(f.status));
    for (const f of decided) expect(f.reason?.length, `form ${f.id}`).toBeGreaterThan(5);
    expect(new Set(decided.filter((f) => f.status === 'refused').map((f) => f.decided_by))).toEqual(new Set(['source', 'school']));
    expect(decided.filter((f) => f.status === 'withdrawn').every((f) => f.decided_by === 'guardian' || f.decided_by === 'student')).toBe(true);
    expect(decided.filter((f) => f.status === 'returned').map((f) => f.decided_by)).toEqual(['district']);
  });

  it('takes students with a confirmed vocational application and a confirmed curriculum; caps stay within the seats', async () => {
    const bad = await rows(sql`
      select t.id from early_transfers t join students s on s.id = t.student_id left join applications a on a.student_id = s.id
      where a.status is distinct from 'confirmed' or a.track is distinct from 'vocational' or s.curriculum_completed_on is null or s.junior_high_id <> t.junior_high_id`);
    expect(bad).toEqual([]);
    expect(await rows(sql`select student_id from early_transfers group by student_id having count(*) > 1`)).toEqual([]);
    const [curriculum] = await rows<{ students: number; schools: number }>(sql`
      select count(*)::int as students, count(distinct junior_high_id)::int as schools from students where curriculum_completed_on = '2027-04-28'`);
    expect(curriculum!.schools).toBe(3);
    expect(curriculum!.students).toBeGreaterThan(150);
    const caps = await rows<{ id: number; seats: number; cap: number; held: number }>(sql`
      select ps.id, ps.seats, ps.early_transfer_cap as cap,
        (select count(*) from early_transfers t where t.programme_id = ps.id and t.status not in ('refused', 'withdrawn', 'returned'))::int as held
      from planned_seats ps where ps.early_transfer_cap > 0`);
    expect(caps.length).toBe(4);
    for (const c of caps) expect(c.held <= c.cap && c.cap <= c.seats, `programme ${c.id}`).toBe(true);
    expect(caps.some((c) => c.held === c.cap)).toBe(true);
  });

  it('leaves student.demo as the application walk-through needs it', async () => {
    const [s] = await rows<{ done: string | null; forms: number }>(sql`
      select s.curriculum_completed_on as done, (select count(*)::int from early_transfers t where t.student_id = s.id) as forms
      from students s join users u on u.id = s.user_id where u.username = ${DEMO_STUDENT.username}`);
    expect(s).toEqual({ done: null, forms: 0 });
  });

  it('files exactly one list per pair with forms; every filed list verifies with both seals and its filing number', async () => {
    const all = await lists();
    const pairs = new Set((await forms()).map((f) => `${f.jh}→${f.school}`));
    for (const pair of pairs) expect(all.filter((l) => `${l.jh}→${l.school}` === pair && l.status === 'filed'), pair).toHaveLength(1);
    const filed = all.filter((l) => l.status === 'filed');
    expect(filed.map((l) => l.filing_number).sort()).toEqual(['示教职转备〔2027〕001号', '示教职转备〔2027〕002号']);
    for (const l of filed) {
      const v = await verify(l.code!);
      expect(v).toMatchObject({ kind: 'transfer-list', status: 'valid', facts: { filingNumber: l.filing_number, filedOn: l.filed_on, count: l.n } });
      expect(v.facts.seals.map((s: { party: string }) => s.party)).toEqual(['source', 'school', 'district']);
      expect(v.message.zh).toContain(l.filing_number);
    }
    // Each pair also has a list sealed by one school so far, with its forms `listed`.
    const open = all.filter((l) => l.status === 'open');
    expect(open.map((l) => `${l.jh}→${l.school}`).sort()).toEqual(['JH02→V02', 'JH03→V11']);
    const parties = await Promise.all(open.map(async (l) => (await verify(l.code!)).facts.seals.map((s: { party: string }) => s.party)));
    expect(parties.map((p) => p.join()).sort()).toEqual(['school', 'source']);
    const listed = (await forms()).filter((f) => f.status === 'listed');
    expect(listed.every((f) => open.some((l) => l.id === f.list_id))).toBe(true);
  });

  it('tells whoever holds a form whether both schools sealed it and the bureau filed it; undone forms say withdrawn', async () => {
    const all = await forms();
    const withCode = all.filter((f) => f.form_code);
    for (const f of withCode) {
      const v = await verify(f.form_code!);
      expect(v.kind, `form ${f.id}`).toBe('transfer-form');
      if (f.status === 'filed') {
        expect(v.status).toBe('valid');
        expect(v.facts.seals.map((s: { party: string }) => s.party)).toEqual(['source', 'school']);
        expect(v.facts.filingNumber).toMatch(/^示教职转备〔2027〕00[12]号$/);
      } else if (['refused', 'withdrawn', 'returned'].includes(f.status)) {
        expect(v.status, `form ${f.id} ${f.status}`).toBe('withdrawn');
        expect(v.message.zh).toContain(f.reason);
      } else {
        expect(v.status, `form ${f.id} ${f.status}`).toBe('valid');
        expect(v.facts.filingNumber).toBeNull();
      }
    }
    // Each undone state has a code on paper to check (a seal came before the refusal, withdrawal or return).
    for (const s of ['refused', 'withdrawn', 'returned']) expect(withCode.some((f) => f.status === s), s).toBe(true);
  });

  it("gives the district bureau its register, its lists and counts, and the schools' exam preparation", async () => {
    const district = await as('district.admin');
    const id = await campaignId();
    const all = await forms();
    const register = (await district.get(`/api/early-transfers?campaignId=${id}&pageSize=200`)).json();
    expect(register.total).toBe(all.length);
    expect(register.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b)).toEqual(all.map((f) => f.id));
    for (const s of ['refused', 'withdrawn', 'returned']) {
      const page = (await district.get(`/api/early-transfers?campaignId=${id}&status=${s}`)).json();
      expect(page.items.length, s).toBe(all.filter((f) => f.status === s).length);
      for (const i of page.items) expect(i.reason, `${s} ${i.id}`).toBeTruthy();
    }
    const filed = (await district.get(`/api/early-transfers?campaignId=${id}&status=filed`)).json().items;
    for (const i of filed) expect(i).toMatchObject({ filingNumber: expect.stringMatching(/^示教职转备/), filedOn: '2027-05-07', listCode: expect.any(String) });

    const ls = (await district.get(`/api/early-transfer-lists?campaignId=${id}`)).json();
    expect(ls.total).toBe((await lists()).length);
    const report = (await district.get(`/api/early-transfer-report?campaignId=${id}`)).json();
    const count = (s: string[]) => all.filter((f) => s.includes(f.status)).length;
    expect(report.totals).toEqual({
      pending: count(['awaiting_family', 'awaiting_source', 'awaiting_school', 'sealed', 'listed']), filed: count(['filed']), returned: count(['returned']), refusedOrWithdrawn: count(['refused', 'withdrawn']),
    });
    expect(report.nDistrict.filedDistrictRun).toBe(all.filter((f) => f.status === 'filed' && f.school === 'V02').length);
    expect(report.exam.reduce((a: number, e: { withResults: number }) => a + e.withResults, 0)).toBeGreaterThanOrEqual(2);

    const prep = (await district.get(`/api/early-transfer-prep?campaignId=${id}`)).json().items;
    expect(prep.map((p: { mode: string | null }) => p.mode).sort()).toEqual(['school_courses', 'tiered_at_junior_high']);

    // The schools see what is theirs to do next.
    const waiting = all.find((f) => f.status === 'awaiting_school')!;
    const school = await as(`${waiting.school.toLowerCase()}.admin`);
    expect((await school.get(`/api/early-transfers/${waiting.id}`)).json().actions).toEqual(expect.arrayContaining(['seal', 'refuse']));
  });

  it('keeps the audit chain whole, with every step of every form in it', async () => {
    const auditor = await as('city.auditor');
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, break: null });
    const [n] = await rows<{ forms: number; requested: number }>(sql`
      select (select count(*)::int from early_transfers) as forms,
        (select count(distinct object_id)::int from audit where action = 'early_transfer.request') as requested`);
    expect(n!.requested).toBe(n!.forms);
    const seals = await rows<{ n: number }>(sql`select count(*)::int as n from audit where action in ('early_transfer.seal', 'early_transfer_list.seal', 'early_transfer_list.file')`);
    expect(seals[0]!.n).toBeGreaterThan(20);
  });
});
