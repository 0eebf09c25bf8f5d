/** Helpers of the visit tests: the demo's visits by school and junior high, a request body, the PDF's text. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { campaigns, organizations, visits } from '../src/db/schema';
import { currentFiledBrochure } from '../src/features/visits/check-slot';
import type { TestEnv } from './harness';
import { orgId } from './factories';
import { demoCampaignId } from './publicity';

/** The demo visit of a school to a junior high (seed/demo-visits.ts). */
export async function demoVisit(env: TestEnv, school: string, jh: string) {
  const [row] = await env.database.db
    .select({ v: visits })
    .from(visits)
    .where(and(eq(visits.schoolId, await orgId(env, school)), eq(visits.juniorHighId, await orgId(env, jh))));
  if (!row) throw new Error(`no demo visit ${school} → ${jh}`);
  return row.v;
}

export async function visitRow(env: TestEnv, id: number) {
  return (await env.database.db.select().from(visits).where(eq(visits.id, id)))[0]!;
}

/** A request body of `school` to `jh` in the demo campaign (D01's unless given), with the school's current filed brochure. */
export async function requestBody(env: TestEnv, school: string, jh: string, slot: { date: string; start: string; end: string }, campaignId?: number) {
  const schoolId = await orgId(env, school);
  const brochure = await currentFiledBrochure(env.database.db, schoolId, 2027);
  return {
    campaignId: campaignId ?? (await demoCampaignId(env)), juniorHighId: await orgId(env, jh), ...slot,
    staff: [{ name: '测试老师', phone: '138-1111-2222' }, { name: '第二位老师', phone: '138-1111-3333' }], brochureId: brochure?.id ?? 1,
  };
}

export async function campaignOf(env: TestEnv, district: string): Promise<number> {
  const [row] = await env.database.db.select({ id: campaigns.id }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(eq(organizations.code, district));
  return row!.id;
}

export const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;

/** The text layer of a PDF (poppler's pdftotext). */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zz-permit-'));
  try {
    const file = path.join(dir, 'p.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
