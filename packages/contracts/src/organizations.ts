import { z } from 'zod';
import { isoDate, pageQuery, page } from './common';
import { orgKinds } from './roles';

export const runBy = ['district', 'city'] as const;
export const ownership = ['public', 'private'] as const;

const text = (max: number) => z.string().trim().max(max);

export const campus = z.object({ id: z.number(), name: z.string(), address: z.string(), active: z.boolean() });
export const qualification = z.object({ year: z.number().int(), qualified: z.boolean(), note: z.string() });

export const organization = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgKinds),
  parentId: z.number().nullable(),
  districtId: z.number().nullable(),
  runBy: z.enum(runBy).nullable(),
  ownership: z.enum(ownership).nullable(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
  /** The caller runs this organisation: may change its record, campuses and accounts (a district never a city-run school's). */
  manageable: z.boolean().optional(),
});
export type Organization = z.infer<typeof organization>;

export const organizationDetail = organization.extend({
  parentName: z.string().nullable(),
  campuses: z.array(campus),
  qualifications: z.array(qualification),
});

export const orgListQuery = pageQuery.extend({
  kind: z.enum(orgKinds).optional(),
  q: z.string().trim().max(100).optional(),
  districtId: z.coerce.number().int().positive().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const orgListResponse = page(organization);

export const createOrganizationBody = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{2,32}$/, '2–32 letters, digits, _ or -'),
  name: text(100).min(2),
  kind: z.enum(orgKinds),
  parentId: z.number().int().positive().nullable().default(null),
  runBy: z.enum(runBy).nullable().default(null),
  ownership: z.enum(ownership).nullable().default(null),
  districtId: z.number().int().positive().nullable().default(null),
  address: text(200).default(''),
  contactName: text(50).default(''),
  contactPhone: text(30).default(''),
});
export type CreateOrganization = z.infer<typeof createOrganizationBody>;

export const updateOrganizationBody = z
  .object({
    name: text(100).min(2),
    address: text(200),
    contactName: text(50),
    contactPhone: text(30),
    ownership: z.enum(ownership),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const campusBody = z.object({ name: text(100).min(2), address: text(200).default('') });
export const campusParams = z.object({ id: z.coerce.number().int().positive(), campusId: z.coerce.number().int().positive() });
export const updateCampusBody = z.object({ name: text(100).min(2), address: text(200), active: z.boolean() }).partial();

export const qualificationBody = z.object({ qualified: z.boolean(), note: text(200).default('') });
export const qualificationParams = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });

/** One row error of an import: 1-based spreadsheet row, the column header, and why. */
export const importRowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;

export const importResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportResult = z.infer<typeof importResult>;

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  /** Write the good rows and report the bad ones (the default writes nothing when any row is bad). */
  skipInvalid: z.enum(['true', 'false']).default('false'),
});

export const dateOnly = isoDate;
