/**
 * The refusals of the split and of adjustments, each with a message a district
 * clerk understands (zh-CN) and its English twin (en-US).
 */
import type { TargetsError, TargetsErrorCode, TargetsErrorDetails } from './types';

type Messages = (d: TargetsErrorDetails) => [zh: string, en: string];

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));

const messages: Record<TargetsErrorCode, Messages> = {
  TARGETS_INVALID_TOTAL: (d) => [
    `总目标必须是非负整数，当前为 ${show(d.value)}。`,
    `The total must be a non-negative integer, got ${show(d.value)}.`,
  ],
  TARGETS_UNKNOWN_METHOD: (d) => [
    `未知的分配方法 ${show(d.value)}，可选 hamilton（最大余额法）或 webster（圣拉格法）。`,
    `Unknown method ${show(d.value)}: use hamilton (largest remainder) or webster (Sainte-Laguë).`,
  ],
  TARGETS_INVALID_SCHOOL_ID: (d) => [
    `学校编号不能为空（当前为 ${show(d.value)}）。`,
    `A school id must be a non-empty string, got ${show(d.value)}.`,
  ],
  TARGETS_DUPLICATE_SCHOOL_ID: (d) => [
    `学校 ${d.schoolId} 出现了不止一次。`,
    `School ${d.schoolId} appears more than once.`,
  ],
  TARGETS_INVALID_GRADUATES: (d) => [
    `学校 ${d.schoolId} 的应届毕业生数必须是非负整数，当前为 ${show(d.value)}。`,
    `Graduates of school ${d.schoolId} must be a non-negative integer, got ${show(d.value)}.`,
  ],
  TARGETS_INVALID_BOUND: (d) => [
    `学校 ${d.schoolId} 的${d.field === 'min' ? '下限' : '上限'}必须是非负整数，当前为 ${show(d.value)}。`,
    `The ${d.field} of school ${d.schoolId} must be a non-negative integer, got ${show(d.value)}.`,
  ],
  TARGETS_MIN_ABOVE_MAX: (d) => [
    `学校 ${d.schoolId} 的下限 ${d.min} 大于上限 ${d.max}。`,
    `School ${d.schoolId} has a min of ${d.min} above its max of ${d.max}.`,
  ],
  TARGETS_MIN_SUM_ABOVE_TOTAL: (d) => [
    `各校下限之和为 ${d.sum}，超过总目标 ${d.total}，无法分配。`,
    `The schools' minimums add up to ${d.sum}, more than the total of ${d.total}.`,
  ],
  TARGETS_NO_GRADUATES: (d) => [
    `所有学校的应届毕业生数都是 0，无法按比例分配总目标 ${d.total}。`,
    `No school has any graduates, so a total of ${d.total} cannot be split in proportion.`,
  ],
  TARGETS_MAX_SUM_BELOW_TOTAL: (d) => {
    const zero = d.schoolIds?.length ? d.schoolIds.join(', ') : '';
    return [
      `各校上限之和为 ${d.sum}，不足总目标 ${d.total}，无法分配。` +
        (zero ? `（没有应届毕业生的学校 ${zero} 只计其下限。）` : ''),
      `The schools' maximums add up to ${d.sum}, less than the total of ${d.total}.` +
        (zero ? ` (Schools without graduates — ${zero} — count only their minimum.)` : ''),
    ];
  },
  TARGETS_UNKNOWN_SCHOOL: (d) => [`没有编号为 ${show(d.schoolId)} 的学校。`, `There is no school ${show(d.schoolId)}.`],
  TARGETS_INVALID_TARGET: (d) => [
    `学校 ${d.schoolId} 的送培目标必须是非负整数，当前为 ${show(d.value)}。`,
    `The target of school ${d.schoolId} must be a non-negative integer, got ${show(d.value)}.`,
  ],
  TARGETS_TARGET_OUTSIDE_BOUNDS: (d) => [
    `学校 ${d.schoolId} 的新目标 ${show(d.value)} 超出其范围 [${d.min}, ${d.max ?? '不限'}]，请先修改上下限。`,
    `The new target ${show(d.value)} of school ${d.schoolId} is outside its bounds [${d.min}, ${d.max ?? 'none'}]; change the bounds first.`,
  ],
  TARGETS_CURRENT_SUM_MISMATCH: (d) => [
    `当前各校目标之和为 ${d.sum}，与总目标 ${d.total} 不符，请先重新分配。`,
    `The current targets add up to ${d.sum}, not the total of ${d.total}; re-split first.`,
  ],
  TARGETS_UNKNOWN_ADJUST_MODE: (d) => [
    `未知的调整方式 ${show(d.value)}，可选 rebalance（其他学校重新分配）或 change_total（改变总目标）。`,
    `Unknown adjustment mode ${show(d.value)}: use rebalance or change_total.`,
  ],
};

export function targetsError(code: TargetsErrorCode, details: TargetsErrorDetails): TargetsError {
  const [zh, en] = messages[code](details);
  return { ok: false, code, message: { 'zh-CN': zh, 'en-US': en }, details };
}
