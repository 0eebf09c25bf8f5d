/**
 * Who reviews what (R7): a district-run school's brochure is reviewed by the district bureau,
 * a city-run school's by the city bureau, and neither lands in the other's queue; the city
 * files everything; a school never sees another school's brochures; a district never sees a
 * city-run school's drafts. Demo state: V02 v2 waits for the district, V13 for the city.
 */
import { expect, it } from 'vitest';
import { describeBackends } from './harness';
import { clients, expectError, orgId } from './factories';
import { brochureId } from './publicity';

describeBackends('brochures: who sees and reviews what (R7)', (env) => {
  const as = clients(env);
  const ids = async (username: string, query = '') => ((await (await as(username)).get(`/api/brochures?pageSize=200${query}`)).json().items as Array<{ school: string; version: number; id: number }>).map((i) => i.id);

  it('puts a district-run school\'s brochure in the district\'s review queue only, and a city-run one in the city\'s only', async () => {
    const v02next = await brochureId(env(), 'V02', 2);
    const v13 = await brochureId(env(), 'V13');
    expect(await ids('district.admin', '&queue=review')).toEqual([v02next]);
    expect(await ids('district.staff', '&queue=review')).toEqual([v02next]);
    expect(await ids('city.admin', '&queue=review')).toEqual([v13]);
    // Nothing waits for filing yet; other roles have no queue.
    expect(await ids('city.admin', '&queue=filing')).toEqual([]);
    expect(await ids('district.admin', '&queue=filing')).toEqual([]);
    expect(await ids('v02.admin', '&queue=review')).toEqual([]);
    expect(await ids('city.auditor', '&queue=review')).toEqual([]);
  });

  it('never shows a district a city-run school\'s drafts, and never the city a district-run one\'s before approval', async () => {
    const district = await as('district.admin');
    const city = await as('city.admin');
    const v13 = await brochureId(env(), 'V13');
    const v16 = await brochureId(env(), 'V16');
    const v02next = await brochureId(env(), 'V02', 2);
    expectError(await district.get(`/api/brochures/${v13}`), 403, 'FORBIDDEN');
    expectError(await district.get(`/api/brochures/${v16}`), 403, 'FORBIDDEN');
    expect((await district.get(`/api/brochures/${await brochureId(env(), 'V11')}`)).json()).toMatchObject({ status: 'filed', actions: [] });
    expectError(await city.get(`/api/brochures/${v02next}`), 403, 'FORBIDDEN');
    const districtList = await ids('district.admin');
    expect(districtList).not.toContain(v13);
    expect(districtList).toContain(v02next);
    const cityList = await ids('city.admin');
    expect(cityList).not.toContain(v02next);
    expect(cityList).toContain(v13);
    expect(cityList).toContain(await brochureId(env(), 'V02', 1));
    // Acting on what one cannot see is refused the same way.
    expectError(await district.post(`/api/brochures/${v13}/approve`, {}), 403, 'FORBIDDEN');
    expectError(await city.post(`/api/brochures/${v02next}/approve`, {}), 403, 'FORBIDDEN');
  });

  it('shows a school its own versions only', async () => {
    const v01 = await as('v01.admin');
    const own = await ids('v01.admin');
    expect(own).toEqual([await brochureId(env(), 'V01', 2), await brochureId(env(), 'V01', 1)]);
    expectError(await v01.get(`/api/brochures/${await brochureId(env(), 'V02', 2)}`), 403, 'FORBIDDEN');
    expectError(await v01.get(`/api/brochures/${await brochureId(env(), 'V02', 1)}`), 403, 'FORBIDDEN');
    expect(await ids('v01.admin', `&organizationId=${await orgId(env(), 'V02')}`)).toEqual([]);
    expectError(await (await as('jh01.admin')).get('/api/brochures'), 403, 'FORBIDDEN');
  });

  it('offers each caller exactly its next steps', async () => {
    const v02next = await brochureId(env(), 'V02', 2);
    expect((await (await as('district.admin')).get(`/api/brochures/${v02next}`)).json().actions).toEqual(['return', 'approve']);
    expect((await (await as('district.staff')).get(`/api/brochures/${v02next}`)).json().actions).toEqual(['return', 'approve']);
    expect((await (await as('v02.admin')).get(`/api/brochures/${v02next}`)).json().actions).toEqual([]);
    expect((await (await as('v16.admin')).get(`/api/brochures/${await brochureId(env(), 'V16')}`)).json().actions).toEqual(['edit', 'submit']);
    expect((await (await as('v14.admin')).get(`/api/brochures/${await brochureId(env(), 'V14')}`)).json()).toMatchObject({
      status: 'returned', actions: ['edit', 'submit'], comments: [{ sectionKey: 'admission' }],
    });
    // Version 1 of V01 is superseded; version 2 is the latest, filed: only it can be revised.
    expect((await (await as('v01.admin')).get(`/api/brochures/${await brochureId(env(), 'V01', 1)}`)).json()).toMatchObject({ status: 'superseded', actions: [] });
    expect((await (await as('v01.admin')).get(`/api/brochures/${await brochureId(env(), 'V01', 2)}`)).json().actions).toEqual(['revise']);
    expect((await (await as('city.admin')).get(`/api/brochures/${await brochureId(env(), 'V11')}`)).json().actions).toEqual(['withdraw']);
    expect((await (await as('city.auditor')).get(`/api/brochures/${await brochureId(env(), 'V13')}`)).json().actions).toEqual([]);
  });

  it('shows the reviewer the changes against the previous filed version', async () => {
    const d = (await (await as('district.admin')).get(`/api/brochures/${await brochureId(env(), 'V02', 2)}`)).json();
    expect(d.diff).toEqual([{ path: 'sections.intro', kind: 'changed', before: expect.objectContaining({ key: 'intro' }), after: expect.objectContaining({ key: 'intro' }) }]);
    expect(d.missingFacts).toEqual([]);
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['revise', 'edit', 'submit']);
  });
});
