/**
 * The Excel files after admission: the intake list (a school's new students with class, teacher and
 * aid; a junior high's follow-up list), the sending statistics in the layout a bureau expects (a
 * completion sheet, one summary sheet by junior high, one sheet per school, totals) and the funnel.
 */
import { contactKindLabels, hardshipEvidenceLabels, noShowReasonLabels, noShowReasons, type Funnel, type IntakeRow, type SendingRow, type SendingStatistics } from '@zhizhao/contracts';
import { writeWorkbook, type Column } from '../../files/excel';

const stateZh = { pending: '待报到', registered: '已报到', no_show: '未报到' } as const;
const yes = (b: boolean | undefined) => (b ? '是' : '');

export function intakeWorkbook(rows: IntakeRow[]): Promise<Buffer> {
  return writeWorkbook([
    {
      name: '新生报到',
      columns: [
        { header: '中考报名号', key: 'examNo', width: 16 }, { header: '姓名', key: 'studentName', width: 10 }, { header: '性别', key: 'gender', width: 6 },
        { header: '毕业学校', key: 'juniorHighName', width: 20 }, { header: '录取学校', key: 'schoolName', width: 22 }, { header: '专业', key: 'majorName', width: 18 },
        { header: '校区', key: 'campusName', width: 14 }, { header: '来源', key: 'source', width: 14 }, { header: '状态', key: 'state', width: 8 },
        { header: '报到日期', key: 'registeredOn', width: 12 }, { header: '未报到原因', key: 'reason', width: 14 }, { header: '说明', key: 'noShowNote', width: 20 },
        { header: '班级', key: 'className', width: 12 }, { header: '班主任', key: 'homeroomTeacher', width: 10 }, { header: '免学费', key: 'tuitionFree', width: 8 },
        { header: '国家助学金', key: 'grant', width: 10 }, { header: '家庭经济困难', key: 'hardship', width: 12 }, { header: '证明材料', key: 'evidence', width: 18 },
        { header: '联系次数', key: 'contacts', width: 8 }, { header: '最近联系', key: 'lastContact', width: 30 },
      ],
      rows: rows.map((r) => ({
        ...r, gender: r.gender === 'male' ? '男' : '女', juniorHighName: r.juniorHighName ?? '社会考生', source: r.source === 'admission' ? '统一录取' : '提前到中职学习', state: stateZh[r.state],
        registeredOn: r.registeredOn ?? '', reason: r.noShowReason ? noShowReasonLabels[r.noShowReason].zh : '', noShowNote: r.noShowNote ?? '',
        className: r.care?.className ?? '', homeroomTeacher: r.care?.homeroomTeacher ?? '', tuitionFree: yes(r.care?.tuitionFree), grant: yes(r.care?.grant), hardship: yes(r.care?.hardship),
        evidence: r.care?.hardshipEvidence ? hardshipEvidenceLabels[r.care.hardshipEvidence].zh : '',
        lastContact: r.lastContact ? `${r.lastContact.on} ${contactKindLabels[r.lastContact.kind].zh}：${r.lastContact.result}` : '',
      })),
    },
  ]);
}

const countColumns: Column[] = [
  { header: '录取', key: 'admitted', width: 8 }, { header: '提前到中职学习', key: 'earlyTransfer', width: 14 }, { header: '报到', key: 'registered', width: 8 },
  { header: '未报到', key: 'noShow', width: 8 }, ...noShowReasons.map((r) => ({ header: `其中：${noShowReasonLabels[r].zh}`, key: `r_${r}`, width: 12 })), { header: '待报到', key: 'pending', width: 8 },
];
const ackZh = { pending: '待确认', acknowledged: '已确认', disputed: '有异议' } as const;

function countsOf(r: Pick<SendingRow, 'admitted' | 'earlyTransfer' | 'registered' | 'noShow' | 'pending' | 'noShowByReason'>) {
  return { admitted: r.admitted, earlyTransfer: r.earlyTransfer, registered: r.registered, noShow: r.noShow, pending: r.pending, ...Object.fromEntries(noShowReasons.map((x) => [`r_${x}`, r.noShowByReason[x] ?? 0])) };
}

function total(rows: SendingRow[], label: Record<string, string>) {
  const sum = (k: 'admitted' | 'earlyTransfer' | 'registered' | 'noShow' | 'pending') => rows.reduce((n, r) => n + r[k], 0);
  const reasons: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.noShowByReason)) reasons[k] = (reasons[k] ?? 0) + v;
  return { ...label, ...countsOf({ admitted: sum('admitted'), earlyTransfer: sum('earlyTransfer'), registered: sum('registered'), noShow: sum('noShow'), pending: sum('pending'), noShowByReason: reasons }) };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '学校';
  let s = base;
  for (let i = 2; used.has(s); i++) s = `${base}${i}`;
  used.add(s);
  return s;
}

