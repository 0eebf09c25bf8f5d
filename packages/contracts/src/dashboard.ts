import { z } from 'zod';
import { isoDate } from './common';
import { orgKinds } from './roles';
import { phaseKeys } from '@zhizhao/domain';

export const clockResponse = z.object({ today: isoDate, now: z.string(), demo: z.boolean(), source: z.enum(['real', 'env', 'demo']) });
export const setClockBody = z.object({ date: isoDate.nullable() });

export const dashboardResponse = z.object({
  today: isoDate,
  organization: z.object({ id: z.number(), name: z.string(), kind: z.enum(orgKinds) }),
  organizationsByKind: z.array(z.object({ kind: z.enum(orgKinds), active: z.number(), inactive: z.number() })),
  users: z.object({ active: z.number(), locked: z.number(), mustChangePassword: z.number() }),
  qualifiedSchools: z.object({ year: z.number(), qualified: z.number(), total: z.number() }),
  campaign: z
    .object({
      id: z.number(),
      year: z.number(),
      name: z.string(),
      nDistrict: z.number(),
      nTotal: z.number(),
      phasesToday: z.array(z.enum(phaseKeys)),
      milestones: z.array(z.object({ date: isoDate, phase: z.enum(phaseKeys), kind: z.enum(['start', 'end']) })),
    })
    .nullable(),
  audit: z.object({ last24h: z.number(), recent: z.array(z.object({ at: z.string(), actorUsername: z.string().nullable(), action: z.string(), objectType: z.string() })) }).nullable(),
});
export type Dashboard = z.infer<typeof dashboardResponse>;

export const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
