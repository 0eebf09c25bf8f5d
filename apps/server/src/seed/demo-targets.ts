/**
 * The demo's targets (R1, R2), made by the same use cases a clerk calls, inside the
 * seed's transaction, so every step is audited like the real thing:
 *   the city issues D01's targets (1100 / 2000, with a reason);
 *   D01's bureau enters the 24 junior highs' graduates (the domain fixture), D02's two;
 *   version 1: the Hamilton split, published;
 *   version 2: a new split with JH07 raised by 5 (re-balanced, with a reason), published —
 *   version 1 is then superseded, so the demo shows a history.
 */
import { demoJuniorHighs } from '@zhizhao/domain';
import type { Tx } from '../db/client';
import { actorByUsername } from '../auth/actor';
import type { RequestContext } from '../audit/write-audit';
import { setDistrictTargetsIn } from '../features/targets/district-targets';
import { saveGraduatesIn } from '../features/targets/graduates';
import { createDraftIn } from '../features/targets/create-draft';
import { adjustDraftIn } from '../features/targets/adjust-draft';
import { publishDraftIn } from '../features/targets/publish-draft';
import { DEMO_TARGETS } from './demo-data';

async function as(tx: Tx, username: string): Promise<RequestContext> {
  return { actor: await actorByUsername(tx, username), requestId: null, ip: null };
}

export async function seedDemoTargets(tx: Tx, orgIds: Map<string, number>, campaignIds: Map<string, number>): Promise<void> {
  const city = await as(tx, 'city.admin');
  const district = await as(tx, 'district.admin');
  const north = await as(tx, 'north.admin');
  const d01 = campaignIds.get('D01')!;
  const t = DEMO_TARGETS;

  await setDistrictTargetsIn(tx, city, d01, { nDistrict: t.nDistrict, nTotal: t.nTotal, reason: t.reason });
  const rows = demoJuniorHighs.map((j) => ({ organizationId: orgIds.get(j.code)!, graduates: j.graduates }));
  await saveGraduatesIn(tx, district, d01, { rows, reason: t.graduatesReason }, 'seed');
  const northRows = Object.entries(t.northGraduates).map(([code, graduates]) => ({ organizationId: orgIds.get(code)!, graduates }));
  await saveGraduatesIn(tx, north, campaignIds.get('D02')!, { rows: northRows, reason: t.graduatesReason }, 'seed');

  await createDraftIn(tx, district, d01, { method: 'hamilton', bounds: [], note: t.firstNote });
  await publishDraftIn(tx, district, d01, { note: '', acknowledgeTotalDifference: false });

  await createDraftIn(tx, district, d01, { method: 'hamilton', bounds: [], note: t.secondNote });
  const a = t.adjustment;
  await adjustDraftIn(tx, district, d01, { organizationId: orgIds.get(a.code)!, target: a.target, mode: 'rebalance', reason: a.reason });
  await publishDraftIn(tx, district, d01, { note: '', acknowledgeTotalDifference: false });
}
