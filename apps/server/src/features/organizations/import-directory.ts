/**
 * Imports the organisation directory from Excel. Every row is checked first; every bad
 * row is reported (row, column, reason) and, unless the user chose `skipInvalid`, nothing
 * is written when any row is bad. New codes create organisations, known codes update them.
 */
import { eq } from 'drizzle-orm';
import { placeOrganization, type OrgNode } from '@zhizhao/domain';
import type { ImportResult, ImportRowError, Locale, OrgKind } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { organizations } from '../../db/schema';
import { can, canCreateOrg, type Actor } from '../../auth/policy';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { UnreadableWorkbookError, type SheetRow } from '../../files/excel';
import { readSheet } from '../../files/read-sheet';
import { AppError } from '../../errors';
import { directoryColumns, kindByLabel, ownershipLabels, runByLabels, type DirectoryKey } from './directory';
import { presentOrg, refOf, type OrgRow } from './queries';

type Planned =
  | { op: 'create'; row: number; tempId: number; values: Omit<typeof organizations.$inferInsert, 'id'>; parentRef: number | null; districtRef: number | null }
  | { op: 'update'; row: number; id: number; patch: Partial<OrgRow>; before: OrgRow };

const header = Object.fromEntries(directoryColumns.map((c) => [c.key, c.header])) as Record<DirectoryKey, string>;
const reverse = <T extends string>(labels: Record<T, string>) => new Map(Object.entries(labels).flatMap(([k, v]) => [[v as string, k as T], [k, k as T]]));
const runByOf = reverse(runByLabels);
const ownershipOf = reverse(ownershipLabels);

