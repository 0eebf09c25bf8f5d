/** A chart of the live picture: the shared lazy chart with the ECharts parts it draws (its own chunk). */
import { LazyChart } from '../../../components/LazyChart';

const load = () => import('./echarts');

export function Chart(props: { option: Record<string, unknown>; height?: number; testId: string }) {
  return <LazyChart load={load} {...props} />;
}
