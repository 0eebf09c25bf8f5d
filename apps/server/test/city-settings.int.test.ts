/**
 * The city's settings are the city's (issue 14 §7): besides N_district and N_total (R1), the
 * vocational share every district is measured against (R12) and the numbers of the city's
 * brochure filings (R7). A district changes its own calendar and its own list numbers, never
 * these; the refusal names the fields and rules, and nothing is written.
 */
import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { campaigns } from '../src/db/schema';
import { describeBackends } from './harness';
import { clients, expectError, orgId } from './factories';

describeBackends('a district never changes the city\'s settings of its campaign (R1, R7, R12)', (env) => {
  const as = clients(env);
  const campaign = async () => {
    const [c] = await env().database.db.select().from(campaigns).where(and(eq(campaigns.districtId, await orgId(env(), 'D01')), eq(campaigns.year, 2027)));
    return c!;
  };

  it('refuses the ratio and the filing pattern to the district, lets the city set them, and leaves the district its own settings', async () => {
    const c = await campaign();
    const district = await as('district.admin');
    const ratio = expectError(await district.patch(`/api/campaigns/${c.id}`, { settings: { vocationalRatio: 0.05 }, reason: '想降低比例' }), 403, 'CAMPAIGN_SETTING_SET_BY_CITY');
    expect(ratio).toMatchObject({ fields: ['vocationalRatio'], rules: ['R12'] });
    const pattern = expectError(await district.patch(`/api/campaigns/${c.id}`, { settings: { filingNumberPattern: '区备〔{year}〕{seq}号' }, reason: '改备案号' }), 403, 'CAMPAIGN_SETTING_SET_BY_CITY');
    expect(pattern).toMatchObject({ fields: ['filingNumberPattern'], rules: ['R7'] });
    expect((await campaign()).settings).toEqual(c.settings);
    // Its own settings: the calendar, its early-transfer list numbers.
    expect((await district.patch(`/api/campaigns/${c.id}`, { settings: { earlyTransferListPattern: '示区转备〔{year}〕{seq:3}号' }, reason: '区里的编号' })).statusCode).toBe(200);
    // The city sets its own.
    expect((await (await as('city.admin')).patch(`/api/campaigns/${c.id}`, { settings: { vocationalRatio: 0.5 }, reason: '市里调整比例' })).statusCode).toBe(200);
    expect(((await campaign()).settings as { vocationalRatio: number }).vocationalRatio).toBe(0.5);
    // Creating a campaign with a ratio of its own is refused too.
    const d02 = await orgId(env(), 'D02');
    expectError(await (await as('north.admin')).post('/api/campaigns', { districtId: d02, year: 2029, settings: { vocationalRatio: 0.1 } }), 403, 'CAMPAIGN_SETTING_SET_BY_CITY');
    expect((await (await as('north.admin')).post('/api/campaigns', { districtId: d02, year: 2029 })).statusCode).toBe(200);
  });
});
