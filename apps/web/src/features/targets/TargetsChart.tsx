/**
 * Target vs graduates per junior high, with the least target that meets the ratio
 * (R12) as a line; schools below it are drawn red. ECharts loads lazily, like the
 * dashboard's chart.
 */
import { useEffect, useRef } from 'react';
import { requiredForRatio } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { ratioLabel } from './format';
import { targetsMessages } from './messages';
import type { TargetRow } from './types';

const m = defineMessages({
  ...targetsMessages,
  required: ['按 {ratio} 应达到', 'Needed for {ratio}'],
});

export function TargetsChart({ rows, ratio, height = 340 }: { rows: TargetRow[]; ratio: number; height?: number }) {
  const { t } = useI18n(m);
  const el = useRef<HTMLDivElement>(null);
  const labels = { graduates: t('graduates'), target: t('target'), required: t('required', { ratio: ratioLabel(ratio) }) };
  // Arrays are new on every render; redraw only when their content changes.
  const key = JSON.stringify([rows.map((r) => [r.name, r.graduates, r.target, r.belowRatio]), ratio, labels]);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const onResize = () => chart?.resize();
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current);
      c.setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 35, fontSize: 11 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: labels.graduates, data: rows.map((r) => r.graduates), itemStyle: { color: '#d9d9d9' }, barMaxWidth: 22 },
          {
            type: 'bar',
            name: labels.target,
            data: rows.map((r) => ({ value: r.target, itemStyle: { color: r.belowRatio ? '#ff4d4f' : '#1677ff' } })),
            itemStyle: { color: '#1677ff' },
            barMaxWidth: 22,
          },
          {
            type: 'line',
            name: labels.required,
            data: rows.map((r) => requiredForRatio(r.graduates, ratio)),
            symbol: 'circle',
            symbolSize: 5,
            lineStyle: { type: 'dashed', width: 1.5, color: '#fa8c16' },
            itemStyle: { color: '#fa8c16' },
          },
        ],
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
  return <div ref={el} style={{ height, width: '100%' }} data-testid="targets-chart" />;
}
