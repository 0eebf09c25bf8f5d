/**
 * The publicity routes (R3, R4, R6, R7). The public ones render in their own layout with
 * no session check; the others sit under the signed-in layout. Every page loads on first
 * visit, in its own chunk.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { RouteObject } from 'react-router';
import type { Permission } from '@zhizhao/contracts/roles';
import { RequirePermission } from '../../components/Forbidden';
import { PublicLayout } from './public/PublicLayout';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((x) => ({ default: x[name] })));

const PublicBrochuresPage = named(() => import('./public/PublicBrochuresPage'), 'PublicBrochuresPage');
const PublicBrochurePage = named(() => import('./public/PublicBrochurePage'), 'PublicBrochurePage');
const VerifyPage = named(() => import('./public/VerifyPage'), 'VerifyPage');
const MajorsPage = named(() => import('./majors/MajorsPage'), 'MajorsPage');
const BrochuresPage = named(() => import('./brochures/BrochuresPage'), 'BrochuresPage');
const BrochureDetailPage = named(() => import('./brochures/BrochureDetailPage'), 'BrochureDetailPage');
const BrochureQueuePage = lazy(() => import('./brochures/BrochureQueuePage').then((x) => ({ default: x.BrochureQueuePage })));
const QualificationsPage = named(() => import('./qualifications/QualificationsPage'), 'QualificationsPage');
const AlliancesPage = named(() => import('./alliances/AlliancesPage'), 'AlliancesPage');

const page = (node: ReactNode) => <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>{node}</Suspense>;
const guarded = (permission: Permission, node: ReactNode) => <RequirePermission permission={permission}>{page(node)}</RequirePermission>;

/** No sign-in: filed brochures and verification (a parent on a phone). */
export const publicRoutes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/public/brochures', element: page(<PublicBrochuresPage />) },
      { path: '/public/brochures/:id', element: page(<PublicBrochurePage />) },
      { path: '/verify', element: page(<VerifyPage />) },
      { path: '/verify/:code', element: page(<VerifyPage />) },
    ],
  },
];

/** Under the signed-in layout. */
export const publicityRoutes: RouteObject[] = [
  { path: 'majors', element: guarded('major.read', <MajorsPage />) },
  { path: 'brochures', element: guarded('brochure.read', <BrochuresPage />) },
  { path: 'brochures/review', element: guarded('brochure.review', <BrochureQueuePage queue="review" />) },
  { path: 'brochures/filing', element: guarded('brochure.file', <BrochureQueuePage queue="filing" />) },
  { path: 'brochures/:id', element: guarded('brochure.read', <BrochureDetailPage />) },
  { path: 'qualifications', element: guarded('qualification.write', <QualificationsPage />) },
  { path: 'alliances', element: guarded('alliance.write', <AlliancesPage />) },
];
