/**
 * The roster's Excel: the import template (a district bureau's has a first column 学校代码
 * naming each row's junior high) and the export (masked ID numbers and phones only; cells that
 * would start a formula are escaped by files/excel.ts).
 */
import { and, asc, eq } from 'drizzle-orm';
import { idTypeLabels, type IdType } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { applications, organizations, students, users } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { studentScope } from '../../auth/student-policy';
import { writeWorkbook, type Column } from '../../files/excel';
import { rosterCampaign } from './campaign-scope';

export const rosterColumns = [
  { key: 'schoolCode', header: '学校代码', width: 12, note: '区教育局导入时填写：该生所在初中学校的机构代码' },
  { key: 'name', header: '姓名', width: 12 },
  { key: 'gender', header: '性别', width: 8, note: '男 或 女' },
  { key: 'idType', header: '证件类型', width: 14, note: `默认 居民身份证；其他：${Object.values(idTypeLabels).map((l) => l.zh).slice(1).join('、')}` },
  { key: 'idNumber', header: '证件号码', width: 22, note: '请设为文本格式：数字格式会把18位号码改坏' },
  { key: 'examNo', header: '中考报名号', width: 16, note: '学生登录名；同一招生活动内唯一' },
  { key: 'className', header: '班级', width: 12 },
  { key: 'cohort', header: '应届/往届', width: 10, note: '应届 或 往届（空 = 应届）' },
  { key: 'hukouDistrict', header: '户籍所在区', width: 12 },
  { key: 'guardianName', header: '监护人姓名', width: 12 },
  { key: 'guardianRelation', header: '与学生关系', width: 10 },
  { key: 'guardianPhone', header: '监护人电话', width: 16, note: '11位手机号码或带区号的固定电话' },
] as const satisfies readonly Column[];
export type RosterKey = (typeof rosterColumns)[number]['key'];
export const rosterHeader = Object.fromEntries(rosterColumns.map((c) => [c.key, c.header])) as Record<RosterKey, string>;

export const genderLabels = { male: '男', female: '女' } as const;
export const cohortLabels = { current: '应届', past: '往届' } as const;

const notes = [
  '每名学生一行；第一行为表头，请勿修改列名。',
  '证件号码、中考报名号、电话请以文本格式填写（Excel 会把18位数字改坏）。',
  '按中考报名号更新：已在本校名册中的学生更新信息；在另一所初中名册中的学生须办理转学；名册中已有、文件中没有的学生不会被删除。',
  '导入会检查每一行：居民身份证号码按 GB 11643 校验，性别须与号码第17位一致，文件内的报名号和证件号码不得重复。',
  '有错误行时不写入任何数据（可选择“跳过错误行”只导入正确的行）；“仅检查”不写入任何数据。',
];

export async function rosterTemplate(db: Queryable, actor: Actor, campaignId: number): Promise<Buffer> {
  await rosterCampaign(db, actor, campaignId, 'student.write');
  const columns = actor.orgKind === 'junior_high' ? rosterColumns.slice(1) : [...rosterColumns];
  return writeWorkbook([{ name: '学生名册', columns, rows: [], notes }]);
}

export async function rosterExport(db: Queryable, actor: Actor, campaignId: number, juniorHighId?: number): Promise<Buffer> {
  await rosterCampaign(db, actor, campaignId, 'student.read');
  const rows = await db
    .select({ s: students, code: organizations.code, school: organizations.name, mustChange: users.mustChangePassword, status: applications.status })
    .from(students)
    .leftJoin(organizations, eq(organizations.id, students.juniorHighId))
    .leftJoin(users, eq(users.id, students.userId))
    .leftJoin(applications, eq(applications.studentId, students.id))
    .where(and(eq(students.campaignId, campaignId), studentScope(actor), juniorHighId ? eq(students.juniorHighId, juniorHighId) : undefined))
    .orderBy(asc(organizations.code), asc(students.className), asc(students.examNo));
  const columns: Column[] = [
    { key: 'schoolCode', header: '学校代码', width: 12 },
    { key: 'school', header: '学校', width: 20 },
    ...rosterColumns.slice(1).map((c) => ({ key: c.key, header: c.key === 'idNumber' ? '证件号码（脱敏）' : c.key === 'guardianPhone' ? '监护人电话（脱敏）' : c.header, width: c.width })),
    { key: 'account', header: '账号状态', width: 10 },
    { key: 'status', header: '志愿状态', width: 12 },
  ];
  const statusLabels: Record<string, string> = { undecided: '未选择', draft: '未确认', awaiting_student: '待学生确认', awaiting_guardian: '待家长确认', confirmed: '已确认' };
  const out = rows.map((r) => ({
    schoolCode: r.code ?? '', school: r.school ?? '', name: r.s.name, gender: genderLabels[r.s.gender as 'male' | 'female'] ?? r.s.gender,
    idType: idTypeLabels[r.s.idType as IdType]?.zh ?? r.s.idType, idNumber: r.s.idMasked, examNo: r.s.examNo, className: r.s.className,
    cohort: cohortLabels[r.s.cohort as 'current' | 'past'] ?? r.s.cohort, hukouDistrict: r.s.hukouDistrict, guardianName: r.s.guardianName,
    guardianRelation: r.s.guardianRelation, guardianPhone: r.s.phoneMasked,
    account: r.s.userId && r.mustChange === false ? '已激活' : r.s.slipsIssuedAt ? '已发告知单' : '未发告知单',
    status: statusLabels[r.status ?? 'undecided'] ?? r.status,
  }));
  return writeWorkbook([{ name: '学生名册', columns, rows: out }]);
}