export async function importDirectory(deps: AppDeps, ctx: RequestContext, file: Buffer, opts: { dryRun: boolean; skipInvalid: boolean; locale: Locale }): Promise<ImportResult> {
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(file, 'exceljs');
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw new AppError('IMPORT_UNREADABLE', { reason: err.message });
    throw err;
  }
  const say = (zh: string, en: string) => (opts.locale === 'en-US' ? en : zh);
  const errors: ImportRowError[] = [];
  for (const key of ['code', 'name', 'kind'] as const) {
    if (!sheet.headers.includes(header[key])) errors.push({ row: 1, column: header[key], reason: say('缺少必填列', 'required column missing') });
  }
  if (errors.length) return finish(deps, ctx, [], errors, opts);

  const existing = await deps.db.select().from(organizations);
  const byCode = new Map(existing.map((o) => [o.code, o]));
  const nodes = new Map<string, OrgNode & { districtId: number | null }>(existing.map((o) => [o.code, { id: o.id, kind: o.kind as OrgKind, parentId: o.parentId, active: o.active, districtId: o.districtId }]));
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  let tempId = -1;

  for (const r of sheet.rows) {
    const rowErrors: ImportRowError[] = [];
    const bad = (key: DirectoryKey, zh: string, en: string) => rowErrors.push({ row: r.row, column: header[key], reason: say(zh, en) });
    const get = (key: DirectoryKey) => cell(r, header[key]);

    const code = get('code');
    const name = get('name');
    if (!/^[A-Za-z0-9_-]{2,32}$/.test(code)) bad('code', '须为 2–32 位字母、数字、_ 或 -', 'must be 2–32 letters, digits, _ or -');
    else if (seen.has(code)) bad('code', `与第 ${seen.get(code)} 行重复`, `duplicates row ${seen.get(code)}`);
    if (name.length < 2 || name.length > 100) bad('name', '须为 2–100 个字符', 'must be 2–100 characters');
    const kind = kindByLabel.get(get('kind').toLowerCase()) ?? kindByLabel.get(get('kind'));
    if (!kind) bad('kind', '类型须为 市教育局 / 区教育局 / 初中学校 / 中职学校', 'kind must be one of the four organisation kinds');
    const runByText = get('runBy');
    const runBy = runByText ? runByOf.get(runByText) : null;
    if (runBy === undefined) bad('runBy', '须为 区属 或 市属', 'must be 区属 (district) or 市属 (city)');
    const ownershipText = get('ownership');
    const ownership = ownershipText ? ownershipOf.get(ownershipText) : null;
    if (ownership === undefined) bad('ownership', '须为 公办 或 民办', 'must be 公办 (public) or 民办 (private)');
    const activeText = get('active');
    if (activeText && activeText !== '启用' && activeText !== '停用') bad('active', '须为 启用 或 停用', 'must be 启用 (active) or 停用 (inactive)');
    const phoneCell = r.cells.get(header.contactPhone);
    if (phoneCell?.numeric && phoneCell.text.length > 15) bad('contactPhone', '号码被存为数字已失真，请按文本填写', 'stored as a number and corrupted: enter it as text');
    for (const key of ['address', 'contactName', 'contactPhone'] as const) if (get(key).length > 200) bad(key, '过长', 'too long');

    const lookup = (key: 'parentCode' | 'districtCode') => {
      const c = get(key);
      if (!c) return null;
      const n = nodes.get(c);
      if (!n) bad(key, `找不到机构代码 ${c}（须已存在或位于本行之上）`, `unknown code ${c} (must exist or appear above this row)`);
      return n ?? null;
    };
    const parent = lookup('parentCode');
    const district = lookup('districtCode');

    if (kind && runBy !== undefined && ownership !== undefined && rowErrors.length === 0) {
      const placed = placeOrganization({ kind, parent, district, runBy, ownership });
      if (!placed.ok) {
        for (const p of placed.problems) {
          const key: DirectoryKey = p.field === 'parent' ? 'parentCode' : p.field === 'district' ? 'districtCode' : p.field;
          bad(key, p.zh, p.en);
        }
      } else {
        const before = byCode.get(code);
        const p = placed.placement;
        if (before) {
          if (before.kind !== kind) bad('kind', '不能通过导入更改已有机构的类型', 'the kind of an existing organisation cannot change by import');
          else if (before.districtId !== p.districtId || before.parentId !== p.parentId || before.runBy !== p.runBy) {
            bad('districtCode', '不能通过导入更改已有机构的上级、所在区或举办者', 'parent, district or runBy of an existing organisation cannot change by import');
          } else if (!can(ctx.actor!, 'org.write', refOf(before))) bad('code', '无权修改该机构', 'you may not change this organisation');
          else {
            const patch = { name, address: get('address'), contactName: get('contactName'), contactPhone: get('contactPhone'), ownership: p.ownership, active: activeText !== '停用' };
            planned.push({ op: 'update', row: r.row, id: before.id, patch, before });
          }
        } else if (!canCreateOrg(ctx.actor as Actor, kind, p)) {
          bad('kind', '无权在此位置创建该类型的机构', 'you may not create this kind of organisation here');
        } else {
          const id = tempId--;
          nodes.set(code, { id, kind, parentId: p.parentId, active: activeText !== '停用', districtId: p.districtId });
          planned.push({
            op: 'create', row: r.row, tempId: id, parentRef: p.parentId, districtRef: p.districtId,
            values: { code, name, kind, ...p, address: get('address'), contactName: get('contactName'), contactPhone: get('contactPhone'), active: activeText !== '停用' },
          });
        }
      }
    }
    if (code) seen.set(code, r.row);
    errors.push(...rowErrors);
  }

  // Switching an organisation on or off follows the same rules as the API (update-organization.ts):
  // never one's own organisation, and no bureau with organisations still active below it.
  const badRows = new Set(errors.map((e) => e.row));
  const good = planned.filter((p) => !badRows.has(p.row));
  const switchedOff = new Set(good.flatMap((p) => (p.op === 'update' && p.before.active && p.patch.active === false ? [p.id] : [])));
  for (const p of good) {
    if (p.op !== 'update' || p.patch.active === undefined || p.patch.active === p.before.active) continue;
    const bad = (zh: string, en: string) => errors.push({ row: p.row, column: header.active, reason: say(zh, en) });
    if (ctx.actor!.organizationId === p.id) bad('不能通过导入启用或停用本机构', 'you cannot switch your own organisation on or off');
    else if (!p.patch.active) {
      const activeBelow =
        existing.some((o) => o.parentId === p.id && o.active && !switchedOff.has(o.id)) ||
        good.some((q) => q.op === 'create' && q.parentRef === p.id && q.values.active !== false);
      if (activeBelow) bad('该机构下仍有启用的下属机构，不能停用', 'it still has active organisations below it and cannot be deactivated');
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return finish(deps, ctx, planned, errors, opts);
}

function cell(r: SheetRow, headerName: string): string {
  return r.cells.get(headerName)?.text ?? '';
}

async function finish(deps: AppDeps, ctx: RequestContext, planned: Planned[], errors: ImportRowError[], opts: { dryRun: boolean; skipInvalid: boolean }): Promise<ImportResult> {
  const updates = planned.filter((p): p is Extract<Planned, { op: 'update' }> => p.op === 'update');
  const changed = updates.filter((u) => Object.keys(diff(presentOrg(u.before), { ...u.patch, updatedAt: undefined } as never)).length > 0);
  const result = { dryRun: opts.dryRun, created: planned.length - updates.length, updated: changed.length, unchanged: updates.length - changed.length, errors };
  if (opts.dryRun) return result;
  if (errors.length && !opts.skipInvalid) throw new AppError('IMPORT_INVALID', { errors });
  const skippedRows = new Set(errors.map((e) => e.row));
  await deps.db.transaction(async (tx) => {
    const realId = new Map<number, number>();
    const resolve = (ref: number | null) => (ref !== null && ref < 0 ? (realId.get(ref) ?? null) : ref);
    for (const p of planned) {
      if (skippedRows.has(p.row)) continue;
      if (p.op === 'create') {
        const [row] = await tx.insert(organizations).values({ ...p.values, parentId: resolve(p.parentRef), districtId: resolve(p.districtRef) }).returning();
        realId.set(p.tempId, row!.id);
        await writeAudit(tx, ctx, { action: 'org.create', objectType: 'organization', objectId: row!.id, changes: { created: presentOrg(row!), source: 'import', row: p.row }, organizationId: row!.id });
      } else {
        const changes = diff(presentOrg(p.before), p.patch as never);
        if (!Object.keys(changes).length) continue;
        await tx.update(organizations).set({ ...p.patch, updatedAt: new Date() }).where(eq(organizations.id, p.id));
        await writeAudit(tx, ctx, { action: 'org.update', objectType: 'organization', objectId: p.id, changes: { ...changes, source: 'import', row: p.row }, organizationId: p.id });
      }
    }
    await writeAudit(tx, ctx, { action: 'org.import', objectType: 'organization', objectId: null, changes: { created: result.created, updated: result.updated, skippedRows: [...skippedRows] } });
  });
  return result;
}
