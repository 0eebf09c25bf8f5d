/**
 * R3: a joint enrollment (联合招生) is a named alliance of schools with a rule that assigns each
 * major to a campus by its category: for the demo, art majors at the 第一职校 campus and every
 * other major at the 市职高 campus. A general mechanism, not two hard-coded names.
 */
export type MajorCategory = 'art' | 'general';
export const majorCategories: readonly MajorCategory[] = ['art', 'general'];

export type AllianceRule = { category: MajorCategory; campusId: number };
export type Alliance = { id: number; name: string; memberIds: readonly number[]; rules: readonly AllianceRule[]; countsTowardNDistrict: boolean };

export type CampusAssignment = { ok: true; campusId: number } | { ok: false; zh: string; en: string };

/** Where a major of an alliance is taught. */
export function assignCampus(alliance: Alliance, major: { category: MajorCategory }): CampusAssignment {
  const rule = alliance.rules.find((r) => r.category === major.category);
  if (!rule) return { ok: false, zh: `联合招生“${alliance.name}”没有为该类专业指定校区（R3）`, en: `the joint enrollment "${alliance.name}" assigns no campus to this kind of major (R3)` };
  return { ok: true, campusId: rule.campusId };
}

/** The alliance rules must cover every category once, with campuses of member schools. */
export function checkAlliance(alliance: Alliance, campusOwner: (campusId: number) => number | undefined): Array<{ zh: string; en: string }> {
  const problems: Array<{ zh: string; en: string }> = [];
  if (alliance.memberIds.length < 2) problems.push({ zh: '联合招生至少需要两所学校', en: 'a joint enrollment needs at least two schools' });
  for (const c of majorCategories) {
    const rules = alliance.rules.filter((r) => r.category === c);
    if (rules.length !== 1) problems.push({ zh: `须为“${c === 'art' ? '艺术类' : '非艺术类'}”专业指定且只指定一个校区`, en: `exactly one campus must be set for ${c} majors` });
  }
  for (const r of alliance.rules) {
    const owner = campusOwner(r.campusId);
    if (owner === undefined || !alliance.memberIds.includes(owner)) problems.push({ zh: '指定的校区不属于联合招生的成员学校', en: 'a campus of the rules does not belong to a member school' });
  }
  return problems;
}
