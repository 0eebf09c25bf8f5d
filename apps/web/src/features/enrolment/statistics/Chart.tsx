/** A chart of the funnel tab: the shared lazy chart with the ECharts parts this tab draws. */
import { LazyChart } from '../../../components/LazyChart';

const load = () => import('./echarts');

export function Chart(props: { option: Record<string, unknown>; height?: number; testId: string }) {
  return <LazyChart load={load} {...props} />;
}