export function statisticsWorkbook(stats: SendingStatistics): Promise<Buffer> {
  const used = new Set(['完成情况', '按初中汇总']);
  const byJh = new Map<number, SendingRow[]>();
  for (const r of stats.items) byJh.set(r.juniorHighId, [...(byJh.get(r.juniorHighId) ?? []), r]);
  const jhRows = [...byJh.values()].map((rows) => total(rows, { juniorHighName: rows[0]!.juniorHighName, schools: String(rows.length) }));
  const status = stats.status.map((s) => ({ ...s, submitted: s.submitted ? '已提交' : '未提交', submittedAt: s.submittedAt?.slice(0, 10) ?? '', overdue: s.overdue ? '逾期' : '' }));
  return writeWorkbook([
    {
      name: '完成情况',
      columns: [{ header: '职业学校', key: 'schoolName', width: 24 }, { header: '提交', key: 'submitted', width: 8 }, { header: '提交日期', key: 'submittedAt', width: 12 }, { header: '逾期', key: 'overdue', width: 6 }, { header: '初中行数', key: 'rows', width: 8 }, { header: '已确认', key: 'acknowledged', width: 8 }, { header: '有异议', key: 'disputed', width: 8 }],
      rows: status,
      notes: [`截止日期 ${stats.deadline}，统计日期 ${stats.today}`],
    },
    { name: '按初中汇总', columns: [{ header: '初中学校', key: 'juniorHighName', width: 22 }, { header: '职业学校数', key: 'schools', width: 10 }, ...countColumns], rows: jhRows, totalRow: total(stats.items, { juniorHighName: '合计', schools: '' }) },
    ...stats.status.map((s) => {
      const rows = stats.items.filter((r) => r.schoolId === s.schoolId);
      return {
        name: sheetName(s.schoolName, used),
        columns: [{ header: '初中学校', key: 'juniorHighName', width: 22 }, ...countColumns, { header: '初中确认', key: 'ack', width: 10 }, { header: '更正理由', key: 'correction', width: 24 }, { header: '异议与答复', key: 'dispute', width: 30 }],
        rows: rows.map((r) => ({
          juniorHighName: r.juniorHighName, ...countsOf(r), ack: r.ack ? ackZh[r.ack] : '未提交', correction: r.correction?.reason ?? '',
          dispute: [r.ackNote ? `异议：${r.ackNote}` : '', r.answer ? `答复：${r.answer}` : ''].filter(Boolean).join('；'),
        })),
        totalRow: total(rows, { juniorHighName: '合计' }),
      };
    }),
  ]);
}

export function funnelWorkbook(f: Funnel): Promise<Buffer> {
  const d = f.district;
  return writeWorkbook([
    {
      name: '按初中',
      columns: [
        { header: '初中学校', key: 'juniorHighName', width: 22 }, { header: '毕业生', key: 'graduates', width: 8 }, { header: '送培目标', key: 'sendingTarget', width: 10 },
        { header: '中职志愿（已确认）', key: 'vocationalApplications', width: 16 }, { header: '录取（含提前）', key: 'admitted', width: 14 }, { header: '报到', key: 'registered', width: 8 },
        { header: '未报到', key: 'noShow', width: 8 }, { header: '目标完成率', key: 'fulfilment', width: 10 },
      ],
      rows: f.juniorHighs.map((r) => ({ ...r, sendingTarget: r.sendingTarget ?? '', fulfilment: r.sendingTarget ? `${((100 * r.registered) / r.sendingTarget).toFixed(1)}%` : '' })),
    },
    {
      name: '全区',
      columns: [{ header: '指标', key: 'k', width: 30 }, { header: '数值', key: 'v', width: 14 }],
      rows: [
        { k: '区属学校招生目标 N_district（R1）', v: d.nDistrict }, { k: '区属学校报到人数', v: d.registeredDistrictRun },
        { k: '送培总目标 N_total（R1）', v: d.nTotal }, { k: '全部报到人数', v: d.registeredTotal }, { k: '其中市属学校', v: d.registeredCityRun },
        { k: '普通高中（志愿与未报到去向）', v: d.general }, { k: '职普比（按实际报到）', v: d.vocationalShare === null ? '' : `${(100 * d.vocationalShare).toFixed(1)}%` },
        { k: '职普比目标（R12）', v: `${(100 * d.ratioTarget).toFixed(0)}%` },
      ],
    },
    { name: '每日报到', columns: [{ header: '日期', key: 'date', width: 12 }, { header: '当日报到', key: 'registered', width: 10 }, { header: '累计', key: 'cumulative', width: 10 }], rows: f.trend },
  ]);
}
