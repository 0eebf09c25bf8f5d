/**
 * The applications work's staff pages (roster, live picture, duplicates, pressure reports,
 * guidance, open days, social applicants, applicants, outbox), under the signed-in layout;
 * each page loads on first visit, in its own chunk.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { RouteObject } from 'react-router';
import type { Permission } from '@zhizhao/contracts/roles';
import { RequirePermission } from '../../components/Forbidden';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((x) => ({ default: x[name] })));

const RosterPage = named(() => import('./roster/RosterPage'), 'RosterPage');
const OverviewPage = named(() => import('./overview/OverviewPage'), 'OverviewPage');
const CityOverviewPage = named(() => import('./overview/CityOverviewPage'), 'CityOverviewPage');
const ConflictsPage = named(() => import('./pages/ConflictsPage'), 'ConflictsPage');
const PressurePage = named(() => import('./pages/PressurePage'), 'PressurePage');
const GuidancePage = named(() => import('./pages/GuidancePage'), 'GuidancePage');
const OpenDaysPage = named(() => import('./pages/OpenDaysPage'), 'OpenDaysPage');
const SocialPage = named(() => import('./pages/SocialPage'), 'SocialPage');
const ApplicantsPage = named(() => import('./pages/ApplicantsPage'), 'ApplicantsPage');
const NotificationsPage = named(() => import('./pages/NotificationsPage'), 'NotificationsPage');

const page = (node: ReactNode) => <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>{node}</Suspense>;
const guarded = (permission: Permission, node: ReactNode) => <RequirePermission permission={permission}>{page(node)}</RequirePermission>;

export const studentRoutes: RouteObject[] = [
  { path: 'students', element: guarded('student.read', <RosterPage />) },
  { path: 'applications', element: guarded('application.summary', <OverviewPage />) },
  { path: 'applications/city', element: guarded('application.summary', <CityOverviewPage />) },
  { path: 'applications/conflicts', element: guarded('application.summary', <ConflictsPage />) },
  { path: 'applications/pressure', element: guarded('pressure.read', <PressurePage />) },
  { path: 'guidance', element: guarded('application.summary', <GuidancePage />) },
  { path: 'open-days', element: guarded('openday.write', <OpenDaysPage />) },
  { path: 'social', element: guarded('social.confirm', <SocialPage />) },
  { path: 'applicants', element: guarded('application.read', <ApplicantsPage />) },
  { path: 'notifications', element: guarded('notification.read', <NotificationsPage />) },
];
