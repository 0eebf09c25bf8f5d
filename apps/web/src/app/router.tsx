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

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <RequirePermission permission="dashboard.read"><DashboardPage /></RequirePermission> },
          { path: 'organizations', element: <RequirePermission permission="org.read"><OrganizationsPage /></RequirePermission> },
          { path: 'users', element: <RequirePermission permission="user.read"><UsersPage /></RequirePermission> },
          { path: 'campaigns', element: <RequirePermission permission="campaign.read"><CampaignsPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
