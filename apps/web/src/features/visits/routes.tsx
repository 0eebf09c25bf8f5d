/**
 * The campus-visit routes (R9, R10, R19), under the signed-in layout; each page loads on
 * first visit, in its own chunk. The gate check (`/verify/:code`) is the publicity's public route.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { RouteObject } from 'react-router';
import type { Permission } from '@zhizhao/contracts/roles';
import { RequirePermission } from '../../components/Forbidden';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((x) => ({ default: x[name] })));

const VisitsHome = named(() => import('./VisitsHome'), 'VisitsHome');
const ApprovalsPage = named(() => import('./bureau/ApprovalsPage'), 'ApprovalsPage');
const CalendarPage = named(() => import('./bureau/CalendarPage'), 'CalendarPage');
const ReportsPage = named(() => import('./bureau/ReportsPage'), 'ReportsPage');
const ReportPage = named(() => import('./juniorhigh/ReportPage'), 'ReportPage');
const ProtectedPeriodsPage = named(() => import('./juniorhigh/ProtectedPeriodsPage'), 'ProtectedPeriodsPage');

const page = (node: ReactNode) => <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>{node}</Suspense>;
const guarded = (permission: Permission, node: ReactNode) => <RequirePermission permission={permission}>{page(node)}</RequirePermission>;

export const visitRoutes: RouteObject[] = [
  { path: 'visits', element: guarded('visit.read', <VisitsHome />) },
  { path: 'visits/approvals', element: guarded('visit.approve', <ApprovalsPage />) },
  { path: 'visits/calendar', element: guarded('visit.read', <CalendarPage />) },
  { path: 'visits/reports', element: guarded('visit.approve', <ReportsPage />) },
  { path: 'visits/report', element: guarded('visit.report', <ReportPage />) },
  { path: 'visits/protected-periods', element: guarded('visit.gate', <ProtectedPeriodsPage />) },
];
