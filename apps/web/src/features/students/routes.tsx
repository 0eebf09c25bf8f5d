/** The applications work's staff pages (roster, live picture, duplicates, …), under the signed-in layout. */
import type { RouteObject } from 'react-router';

export const studentRoutes: RouteObject[] = [];
