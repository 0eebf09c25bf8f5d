/**
 * R6: what every brochure must state truthfully — school, address, majors, length of
 * schooling, internship period, aid policy, fee items and standards. The facts are taken
 * from the school's records, shown for confirmation, and frozen into each version.
 */
import { canonicalJson } from '../audit/chain';

export type FeeItem = { name: string; amount: number; unit: string };
export type MajorFacts = {
  code: string;
  name: string;
  category: 'art' | 'general';
  campus: string;
  lengthYears: number;
  internship: string;
  fees: FeeItem[];
  aidPolicy: string;
  plannedSeats: number | null;
};
export type BrochureFacts = {
  school: string;
  schoolCode: string;
  address: string;
  runBy: 'district' | 'city';
  ownership: 'public' | 'private';
  /** The joint enrollment the school belongs to, if any (R3). */
  jointEnrollment: string | null;
  aidPolicy: string;
  majors: MajorFacts[];
};
export type BrochureSection = { key: string; title: string; html: string };

export type FactProblem = { path: string; zh: string; en: string };

/** Every missing mandatory fact (R6); an empty list means the brochure may be submitted. */
export function checkMandatoryFacts(f: BrochureFacts): FactProblem[] {
  const p: FactProblem[] = [];
  const need = (ok: boolean, path: string, zh: string, en: string) => ok || p.push({ path, zh: `${zh}（R6）`, en: `${en} (R6)` });
  need(f.school.trim() !== '', 'school', '缺少学校名称', 'the school name is missing');
  need(f.address.trim() !== '', 'address', '缺少学校地址', 'the address is missing');
  need(f.aidPolicy.trim() !== '', 'aidPolicy', '缺少资助政策', 'the financial-aid policy is missing');
  need(f.majors.length > 0, 'majors', '至少需要一个招生专业', 'at least one major is required');
  f.majors.forEach((m, i) => {
    const at = `majors.${i}`;
    need(m.lengthYears > 0, `${at}.lengthYears`, `专业“${m.name}”缺少学制`, `major "${m.name}" has no length of schooling`);
    need(m.internship.trim() !== '', `${at}.internship`, `专业“${m.name}”缺少实习期`, `major "${m.name}" has no internship period`);
    need(m.fees.length > 0, `${at}.fees`, `专业“${m.name}”缺少收费项目和标准`, `major "${m.name}" has no fee items`);
  });
  return p;
}

export type BrochureContent = { facts: BrochureFacts; sections: BrochureSection[] };
export type BrochureChange = { path: string; kind: 'added' | 'removed' | 'changed'; before: unknown; after: unknown };

/** What changed between two versions (the reviewer's diff against the previous filed version). */
export function diffBrochure(before: BrochureContent | null, after: BrochureContent): BrochureChange[] {
  const changes: BrochureChange[] = [];
  const cmp = (path: string, a: unknown, b: unknown) => {
    // Canonical JSON: facts read back from a jsonb column come with their keys reordered.
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) return;
    changes.push({ path, kind: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', before: a ?? null, after: b ?? null });
  };
  const bf = before?.facts;
  for (const key of ['school', 'address', 'runBy', 'ownership', 'jointEnrollment', 'aidPolicy'] as const) cmp(`facts.${key}`, bf?.[key], after.facts[key]);
  const majorsBefore = new Map((bf?.majors ?? []).map((m) => [m.code, m]));
  const majorsAfter = new Map(after.facts.majors.map((m) => [m.code, m]));
  for (const code of new Set([...majorsBefore.keys(), ...majorsAfter.keys()])) cmp(`facts.majors.${code}`, majorsBefore.get(code), majorsAfter.get(code));
  const sb = new Map((before?.sections ?? []).map((s) => [s.key, s]));
  const sa = new Map(after.sections.map((s) => [s.key, s]));
  for (const key of new Set([...sb.keys(), ...sa.keys()])) cmp(`sections.${key}`, sb.get(key), sa.get(key));
  return changes;
}
