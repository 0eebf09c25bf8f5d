/**
 * The demo's publicity phase (R3, R4, R6, R7), made by the same use cases a clerk calls,
 * inside the seed's transaction, so every step is audited like the real thing:
 *   the joint enrollment 区属职校联合招生 (V01 + V02: art → 第一职校's campus, the rest →
 *   市职高's campus; counts toward N_district);
 *   majors for every vocational school and the 2027 planned seats (V01 + V02 = N_district);
 *   brochures: V01 (version 2 filed, version 1 superseded), V02 (filed; version 2 in the
 *   district's review), V11, V12, V15 filed; V13 in the city's review; V14 returned with a
 *   comment; V16 — not qualified for 2027 (R4) — a draft it cannot submit.
 * Filing signs with the city bureau's key, created here on first use (sealed when
 * ZHIZHAO_KEY_SECRET is set in the environment).
 */
import { eq } from 'drizzle-orm';
import type { FeeItem, MajorCategory } from '@zhizhao/domain';
import type { Tx } from '../db/client';
import { actorByUsername } from '../auth/actor';
import { campuses } from '../db/schema';
import type { BrochureCtx } from '../features/brochures/step';
import { createAllianceIn } from '../features/alliances/save-alliance';
import { createMajorIn } from '../features/majors/save-major';
import { savePlannedSeatsIn } from '../features/majors/planned-seats';
import { createBrochureIn } from '../features/brochures/create-brochure';
import { editBrochureIn } from '../features/brochures/edit-brochure';
import { submitBrochureIn } from '../features/brochures/submit-brochure';
import { approveBrochureIn, returnBrochureIn } from '../features/brochures/review-brochure';
import { fileBrochureIn } from '../features/brochures/file-brochure';
import { reviseBrochureIn } from '../features/brochures/revise-brochure';
import { demoOrgs } from './demo-data';

/** The demo's business time: each step two hours after the last, from 2 March 2027 (the publicity phase). */
let clock = 0;
const tick = () => new Date(Date.parse('2027-03-02T01:00:00Z') + clock++ * 2 * 3600_000);

async function as(tx: Tx, username: string): Promise<BrochureCtx> {
  return { actor: await actorByUsername(tx, username), requestId: null, ip: null, now: tick() };
}

const PUBLIC_FEES: FeeItem[] = [{ name: '学费', amount: 0, unit: '元/学年（免学费）' }, { name: '住宿费', amount: 800, unit: '元/学年' }, { name: '教材费', amount: 600, unit: '元/学年（按实结算）' }];
const PRIVATE_FEES = (tuition: number): FeeItem[] => [{ name: '学费', amount: tuition, unit: '元/学年' }, { name: '住宿费', amount: 1200, unit: '元/学年' }, { name: '教材费', amount: 800, unit: '元/学年（按实结算）' }];
const AID_PUBLIC = '全日制正式学籍学生免除学费；一、二年级家庭经济困难学生享受国家助学金每生每年2000元；设立校级奖学金';
const AID_PRIVATE = '按国家规定享受免学费补助（抵减学费）；家庭经济困难学生享受国家助学金每生每年2000元';

type M = { code: string; name: string; category: MajorCategory; seats: number; campus?: string; years?: number; internship?: string };
const art = (code: string, name: string, seats: number): M => ({ code, name, category: 'art', seats });
const gen = (code: string, name: string, seats: number, campus?: string): M => ({ code, name, category: 'general', seats, campus });

/** Majors per school; V01 + V02 planned seats add up to N_district (1100). */
const demoMajors: Record<string, { majors: M[]; tuition?: number }> = {
  V01: { majors: [art('750101', '美术设计与制作', 120), art('760201', '音乐表演', 80), art('750102', '工艺美术', 60)] },
  V02: { majors: [gen('710201', '计算机应用', 240), gen('700206', '汽车运用与维修', 220), gen('730302', '会计事务', 200), gen('730701', '电子商务', 180)] },
  V11: { majors: [gen('700206', '汽车运用与维修', 150), gen('700601', '城市轨道交通运营服务', 120), gen('730801', '物流服务与管理', 90)] },
  V12: { majors: [gen('720201', '护理', 200, '卫生职校南校区'), gen('720301', '药剂', 100, '卫生职校北校区'), gen('720401', '医学检验技术', 60, '卫生职校北校区')] },
  V13: { majors: [gen('740101', '高星级饭店运营与管理', 100), gen('740201', '旅游服务与管理', 90), gen('740301', '中餐烹饪', 110)] },
  V14: { majors: [gen('660301', '机电技术应用', 140), gen('660103', '数控技术应用', 120), gen('660303', '工业机器人技术应用', 80)] },
  V15: { majors: [gen('710202', '计算机网络技术', 100), gen('770101', '幼儿保育', 120)], tuition: 6800 },
  V16: { majors: [gen('710103', '电子技术应用', 80), art('790301', '美容美体艺术', 60)], tuition: 7200 },
};

