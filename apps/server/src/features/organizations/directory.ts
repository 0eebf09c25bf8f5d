/** The organisation directory as an Excel file: columns, template and export. */
import { asc } from 'drizzle-orm';
import { orgKindLabels, type OrgKind } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { organizations } from '../../db/schema';
import { orgScope } from '../../auth/scope-sql';
import type { Actor } from '../../auth/policy';
import { writeWorkbook, type Column } from '../../files/excel';

export const directoryColumns = [
  { key: 'code', header: '机构代码', width: 14, note: '必填，2–32 位字母、数字、_ 或 -；已存在的代码将更新该机构' },
  { key: 'name', header: '机构名称', width: 28, note: '必填' },
  { key: 'kind', header: '类型', width: 12, note: '市教育局 / 区教育局 / 初中学校 / 中职学校' },
  { key: 'parentCode', header: '上级机构代码', width: 14, note: '仅区教育局填写：所属市教育局的代码' },
  { key: 'districtCode', header: '所在区代码', width: 14, note: '初中学校、中职学校填写：所在区教育局的代码' },
  { key: 'runBy', header: '举办者', width: 10, note: '中职学校填写：区属 / 市属' },
  { key: 'ownership', header: '办学性质', width: 10, note: '中职学校填写：公办 / 民办' },
  { key: 'address', header: '地址', width: 30 },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 16, note: '请按文本填写' },
  { key: 'active', header: '状态', width: 8, note: '启用 / 停用；留空为启用' },
] as const satisfies readonly Column[];

export type DirectoryKey = (typeof directoryColumns)[number]['key'];

export const kindByLabel = new Map<string, OrgKind>(Object.entries(orgKindLabels).flatMap(([k, l]) => [[l.zh, k as OrgKind], [k, k as OrgKind], [l.en.toLowerCase(), k as OrgKind]]));
export const runByLabels = { district: '区属', city: '市属' } as const;
export const ownershipLabels = { public: '公办', private: '民办' } as const;

const notes = [
  '机构名录导入说明 Directory import',
  '1. 第一行为列名，请勿修改；从第二行起每行一个机构。',
  '2. 机构代码已存在时更新名称、地址、联系人、电话、办学性质和状态；类型、所在区和举办者不能通过导入更改。',
  '3. 上级/所在区可引用已有机构或本文件中位于其上方的行。',
  '4. 有任何错误行时不写入任何数据，并列出每个错误的行、列和原因。',
];

export function directoryTemplate(): Promise<Buffer> {
  const example = [
    { code: 'JH99', name: '示例区第九十九中学', kind: '初中学校', districtCode: 'D01', address: '示例区某路 1 号', contactName: '张老师', contactPhone: '0000-1234567', active: '启用' },
  ];
  return writeWorkbook([{ name: '机构名录', columns: [...directoryColumns], rows: example, notes }]);
}

export async function directoryExport(db: Queryable, actor: Actor): Promise<Buffer> {
  const rows = await db.select().from(organizations).where(orgScope(actor)).orderBy(asc(organizations.kind), asc(organizations.code));
  const codeById = new Map<number, string>();
  // Parents and districts may be outside the actor's scope (a district's city): look them up.
  const all = await db.select({ id: organizations.id, code: organizations.code }).from(organizations);
  for (const o of all) codeById.set(o.id, o.code);
  return writeWorkbook([
    {
      name: '机构名录',
      columns: [...directoryColumns],
      notes,
      rows: rows.map((o) => ({
        code: o.code,
        name: o.name,
        kind: orgKindLabels[o.kind as OrgKind].zh,
        parentCode: o.kind === 'district_bureau' && o.parentId ? codeById.get(o.parentId) : '',
        districtCode: o.districtId ? codeById.get(o.districtId) : '',
        runBy: o.runBy ? runByLabels[o.runBy as 'district' | 'city'] : '',
        ownership: o.ownership ? ownershipLabels[o.ownership as 'public' | 'private'] : '',
        address: o.address,
        contactName: o.contactName,
        contactPhone: o.contactPhone,
        active: o.active ? '启用' : '停用',
      })),
    },
  ]);
}
