import { describe, expect, it } from 'vitest';
import { placeOrganization, type OrgNode } from './placement';

const city: OrgNode = { id: 1, kind: 'city_bureau', parentId: null, active: true };
const district: OrgNode = { id: 2, kind: 'district_bureau', parentId: 1, active: true };
const closed: OrgNode = { ...district, id: 3, active: false };
const jh: OrgNode = { id: 4, kind: 'junior_high', parentId: 2, active: true };

describe('placing an organisation', () => {
  it('puts a district-run school under its district and a city-run one under the city', () => {
    expect(placeOrganization({ kind: 'vocational_school', parent: null, district, runBy: 'district', ownership: 'public' })).toEqual({
      ok: true, placement: { parentId: 2, districtId: 2, cityId: 1, runBy: 'district', ownership: 'public' },
    });
    expect(placeOrganization({ kind: 'vocational_school', parent: null, district, runBy: 'city', ownership: 'private' })).toEqual({
      ok: true, placement: { parentId: 1, districtId: 2, cityId: 1, runBy: 'city', ownership: 'private' },
    });
  });
  it('puts a junior high under its district and a district under its city', () => {
    expect(placeOrganization({ kind: 'junior_high', parent: null, district, runBy: null, ownership: null })).toMatchObject({ ok: true, placement: { parentId: 2, districtId: 2, cityId: 1 } });
    expect(placeOrganization({ kind: 'district_bureau', parent: city, district: null, runBy: null, ownership: null })).toMatchObject({ ok: true, placement: { parentId: 1, districtId: null, cityId: 1 } });
  });
  it('names every problem', () => {
    const r = placeOrganization({ kind: 'vocational_school', parent: null, district: jh, runBy: null, ownership: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['district', 'runBy', 'ownership']);
    const s = placeOrganization({ kind: 'junior_high', parent: null, district: closed, runBy: 'city', ownership: null });
    if (!s.ok) expect(s.problems.map((p) => p.field)).toEqual(['district', 'runBy']);
    const t = placeOrganization({ kind: 'district_bureau', parent: district, district: null, runBy: null, ownership: null });
    expect(t.ok).toBe(false);
  });
});
