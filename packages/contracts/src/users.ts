import { z } from 'zod';
import { page, pageQuery } from './common';
import { roles, staffRoles } from './roles';

export const user = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  organizationId: z.number(),
  organizationName: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** The caller may change this account (its organisation is one the caller runs). */
  manageable: z.boolean().optional(),
});
export type User = z.infer<typeof user>;

export const userListQuery = pageQuery.extend({
  organizationId: z.coerce.number().int().positive().optional(),
  role: z.enum(roles).optional(),
  q: z.string().trim().max(64).optional(),
});
export const userListResponse = page(user);

export const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '3–32 lower-case letters, digits, dot, _ or -');

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(50),
  /** Family accounts (student, guardian) come with the roster, never from here. */
  role: z.enum(staffRoles),
  organizationId: z.number().int().positive(),
  /** The initial password; the user must change it at first sign-in. */
  initialPassword: z.string().min(1).max(256),
});

export const updateUserBody = z
  .object({ displayName: z.string().trim().min(1).max(50), role: z.enum(staffRoles), active: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const resetPasswordBody = z.object({ initialPassword: z.string().min(1).max(256) });
