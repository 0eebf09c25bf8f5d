/**
 * The combined lists of early transfer (汇总名单, issue 10: R13, R14) and what they let anyone
 * check, on the demo campaign with the business clock in May: a list of several forms, a
 * withdrawal that takes the list down and frees the others for a new one, a school's
 * withdrawal; filing numbers in sequence from the campaign's pattern; verification of tampered,
 * changed and foreign-signed codes; the handover register's filters; what a junior high and a
 * city-run school (V11) see and do; the counts per school and junior high adding up.
 *
 * The demo's May already holds lists for JH02 → V02 and JH03 → V11 (filed 001号 and 002号):
 * every test here uses its own junior high, and counts relative to what was there.
 */
import { expect, it } from 'vitest';
import { and, eq, max, sql } from 'drizzle-orm';
import { parseSignedCode } from '@zhizhao/domain';
import { campaigns, campuses, earlyTransferLists, earlyTransfers, majors, organizations, plannedSeats } from '../src/db/schema';
import { signCode } from '../src/signing/codes';
import { formContent, programmeOf, studentRow } from '../src/features/transfers/content';
import { queryRows } from '../src/db/client';
import { describeBackends } from './harness';
import { auditMark, expectError, orgId } from './factories';
import { createStudents } from './support-students';
import {
  askedForm, cachedClients, campaignIdOf, capWithFree, listOfPair, programmeIdsOf, readyFamily, sealedForm, transferAudit, verifyCode,
} from './support-transfers';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
type Item = { id: number; status: string; juniorHighId: number; schoolId: number; studentName: string; examNo: string; listId: number | null };

