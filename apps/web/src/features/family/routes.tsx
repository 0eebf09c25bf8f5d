/** Family pages (students, guardians) and the public pages of the applications work. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import type { RouteObject } from 'react-router';
import { PublicLayout } from '../publicity/public/PublicLayout';
import { FamilyLayout } from './FamilyLayout';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((x) => ({ default: x[name] })));

const MePage = named(() => import('./me/MePage'), 'MePage');
const SocialRegisterPage = named(() => import('./social/SocialRegisterPage'), 'SocialRegisterPage');
const EarlyTransferPage = named(() => import('./transfer/EarlyTransferPage'), 'EarlyTransferPage');
const AdmissionResultPage = named(() => import('./admission/AdmissionResultPage'), 'AdmissionResultPage');

const page = (node: ReactNode) => <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>{node}</Suspense>;

/** Signed-in family pages, under RequireAuth but outside the staff layout. */
export const familyRoutes: RouteObject[] = [
  {
    element: <FamilyLayout />,
    children: [
      { path: '/me', element: page(<MePage />) },
      // Early transfer (issue 10: R13, R14).
      { path: '/me/early-transfer', element: page(<EarlyTransferPage />) },
      // The admission result (issue 11: R15).
      { path: '/me/admission', element: page(<AdmissionResultPage />) },
    ],
  },
];
/** Public pages (no sign-in). */
export const familyPublicRoutes: RouteObject[] = [
  { element: <PublicLayout />, children: [{ path: '/social-register', element: page(<SocialRegisterPage />) }] },
];
