/**
 * The combined list (汇总名单, R14): for a pair (junior high, vocational school), the forms both
 * schools sealed make a list; both schools seal the list (the enrolling school's seal is its
 * acceptance of these students); the district bureau files it with a number from the campaign's
 * pattern and its own seal over the list and the number. Filing hands the students over: each
 * form becomes `filed` — "studying early at school X" from that day.
 *
 * The list's content (the pair and its students) is fixed when it is made: a form on a list
 * cannot change, and withdrawing one withdraws the list (the other forms go back to `sealed`
 * for a new list). Filing numbers are allocated under a transaction-scoped advisory lock per
 * campaign, so several servers never share one (a unique index backs it).
 *
 * Lock order: list row → its forms → signing key → audit head.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { formatFilingNumber, listSealStep, transferTransition, withSettingDefaults, type CampaignSettings, type TransferListStatus, type TransferStatus } from '@zhizhao/domain';
import type { OrgKind, SealView, TransferListDetail, TransferListView } from '@zhizhao/contracts';
import type { z } from 'zod';
import type { createTransferListBody, transferListQuery } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable, type Tx } from '../../db/client';
import { campaigns, earlyTransferLists, earlyTransfers, organizations } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { Actor, OrgRef } from '../../auth/policy';
import { authorizeReadTransfer, partyOf, requireParty, transferScope, type TransferRef } from '../../auth/transfer-policy';
import { signCode } from '../../signing/codes';
import { AppError } from '../../errors';
import { campaignById, campaignOfActor } from '../applications/bureau-campaign';
import { contentDigest, keyCache, makeSeal, sealViewOf, type KeyCache, type StoredSeal } from './seals';
import { loadTransfers, type ListRow, type TransferRow } from './queries';
import { notifyFamily } from './notify-family';

/** Advisory-lock namespace of the early-transfer list numbers ("zz" + 3). */
const LIST_LOCK = 0x7a7a03;

export type ListContent = {
  list: '提前到中职学校学习学生汇总名单';
  listId: number;
  campaign: { id: number; name: string; year: number };
  juniorHigh: { id: number; code: string; name: string };
  school: { id: number; code: string; name: string; runBy: 'district' | 'city' };
  students: Array<{ transferId: number; version: number; examNo: string; name: string; gender: 'male' | 'female'; className: string; majorName: string; campusName: string }>;
};

/** What the district's filing seal signs: the list and its number. */
export const filingContent = (content: unknown, filingNumber: string, filedOn: string) => ({ ...(content as object), filingNumber, filedOn });

type LoadedList = { l: ListRow; juniorHighName: string; schoolName: string; campaign: { id: number; name: string; year: number; districtId: number; settings: CampaignSettings }; district: OrgRef & { name: string } };

const jh = alias(organizations, 'jh');
const school = alias(organizations, 'school');
const district = alias(organizations, 'district');

async function loadLists(db: Queryable, ids: number[]): Promise<LoadedList[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      l: earlyTransferLists, jhName: jh.name, schoolName: school.name,
      c: { id: campaigns.id, name: campaigns.name, year: campaigns.year, districtId: campaigns.districtId, settings: campaigns.settings },
      d: { id: district.id, kind: district.kind, districtId: district.districtId, cityId: district.cityId, name: district.name },
    })
    .from(earlyTransferLists)
    .innerJoin(jh, eq(jh.id, earlyTransferLists.juniorHighId))
    .innerJoin(school, eq(school.id, earlyTransferLists.schoolId))
    .innerJoin(campaigns, eq(campaigns.id, earlyTransferLists.campaignId))
    .innerJoin(district, eq(district.id, campaigns.districtId))
    .where(inArray(earlyTransferLists.id, ids));
  const byId = new Map(rows.map((r) => [r.l.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ l: r.l, juniorHighName: r.jhName, schoolName: r.schoolName, campaign: { ...r.c, settings: r.c.settings as CampaignSettings }, district: { ...r.d, kind: r.d.kind as OrgKind } }] : [];
  });
}

