import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultCampaignSettings } from '@zhizhao/domain';
import { campaign, campaignListQuery, campaignListResponse, campaignSettings, createCampaignBody, idParam, updateCampaignBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns';

const tags = ['campaigns'];

export const campaignRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/campaigns', { schema: { tags, summary: '招生活动列表 List campaigns', querystring: campaignListQuery, response: { 200: campaignListResponse } }, config: { access: 'campaign.read' } }, async (req) =>
      listCampaigns(deps.db, req.actor!, req.query),
    );
    app.get(
      '/api/campaigns/defaults',
      { schema: { tags, summary: '方案默认设置 The plan\'s default settings for a year', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: campaignSettings } }, config: { access: 'campaign.read' } },
      async (req) => defaultCampaignSettings(req.query.year),
    );
    app.get('/api/campaigns/:id', { schema: { tags, summary: '招生活动 A campaign', params: idParam, response: { 200: campaign } }, config: { access: 'campaign.read' } }, async (req) =>
      getCampaign(deps.db, req.actor!, req.params.id),
    );
    app.post('/api/campaigns', { schema: { tags, summary: '新建招生活动 Create a campaign', body: createCampaignBody, response: { 200: campaign } }, config: { access: 'campaign.write' } }, async (req) =>
      createCampaign(deps, req.ctx, req.body),
    );
    app.patch('/api/campaigns/:id', { schema: { tags, summary: '修改招生活动设置 Change settings (with a reason)', params: idParam, body: updateCampaignBody, response: { 200: campaign } }, config: { access: 'campaign.write' } }, async (req) =>
      updateCampaign(deps, req.ctx, req.params.id, req.body),
    );
  };
