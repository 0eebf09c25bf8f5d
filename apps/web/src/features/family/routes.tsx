/** Family pages (students, guardians) and the public pages of the applications work. */
import type { RouteObject } from 'react-router';

/** Signed-in family pages, under RequireAuth but outside the staff layout. */
export const familyRoutes: RouteObject[] = [];
/** Public pages (no sign-in). */
export const familyPublicRoutes: RouteObject[] = [];
