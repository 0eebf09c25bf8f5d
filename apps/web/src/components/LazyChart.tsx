/**
 * One ECharts chart from an option object. ECharts is loaded on demand through `load` (each
 * feature registers only the chart types it draws in its own `echarts.ts`); the chart is redrawn
 * in place (`setOption`) when the figures change, so a refresh does not flicker.
 */
import { useEffect, useRef } from 'react';

type Instance = { setOption(o: unknown, notMerge?: boolean): void; dispose(): void; resize(): void };
export type EChartsLoader = () => Promise<{ echarts: { init(el: HTMLElement): unknown } }>;

export function LazyChart({ load, option, height = 300, testId }: { load: EChartsLoader; option: Record<string, unknown>; height?: number; testId: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const key = JSON.stringify(option);

  useEffect(() => {
    let disposed = false;
    const onResize = () => chart.current?.resize();
    void load().then(({ echarts }) => {
      if (disposed || !el.current) return;
      chart.current = echarts.init(el.current) as Instance;
      chart.current.setOption(JSON.parse(key));
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
    // Created once; later figures go through setOption below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(JSON.parse(key), true);
  }, [key]);

  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
