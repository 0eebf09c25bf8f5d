/**
 * R3: creating and changing a joint enrollment — a named alliance of schools of one district
 * with a campus per major category (art / general). The domain's `checkAlliance` names every
 * problem; members must be active vocational schools standing in the district, each in at
 * most one alliance.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { checkAlliance, type MajorCategory } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { allianceMembers, allianceRules, alliances, campuses, organizations } from '../../db/schema';
import { authorize, managesOrg, type Actor } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { getOrg, refOf } from '../organizations/queries';
import { loadAlliances, type AllianceView } from './queries';

export type AllianceInput = { name: string; districtId: number; countsTowardNDistrict: boolean; memberIds: number[]; rules: Array<{ category: MajorCategory; campusId: number }> };
export type AlliancePatch = Partial<Omit<AllianceInput, 'districtId'>>;

async function checkInput(tx: Tx, actor: Actor, input: AllianceInput, allianceId: number | null) {
  const memberIds = [...new Set(input.memberIds)];
  const problems: Array<{ zh: string; en: string }> = [];
  const schools = memberIds.length ? await tx.select().from(organizations).where(inArray(organizations.id, memberIds)) : [];
  // A city-run school stands in the district but is the city's: only the city puts it in an alliance.
  const notRun = schools.filter((s) => s.kind === 'vocational_school' && !managesOrg(actor, refOf(s))).map((s) => s.id);
  if (notRun.length) throw new AppError('FORBIDDEN', { permission: 'alliance.write', reason: '市属学校只能由市教育局列入联合招生', organizationIds: notRun });
  for (const id of memberIds) {
    const s = schools.find((o) => o.id === id);
    if (!s || s.kind !== 'vocational_school' || !s.active || s.districtId !== input.districtId) {
      problems.push({ zh: `机构 ${s?.name ?? id} 不是本区启用的中职学校`, en: `organisation ${s?.code ?? id} is not an active vocational school of the district` });
    }
  }
  const campusRows = input.rules.length ? await tx.select().from(campuses).where(inArray(campuses.id, input.rules.map((r) => r.campusId))) : [];
  const owner = (campusId: number) => campusRows.find((c) => c.id === campusId && c.active)?.organizationId;
  problems.push(...checkAlliance({ id: allianceId ?? 0, name: input.name, memberIds, rules: input.rules, countsTowardNDistrict: input.countsTowardNDistrict }, owner));
  if (problems.length) throw new AppError('ALLIANCE_INVALID', { rule: 'R3', problems });

  const taken = await tx
    .select({ organizationId: allianceMembers.organizationId })
    .from(allianceMembers)
    .where(and(inArray(allianceMembers.organizationId, memberIds), allianceId ? ne(allianceMembers.allianceId, allianceId) : undefined));
  if (taken.length) throw new AppError('ALLIANCE_MEMBER_TAKEN', { rule: 'R3', organizationIds: taken.map((t) => t.organizationId) });
  return memberIds;
}

async function writeMembersAndRules(tx: Tx, id: number, memberIds: number[], rules: AllianceInput['rules']) {
  await tx.delete(allianceMembers).where(eq(allianceMembers.allianceId, id));
  await tx.delete(allianceRules).where(eq(allianceRules.allianceId, id));
  await tx.insert(allianceMembers).values(memberIds.map((organizationId) => ({ allianceId: id, organizationId })));
  await tx.insert(allianceRules).values(rules.map((r) => ({ allianceId: id, category: r.category, campusId: r.campusId })));
}

export async function createAlliance(deps: AppDeps, ctx: RequestContext, input: AllianceInput): Promise<AllianceView> {
  return deps.db.transaction((tx) => createAllianceIn(tx, ctx, input));
}

export async function createAllianceIn(tx: Tx, ctx: RequestContext, input: AllianceInput): Promise<AllianceView> {
  const district = await getOrg(tx, input.districtId);
  if (district.kind !== 'district_bureau') throw new AppError('NOT_FOUND', { districtId: input.districtId, expected: 'district_bureau' });
  authorize(ctx.actor!, 'alliance.write', refOf(district));
  const memberIds = await checkInput(tx, ctx.actor!, input, null);
  const [row] = await tx.insert(alliances).values({ name: input.name, districtId: district.id, countsTowardNDistrict: input.countsTowardNDistrict }).returning();
  await writeMembersAndRules(tx, row!.id, memberIds, input.rules);
  await writeAudit(tx, ctx, { action: 'alliance.create', objectType: 'alliance', objectId: row!.id, changes: { created: { ...input, memberIds } }, organizationId: district.id });
  return (await loadAlliances(tx, eq(alliances.id, row!.id)))[0]!;
}

export async function updateAlliance(deps: AppDeps, ctx: RequestContext, id: number, patch: AlliancePatch): Promise<AllianceView> {
  return deps.db.transaction(async (tx) => {
    const [before] = await loadAlliances(tx, eq(alliances.id, id));
    if (!before) throw new AppError('NOT_FOUND', { allianceId: id });
    authorize(ctx.actor!, 'alliance.write', refOf(await getOrg(tx, before.districtId)));
    const input: AllianceInput = {
      name: patch.name ?? before.name,
      districtId: before.districtId,
      countsTowardNDistrict: patch.countsTowardNDistrict ?? before.countsTowardNDistrict,
      memberIds: patch.memberIds ?? before.members.map((m) => m.organizationId),
      rules: patch.rules ?? before.rules.map((r) => ({ category: r.category, campusId: r.campusId })),
    };
    const memberIds = await checkInput(tx, ctx.actor!, input, id);
    await tx.update(alliances).set({ name: input.name, countsTowardNDistrict: input.countsTowardNDistrict }).where(eq(alliances.id, id));
    await writeMembersAndRules(tx, id, memberIds, input.rules);
    const after = (await loadAlliances(tx, eq(alliances.id, id)))[0]!;
    const changes: Record<string, unknown> = {};
    for (const key of ['name', 'countsTowardNDistrict', 'members', 'rules'] as const) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length) await writeAudit(tx, ctx, { action: 'alliance.update', objectType: 'alliance', objectId: id, changes, organizationId: before.districtId });
    return after;
  });
}
