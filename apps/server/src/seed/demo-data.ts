/**
 * The demo district (README "Demo district"): deterministic, invented names. A city 示例市
 * with the district 示例区 (24 junior highs from the targets fixture, ~4,450 graduates),
 * a small second district 示例北区 to show that districts do not see each other, the two
 * district-run schools of R3, and six city-run schools (one without this year's R4 qualification).
 */
import { demoJuniorHighs } from '@zhizhao/domain/targets/demo-district';

export const DEMO_YEAR = 2027;
/** The demo starts in the middle of the campus-visit window (R9). */
export const DEMO_START_DATE = '2027-04-21';
export const DEMO_PASSWORD = 'zhizhao-demo';

export type DemoOrg = {
  code: string;
  name: string;
  kind: 'city_bureau' | 'district_bureau' | 'junior_high' | 'vocational_school';
  parent?: string;
  district?: string;
  runBy?: 'district' | 'city';
  ownership?: 'public' | 'private';
  address?: string;
  campuses?: string[];
  qualified?: boolean;
  account: string;
};

const vs = (code: string, name: string, runBy: 'district' | 'city', ownership: 'public' | 'private', campuses: string[], qualified = true): DemoOrg => ({
  code, name, kind: 'vocational_school', district: 'D01', runBy, ownership, campuses, qualified, address: `示例市示例区${name}路 1 号`, account: `${code.toLowerCase()}.admin`,
});

export const demoOrgs: DemoOrg[] = [
  { code: 'C01', name: '示例市教育局', kind: 'city_bureau', address: '示例市人民路 1 号', account: 'city.admin' },
  { code: 'D01', name: '示例区教育局', kind: 'district_bureau', parent: 'C01', address: '示例市示例区政府路 8 号', account: 'district.admin' },
  { code: 'D02', name: '示例北区教育局', kind: 'district_bureau', parent: 'C01', address: '示例市示例北区北大街 2 号', account: 'north.admin' },
  // R3: the joint enrollment — art majors on the 第一职校 campus, the others on the 市职高 campus.
  vs('V01', '市第一职业技术学校', 'district', 'public', ['第一职校本部校区']),
  vs('V02', '市职业高级中学校', 'district', 'public', ['市职高校区']),
  vs('V11', '示例市交通职业学校', 'city', 'public', ['交通职校校区']),
  vs('V12', '示例市卫生职业学校', 'city', 'public', ['卫生职校南校区', '卫生职校北校区']),
  vs('V13', '示例市商贸旅游学校', 'city', 'public', ['商贸旅游学校校区']),
  vs('V14', '示例市机电工程学校', 'city', 'public', ['机电工程学校校区']),
  vs('V15', '示例市华信职业学校', 'city', 'private', ['华信职校校区']),
  vs('V16', '示例市博远职业技术学校', 'city', 'private', ['博远职校校区'], false),
  ...demoJuniorHighs.map((j) => ({ code: j.code, name: j.name, kind: 'junior_high' as const, district: 'D01', address: `示例市示例区${j.name}`, account: `${j.code.toLowerCase()}.admin` })),
  { code: 'JN01', name: '示例北区第一中学', kind: 'junior_high', district: 'D02', account: 'jn01.admin' },
  { code: 'JN02', name: '示例北区第二中学', kind: 'junior_high', district: 'D02', account: 'jn02.admin' },
];

/** Extra accounts beside each organisation's admin. */
export const demoExtraAccounts = [
  { username: 'district.staff', displayName: '示例区教育局职成科', role: 'district_staff', org: 'D01' },
  { username: 'city.auditor', displayName: '示例市教育局审计', role: 'auditor', org: 'C01' },
] as const;

export const roleForKind = { city_bureau: 'city_admin', district_bureau: 'district_admin', junior_high: 'junior_high_admin', vocational_school: 'vocational_admin' } as const;

/** The demo's targets (R1, R2): what the city issued, and the one adjustment behind version 2. */
export const DEMO_TARGETS = {
  nDistrict: 1100,
  nTotal: 2000,
  reason: '市教育局下达2027年招生工作目标',
  graduatesReason: '各初中学校报送应届毕业生数',
  /** Graduates of D02's two junior highs (D01's come from the domain fixture). */
  northGraduates: { JN01: 212, JN02: 187 } as Record<string, number>,
  firstNote: '按应届毕业生数比例分配（最大余额法）',
  secondNote: '按应届毕业生数比例分配，并根据学校申请调整',
  /** JH07 gets 160 from the split; +5, the others re-balanced. */
  adjustment: { code: 'JH07', target: 165, reason: '实验中学申请增加送培名额' },
} as const;

/**
 * The demo student (README): the first graduate of JH01's 九(1)班, not yet applied. Signs in as
 * `student.demo` with DEMO_PASSWORD; the guardian signs in with the exam number and this code
 * (`POST /api/auth/guardian-login`). Demo only: real codes are random (pii/crypto.ts).
 */
export const DEMO_STUDENT = { username: 'student.demo', examNo: '27010001', guardianCode: '20270421' } as const;
