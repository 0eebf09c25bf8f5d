import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { UsersPage } from '../features/users/UsersPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { NotFound, RequirePermission } from '../components/Forbidden';
import { RequireAuth } from './RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { publicityRoutes, publicRoutes } from '../features/publicity/routes';
import { visitRoutes } from '../features/visits/routes';
import { studentRoutes } from '../features/students/routes';
import { familyPublicRoutes, familyRoutes } from '../features/family/routes';
import { transferRoutes } from '../features/transfers/routes';
import { admissionPublicRoutes, admissionRoutes } from '../features/admission/routes';
import { enrolmentRoutes } from '../features/enrolment/routes';

// The targets pages (and their split preview) load on first visit, in their own chunk.
const TargetsPage = lazy(() => import('../features/targets/TargetsPage').then((x) => ({ default: x.TargetsPage })));
const CityTargetsPage = lazy(() => import('../features/targets/CityTargetsPage').then((x) => ({ default: x.CityTargetsPage })));
const page = (node: ReactNode) => <Suspense fallback={<Skeleton active />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  // No sign-in and no session check: filed brochures and verification (R7).
  ...publicRoutes,
  ...familyPublicRoutes,
  ...admissionPublicRoutes,
  {
    element: <RequireAuth />,
    children: [
      // Students and guardians: their own phone-first pages, outside the staff layout.
      ...familyRoutes,
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <RequirePermission permission="dashboard.read"><DashboardPage /></RequirePermission> },
          { path: 'organizations', element: <RequirePermission permission="org.read"><OrganizationsPage /></RequirePermission> },
          { path: 'users', element: <RequirePermission permission="user.read"><UsersPage /></RequirePermission> },
          { path: 'targets', element: <RequirePermission permission="targets.read">{page(<TargetsPage />)}</RequirePermission> },
          { path: 'targets/city', element: <RequirePermission permission="targets.read">{page(<CityTargetsPage />)}</RequirePermission> },
          { path: 'campaigns', element: <RequirePermission permission="campaign.read"><CampaignsPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
          ...publicityRoutes,
          ...visitRoutes,
          ...studentRoutes,
          ...transferRoutes,
          ...admissionRoutes,
          ...enrolmentRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
