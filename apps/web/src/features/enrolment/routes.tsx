/**
 * After admission's pages (issue 12: R16, R17, R18), under the signed-in layout:
 * `/enrolment` 新生报到 / 外流跟踪 (enrolment.read) and `/statistics` 送培统计 (statistics.read).
 * Each loads on first visit, in its own chunk.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/Forbidden';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((x) => ({ default: x[name] })));

const EnrolmentPage = named(() => import('./EnrolmentPage'), 'EnrolmentPage');
const StatisticsPage = named(() => import('./StatisticsPage'), 'StatisticsPage');

const page = (node: ReactNode) => <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>{node}</Suspense>;

export const enrolmentRoutes: RouteObject[] = [
  { path: 'enrolment', element: <RequirePermission permission="enrolment.read">{page(<EnrolmentPage />)}</RequirePermission> },
  { path: 'statistics', element: <RequirePermission permission="statistics.read">{page(<StatisticsPage />)}</RequirePermission> },
];
