import { z } from 'zod';
import { isoDate, page, pageQuery } from './common';

export const auditEvent = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorUsername: z.string().nullable(),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  changes: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

export const auditListQuery = pageQuery.extend({
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const auditListResponse = page(auditEvent);

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  count: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  break: z.object({ seq: z.number(), reason: z.string(), detail: z.string() }).nullable(),
});
