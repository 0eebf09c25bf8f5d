/**
 * Where an organisation sits in the hierarchy (foundation issue §4; R3, R4):
 *   city bureau → district bureaus → junior highs
 *   vocational schools stand in a district and are run by that district (parent: the
 *   district bureau) or by the city (parent: the city bureau above the district).
 * One pure function serves the API and the Excel import.
 */
export type OrgKindName = 'city_bureau' | 'district_bureau' | 'junior_high' | 'vocational_school';
export type OrgNode = { id: number; kind: OrgKindName; parentId: number | null; active: boolean };

export type PlacementInput = {
  kind: OrgKindName;
  /** Only for a district bureau: its city bureau. */
  parent: OrgNode | null;
  /** For junior highs and vocational schools: the district bureau they stand in. */
  district: OrgNode | null;
  runBy: 'district' | 'city' | null;
  ownership: 'public' | 'private' | null;
};

export type Placement = { parentId: number | null; districtId: number | null; cityId: number | null; runBy: 'district' | 'city' | null; ownership: 'public' | 'private' | null };
export type PlacementProblem = { field: 'parent' | 'district' | 'runBy' | 'ownership'; zh: string; en: string };

export function placeOrganization(input: PlacementInput): { ok: true; placement: Placement } | { ok: false; problems: PlacementProblem[] } {
  const problems: PlacementProblem[] = [];
  const { kind, parent, district } = input;
  const needDistrict = kind === 'junior_high' || kind === 'vocational_school';
  if (kind === 'city_bureau' && parent) problems.push({ field: 'parent', zh: '市教育局没有上级机构', en: 'a city bureau has no parent' });
  if (kind === 'district_bureau') {
    if (!parent || parent.kind !== 'city_bureau') problems.push({ field: 'parent', zh: '区教育局的上级须为市教育局', en: 'a district bureau belongs to a city bureau' });
    else if (!parent.active) problems.push({ field: 'parent', zh: '上级机构已停用', en: 'the parent is deactivated' });
  }
  if (needDistrict) {
    if (!district || district.kind !== 'district_bureau') problems.push({ field: 'district', zh: '须指定所在区（区教育局）', en: 'the district (a district bureau) is required' });
    else if (!district.active) problems.push({ field: 'district', zh: '所在区已停用', en: 'the district is deactivated' });
  } else if (district) {
    problems.push({ field: 'district', zh: '教育局不属于某个区', en: 'a bureau does not stand in a district' });
  }
  if (kind === 'vocational_school') {
    if (!input.runBy) problems.push({ field: 'runBy', zh: '须填写举办者（区属或市属）', en: 'runBy (district or city) is required' });
    if (!input.ownership) problems.push({ field: 'ownership', zh: '须填写办学性质（公办或民办）', en: 'ownership (public or private) is required' });
    if (input.runBy === 'city' && district && district.parentId === null) {
      problems.push({ field: 'district', zh: '该区没有上级市教育局', en: 'the district has no city bureau above it' });
    }
  } else {
    if (input.runBy) problems.push({ field: 'runBy', zh: '只有中职学校有举办者', en: 'only vocational schools have runBy' });
    if (input.ownership) problems.push({ field: 'ownership', zh: '只有中职学校有办学性质', en: 'only vocational schools have ownership' });
  }
  if (problems.length) return { ok: false, problems };

  switch (kind) {
    case 'city_bureau':
      return { ok: true, placement: { parentId: null, districtId: null, cityId: null, runBy: null, ownership: null } };
    case 'district_bureau':
      return { ok: true, placement: { parentId: parent!.id, districtId: null, cityId: parent!.id, runBy: null, ownership: null } };
    case 'junior_high':
      return { ok: true, placement: { parentId: district!.id, districtId: district!.id, cityId: district!.parentId, runBy: null, ownership: null } };
    case 'vocational_school':
      return {
        ok: true,
        placement: {
          parentId: input.runBy === 'district' ? district!.id : district!.parentId,
          districtId: district!.id,
          cityId: district!.parentId,
          runBy: input.runBy,
          ownership: input.ownership,
        },
      };
  }
}