export async function loadList(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<LoadedList> {
  if (opts.lock) await (db as Tx).select({ id: earlyTransferLists.id }).from(earlyTransferLists).where(eq(earlyTransferLists.id, id)).for('update');
  const [l] = await loadLists(db, [id]);
  if (!l) throw new AppError('NOT_FOUND', { earlyTransferListId: id });
  return l;
}

const listRef = (x: LoadedList): TransferRef => ({ juniorHighId: x.l.juniorHighId, schoolId: x.l.schoolId, district: x.district });

async function presentList(db: Queryable, x: LoadedList, cache: KeyCache): Promise<TransferListView> {
  const { l } = x;
  const names = new Map([[l.juniorHighId, x.juniorHighName], [l.schoolId, x.schoolName], [x.district.id, x.district.name]]);
  const seals = (await Promise.all([
    sealViewOf(db, 'source', l.sourceSeal as StoredSeal | null, l.content, names, cache),
    sealViewOf(db, 'school', l.schoolSeal as StoredSeal | null, l.content, names, cache),
    l.filingNumber && l.filedOn ? sealViewOf(db, 'district', l.filingSeal as StoredSeal | null, filingContent(l.content, l.filingNumber, l.filedOn), names, cache) : null,
  ])).filter((s): s is SealView => s !== null);
  return {
    id: l.id, campaignId: l.campaignId, status: l.status as TransferListStatus, juniorHighId: l.juniorHighId, juniorHighName: x.juniorHighName,
    schoolId: l.schoolId, schoolName: x.schoolName, count: (l.content as ListContent).students.length, seals, code: l.code,
    filingNumber: l.filingNumber, filedOn: l.filedOn, reason: l.reason, createdAt: l.createdAt.toISOString(),
  };
}

function listActions(actor: Actor, x: LoadedList): TransferListDetail['actions'] {
  const out: TransferListDetail['actions'] = [];
  const party = partyOf(actor, listRef(x), 'transfer.seal');
  const status = x.l.status as TransferListStatus;
  if (party && listSealStep(status, { source: x.l.sourceSeal !== null, school: x.l.schoolSeal !== null }, party).ok) out.push('seal');
  if (party && (status === 'open' || status === 'sealed')) out.push('withdraw');
  if (partyOf(actor, listRef(x), 'transfer.file') && status === 'sealed') out.push('file');
  return out;
}

async function detailOfList(db: Queryable, actor: Actor | null, x: LoadedList): Promise<TransferListDetail> {
  const content = x.l.content as ListContent;
  const current = new Map((await loadTransfers(db, content.students.map((s) => s.transferId))).map((t) => [t.t.id, t.t.status as TransferStatus]));
  return {
    ...(await presentList(db, x, keyCache())),
    items: content.students.map((s) => ({ transferId: s.transferId, studentName: s.name, examNo: s.examNo, gender: s.gender, className: s.className, majorName: s.majorName, campusName: s.campusName, status: current.get(s.transferId) ?? 'listed' })),
    actions: actor ? listActions(actor, x) : [],
  };
}

export async function listDetail(deps: AppDeps, actor: Actor, id: number): Promise<TransferListDetail> {
  const x = await loadList(deps.db, id);
  authorizeReadTransfer(actor, listRef(x));
  return detailOfList(deps.db, actor, x);
}

/** For the PDF and the verifier: the detail without a caller's actions. */
export async function listDetailForDocument(db: Queryable, id: number): Promise<{ detail: TransferListDetail; loaded: LoadedList }> {
  const x = await loadList(db, id);
  return { detail: await detailOfList(db, null, x), loaded: x };
}
export const listRefOf = listRef;

export async function listLists(deps: AppDeps, actor: Actor, q: z.infer<typeof transferListQuery>) {
  const c = await campaignOfActor(deps, actor, q.campaignId);
  const rows = await queryRows<{ id: number; total: number }>(deps.db, sql`
    select l.id, count(*) over () as total from early_transfer_lists l
    where ${transferScope(actor, 'l')} ${c ? sql`and l.campaign_id = ${c.id}` : sql``} ${q.status ? sql`and l.status = ${q.status}` : sql``}
    order by l.updated_at desc, l.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const cache = keyCache();
  const items = await Promise.all((await loadLists(deps.db, rows.map((r) => Number(r.id)))).map((x) => presentList(deps.db, x, cache)));
  return { items, total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
}

/** The pairs the caller is part of with forms sealed by both schools and not yet on a list. */
export async function listCandidates(deps: AppDeps, actor: Actor, campaignId: number | undefined) {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) return { items: [] };
  const own = actor.orgKind === 'junior_high' ? sql`t.junior_high_id = ${actor.organizationId}` : actor.orgKind === 'vocational_school' ? sql`t.school_id = ${actor.organizationId}` : sql`false`;
  const rows = await queryRows<{ junior_high_id: number; jh_name: string; school_id: number; school_name: string; n: number }>(deps.db, sql`
    select t.junior_high_id, jh.name as jh_name, t.school_id, s.name as school_name, count(*)::int as n
    from early_transfers t join organizations jh on jh.id = t.junior_high_id join organizations s on s.id = t.school_id
    where t.campaign_id = ${c.id} and t.status = 'sealed' and ${own}
    group by t.junior_high_id, jh.name, t.school_id, s.name order by jh.name, s.name`);
  return { items: rows.map((r) => ({ juniorHighId: Number(r.junior_high_id), juniorHighName: r.jh_name, schoolId: Number(r.school_id), schoolName: r.school_name, sealed: Number(r.n) })) };
}

export async function createList(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof createTransferListBody>): Promise<TransferListDetail> {
  const actor = rctx.actor!;
  const c = await campaignById(deps.db, body.campaignId);
  const ref: TransferRef = { juniorHighId: body.juniorHighId, schoolId: body.schoolId, district: c.district };
  requireParty(actor, ref, 'transfer.seal');
  const { now } = await deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    const forms = await tx
      .select()
      .from(earlyTransfers)
      .where(and(eq(earlyTransfers.campaignId, c.id), eq(earlyTransfers.juniorHighId, body.juniorHighId), eq(earlyTransfers.schoolId, body.schoolId), eq(earlyTransfers.status, 'sealed'), isNull(earlyTransfers.listId)))
      .orderBy(earlyTransfers.id)
      .for('update');
    if (!forms.length) throw new AppError('EARLY_TRANSFER_LIST_EMPTY', { rule: 'R14', juniorHighId: body.juniorHighId, schoolId: body.schoolId });
    const [open] = await tx.select({ id: earlyTransferLists.id }).from(earlyTransferLists).where(and(eq(earlyTransferLists.campaignId, c.id), eq(earlyTransferLists.juniorHighId, body.juniorHighId), eq(earlyTransferLists.schoolId, body.schoolId), inArray(earlyTransferLists.status, ['open', 'sealed'])));
    if (open) throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: 'R14', reason: '该学校组合已有一份尚未备案的汇总名单：请先完成备案或撤回该名单', listId: open.id });
    const [jhOrg] = await tx.select().from(organizations).where(eq(organizations.id, body.juniorHighId));
    const [schoolOrg] = await tx.select().from(organizations).where(eq(organizations.id, body.schoolId));
    // createdAt follows the business clock, like the seals' dates (the demo pretends another day).
    const [row] = await tx.insert(earlyTransferLists).values({ campaignId: c.id, juniorHighId: body.juniorHighId, schoolId: body.schoolId, status: 'open', content: {}, createdBy: actor.userId, createdAt: now }).returning({ id: earlyTransferLists.id });
    const loaded = await loadTransfers(tx, forms.map((f) => f.id));
    const content: ListContent = {
      list: '提前到中职学校学习学生汇总名单', listId: row!.id, campaign: { id: c.id, name: c.name, year: c.year },
      juniorHigh: { id: jhOrg!.id, code: jhOrg!.code, name: jhOrg!.name },
      school: { id: schoolOrg!.id, code: schoolOrg!.code, name: schoolOrg!.name, runBy: schoolOrg!.runBy === 'district' ? 'district' : 'city' },
      students: loaded
        .map((l) => {
          const fc = l.t.content as { student: { gender: 'male' | 'female' } };
          return { transferId: l.t.id, version: l.t.version, examNo: l.student.examNo, name: l.student.name, gender: fc.student.gender, className: l.student.className, majorName: l.majorName, campusName: l.campusName };
        })
        .sort((a, b) => a.examNo.localeCompare(b.examNo)),
    };
    await tx.update(earlyTransferLists).set({ content }).where(eq(earlyTransferLists.id, row!.id));
    for (const f of forms) await moveForm(tx, rctx, f, 'list', now, { listId: row!.id });
    await writeAudit(tx, rctx, { action: 'early_transfer_list.create', objectType: 'early_transfer_list', objectId: row!.id, organizationId: actor.organizationId, changes: { juniorHighId: body.juniorHighId, schoolId: body.schoolId, transfers: forms.map((f) => f.id), businessAt: now.toISOString() } });
    return row!.id;
  });
  return listDetail(deps, actor, id);
}

/** A form's system step with its list (list, unlist, file), audited. */
async function moveForm(tx: Tx, rctx: RequestContext, t: TransferRow, action: 'list' | 'unlist' | 'file', now: Date, set: { listId?: number | null; filedOn?: string }, extra: Record<string, unknown> = {}) {
  const r = transferTransition(t.status as TransferStatus, action, action === 'file' ? 'district' : 'system');
  if (!r.ok) throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: r.refusal.rule, reason: r.refusal.zh, transferId: t.id });
  await tx.update(earlyTransfers).set({ status: r.to, ...set, updatedAt: new Date() }).where(eq(earlyTransfers.id, t.id));
  await writeAudit(tx, rctx, { action: `early_transfer.${action}`, objectType: 'early_transfer', objectId: t.id, organizationId: t.juniorHighId, changes: { party: action === 'file' ? 'district' : 'system', version: t.version, status: { from: t.status, to: r.to }, ...set, ...extra, businessAt: now.toISOString() } });
}

export async function sealList(deps: AppDeps, rctx: RequestContext, id: number): Promise<TransferListDetail> {
  const { now } = await deps.clock();
  await deps.db.transaction(async (tx) => {
    const x = await loadList(tx, id, { lock: true });
    const party = requireParty(rctx.actor!, listRef(x), 'transfer.seal');
    const r = listSealStep(x.l.status as TransferListStatus, { source: x.l.sourceSeal !== null, school: x.l.schoolSeal !== null }, party);
    if (!r.ok) throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: r.refusal.rule, reason: r.refusal.zh });
    const org = rctx.actor!.organizationId;
    const seal = await makeSeal(tx, rctx, org, x.l.content, deps.config.keySecret, now);
    const code = await signCode(tx, rctx, org, { t: 'transfer-list', id: x.l.id, h: contentDigest(x.l.content) }, deps.config.keySecret);
    await tx.update(earlyTransferLists).set({ ...(party === 'source' ? { sourceSeal: seal } : { schoolSeal: seal }), status: r.status, code, updatedAt: new Date() }).where(eq(earlyTransferLists.id, id));
    await writeAudit(tx, rctx, { action: 'early_transfer_list.seal', objectType: 'early_transfer_list', objectId: id, organizationId: org, changes: { party, status: { from: x.l.status, to: r.status }, keyId: seal.kid, businessAt: now.toISOString() } });
  });
  return listDetail(deps, rctx.actor!, id);
}

/** A list is withdrawn (its seals void, its QR says so); its forms go back to `sealed` except `except` (the form whose withdrawal caused it). */
export async function voidListOf(tx: Tx, rctx: RequestContext, listId: number, reason: string, now: Date, except?: number) {
  const [l] = await tx.select().from(earlyTransferLists).where(eq(earlyTransferLists.id, listId)).for('update');
  if (!l || (l.status !== 'open' && l.status !== 'sealed')) throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: 'R14', reason: '该汇总名单已备案或已撤回', listId });
  await tx.update(earlyTransferLists).set({ status: 'withdrawn', reason, updatedAt: new Date() }).where(eq(earlyTransferLists.id, listId));
  const forms = await tx.select().from(earlyTransfers).where(and(eq(earlyTransfers.listId, listId), eq(earlyTransfers.status, 'listed'))).for('update');
  for (const f of forms) if (f.id !== except) await moveForm(tx, rctx, f, 'unlist', now, { listId: null }, { reason });
  await writeAudit(tx, rctx, { action: 'early_transfer_list.withdraw', objectType: 'early_transfer_list', objectId: listId, organizationId: l.juniorHighId, changes: { status: { from: l.status, to: 'withdrawn' }, reason, businessAt: now.toISOString() } });
}

export async function withdrawList(deps: AppDeps, rctx: RequestContext, id: number, reason: string): Promise<TransferListDetail> {
  const { now } = await deps.clock();
  await deps.db.transaction(async (tx) => {
    const x = await loadList(tx, id, { lock: true });
    const party = requireParty(rctx.actor!, listRef(x), 'transfer.seal');
    await voidListOf(tx, rctx, id, `${party === 'source' ? '初中学校' : '中职学校'}撤回：${reason}`, now);
  });
  return listDetail(deps, rctx.actor!, id);
}

export async function fileList(deps: AppDeps, rctx: RequestContext, id: number): Promise<TransferListDetail> {
  const { now, today } = await deps.clock();
  await deps.db.transaction(async (tx) => {
    const x = await loadList(tx, id, { lock: true });
    requireParty(rctx.actor!, listRef(x), 'transfer.file');
    if (x.l.status !== 'sealed') throw new AppError(x.l.status === 'open' ? 'EARLY_TRANSFER_LIST_NOT_SEALED' : 'EARLY_TRANSFER_TRANSITION', { rule: 'R14', status: x.l.status, reason: x.l.status === 'filed' ? '该汇总名单已备案' : '该汇总名单已撤回' });
    await tx.execute(sql`select pg_advisory_xact_lock(${LIST_LOCK}::int, ${x.campaign.id}::int)`);
    const [last] = await queryRows<{ seq: number | null }>(tx, sql`select max(filing_seq) as seq from early_transfer_lists where campaign_id = ${x.campaign.id}`);
    const seq = Number(last?.seq ?? 0) + 1;
    const filingNumber = formatFilingNumber(withSettingDefaults(x.campaign.settings).earlyTransferListPattern, x.campaign.year, seq);
    const filingSeal = await makeSeal(tx, rctx, x.district.id, filingContent(x.l.content, filingNumber, today), deps.config.keySecret, now);
    const code = await signCode(tx, rctx, x.district.id, { t: 'transfer-list', id, h: contentDigest(x.l.content), n: filingNumber }, deps.config.keySecret);
    await tx.update(earlyTransferLists).set({ status: 'filed', filingNumber, filingSeq: seq, filedOn: today, filingSeal, code, updatedAt: new Date() }).where(eq(earlyTransferLists.id, id));
    const forms = await tx.select().from(earlyTransfers).where(and(eq(earlyTransfers.listId, id), eq(earlyTransfers.status, 'listed'))).for('update');
    for (const f of forms) {
      await moveForm(tx, rctx, f, 'file', now, { filedOn: today }, { filingNumber });
      await notifyFamily(tx, f, 'filed', { filingNumber });
    }
    await writeAudit(tx, rctx, { action: 'early_transfer_list.file', objectType: 'early_transfer_list', objectId: id, organizationId: x.district.id, changes: { status: { from: 'sealed', to: 'filed' }, filingNumber, filedOn: today, transfers: forms.map((f) => f.id), businessAt: now.toISOString() } });
  });
  return listDetail(deps, rctx.actor!, id);
}
