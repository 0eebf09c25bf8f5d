/** Helpers of the publicity tests (majors, brochures, verification): ids by school code and version. */
import { and, eq } from 'drizzle-orm';
import { brochures, campaigns, organizations } from '../src/db/schema';
import type { TestEnv } from './harness';

/** The id of a school's brochure version in the demo campaign (D01, 2027). */
export async function brochureId(env: TestEnv, code: string, version = 1): Promise<number> {
  const [row] = await env.database.db
    .select({ id: brochures.id })
    .from(brochures)
    .innerJoin(organizations, eq(organizations.id, brochures.organizationId))
    .where(and(eq(organizations.code, code), eq(brochures.version, version)));
  if (!row) throw new Error(`no brochure of ${code} version ${version}`);
  return row.id;
}

export async function brochureRow(env: TestEnv, id: number) {
  const [row] = await env.database.db.select().from(brochures).where(eq(brochures.id, id));
  return row!;
}

/** The demo district's 2027 campaign. */
export async function demoCampaignId(env: TestEnv): Promise<number> {
  const [row] = await env.database.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.districtId))
    .where(and(eq(organizations.code, 'D01'), eq(campaigns.year, 2027)));
  return row!.id;
}
