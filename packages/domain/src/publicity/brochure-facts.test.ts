import { describe, expect, it } from 'vitest';
import { checkMandatoryFacts, diffBrochure, type BrochureFacts } from './brochure-facts';

const facts: BrochureFacts = {
  school: '示例学校', schoolCode: 'V11', address: '示例路 1 号', runBy: 'city', ownership: 'public', jointEnrollment: null, aidPolicy: '国家助学金',
  majors: [{ code: 'M1', name: '护理', category: 'general', campus: '南校区', lengthYears: 3, internship: '6个月', fees: [{ name: '学费', amount: 0, unit: '元/学年' }], aidPolicy: '', plannedSeats: 100 }],
};

describe('brochure facts (R6) and the reviewer\'s diff', () => {
  it('names every missing mandatory fact, citing R6', () => {
    expect(checkMandatoryFacts(facts)).toEqual([]);
    const missing = checkMandatoryFacts({ ...facts, address: ' ', majors: [{ ...facts.majors[0]!, internship: '', fees: [] }] });
    expect(missing.map((p) => p.path)).toEqual(['address', 'majors.0.internship', 'majors.0.fees']);
    expect(missing[0]!.zh).toContain('R6');
  });

  it('ignores key order (jsonb reorders keys) and reports real changes by path', () => {
    const reordered = JSON.parse(JSON.stringify({ ...facts, majors: [{ ...facts.majors[0]!, fees: [{ unit: '元/学年', amount: 0, name: '学费' }] }] })) as BrochureFacts;
    expect(diffBrochure({ facts, sections: [] }, { facts: reordered, sections: [] })).toEqual([]);
    const changed = diffBrochure({ facts, sections: [{ key: 'intro', title: '简介', html: '<p>a</p>' }] }, { facts: { ...facts, address: '新地址' }, sections: [] });
    expect(changed.map((c) => `${c.kind} ${c.path}`)).toEqual(['changed facts.address', 'removed sections.intro']);
  });
});
