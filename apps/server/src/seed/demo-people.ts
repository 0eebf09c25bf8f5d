/**
 * Invented people for the demo and the benchmarks: deterministic (a seeded PRNG), Chinese
 * names drawn from common surnames and given-name characters, and ID numbers that pass the
 * GB 11643 check but are plainly fake — area code 99xxxx does not exist (no province 99).
 * Pure: no database, no keys.
 */
import { makeResidentId } from '@zhizhao/domain';
import type { StudentInput } from '../features/students/fields';

/** A small, fast, seeded PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const MALE = [...'浩宇轩子博文俊杰明睿泽晨阳一天嘉宏鹏昊然凯志伟林瑞航诚磊辰毅'];
const FEMALE = [...'欣怡雨萱诗琪梓涵佳悦可馨雅婷静妍晓彤思梦语心颖璐雪琳月萌菲瑶'];

export function personName(rnd: () => number, gender: 'male' | 'female', surname = pick(rnd, SURNAMES)): string {
  const chars = gender === 'male' ? MALE : FEMALE;
  return rnd() < 0.3 ? surname + pick(rnd, chars) : surname + pick(rnd, chars) + pick(rnd, chars);
}

/** The fake area codes: 示例区 and 示例北区. */
export const FAKE_AREA = { D01: '990101', D02: '990102' } as const;

/**
 * A unique fake resident ID for the n-th person of an area: the birth day cycles through the
 * 366 days from `from`, the 3-digit sequence through the rounds (odd for men, even for women,
 * as GB 11643 says), so (day, sequence) never repeats below n = 366 × 499.
 */
export function fakeResidentId(area: string, n: number, gender: 'male' | 'female', from = '2011-09-01'): string {
  const day = new Date(Date.parse(`${from}T00:00:00Z`) + (n % 366) * 86_400_000).toISOString().slice(0, 10);
  const round = Math.floor(n / 366);
  return makeResidentId(area, day, round * 2 + (gender === 'male' ? 1 : 2));
}

/** A fake mobile number: 139 0000 xxxx for the first ten thousand, then 139 000x xxxx. */
export const fakeMobile = (n: number) => `139${String(n).padStart(8, '0')}`;

export type RosterSchool = { code: string; graduates: number; examPrefix: string };
export type RosterRow = StudentInput & { schoolCode: string };

/**
 * A graduating class per school: `graduates` grade-9 students in classes 九(1)班… of about
 * 45, exam numbers `<examPrefix><4-digit sequence>`, each with a guardian and a phone.
 * `first` offsets the person counter (unique IDs and phones across calls).
 */
export function demoRoster(schools: readonly RosterSchool[], options: { seed: number; area: string; hukouDistrict: string; first?: number }): RosterRow[] {
  const rnd = mulberry32(options.seed);
  const out: RosterRow[] = [];
  let n = options.first ?? 0;
  for (const s of schools) {
    const classes = Math.max(1, Math.round(s.graduates / 45));
    for (let i = 0; i < s.graduates; i++) {
      const gender = rnd() < 0.52 ? 'male' : 'female';
      const name = personName(rnd, gender);
      const surname = name[0]!;
      const g = rnd();
      const [guardianName, guardianRelation] = g < 0.55 ? [personName(rnd, 'male', surname), '父亲'] : g < 0.95 ? [personName(rnd, 'female'), '母亲'] : [personName(rnd, 'female', surname), '祖母'];
      out.push({
        schoolCode: s.code,
        name,
        gender,
        idType: 'resident_id',
        idNumber: fakeResidentId(options.area, n, gender),
        examNo: `${s.examPrefix}${String(i + 1).padStart(4, '0')}`,
        // Students are listed class by class: the first ⌈g/classes⌉ in 九(1)班, and so on.
        className: `九(${Math.floor((i * classes) / s.graduates) + 1})班`,
        cohort: 'current',
        hukouDistrict: options.hukouDistrict,
        guardianName,
        guardianRelation,
        guardianPhone: fakeMobile(n),
      });
      n++;
    }
  }
  return out;
}
