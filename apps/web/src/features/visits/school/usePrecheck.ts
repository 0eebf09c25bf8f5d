/**
 * The request checked in the browser with the same pure rules the server applies
 * (`checkVisit`: R4, R7, R9, R10, overlaps), from what the school can see: its record, its
 * filed brochures, the campaign, and — where the server shares them — the junior high's
 * protected periods and approved visits. The server's answer decides.
 */
import { useMemo } from 'react';
import { checkVisit, type ProtectedPeriod, type VisitContext } from '@zhizhao/domain';
import type { Campaign, OrganizationDetail } from '../../../lib/types';
import { useAllVisits, useProtectedPeriods } from '../api';
import type { Refusal } from '../types';

type Slot = { date?: string; start?: string; end?: string };

export function usePrecheck(opts: { slot: Slot; juniorHighId?: number; campaign: Campaign | null | undefined; school: OrganizationDetail | undefined; filedBrochures: number | undefined }): Refusal[] {
  const { slot, juniorHighId, campaign, school, filedBrochures } = opts;
  const periods = useProtectedPeriods(juniorHighId);
  const approved = useAllVisits({ campaignId: campaign?.id, juniorHighId, status: 'approved' }, !!campaign && !!juniorHighId);
  return useMemo(() => {
    if (!campaign || !school || !slot.date || !slot.start || !slot.end) return [];
    const s = campaign.settings;
    const qualification = school.qualifications.find((q) => q.year === campaign.year);
    const ctx: VisitContext = {
      runBy: school.runBy ?? 'district',
      // Unknown is not a refusal here: the server knows.
      qualified: qualification ? qualification.qualified : true,
      hasFiledBrochure: filedBrochures === undefined ? true : filedBrochures > 0,
      windows: { districtRun: s.visitWindowDistrictRun, cityRun: s.visitWindowCityRun },
      maxVisitMinutes: s.maxVisitMinutes,
      protectedPeriods: (periods.data?.periods ?? []).map((p): ProtectedPeriod => ({ weekday: p.weekday ?? undefined, date: p.date ?? undefined, start: p.start, end: p.end, label: p.label })),
      approvedAtJuniorHigh: (approved.data ?? []).filter((v) => v.juniorHighId === juniorHighId).map((v) => ({ id: v.id, school: v.schoolName, date: v.date, start: v.start, end: v.end })),
    };
    return checkVisit({ date: slot.date, start: slot.start, end: slot.end }, ctx);
  }, [slot.date, slot.start, slot.end, juniorHighId, campaign, school, filedBrochures, periods.data, approved.data]);
}
