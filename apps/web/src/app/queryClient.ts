import { QueryClient } from '@tanstack/react-query';
import { ApiError, onAuthProblem } from '../lib/api';
import { meKey } from '../lib/session';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network trouble and 5xx might.
      retry: (count, e) => count < 2 && !(e instanceof ApiError && e.status >= 400 && e.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

/** A request anywhere found the session gone or an initial password: let the auth guard route. */
onAuthProblem((p) => {
  if (p === 'unauthenticated') {
    queryClient.cancelQueries();
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    queryClient.setQueryData(meKey, null);
  } else {
    queryClient.invalidateQueries({ queryKey: meKey });
  }
});
