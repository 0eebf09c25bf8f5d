import type { FeeItem } from '../types';

/** `学费 2,400 元/学期；住宿费 600 元/年` — one line for tables and cards. */
export function feesText(fees: readonly FeeItem[], sep = '；'): string {
  return fees.map((f) => `${f.name} ${f.amount.toLocaleString('zh-CN')} ${f.unit}`).join(sep);
}
