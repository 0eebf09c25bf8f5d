/** R3: joint enrollments. Everyone of a district reads its own; the bureaus write them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alliance, allianceBody, allianceListResponse, idParam, updateAllianceBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { alliances } from '../../db/schema';
import { districtScope } from '../../auth/scope-sql';
import { loadAlliances } from './queries';
import { createAlliance, updateAlliance } from './save-alliance';

const tags = ['publicity'];

export const allianceRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/alliances', { schema: { tags, summary: '联合招生（R3）Joint enrollments', response: { 200: allianceListResponse } }, config: { access: 'major.read' } }, async (req) => ({
      items: await loadAlliances(deps.db, districtScope(req.actor!, alliances.districtId)),
    }));
    app.post('/api/alliances', { schema: { tags, summary: '新建联合招生（R3）Create a joint enrollment', body: allianceBody, response: { 200: alliance } }, config: { access: 'alliance.write' } }, async (req) =>
      createAlliance(deps, req.ctx, req.body),
    );
    app.patch('/api/alliances/:id', { schema: { tags, summary: '修改联合招生（R3）Change a joint enrollment', params: idParam, body: updateAllianceBody, response: { 200: alliance } }, config: { access: 'alliance.write' } }, async (req) =>
      updateAlliance(deps, req.ctx, req.params.id, req.body),
    );
  };
