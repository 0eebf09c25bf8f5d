/**
 * The admission round's pages (issue 11: R15, R5): `/admission` for staff under the signed-in
 * layout (admission.read), and the public `/admission/cutoffs` (no sign-in). Each loads on first
 * visit, in its own chunk.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../components/Forbidden';
import { PublicLayout } from '../publicity/public/PublicLayout';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((x) => ({ default: x[name] })));

const AdmissionPage = named(() => import('./AdmissionPage'), 'AdmissionPage');
const PublicCutoffsPage = named(() => import('./public/PublicCutoffsPage'), 'PublicCutoffsPage');

const page = (node: ReactNode) => <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>{node}</Suspense>;

/** Under the signed-in staff layout. */
export const admissionRoutes: RouteObject[] = [
  { path: 'admission', element: <RequirePermission permission="admission.read">{page(<AdmissionPage />)}</RequirePermission> },
];

/** No sign-in: each programme's cutoff and seats filled. */
export const admissionPublicRoutes: RouteObject[] = [
  { element: <PublicLayout />, children: [{ path: '/admission/cutoffs', element: page(<PublicCutoffsPage />) }] },
];