function sectionsFor(code: string, revised = false) {
  const o = demoOrgs.find((x) => x.code === code)!;
  const kind = `${o.runBy === 'district' ? '区属' : '市属'}${o.ownership === 'public' ? '公办' : '民办'}`;
  return [
    { key: 'intro', title: '学校简介', html: `<p>${o.name}是${kind}全日制中等职业学校，${revised ? '2027年新建实训中心已投入使用，' : ''}坚持产教融合、校企合作，毕业生可升学也可就业。</p>` },
    { key: 'admission', title: '招生对象与录取办法', html: '<p>招生对象：应届、往届初中毕业生及同等学力人员。</p><ul><li>按志愿统一录取，不收取任何报名费。</li><li>艺术类专业另行组织专业测试。</li></ul>' },
    { key: 'contact', title: '咨询方式', html: `<p>学校招生办公室，电话 0000-0000000；地址：${o.address}</p>` },
  ];
}

export async function seedDemoPublicity(tx: Tx, orgIds: Map<string, number>, campaignIds: Map<string, number>): Promise<void> {
  clock = 0;
  const city = await as(tx, 'city.admin');
  const district = await as(tx, 'district.admin');
  const campaignId = campaignIds.get('D01')!;
  const campusId = async (name: string) => (await tx.select({ id: campuses.id }).from(campuses).where(eq(campuses.name, name)))[0]!.id;

  // R3: the joint enrollment of the two district-run schools.
  const firstCampus = await campusId('第一职校本部校区');
  const secondCampus = await campusId('市职高校区');
  await createAllianceIn(tx, district, {
    name: '区属职校联合招生', districtId: orgIds.get('D01')!, countsTowardNDistrict: true, memberIds: [orgIds.get('V01')!, orgIds.get('V02')!],
    rules: [{ category: 'art', campusId: firstCampus }, { category: 'general', campusId: secondCampus }],
  });

  for (const [code, spec] of Object.entries(demoMajors)) {
    const o = demoOrgs.find((x) => x.code === code)!;
    const who = o.runBy === 'district' ? district : city;
    const seats: Array<{ majorId: number; seats: number }> = [];
    for (const m of spec.majors) {
      const campus = o.runBy === 'district' ? (m.category === 'art' ? firstCampus : secondCampus) : await campusId(m.campus ?? o.campuses![0]!);
      const row = await createMajorIn(tx, who, {
        organizationId: orgIds.get(code)!, campusId: campus, code: m.code, name: m.name, category: m.category, lengthYears: m.years ?? 3,
        internship: m.internship ?? '第三学年到合作企业顶岗实习 6 个月', fees: spec.tuition ? PRIVATE_FEES(spec.tuition) : PUBLIC_FEES, aidPolicy: o.ownership === 'private' ? AID_PRIVATE : AID_PUBLIC,
      });
      seats.push({ majorId: row.id, seats: m.seats });
    }
    await savePlannedSeatsIn(tx, who, campaignId, seats, 'seed');
  }

  const school = (code: string) => as(tx, `${code.toLowerCase()}.admin`);
  const reviewerFor = (code: string) => as(tx, demoOrgs.find((x) => x.code === code)!.runBy === 'district' ? 'district.admin' : 'city.admin');
  const draft = async (code: string) => {
    const s = await school(code);
    const { b } = await createBrochureIn(tx, s, { campaignId, organizationId: orgIds.get(code)! });
    await editBrochureIn(tx, s, b.id, { sections: sectionsFor(code) });
    return b.id;
  };
  const submitted = async (code: string, id?: number) => {
    const brochureId = id ?? (await draft(code));
    await submitBrochureIn(tx, await school(code), brochureId);
    return brochureId;
  };
  const filed = async (code: string, id?: number) => {
    const brochureId = await submitted(code, id);
    await approveBrochureIn(tx, await reviewerFor(code), brochureId, { comment: '内容真实完整，同意' });
    await fileBrochureIn(tx, await as(tx, 'city.admin'), brochureId, process.env.ZHIZHAO_KEY_SECRET || undefined);
    return brochureId;
  };

  // Filing numbers 001–005 in this order, then V01's second version takes 006.
  const v01 = await filed('V01');
  const v02 = await filed('V02');
  for (const code of ['V11', 'V12', 'V15']) await filed(code);
  const v01next = (await reviseBrochureIn(tx, await school('V01'), v01)).b.id;
  await editBrochureIn(tx, await school('V01'), v01next, { sections: sectionsFor('V01', true) });
  await filed('V01', v01next);
  // In review: V02's second version at the district, V13 at the city.
  const v02next = (await reviseBrochureIn(tx, await school('V02'), v02)).b.id;
  await editBrochureIn(tx, await school('V02'), v02next, { sections: sectionsFor('V02', true) });
  await submitted('V02', v02next);
  await submitted('V13');
  // Returned with a comment on one section.
  const v14 = await submitted('V14');
  await returnBrochureIn(tx, await as(tx, 'city.admin'), v14, { summary: '请补充艺术类以外专业的录取办法说明', comments: [{ sectionKey: 'admission', comment: '“艺术类专业另行组织专业测试”与本校专业设置不符，请删除或改写' }] });
  // R4: V16 is not on the 2027 list — its draft cannot be submitted.
  await draft('V16');
}
