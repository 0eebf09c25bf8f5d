/** `/visits`: a school's visits and requests, or a junior high's gate; bureaus go to the calendar. */
import { Navigate } from 'react-router';
import { useSession } from '../../lib/session';
import { JuniorHighVisitsPage } from './juniorhigh/JuniorHighVisitsPage';
import { SchoolVisitsPage } from './school/SchoolVisitsPage';

export function VisitsHome() {
  const me = useSession();
  if (me.organization.kind === 'vocational_school') return <SchoolVisitsPage />;
  if (me.organization.kind === 'junior_high') return <JuniorHighVisitsPage />;
  return <Navigate to="/visits/calendar" replace />;
}
