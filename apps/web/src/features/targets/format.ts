/** Shares as percentages: 0.4494 → "44.9%", the campaign ratio 0.45 → "45%". */
export function pct(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(digits)}%`;
}

export function ratioLabel(ratio: number): string {
  const p = Math.round(ratio * 10000) / 100;
  return `${p}%`;
}

export const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN'));
