/**
 * The campaign the visit pages work in (the caller's district's campaign of this year by
 * default) and what the visit rules take from it: the windows (R9), the limit (R10), today.
 */
import { useState } from 'react';
import { useClock } from '../../../lib/clock';
import { useSession } from '../../../lib/session';
import { useDefaultCampaign } from '../../publicity/shared/campaign';

export function useVisitCampaign() {
  const me = useSession();
  const def = useDefaultCampaign(me.organization.districtId);
  const clock = useClock();
  const [picked, setPicked] = useState<number | null>(null);
  const campaign = def.campaigns.find((c) => c.id === picked) ?? def.campaign;
  const s = campaign?.settings;
  return {
    ...def,
    campaign,
    pick: setPicked,
    today: clock.data?.today,
    now: clock.data?.now,
    maxMinutes: s?.maxVisitMinutes ?? 120,
    windows: s ? { districtRun: s.visitWindowDistrictRun, cityRun: s.visitWindowCityRun } : null,
    /** The days the calendar shows: the visits phase (both windows). */
    span: s ? { from: s.phases.visits.from < s.visitWindowDistrictRun.from ? s.phases.visits.from : s.visitWindowDistrictRun.from, to: s.phases.visits.to > s.visitWindowCityRun.to ? s.phases.visits.to : s.visitWindowCityRun.to } : null,
  };
}
