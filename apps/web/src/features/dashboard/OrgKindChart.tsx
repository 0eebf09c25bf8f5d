import { useEffect, useRef } from 'react';
type Props = { categories: string[]; series: { name: string; data: number[]; color: string }[] };

/** Organisations by kind, active and inactive, as a stacked bar chart. */
export function OrgKindChart({ categories, series }: Props) {
  const el = useRef<HTMLDivElement>(null);
  // Arrays are new on every render; redraw only when their content changes.
  const key = JSON.stringify([categories, series]);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current);
      c.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 32, bottom: 0, containLabel: true },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({ type: 'bar', stack: 'orgs', name: s.name, data: s.data, itemStyle: { color: s.color }, barMaxWidth: 40 })),
      });
      chart = c;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return <div ref={el} style={{ height: 220, width: '100%' }} data-testid="org-kind-chart" />;
}
