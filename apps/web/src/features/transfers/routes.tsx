/**
 * The early-transfer staff pages (issue 10: R13, R14) under the signed-in layout: the tabbed
 * page, one form, one combined list. Each loads on first visit, in its own chunk.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/Forbidden';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((x) => ({ default: x[name] })));

const EarlyTransfersPage = named(() => import('./EarlyTransfersPage'), 'EarlyTransfersPage');
const TransferDetailPage = named(() => import('./detail/TransferDetailPage'), 'TransferDetailPage');
const ListDetailPage = named(() => import('./detail/ListDetailPage'), 'ListDetailPage');

const guarded = (node: ReactNode) => (
  <RequirePermission permission="transfer.read">
    <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>{node}</Suspense>
  </RequirePermission>
);

export const transferRoutes: RouteObject[] = [
  { path: 'early-transfers', element: guarded(<EarlyTransfersPage />) },
  { path: 'early-transfers/:id', element: guarded(<TransferDetailPage />) },
  { path: 'early-transfer-lists/:id', element: guarded(<ListDetailPage />) },
];
