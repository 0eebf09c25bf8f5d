/**
 * The signed-in user, provided by the auth guard to everything under the layout.
 * Permissions come from the server (`me.permissions`); the UI only hides what a
 * role cannot do, the server decides.
 */
import { createContext, useContext } from 'react';
import type { Permission } from '@zhizhao/contracts/roles';
import type { Me } from './types';

export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside a signed-in page');
  return me;
}

export function useCan(): (p: Permission) => boolean {
  const me = useSession();
  return (p) => me.permissions.includes(p);
}

export const meKey = ['auth', 'me'] as const;
