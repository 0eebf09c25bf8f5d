import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { changePasswordBody, guardianLoginBody, loginBody, meResponse, okResponse, rolePermissions, type Me, type OrgKind } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { organizations, users } from '../../db/schema';
import { deleteSession } from '../../auth/sessions';
import { writeAudit } from '../../audit/write-audit';
import { login } from './login';
import { changePassword } from './change-password';
import { AppError } from '../../errors';

async function buildMe(deps: AppDeps, userId: number): Promise<Me> {
  const [row] = await deps.db
    .select({ user: users, org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError('AUTH_REQUIRED');
  const role = row.user.role as Me['role'];
  const kind = row.org.kind as OrgKind;
  return {
    user: { id: row.user.id, username: row.user.username, displayName: row.user.displayName, mustChangePassword: row.user.mustChangePassword },
    role,
    organization: { id: row.org.id, code: row.org.code, name: row.org.name, kind, districtId: kind === 'district_bureau' ? row.org.id : row.org.districtId },
    permissions: [...rolePermissions[role]],
    demo: deps.demo,
  };
}

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.config.cookieSecure,
      maxAge: deps.limits.absoluteHours * 3600,
    };

    app.post(
      '/api/auth/login',
      { schema: { tags: ['auth'], summary: '登录 Sign in', body: loginBody, response: { 200: meResponse } }, config: { access: 'public' } },
      async (req, reply) => {
        const { token, userId } = await login(deps, {
          username: req.body.username,
          password: req.body.password,
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          ctx: req.ctx,
        });
        reply.setCookie(deps.config.sessionCookie, token, cookieOptions);
        return buildMe(deps, userId);
      },
    );

    // 家长确认: the guardian's account is `g.<exam number>`, its password the code on the slip; the same lockout as any sign-in.
    app.post(
      '/api/auth/guardian-login',
      { schema: { tags: ['auth'], summary: '家长登录（中考报名号 + 家长确认码）Guardian sign-in', body: guardianLoginBody, response: { 200: meResponse } }, config: { access: 'public' } },
      async (req, reply) => {
        const { token, userId } = await login(deps, {
          username: `g.${req.body.examNo.trim().toLowerCase()}`,
          password: req.body.code.trim(),
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          ctx: req.ctx,
        });
        reply.setCookie(deps.config.sessionCookie, token, cookieOptions);
        return buildMe(deps, userId);
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: okResponse } }, config: { access: 'public' } },
      async (req, reply) => {
        if (req.sessionId && req.actor) {
          const sessionId = req.sessionId;
          await deps.db.transaction(async (tx) => {
            await deleteSession(tx, sessionId);
            await writeAudit(tx, req.ctx, { action: 'auth.logout', objectType: 'user', objectId: req.actor!.userId, changes: {} });
          });
        }
        reply.clearCookie(deps.config.sessionCookie, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: '当前用户 The signed-in user', response: { 200: meResponse } }, config: { access: 'authenticated', duringPasswordChange: true } },
      async (req) => buildMe(deps, req.actor!.userId),
    );

    app.post(
      '/api/auth/change-password',
      { schema: { tags: ['auth'], summary: '修改密码 Change own password', body: changePasswordBody, response: { 200: okResponse } }, config: { access: 'authenticated', duringPasswordChange: true } },
      async (req) => {
        await changePassword(deps, req.ctx, req.sessionId!, req.body);
        return { ok: true as const };
      },
    );
  };

