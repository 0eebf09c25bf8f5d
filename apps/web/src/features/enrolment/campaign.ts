/**
 * Which campaign the after-admission pages work in: by default the latest campaign whose
 * registration phase has begun on the business clock (in April 2027 that is 2026's, whose
 * students registered last September), else the current one; the caller may pick another.
 */
import { useState } from 'react';
import { useClock } from '../../lib/clock';
import { useSession } from '../../lib/session';
import type { Campaign } from '../../lib/types';
import { useDefaultCampaign } from '../publicity/shared/campaign';

export function useEnrolmentCampaign() {
  const me = useSession();
  const def = useDefaultCampaign(me.organization.districtId);
  const clock = useClock();
  const [picked, setPicked] = useState<number | null>(null);
  const today = clock.data?.today;
  const own = def.campaigns.filter((c) => me.organization.districtId === null || c.districtId === me.organization.districtId);
  const begun: Campaign | undefined = today
    ? [...own].filter((c) => c.settings.phases.registration.from <= today).sort((a, b) => b.year - a.year)[0]
    : undefined;
  const campaign = def.campaigns.find((c) => c.id === picked) ?? begun ?? def.campaign;
  return { ...def, campaign, today, pick: setPicked };
}
