/**
 * 查重 (R11 普职不兼报): the district imports the exam office's general-high list; every student
 * of the campaign on it who applies to vocational becomes a conflict (by exam number or by ID
 * number), once; a file with bad rows writes nothing; the junior high resolves with the family,
 * audited — keep general changes the track, clears the choices and asks the family to confirm.
 */
import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { applicationChoices, applications, generalListImports, trackConflicts } from '../src/db/schema';
import { call, describeBackends, signIn } from './harness';
import { auditMark, clients, expectError, multipart, oneAudit, orgId } from './factories';
import { campaignIdOf, createStudents, type TestStudent } from './support-students';
import { programmesOf, setApplication, workbook } from './support-overview';

describeBackends('cross-system duplicate check', (env) => {
  const as = clients(env);
  let campaignId = 0;
  let s: TestStudent[] = [];
  let firstImport = 0;
  const upload = async (username: string, file: Buffer, id = campaignId) =>
    call(env().app, await signIn(env().app, username), { method: 'POST', url: `/api/campaigns/${id}/general-list/import`, ...multipart(file) });
  const imports = async () => Number((await env().database.db.select({ n: count() }).from(generalListImports))[0]!.n);

  it('reports the students on both lists, by exam number and by ID number, once', async () => {
    campaignId = await campaignIdOf(env());
    const programmes = await programmesOf(env(), 'V01', campaignId);
    s = await createStudents(env(), { juniorHighCode: 'JH03', count: 4 });
    await setApplication(env(), s[0]!, { track: 'vocational', programmeIds: [programmes[0]!] });
    await setApplication(env(), s[1]!, { track: 'vocational', confirmed: false, programmeIds: [programmes[0]!] });
    await setApplication(env(), s[2]!, { track: 'general' });
    const file = await workbook(['中考报名号', '身份证号'], [
      [s[0]!.examNo.toLowerCase(), null],
      [null, s[1]!.idNumber],
      [s[2]!.examNo, s[2]!.idNumber], // general: no conflict
      [null, s[3]!.idNumber], // undecided: no conflict
      ['99999999', null], // nobody
    ]);
    const openBefore = (await (await as('district.admin')).get(`/api/campaigns/${campaignId}/track-conflicts?open=true`)).json().total as number;
    const mark = await auditMark(env());
    const res = await upload('district.staff', file);
    expect(res.json(), res.body).toEqual({ rows: 5, matched: 2, newConflicts: 2, errors: [] });
    const event = await oneAudit(env(), mark, 'application.crosscheck_import');
    expect(JSON.stringify(event.changes)).not.toContain(s[1]!.idNumber);
    const again = await upload('district.admin', file);
    expect(again.json()).toEqual({ rows: 5, matched: 2, newConflicts: 0, errors: [] });
    const [row] = await env().database.db.select().from(generalListImports).where(eq(generalListImports.id, event.objectId ? Number(event.objectId) : 0));
    expect(row).toMatchObject({ rows: 5, matched: 2 });
    expect(row!.fileHash).toMatch(/^[0-9a-f]{64}$/);
    firstImport = row!.id;

    // (the demo seed may hold a duplicate of its own: count ours)
    const list = (await (await as('district.admin')).get(`/api/campaigns/${campaignId}/track-conflicts?open=true&pageSize=200`)).json();
    expect(list.total).toBe(openBefore + 2);
    const ours = list.items.filter((i: { studentId: number }) => s.some((x) => x.id === i.studentId));
    expect(ours.map((i: { studentId: number; matchedBy: string }) => [i.studentId, i.matchedBy])).toEqual([[s[0]!.id, 'exam_no'], [s[1]!.id, 'id_number']]);
    expect(JSON.stringify(list)).not.toContain(s[1]!.idNumber);
    const jh03 = (await (await as('jh03.admin')).get(`/api/campaigns/${campaignId}/track-conflicts?pageSize=200`)).json();
    expect(new Set(jh03.items.map((i: { juniorHighId: number }) => i.juniorHighId))).toEqual(new Set([s[0]!.juniorHighId]));
    const jh04 = (await (await as('jh04.admin')).get(`/api/campaigns/${campaignId}/track-conflicts?pageSize=200`)).json();
    expect(jh04.items.filter((i: { studentId: number }) => s.some((x) => x.id === i.studentId))).toEqual([]);
    const jh04Id = await orgId(env(), 'JH04');
    expect(jh04.items.every((i: { juniorHighId: number }) => i.juniorHighId === jh04Id)).toBe(true);
    expectError(await (await as('v01.admin')).get(`/api/campaigns/${campaignId}/track-conflicts`), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).get(`/api/campaigns/${campaignId}/track-conflicts`), 403, 'FORBIDDEN');
    // The overview counts them per junior high.
    const o = (await (await as('district.admin')).get(`/api/applications/overview?campaignId=${campaignId}`)).json();
    expect(o.juniorHighs.find((r: { code: string }) => r.code === 'JH03').openConflicts).toBe(jh03.items.length);
  });

  it('reports every bad row and writes nothing', async () => {
    const before = await imports();
    const bad = await workbook(['中考报名号', '身份证号'], [
      [s[0]!.examNo, null],
      [null, 110105200801011234], // a number cell: digits already lost
      [null, '110105200801011235'], // wrong check digit
      ['ab', null], // too short
    ]);
    const res = await upload('district.admin', bad);
    const details = expectError(res, 422, 'IMPORT_INVALID');
    expect(details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[3, '身份证号'], [4, '身份证号'], [5, '中考报名号']]);
    expect(await imports()).toBe(before);
    const noColumn = await workbook(['姓名'], [['张三']]);
    expectError(await upload('district.admin', noColumn), 422, 'IMPORT_INVALID');
    expect(await imports()).toBe(before);
    // Only the campaign's own district bureau imports.
    expectError(await upload('north.admin', bad), 403, 'FORBIDDEN');
    expectError(await upload('jh03.admin', bad), 403, 'FORBIDDEN');
  });

  it('lets the junior high resolve with the family: keep general changes the track and is audited', async () => {
    const conflicts = (await (await as('jh03.admin')).get(`/api/campaigns/${campaignId}/track-conflicts?open=true`)).json().items as Array<{ id: number; studentId: number }>;
    const first = conflicts.find((c) => c.studentId === s[0]!.id)!;
    const second = conflicts.find((c) => c.studentId === s[1]!.id)!;
    expectError(await (await as('jh04.admin')).post(`/api/track-conflicts/${first.id}/resolve`, { resolution: 'keep_general', note: '家长确认报普高' }), 403, 'FORBIDDEN');
    expectError(await (await as('district.admin')).post(`/api/track-conflicts/${first.id}/resolve`, { resolution: 'keep_general', note: '家长确认报普高' }), 403, 'FORBIDDEN');

    const mark = await auditMark(env());
    const res = await (await as('jh03.admin')).post(`/api/track-conflicts/${first.id}/resolve`, { resolution: 'keep_general', note: '家长确认报普高' });
    expect(res.json(), res.body).toMatchObject({ id: first.id, resolution: 'keep_general', note: '家长确认报普高' });
    expect(res.json().resolvedAt).not.toBeNull();
    const [app] = await env().database.db.select().from(applications).where(eq(applications.studentId, s[0]!.id));
    expect(app).toMatchObject({ track: 'general', version: 2, enteredBy: 'staff', status: 'draft', acceptAdjustment: false });
    expect(await env().database.db.select().from(applicationChoices).where(eq(applicationChoices.applicationId, app!.id))).toEqual([]);
    const event = await oneAudit(env(), mark, 'application.resolve_conflict');
    expect(event).toMatchObject({ objectType: 'application', objectId: String(app!.id) });
    expect(event.changes).toMatchObject({ by: 'staff', version: 2, track: 'general', choices: [], acceptAdjustment: false, resolution: 'keep_general' });
    expectError(await (await as('jh03.admin')).post(`/api/track-conflicts/${first.id}/resolve`, { resolution: 'keep_vocational', note: '再次处理' }), 409, 'CONFLICT_ALREADY_RESOLVED');

    const kept = await (await as('jh03.admin')).post(`/api/track-conflicts/${second.id}/resolve`, { resolution: 'keep_vocational', note: '家长确认报中职' });
    expect(kept.json(), kept.body).toMatchObject({ resolution: 'keep_vocational' });
    const [app2] = await env().database.db.select().from(applications).where(eq(applications.studentId, s[1]!.id));
    expect(app2).toMatchObject({ track: 'vocational', version: 1 });
    const ours = await env().database.db.select().from(trackConflicts).where(eq(trackConflicts.importId, firstImport));
    expect(ours.map((t) => t.resolution).sort()).toEqual(['keep_general', 'keep_vocational']);
  });
});
