import { describe, expect, it } from 'vitest';
import { assignCampus, checkAlliance, type Alliance } from './joint-enrollment';

const alliance: Alliance = { id: 1, name: '区属职校联合招生', memberIds: [4, 5], rules: [{ category: 'art', campusId: 10 }, { category: 'general', campusId: 20 }], countsTowardNDistrict: true };
const owner = (c: number) => ({ 10: 4, 20: 5 })[c];

describe('joint enrollment (R3)', () => {
  it('teaches art majors on one campus and the others on the other', () => {
    expect(assignCampus(alliance, { category: 'art' })).toEqual({ ok: true, campusId: 10 });
    expect(assignCampus(alliance, { category: 'general' })).toEqual({ ok: true, campusId: 20 });
  });
  it('accepts a complete alliance and names every problem of a broken one', () => {
    expect(checkAlliance(alliance, owner)).toEqual([]);
    const broken: Alliance = { ...alliance, memberIds: [4], rules: [{ category: 'art', campusId: 99 }] };
    expect(checkAlliance(broken, owner).map((p) => p.en)).toEqual([
      'a joint enrollment needs at least two schools',
      'exactly one campus must be set for general majors',
      'a campus of the rules does not belong to a member school',
    ]);
  });
});
