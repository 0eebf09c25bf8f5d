/**
 * The plan's Annex 2 (送培目标分解表) as Excel: the template a district fills in
 * (graduates and, optionally, targets and bounds) and the export of a version with the
 * columns a bureau expects and a 合计 row.
 */
import type { Queryable } from '../../db/client';
import { authorize } from '../../auth/policy';
import type { RequestContext } from '../../audit/write-audit';
import { writeWorkbook, type Column } from '../../files/excel';
import { refOf } from '../organizations/queries';
import { readableVersion } from './overview';
import { presentRows } from './present';
import { graduatesOf, juniorHighs, loadCampaign, rowsOf } from './queries';

export const annex2Columns = [
  { key: 'code', header: '学校代码', width: 12, note: '必填：本区初中学校的机构代码，请勿修改' },
  { key: 'name', header: '学校', width: 26, note: '仅供核对，导入时以学校代码为准' },
  { key: 'graduates', header: '应届毕业生数', width: 14, note: '非负整数；留空则保持原值' },
  { key: 'target', header: '送培目标', width: 12, note: '可选：填写则按所填目标生成新的草稿（须每校都填）' },
  { key: 'min', header: '最低', width: 10, note: '可选：该校送培目标下限' },
  { key: 'max', header: '最高', width: 10, note: '可选：该校送培目标上限' },
  { key: 'note', header: '备注', width: 30 },
] as const satisfies readonly Column[];

export type Annex2Key = (typeof annex2Columns)[number]['key'];

const templateNotes = [
  '送培目标分解表（附件2）导入说明 Annex 2 import',
  '1. 第一行为列名，请勿修改；每行一所本区初中学校，以“学校代码”识别。',
  '2. 只填“应届毕业生数”：更新各校毕业生数，之后可在系统中按比例分配送培目标（R2）。',
  '3. 同时填写“送培目标”：须为每所本区初中学校填写，系统据此生成新的草稿（替换现有草稿），合计即为草稿总数；与市下达的 N_total 不一致时发布前须确认（R1）。',
  '4. “最低/最高”可选，送培目标须在其范围内。',
  '5. 有任何错误行时不写入任何数据，并列出每个错误的行、列和原因。',
];

const percent = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(2)}%`);

export async function annex2Template(db: Queryable, ctx: RequestContext, campaignId: number): Promise<{ file: Buffer; filename: string }> {
  const c = await loadCampaign(db, campaignId);
  authorize(ctx.actor!, 'targets.write', refOf(c.district));
  const schools = await juniorHighs(db, c.district.id);
  const counts = await graduatesOf(db, campaignId);
  const rows = schools.map((s) => ({ code: s.code, name: s.name, graduates: counts.get(s.id)?.count ?? '' }));
  const file = await writeWorkbook([{ name: '送培目标', columns: [...annex2Columns], rows, notes: templateNotes }]);
  return { file, filename: `${c.district.name}${c.campaign.year}年送培目标分解表（模板）.xlsx` };
}

const exportColumns: Column[] = [
  { key: 'name', header: '学校', width: 26 },
  { key: 'graduates', header: '应届毕业生数', width: 14 },
  { key: 'target', header: '送培目标', width: 12 },
  { key: 'share', header: '占毕业生比例', width: 14 },
  { key: 'note', header: '备注', width: 36 },
];

/** A version as Annex 2 (default: the published one); the bureau any, the district's vocational schools the published one. */
export async function annex2Export(db: Queryable, ctx: RequestContext, campaignId: number, number: number | undefined): Promise<{ file: Buffer; filename: string }> {
  const { c, v } = await readableVersion(db, ctx, campaignId, number);
  const { rows, totals } = presentRows(await rowsOf(db, v.id), c);
  const ratio = `${Number((c.settings.vocationalRatio * 100).toFixed(4))}%`;
  const statusLabel = { draft: '草稿', published: '已发布', superseded: '已被替代', discarded: '已作废' }[v.status] ?? v.status;
  const file = await writeWorkbook([
    {
      name: '送培目标',
      columns: exportColumns,
      rows: rows.map((r) => ({ ...r, share: percent(r.share), note: [r.note, r.belowRatio ? `低于${ratio}（R12）` : ''].filter(Boolean).join('；') })),
      totalRow: {
        name: '合计', graduates: totals.graduates, target: totals.targets, share: percent(totals.share),
        note: [`市下达送培总目标 ${totals.cityNTotal}`, totals.differsFromCity ? `与合计相差 ${totals.targets - totals.cityNTotal}` : '', totals.belowRatio ? `低于${ratio}（R12）` : ''].filter(Boolean).join('；'),
      },
      notes: [
        `${c.district.name}${c.campaign.year}年初中学校送培目标分解表（附件2）`,
        `版本 ${v.number}（${statusLabel}）${v.publishedAt ? `，发布于 ${v.publishedAt.toISOString().slice(0, 10)}` : ''}；分配方法：${v.method === 'webster' ? '圣拉格法' : '最大余额法'}`,
        `市教育局下达：区属学校招生目标 N_district ${c.settings.nDistrict}，送培总目标 N_total ${c.settings.nTotal}（R1）`,
        `占毕业生比例对照本年度职普比要求 ${ratio}（R12），低于者在备注中标出`,
        ...(v.note ? [`说明：${v.note}`] : []),
      ],
    },
  ]);
  return { file, filename: `${c.district.name}${c.campaign.year}年送培目标分解表（第${v.number}版）.xlsx` };
}
