import { z } from 'zod';
import { orgKinds, permissions, roles } from './roles';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const meResponse = z.object({
  user: z.object({ id: z.number(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean() }),
  role: z.enum(roles),
  organization: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(orgKinds), districtId: z.number().nullable() }),
  permissions: z.array(z.enum(permissions)),
  demo: z.boolean(),
});
export type Me = z.infer<typeof meResponse>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
