/**
 * Loads the demo district once (idempotent): organisations, campuses, this year's
 * qualifications, an account for every organisation, the campaign with the plan's
 * defaults, the demo clock, the targets (demo-targets.ts), publicity, visits, students and
 * applications, May's early transfers (demo-transfers.ts), and the admission round of the
 * previous year's campaign (2026, demo-admission.ts). Demo accounts need no
 * forced password change (demo only).
 */
import { eq } from 'drizzle-orm';
import { defaultCampaignSettings } from '@zhizhao/domain';
import type { Db } from '../db/client';
import { appSettings, campaigns, campuses, organizations, qualifications, users } from '../db/schema';
import { hashPassword } from '../auth/passwords';
import { writeAudit } from '../audit/write-audit';
import { DEMO_CLOCK_KEY } from '../clock';
import { DEMO_PASSWORD, DEMO_START_DATE, DEMO_YEAR, demoExtraAccounts, demoOrgs, roleForKind } from './demo-data';
import { seedDemoTargets } from './demo-targets';
import { seedDemoPublicity } from './demo-publicity';
import { seedDemoVisits } from './demo-visits';
import { seedDemoApplications } from './demo-applications';
import { seedDemoTransfers } from './demo-transfers';
import { seedDemoAdmission } from './demo-admission';
import { seedDemoEnrolment } from './demo-enrolment';

export const DEMO_FLAG_KEY = 'demo';

export type DemoAccount = { username: string; role: string; organization: string };

export async function isDemo(db: Db): Promise<boolean> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, DEMO_FLAG_KEY));
  return Boolean((row?.value as { seeded?: boolean } | undefined)?.seeded);
}

export async function seedDemo(db: Db): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  const accounts: DemoAccount[] = [
    ...demoOrgs.map((o) => ({ username: o.account, role: roleForKind[o.kind], organization: o.name })),
    ...demoExtraAccounts.map((a) => ({ username: a.username, role: a.role, organization: demoOrgs.find((o) => o.code === a.org)!.name })),
  ];
  if (await isDemo(db)) return { seeded: false, accounts };
  // One hash for the one shared demo password (demo only; real accounts each get their own).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const o of demoOrgs) {
      const districtId = o.district ? ids.get(o.district)! : null;
      const cityId = ids.get('C01') ?? null;
      const parentId = o.kind === 'district_bureau' ? ids.get(o.parent!)! : o.kind === 'vocational_school' && o.runBy === 'city' ? cityId : districtId;
      // Every organisation below the city knows its city (scope of city-level users).
      const orgCityId = o.kind === 'city_bureau' ? null : cityId;
      const [row] = await tx
        .insert(organizations)
        .values({ code: o.code, name: o.name, kind: o.kind, parentId, districtId, cityId: orgCityId, runBy: o.runBy ?? null, ownership: o.ownership ?? null, address: o.address ?? '', contactName: '招生办', contactPhone: '0000-0000000' })
        .returning({ id: organizations.id });
      ids.set(o.code, row!.id);
      for (const name of o.campuses ?? []) await tx.insert(campuses).values({ organizationId: row!.id, name, address: o.address ?? '' });
      if (o.kind === 'vocational_school') {
        await tx.insert(qualifications).values({ organizationId: row!.id, year: DEMO_YEAR, qualified: o.qualified ?? true, note: o.qualified === false ? '未列入本年度省级公布名单' : '省教育厅公布名单' });
      }
      await tx.insert(users).values({ username: o.account, displayName: `${o.name}管理员`, role: roleForKind[o.kind], organizationId: row!.id, passwordHash, mustChangePassword: false });
    }
    for (const a of demoExtraAccounts) {
      await tx.insert(users).values({ username: a.username, displayName: a.displayName, role: a.role, organizationId: ids.get(a.org)!, passwordHash, mustChangePassword: false });
    }
    const campaignIds = new Map<string, number>();
    for (const district of ['D01', 'D02']) {
      const org = demoOrgs.find((o) => o.code === district)!;
      const [c] = await tx
        .insert(campaigns)
        .values({ districtId: ids.get(district)!, year: DEMO_YEAR, name: `${org.name.replace('教育局', '')}${DEMO_YEAR}年中职招生活动`, settings: defaultCampaignSettings(DEMO_YEAR) })
        .returning({ id: campaigns.id });
      campaignIds.set(district, c!.id);
    }
    await tx.insert(appSettings).values({ key: DEMO_FLAG_KEY, value: { seeded: true, year: DEMO_YEAR } });
    await tx.insert(appSettings).values({ key: DEMO_CLOCK_KEY, value: { date: DEMO_START_DATE } });
    await writeAudit(tx, { actor: null, requestId: null, ip: null }, {
      action: 'seed.demo',
      objectType: 'system',
      objectId: null,
      changes: { organizations: demoOrgs.length, accounts: accounts.length, campaignYear: DEMO_YEAR, clock: DEMO_START_DATE },
      organizationId: null,
    });
    await seedDemoTargets(tx, ids, campaignIds);
    await seedDemoPublicity(tx, ids, campaignIds);
    await seedDemoVisits(tx, ids, campaignIds);
    await seedDemoApplications(tx, ids, campaignIds, passwordHash);
    await seedDemoTransfers(tx, ids, campaignIds);
    await seedDemoAdmission(tx, ids, campaignIds, passwordHash);
    await seedDemoEnrolment(tx, ids);
  });
  return { seeded: true, accounts };
}
