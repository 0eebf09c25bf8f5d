import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUserBody, idParam, okResponse, resetPasswordBody, updateUserBody, user, userListQuery, userListResponse } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { authorize } from '../../auth/policy';
import { refOf } from '../organizations/queries';
import { getUserWithOrg, listUsers, presentUser } from './queries';
import { createUser, resetPassword, unlockUser, updateUser } from './manage-user';

const tags = ['users'];

export const userRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/users', { schema: { tags, summary: '账号列表 List accounts', querystring: userListQuery, response: { 200: userListResponse } }, config: { access: 'user.read' } }, async (req) =>
      listUsers(deps.db, req.actor!, req.query),
    );
    app.get('/api/users/:id', { schema: { tags, summary: '账号 An account', params: idParam, response: { 200: user } }, config: { access: 'user.read' } }, async (req) => {
      const { user: u, org } = await getUserWithOrg(deps.db, req.params.id);
      authorize(req.actor!, 'user.read', refOf(org));
      return presentUser(u, org.name);
    });
    app.post('/api/users', { schema: { tags, summary: '新建账号 Create an account', body: createUserBody, response: { 200: user } }, config: { access: 'user.write' } }, async (req) =>
      createUser(deps, req.ctx, req.body),
    );
    app.patch('/api/users/:id', { schema: { tags, summary: '修改账号 Edit an account', params: idParam, body: updateUserBody, response: { 200: user } }, config: { access: 'user.write' } }, async (req) =>
      updateUser(deps, req.ctx, req.params.id, req.body),
    );
    app.post('/api/users/:id/reset-password', { schema: { tags, summary: '重置密码 Set a new initial password', params: idParam, body: resetPasswordBody, response: { 200: okResponse } }, config: { access: 'user.write' } }, async (req) => {
      await resetPassword(deps, req.ctx, req.params.id, req.body.initialPassword);
      return { ok: true as const };
    });
    app.post('/api/users/:id/unlock', { schema: { tags, summary: '解除锁定 Unlock an account', params: idParam, response: { 200: user } }, config: { access: 'user.write' } }, async (req) =>
      unlockUser(deps, req.ctx, req.params.id),
    );
  };
