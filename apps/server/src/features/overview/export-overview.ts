/** `GET /api/applications/export.xlsx`: the overview table as Excel, Chinese headers and a 合计 row (bureaus only). */
import type { Queryable } from '../../db/client';
import type { Actor } from '../../auth/policy';
import { writeWorkbook, type Column } from '../../files/excel';
import { authorizeSummary, currentCampaign } from './context';
import { overviewRows, totalsOf } from './summary';

const columns: Column[] = [
  { header: '学校代码', key: 'code', width: 12 },
  { header: '学校名称', key: 'name', width: 24 },
  { header: '名册人数', key: 'roster', width: 10 },
  { header: '送培目标', key: 'sendingTarget', width: 10 },
  { header: '中职（已确认）', key: 'vocational', width: 14 },
  { header: '普高（已确认）', key: 'general', width: 14 },
  { header: '未定', key: 'undecided', width: 10 },
  { header: '待确认', key: 'pending', width: 10 },
  { header: '目标完成率', key: 'progress', width: 12 },
  { header: '代填比例', key: 'onBehalfShare', width: 10 },
  { header: '代填后家庭修改次数', key: 'changesAfterStaff', width: 18 },
  { header: '压力反映', key: 'pressureReports', width: 10 },
  { header: '升学指导次数', key: 'guidanceSessions', width: 12 },
  { header: '未处理重复报名', key: 'openConflicts', width: 14 },
];

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

export async function exportOverview(db: Queryable, actor: Actor, year: number, campaignId?: number) {
  const c = await currentCampaign(db, actor, year, campaignId);
  authorizeSummary(actor, c, { bureausOnly: true });
  const built = await overviewRows(db, c);
  const totals = totalsOf(built);
  const present = (r: Omit<(typeof built)[number]['row'], 'organizationId' | 'code' | 'name'>) => ({ ...r, sendingTarget: r.sendingTarget ?? '', progress: pct(r.progress), onBehalfShare: pct(r.onBehalfShare) });
  const data = await writeWorkbook([
    {
      name: '志愿填报进度',
      columns,
      rows: built.map((b) => ({ ...present(b.row), code: b.row.code, name: b.row.name })),
      totalRow: { ...present(totals), code: '', name: '合计' },
      notes: [
        `${c.c.name}：按初中学校统计的志愿填报情况（仅计入双方确认的志愿）。`,
        '未定 = 名册人数 − 中职 − 普高；待确认 = 已选择方向但学生或家长尚未确认当前版本。',
        `区中职比例目标：${pct(c.settings.vocationalRatio)}（R12）。`,
      ],
    },
  ]);
  return { data, filename: `${c.c.name}-志愿填报进度.xlsx` };
}
