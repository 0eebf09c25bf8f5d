/**
 * The majors workbook (专业设置): the export is also the import template. Fees are one cell,
 * `名称 金额 单位` items separated by “；” (e.g. `学费 0 元/学年；住宿费 800 元/学年`).
 */
import type { FeeItem } from '@zhizhao/domain';
import { writeWorkbook, type Column } from '../../files/excel';
import type { Actor } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import { allMajors } from './queries';

export const majorColumns = [
  { key: 'schoolCode', header: '学校代码', width: 12 },
  { key: 'schoolName', header: '学校名称', width: 28, note: '仅供查看，导入时以学校代码为准' },
  { key: 'code', header: '专业代码', width: 12 },
  { key: 'name', header: '专业名称', width: 24 },
  { key: 'category', header: '类别', width: 10, note: '艺术类 或 非艺术类（R3：联合招生按类别安排校区）' },
  { key: 'campus', header: '校区', width: 20 },
  { key: 'lengthYears', header: '学制（年）', width: 10 },
  { key: 'internship', header: '实习期', width: 24 },
  { key: 'fees', header: '收费项目及标准', width: 40, note: '每项“名称 金额 单位”，多项用“；”分隔，如：学费 0 元/学年；住宿费 800 元/学年' },
  { key: 'aidPolicy', header: '资助政策', width: 40 },
  { key: 'active', header: '状态', width: 8, note: '启用 或 停用' },
] as const satisfies readonly Column[];
export type MajorColumnKey = (typeof majorColumns)[number]['key'];
export const majorHeader = Object.fromEntries(majorColumns.map((c) => [c.key, c.header])) as Record<MajorColumnKey, string>;

export const categoryLabels = { art: '艺术类', general: '非艺术类' } as const;

export function formatFees(fees: FeeItem[]): string {
  return fees.map((f) => `${f.name} ${f.amount} ${f.unit}`).join('；');
}

/** Parses the fee cell; null when an item does not read as `名称 金额 单位`. */
export function parseFees(text: string): FeeItem[] | null {
  const items = text.split(/[;；\n]/).map((s) => s.trim()).filter(Boolean);
  const out: FeeItem[] = [];
  for (const item of items) {
    const m = /^(\D+?)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*(\S.*)$/.exec(item);
    if (!m || m[3]!.length > 20 || m[1]!.length > 50) return null;
    out.push({ name: m[1]!.trim(), amount: Number(m[2]), unit: m[3]!.trim() });
  }
  return out;
}

export async function majorsExport(db: Queryable, actor: Actor): Promise<Buffer> {
  const rows = await allMajors(db, actor);
  return writeWorkbook([
    {
      name: '专业设置',
      columns: [...majorColumns],
      rows: rows.map(({ m, schoolCode, schoolName, campusName }) => ({
        schoolCode, schoolName, code: m.code, name: m.name, category: categoryLabels[m.category as 'art' | 'general'], campus: campusName,
        lengthYears: String(m.lengthYears), internship: m.internship, fees: formatFees(m.fees as FeeItem[]), aidPolicy: m.aidPolicy, active: m.active ? '启用' : '停用',
      })),
      notes: ['按学校代码 + 专业代码匹配：已有的专业更新，新的专业新增。', '校区填写校区名称；联合招生学校须按联合招生的校区安排填写（R3）。', '任何一行有错误时不写入任何数据。'],
    },
  ]);
}
