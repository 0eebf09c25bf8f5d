import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clockResponse, setClockBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { setDemoClock } from './set-demo-clock';

export const clockRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const present = async () => {
      const t = await deps.clock();
      return { today: t.today, now: t.now.toISOString(), demo: deps.demo, source: t.source };
    };
    app.get(
      '/api/clock',
      { schema: { tags: ['system'], summary: '业务日期 The business date', response: { 200: clockResponse } }, config: { access: 'public', duringPasswordChange: true } },
      present,
    );
    app.put(
      '/api/clock',
      { schema: { tags: ['system'], summary: '设置演示日期 Move the demo date (demo mode only)', body: setClockBody, response: { 200: clockResponse } }, config: { access: 'clock.write' } },
      async (req) => {
        await setDemoClock(deps, req.ctx, req.body.date);
        return present();
      },
    );
  };
