import type { Permission } from '@zhizhao/contracts';
import type { Actor } from '../auth/policy';
import type { RequestContext } from '../audit/write-audit';
import type { Locale } from '@zhizhao/contracts';

/**
 * Every route declares who may call it (deny by default, http/access.ts):
 *  'public'         anyone, no session (health, login, public verification)
 *  'authenticated'  any signed-in user (their own profile)
 *  a Permission     a signed-in user whose role holds it; object scope is checked in the use case
 */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route as `METHOD /path`, for the authorization matrix test. */
    apiRoutes: string[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user still has to change an initial password. */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    mustChangePassword: boolean;
    locale: Locale;
    ctx: RequestContext;
  }
}