describeBackends('early transfer lists, filing and verification (R13, R14)', (env) => {
  const as = cachedClients(env);
  const pairOf = async (jh: string, school: string) => ({ campaignId: await campaignIdOf(env), juniorHighId: await orgId(env(), jh), schoolId: await orgId(env(), school) });

  it('lists several forms; a withdrawn form takes its list down and the others make a new one; a school withdraws a list', async () => {
    const [p] = await programmeIdsOf(env, 'V02');
    await capWithFree(env, p!, 3);
    const forms = [await sealedForm(env, p!, 'V02', 'JH07'), await sealedForm(env, p!, 'V02', 'JH07'), await sealedForm(env, p!, 'V02', 'JH07')];
    const [jh, school] = await Promise.all([as('jh07.admin'), as('v02.admin')]);
    const pair = await pairOf('JH07', 'V02');
    const candidates = (await jh.get(`/api/early-transfer-lists/candidates?campaignId=${pair.campaignId}`)).json().items;
    expect(candidates).toEqual([expect.objectContaining({ juniorHighId: pair.juniorHighId, schoolId: pair.schoolId, sealed: 3 })]);

    // Either school of the pair makes the list: here the school.
    const list = (await school.post('/api/early-transfer-lists', pair)).json();
    expect(list).toMatchObject({ status: 'open', count: 3, actions: ['seal', 'withdraw'], code: null });
    expect(list.items.map((i: { transferId: number; status: string }) => [i.transferId, i.status]).sort()).toEqual(forms.map((f) => [f.t.id, 'listed']).sort());
    for (const f of forms) expect((await jh.get(`/api/early-transfers/${f.t.id}`)).json()).toMatchObject({ status: 'listed', listId: list.id });
    expectError(await jh.post('/api/early-transfer-lists', pair), 409, 'EARLY_TRANSFER_LIST_EMPTY');
    // A listed form cannot change.
    expectError(await forms[0]!.f.student.put('/api/me/early-transfer', { programmeId: p, version: 1 }), 409, 'EARLY_TRANSFER_TRANSITION');
    const half = (await jh.post(`/api/early-transfer-lists/${list.id}/seal`)).json();
    expect(half).toMatchObject({ status: 'open', actions: ['withdraw'] });
    expect(await verifyCode(env, half.code)).toMatchObject({ kind: 'transfer-list', status: 'valid', facts: { count: 3 } });

    // The guardian of the second form withdraws it: the list is withdrawn with it, the others go back to `sealed`.
    let mark = await auditMark(env());
    expect((await forms[1]!.f.guardian.post('/api/me/early-transfer/withdraw', { reason: '家长改变主意，不再提前到校' })).json().status).toBe('withdrawn');
    const down = (await jh.get(`/api/early-transfer-lists/${list.id}`)).json();
    expect(down).toMatchObject({ status: 'withdrawn', actions: [] });
    expect(down.reason).toContain('家长改变主意');
    expect(Object.fromEntries(down.items.map((i: { transferId: number; status: string }) => [i.transferId, i.status]))).toEqual({ [forms[0]!.t.id]: 'sealed', [forms[1]!.t.id]: 'withdrawn', [forms[2]!.t.id]: 'sealed' });
    const v = await verifyCode(env, half.code);
    expect(v.status).toBe('withdrawn');
    expect(v.message.zh).toContain('撤回');
    for (const f of [forms[0]!, forms[2]!]) {
      expect((await jh.get(`/api/early-transfers/${f.t.id}`)).json()).toMatchObject({ status: 'sealed', listId: null });
      expect((await verifyCode(env, f.t.formCode)).status).toBe('valid');
    }
    expect((await transferAudit(env, mark)).map((e) => e.action).sort()).toEqual(['early_transfer.unlist', 'early_transfer.unlist', 'early_transfer.withdraw', 'early_transfer_list.withdraw'].sort());
    expectError(await jh.post(`/api/early-transfer-lists/${list.id}/seal`), 409, 'EARLY_TRANSFER_TRANSITION');

    // A new list of the two; the school withdraws it with a reason; they are free again.
    const again = (await jh.post('/api/early-transfer-lists', pair)).json();
    expect(again).toMatchObject({ status: 'open', count: 2 });
    mark = await auditMark(env());
    const withdrawn = (await school.post(`/api/early-transfer-lists/${again.id}/withdraw`, { reason: '名单有误，重新生成' })).json();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', reason: '中职学校撤回：名单有误，重新生成' });
    expect((await transferAudit(env, mark)).map((e) => e.action).sort()).toEqual(['early_transfer.unlist', 'early_transfer.unlist', 'early_transfer_list.withdraw']);
    expectError(await school.post(`/api/early-transfer-lists/${again.id}/withdraw`, { reason: '再次撤回' }), 409, 'EARLY_TRANSFER_TRANSITION');
    expect((await jh.get(`/api/early-transfer-lists/candidates?campaignId=${pair.campaignId}`)).json().items).toEqual([expect.objectContaining({ sealed: 2 })]);
  });

  it('numbers filed lists in sequence per campaign, from the campaign\'s pattern when the district changes it', async () => {
    const campaignId = await campaignIdOf(env);
    const [p] = await programmeIdsOf(env, 'V01');
    await capWithFree(env, p!, 3);
    const [district, city, north] = await Promise.all([as('district.admin'), as('city.admin'), as('north.admin')]);
    const [last] = await env().database.db.select({ n: max(earlyTransferLists.filingSeq) }).from(earlyTransferLists).where(eq(earlyTransferLists.campaignId, campaignId));
    const n = Number(last?.n ?? 0);
    const pad = (k: number, w: number) => String(k).padStart(w, '0');

    await sealedForm(env, p!, 'V01', 'JH10');
    expect((await listOfPair(env, 'JH10', 'V01')).filingNumber).toBe(`示教职转备〔2027〕${pad(n + 1, 3)}号`);
    await sealedForm(env, p!, 'V01', 'JH11');
    const sealed = await listOfPair(env, 'JH11', 'V01', { file: false });
    // Sealed by both: the schools may still withdraw it; only the district bureau files.
    expect(sealed).toMatchObject({ status: 'sealed', actions: ['withdraw'] });
    // Only the campaign's district bureau files: not the city, not another district.
    expectError(await city.post(`/api/early-transfer-lists/${sealed.id}/file`), 403, 'FORBIDDEN');
    expectError(await north.post(`/api/early-transfer-lists/${sealed.id}/file`), 403, 'FORBIDDEN');
    expect((await district.get(`/api/early-transfer-lists/${sealed.id}`)).json().actions).toEqual(['file']);
    const second = (await district.post(`/api/early-transfer-lists/${sealed.id}/file`)).json();
    expect(second).toMatchObject({ status: 'filed', filingNumber: `示教职转备〔2027〕${pad(n + 2, 3)}号`, filedOn: '2027-05-12' });
    expectError(await district.post(`/api/early-transfer-lists/${sealed.id}/file`), 409, 'EARLY_TRANSFER_TRANSITION');

    const pattern = (earlyTransferListPattern: string) => district.patch(`/api/campaigns/${campaignId}`, { settings: { earlyTransferListPattern }, reason: '区教育局调整提前学习名单备案编号格式' });
    expect((await pattern('示教转〔{year}〕第{seq:4}号')).statusCode).toBe(200);
    try {
      await sealedForm(env, p!, 'V01', 'JH12');
      const third = await listOfPair(env, 'JH12', 'V01', { district: 'district.staff' });
      expect(third.filingNumber).toBe(`示教转〔2027〕第${pad(n + 3, 4)}号`);
      expect(await verifyCode(env, third.code)).toMatchObject({ status: 'valid', facts: { filingNumber: third.filingNumber, filedOn: '2027-05-12' } });
    } finally {
      await pattern('示教职转备〔{year}〕{seq:3}号');
    }
  });

  it('files each district\'s lists with that campaign\'s own numbers, though two districts share the default pattern', async () => {
    // 示例北区 (D02) has no vocational school in the demo: one, its programme, a JN01 student's form
    // and the pair's list, sealed by both (written directly: what is tested is the filing).
    const db = env().database.db;
    const [D02, C01, JN01] = await Promise.all(['D02', 'C01', 'JN01'].map((c) => orgId(env(), c)));
    const [c2] = await db.select().from(campaigns).where(and(eq(campaigns.districtId, D02!), eq(campaigns.year, 2027)));
    const [school] = await db.insert(organizations).values({ code: 'VN91', name: '示例北区职业学校', kind: 'vocational_school', parentId: D02!, districtId: D02!, cityId: C01!, runBy: 'district', ownership: 'public' }).returning();
    const [campus] = await db.insert(campuses).values({ organizationId: school!.id, name: '北区职校校区' }).returning();
    const [major] = await db.insert(majors).values({ organizationId: school!.id, campusId: campus!.id, code: '710201', name: '计算机应用', category: 'general', lengthYears: 3, internship: '6个月', fees: [] }).returning();
    const [ps] = await db.insert(plannedSeats).values({ campaignId: c2!.id, majorId: major!.id, seats: 50, earlyTransferCap: 5 }).returning();
    const [s] = await createStudents(env(), { juniorHighCode: 'JN01', count: 1 });
    const [jn01] = await db.select().from(organizations).where(eq(organizations.id, JN01!));
    const [form] = await db.insert(earlyTransfers).values({ campaignId: c2!.id, studentId: s!.id, juniorHighId: JN01!, schoolId: school!.id, programmeId: ps!.id, status: 'listed', version: 1, requestedBy: 'student', requestedOn: '2027-05-06', content: {}, studentConfirmedVersion: 1, guardianConfirmedVersion: 1 }).returning();
    const content = formContent({ transferId: form!.id, version: 1, requestedOn: '2027-05-06', campaign: { id: c2!.id, name: c2!.name, year: 2027 }, student: await studentRow(db, s!.id), juniorHigh: { id: jn01!.id, code: jn01!.code, name: jn01!.name }, programme: (await programmeOf(db, c2!.id, ps!.id))! });
    const [list] = await db.insert(earlyTransferLists).values({ campaignId: c2!.id, juniorHighId: JN01!, schoolId: school!.id, status: 'sealed', content: {} }).returning();
    const listContent = {
      list: '提前到中职学校学习学生汇总名单', listId: list!.id, campaign: { id: c2!.id, name: c2!.name, year: 2027 }, juniorHigh: { id: jn01!.id, code: jn01!.code, name: jn01!.name },
      school: { id: school!.id, code: 'VN91', name: school!.name, runBy: 'district' }, students: [{ transferId: form!.id, version: 1, examNo: s!.examNo, name: s!.name, gender: s!.gender, className: s!.className, majorName: '计算机应用', campusName: '北区职校校区' }],
    };
    await db.update(earlyTransfers).set({ content, listId: list!.id }).where(eq(earlyTransfers.id, form!.id));
    await db.update(earlyTransferLists).set({ content: listContent }).where(eq(earlyTransferLists.id, list!.id));
    // D01's campaign has filed lists (the demo's 001号, 002号) under the same default pattern.
    expect((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from early_transfer_lists where filing_number = '示教职转备〔2027〕001号'`))[0]!.n).toBe(1);

    const north = await as('north.admin');
    const res = await north.post(`/api/early-transfer-lists/${list!.id}/file`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'filed', filingNumber: '示教职转备〔2027〕001号' });
  });

  it('verifies codes: every tampered byte is invalid, a change voids the seals and says so, a foreign key is not trusted', async () => {
    const [p, q] = await programmeIdsOf(env, 'V12');
    await capWithFree(env, p!, 3);
    await capWithFree(env, q!, 3);
    const a = await sealedForm(env, p!, 'V12', 'JH13');
    const list = await listOfPair(env, 'JH13', 'V12', { file: false });
    const code: string = list.code;
    const valid = await verifyCode(env, code);
    expect(valid).toMatchObject({ kind: 'transfer-list', status: 'valid', facts: { count: 1 } });
    expect(valid.facts.seals.map((s: { party: string }) => s.party)).toEqual(['source', 'school']);
    expect(JSON.stringify(valid)).not.toContain(a.f.s.name);
    expect(JSON.stringify(valid)).not.toContain(a.f.s.idNumber);

    // Every byte of the code, changed to another character the alphabet allows (or the dot removed), is refused.
    const notInvalid: string[] = [];
    for (let i = 0; i < code.length; i++) {
      const ch = code[i]!;
      const other = ch === '.' ? 'A' : B64[(B64.indexOf(ch) + 1 + (i % 63)) % 64]!;
      const tampered = code.slice(0, i) + other + code.slice(i + 1);
      const status = (await verifyCode(env, tampered)).status;
      if (status !== 'invalid') notInvalid.push(`${i}: ${status}`);
    }
    expect(notInvalid).toEqual([]);

    // A form changed after a seal: its code says the seals are void because it was changed.
    const b = await sealedForm(env, q!, 'V12', 'JH13');
    const changed = (await b.f.student.put('/api/me/early-transfer', { programmeId: p, version: b.t.version })).json();
    expect(changed).toMatchObject({ version: 2, status: 'awaiting_family', seals: [], formCode: null });
    const voided = await verifyCode(env, b.t.formCode);
    expect(voided).toMatchObject({ kind: 'transfer-form', status: 'withdrawn', facts: { version: 1, currentVersion: 2, seals: [] } });
    expect(voided.message.zh).toContain('修改');
    expect(voided.message.en).toContain('changed');

    // The same payloads signed by an organisation that is no party (V16), or by a party over other content.
    const payloadOf = (c: string) => { const { k: _k, ...rest } = parseSignedCode(c)!.payload; return rest as { t: 'transfer-list' | 'transfer-form' } & Record<string, string | number>; };
    const sign = (org: number, payload: { t: 'transfer-list' | 'transfer-form' } & Record<string, string | number>) =>
      env().database.db.transaction((tx) => signCode(tx, { actor: null, requestId: null, ip: null }, org, payload, env().deps.config.keySecret));
    const [V16, JH13] = await Promise.all([orgId(env(), 'V16'), orgId(env(), 'JH13')]);
    const foreignList = await verifyCode(env, await sign(V16, payloadOf(code)));
    expect(foreignList).toMatchObject({ kind: 'transfer-list', status: 'invalid', facts: null });
    expect(foreignList.message.zh).toContain('不属于');
    expect(await verifyCode(env, await sign(V16, payloadOf(a.t.formCode)))).toMatchObject({ kind: 'transfer-form', status: 'invalid' });
    expect(await verifyCode(env, await sign(JH13, { ...payloadOf(a.t.formCode), h: 'AAAAAAAAAAAAAAAA' }))).toMatchObject({ status: 'invalid' });
    expect(await verifyCode(env, await sign(JH13, { ...payloadOf(code), id: 999_999 }))).toMatchObject({ kind: 'transfer-list', status: 'unknown' });
    // The genuine codes still stand.
    expect((await verifyCode(env, code)).status).toBe('valid');
    expect((await verifyCode(env, a.t.formCode)).status).toBe('valid');
  });

  it('filters and pages the register; a junior high sees only its own forms, lists and counts', async () => {
    const campaignId = await campaignIdOf(env);
    const [, , r] = await programmeIdsOf(env, 'V12');
    const [s15] = await programmeIdsOf(env, 'V15');
    await capWithFree(env, r!, 3);
    await capWithFree(env, s15!, 3);
    const asking = await readyFamily(env, r!, 'JH14');
    await asking.student.post('/api/me/early-transfer', { programmeId: r });
    const waiting = await askedForm(env, r!, 'JH14');
    const sealed = await sealedForm(env, s15!, 'V15', 'JH14');
    const [district, jh14, v15, v12] = await Promise.all([as('district.admin'), as('jh14.admin'), as('v15.admin'), as('v12.admin')]);
    const [JH14, V15] = await Promise.all([orgId(env(), 'JH14'), orgId(env(), 'V15')]);
    const register = async (c: typeof district, query: string) => (await c.get(`/api/early-transfers?campaignId=${campaignId}&${query}`)).json() as { items: Item[]; total: number };
    const ids = (x: { items: Item[] }) => x.items.map((i) => i.id).sort();

    const all = await register(district, `juniorHighId=${JH14}`);
    expect(all.total).toBe(3);
    expect(ids(all)).toEqual([waiting.t.id, sealed.t.id, all.items.find((i) => i.status === 'awaiting_family')!.id].sort());
    expect(ids(await register(district, `juniorHighId=${JH14}&status=sealed`))).toEqual([sealed.t.id]);
    expect(ids(await register(district, `juniorHighId=${JH14}&status=awaiting_source`))).toEqual([waiting.t.id]);
    expect(ids(await register(district, `juniorHighId=${JH14}&schoolId=${V15}`))).toEqual([sealed.t.id]);
    expect((await register(district, `schoolId=${V15}&status=sealed`)).items.every((i) => i.schoolId === V15 && i.status === 'sealed')).toBe(true);
    expect(ids(await register(district, `q=${waiting.f.s.examNo}`))).toEqual([waiting.t.id]);
    const byName = await register(district, `juniorHighId=${JH14}&q=${encodeURIComponent(asking.s.name)}`);
    expect(byName.items.map((i) => i.studentName)).toContain(asking.s.name);
    expect(byName.items.every((i) => i.studentName.startsWith(asking.s.name))).toBe(true);
    const page1 = await register(district, `juniorHighId=${JH14}&pageSize=2&page=1`);
    const page2 = await register(district, `juniorHighId=${JH14}&pageSize=2&page=2`);
    expect([page1.items.length, page2.items.length, page1.total, page2.total]).toEqual([2, 1, 3, 3]);
    expect([...ids(page1), ...ids(page2)].sort()).toEqual(ids(all));

    // The junior high: its own forms only, whatever it asks for.
    const own = await register(jh14, 'pageSize=200');
    expect(ids(own)).toEqual(ids(all));
    expect((await register(jh14, `schoolId=${await orgId(env(), 'V02')}`)).items.every((i) => i.juniorHighId === JH14)).toBe(true);
    const demoForm = (await register(district, 'pageSize=200')).items.find((i) => i.juniorHighId !== JH14)!;
    expectError(await jh14.get(`/api/early-transfers/${demoForm.id}`), 403, 'FORBIDDEN');
    expectError(await jh14.get(`/api/early-transfers/${demoForm.id}/pdf`), 403, 'FORBIDDEN');
    // Its lists, candidates, exam plans and counts.
    const mine = (await jh14.post('/api/early-transfer-lists', { campaignId, juniorHighId: JH14, schoolId: V15 })).json();
    const lists = (await jh14.get(`/api/early-transfer-lists?campaignId=${campaignId}&pageSize=200`)).json();
    expect(lists.items.map((l: { id: number }) => l.id)).toEqual([mine.id]);
    expect((await v15.get(`/api/early-transfer-lists?campaignId=${campaignId}&pageSize=200`)).json().items.map((l: { id: number }) => l.id)).toContain(mine.id);
    expect((await v12.get(`/api/early-transfer-lists?campaignId=${campaignId}&pageSize=200`)).json().items.map((l: { id: number }) => l.id)).not.toContain(mine.id);
    expectError(await v12.get(`/api/early-transfer-lists/${mine.id}`), 403, 'FORBIDDEN');
    expectError(await v12.get(`/api/early-transfer-lists/${mine.id}/xlsx`), 403, 'FORBIDDEN');
    const demoList = (await district.get(`/api/early-transfer-lists?campaignId=${campaignId}&pageSize=200`)).json().items.find((l: { juniorHighId: number }) => l.juniorHighId !== JH14);
    expectError(await jh14.get(`/api/early-transfer-lists/${demoList.id}`), 403, 'FORBIDDEN');
    expectError(await jh14.get(`/api/early-transfer-lists/${demoList.id}/pdf`), 403, 'FORBIDDEN');
    expect((await jh14.get(`/api/early-transfer-lists/candidates?campaignId=${campaignId}`)).json().items.every((c: { juniorHighId: number }) => c.juniorHighId === JH14)).toBe(true);
    expect((await jh14.get(`/api/early-transfer-prep?campaignId=${campaignId}`)).json().items.every((i: { juniorHighId: number }) => i.juniorHighId === JH14)).toBe(true);
    const report = (await jh14.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json();
    expect(report.bySchool).toEqual([]);
    expect(report.byJuniorHigh).toEqual([expect.objectContaining({ juniorHighId: JH14, pending: 3, filed: 0 })]);
    expect(report.totals).toMatchObject({ pending: 3, filed: 0 });
    const schoolReport = (await v15.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json();
    expect(schoolReport.byJuniorHigh).toEqual([]);
    expect(schoolReport.bySchool.map((s: { schoolId: number }) => s.schoolId)).toEqual([V15]);
  });

  it('treats a city-run school of the district (V11) as a full party of its forms and lists', async () => {
    const campaignId = await campaignIdOf(env);
    const [, , p] = await programmeIdsOf(env, 'V11');
    await capWithFree(env, p!, 2);
    const [v11, jh15, district, v01] = await Promise.all([as('v11.admin'), as('jh15.admin'), as('district.admin'), as('v01.admin')]);
    const report = async () => (await district.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json();
    const before = await report();
    const { t } = await askedForm(env, p!, 'JH15');
    const url = `/api/early-transfers/${t.id}`;
    expect((await v11.get(url)).json().actions).toEqual(['withdraw']);
    expectError(await v01.get(url), 403, 'FORBIDDEN');
    await jh15.post(`${url}/seal`, { version: 1 });
    expect((await v11.get(url)).json().actions).toEqual(['seal', 'refuse', 'withdraw']);
    const sealed = (await v11.post(`${url}/seal`, { version: 1 })).json();
    expect(sealed.seals.map((s: { party: string; organizationName: string }) => [s.party, s.organizationName])).toEqual([['source', sealed.juniorHighName], ['school', '示例市交通职业学校']]);
    expect((await v11.get(`/api/early-transfer-lists/candidates?campaignId=${campaignId}`)).json().items).toContainEqual(expect.objectContaining({ juniorHighId: t.juniorHighId, sealed: 1 }));
    const list = (await v11.post('/api/early-transfer-lists', await pairOf('JH15', 'V11'))).json();
    await v11.post(`/api/early-transfer-lists/${list.id}/seal`);
    await jh15.post(`/api/early-transfer-lists/${list.id}/seal`);
    // The district bureau files a city-run school's list, but never seals for it.
    expectError(await district.post(`/api/early-transfer-lists/${list.id}/seal`), 403, 'FORBIDDEN');
    const filed = (await district.post(`/api/early-transfer-lists/${list.id}/file`)).json();
    expect(filed).toMatchObject({ status: 'filed', seals: [{ party: 'source' }, { party: 'school' }, { party: 'district' }] });
    expect((await v11.get(`/api/early-transfers?campaignId=${campaignId}&status=filed&pageSize=200`)).json().items.map((i: Item) => i.id)).toContain(t.id);
    expect((await v11.put('/api/early-transfer-prep', { campaignId, juniorHighId: t.juniorHighId, mode: 'tiered_at_junior_high', courses: [], notes: '回初中分层教学' })).statusCode).toBe(200);
    expect((await v11.put(`${url}/exam-result`, { subjects: [{ subject: '物理实验操作', sat: true, passed: true }] })).json().examResult.subjects).toHaveLength(1);
    // Counted for V11 and the junior high, but not toward N_district (R1: V11 is city-run).
    const after = await report();
    const V11 = t.schoolId;
    const filedOf = (r: { bySchool: Array<{ schoolId: number; filed: number }> }) => r.bySchool.find((s) => s.schoolId === V11)!.filed;
    expect(filedOf(after) - filedOf(before)).toBe(1);
    expect(after.totals.filed - before.totals.filed).toBe(1);
    expect(after.nDistrict.filedDistrictRun).toBe(before.nDistrict.filedDistrictRun);
    expect(after.bySchool.find((s: { schoolId: number }) => s.schoolId === V11).runBy).toBe('city');
  });

  it('adds up the counts per school and per junior high to the campaign\'s totals and the register', async () => {
    const campaignId = await campaignIdOf(env);
    const [district, city] = await Promise.all([as('district.admin'), as('city.admin')]);
    const report = (await district.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json();
    type S = { schoolId: number; runBy: string; cap: number; pending: number; filed: number; returned: number };
    type J = { juniorHighId: number; pending: number; filed: number };
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
    const bySchool: S[] = report.bySchool;
    const byJh: J[] = report.byJuniorHigh;
    const counts = Object.fromEntries((await queryRows<{ status: string; n: number }>(env().database.db, sql`select status, count(*)::int as n from early_transfers where campaign_id = ${campaignId} group by status`)).map((r) => [r.status, Number(r.n)]));
    const c = (s: string) => counts[s] ?? 0;
    const pending = c('awaiting_family') + c('awaiting_source') + c('awaiting_school') + c('sealed') + c('listed');
    expect(report.totals).toEqual({ pending, filed: c('filed'), returned: c('returned'), refusedOrWithdrawn: c('refused') + c('withdrawn') });
    expect(report.totals.filed).toBeGreaterThan(0);
    expect([sum(bySchool, (s) => s.pending), sum(bySchool, (s) => s.filed), sum(bySchool, (s) => s.returned)]).toEqual([pending, c('filed'), c('returned')]);
    expect([sum(byJh, (j) => j.pending), sum(byJh, (j) => j.filed)]).toEqual([pending, c('filed')]);
    expect(report.nDistrict.filedDistrictRun).toBe(sum(bySchool.filter((s) => s.runBy === 'district'), (s) => s.filed));
    // Each school's cap is the sum of its programmes' caps; each junior high's filed count is the register's.
    const caps: Array<{ schoolId: number; cap: number }> = (await district.get(`/api/campaigns/${campaignId}/early-transfer-caps`)).json().rows;
    for (const s of bySchool) expect(s.cap, `school ${s.schoolId}`).toBe(sum(caps.filter((r) => r.schoolId === s.schoolId), (r) => r.cap));
    for (const j of byJh.filter((x) => x.filed > 0)) {
      expect((await district.get(`/api/early-transfers?campaignId=${campaignId}&juniorHighId=${j.juniorHighId}&status=filed`)).json().total).toBe(j.filed);
    }
    // The city reads the same counts for the campaign.
    expect((await city.get(`/api/early-transfer-report?campaignId=${campaignId}`)).json()).toEqual(report);
  });
}, { config: { fixedNow: '2027-05-12' } });
