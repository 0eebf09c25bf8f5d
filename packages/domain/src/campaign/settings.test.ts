import { describe, expect, it } from 'vitest';
import { checkCampaignSettings, defaultCampaignSettings, phasesOn, upcomingMilestones, withSettingDefaults } from './settings';

describe('campaign settings', () => {
  it('defaults to the plan values for the given year', () => {
    const s = defaultCampaignSettings(2027);
    expect(s.nDistrict).toBe(1100);
    expect(s.nTotal).toBe(2000);
    expect(s.visitWindowDistrictRun).toEqual({ from: '2027-04-20', to: '2027-04-26' });
    expect(s.visitWindowCityRun).toEqual({ from: '2027-04-27', to: '2027-04-30' });
    expect(s.maxVisitMinutes).toBe(120);
    expect(s.vocationalRatio).toBe(0.45);
    expect(s.earlyTransferFrom).toBe('2027-05-01');
    expect(checkCampaignSettings(2027, s)).toEqual([]);
  });

  it('reports inverted ranges, dates outside the year and N_district > N_total', () => {
    const s = defaultCampaignSettings(2027);
    s.visitWindowCityRun = { from: '2027-04-30', to: '2027-04-27' };
    s.earlyTransferFrom = '2026-05-01';
    s.nDistrict = 2500;
    const paths = checkCampaignSettings(2027, s).map((p) => p.path);
    expect(paths).toEqual(['nDistrict', 'visitWindowCityRun', 'earlyTransferFrom']);
  });

  it('knows which phases a day is in, edges included', () => {
    const s = defaultCampaignSettings(2027);
    expect(phasesOn('2027-04-20', s)).toEqual(['publicity', 'visits', 'application']);
    expect(phasesOn('2027-02-28', s)).toEqual([]);
    expect(phasesOn('2027-10-10', s)).toEqual(['statistics']);
    expect(phasesOn('2027-10-11', s)).toEqual([]);
  });

  it('lists the next milestones in date order', () => {
    const s = defaultCampaignSettings(2027);
    const next = upcomingMilestones('2027-04-21', s, 3);
    expect(next[0]).toEqual({ date: '2027-04-30', phase: 'publicity', kind: 'end' });
    expect(next.map((m) => m.date)).toEqual(['2027-04-30', '2027-04-30', '2027-05-01']);
  });

  it('reads the filing number pattern with its default, and needs a {seq} in it (R7)', () => {
    const { filingNumberPattern: _, ...stored } = defaultCampaignSettings(2027);
    expect(withSettingDefaults(stored).filingNumberPattern).toBe('示教职招备〔{year}〕{seq:3}号');
    expect(checkCampaignSettings(2027, { ...stored, filingNumberPattern: '备〔{year}〕号' }).map((p) => p.path)).toEqual(['filingNumberPattern']);
  });
});
