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

describe('early-transfer settings (R13, R14)', () => {
  it('numbers the combined lists by the district pattern, filled in for settings stored before it existed', () => {
    expect(defaultCampaignSettings(2027).earlyTransferListPattern).toBe('示教职转备〔{year}〕{seq:3}号');
    const { earlyTransferListPattern: _, ...stored } = defaultCampaignSettings(2027);
    expect(stored).not.toHaveProperty('earlyTransferListPattern');
    expect(withSettingDefaults(stored).earlyTransferListPattern).toBe('示教职转备〔{year}〕{seq:3}号');
    expect(withSettingDefaults({ ...stored, earlyTransferListPattern: 'ZB-{year}-{seq}' }).earlyTransferListPattern).toBe('ZB-{year}-{seq}');
    expect(checkCampaignSettings(2027, stored)).toEqual([]);
  });

  it('needs a {seq} in the list pattern', () => {
    const s = defaultCampaignSettings(2027);
    expect(checkCampaignSettings(2027, { ...s, earlyTransferListPattern: '示教职转备〔{year}〕号' })).toEqual([
      { path: 'earlyTransferListPattern', zh: expect.stringContaining('{seq}'), en: expect.stringContaining('{seq}') },
    ]);
    expect(checkCampaignSettings(2027, { ...s, earlyTransferListPattern: '{seq:x}' }).map((p) => p.path)).toEqual(['earlyTransferListPattern']);
    expect(checkCampaignSettings(2027, { ...s, earlyTransferListPattern: 'ZB-{seq}' })).toEqual([]);
    expect(checkCampaignSettings(2027, { ...s, earlyTransferListPattern: 'ZB-{year}-{seq:4}' })).toEqual([]);
  });

  it('starts the early transfer inside its phase, edges included', () => {
    const s = defaultCampaignSettings(2027);
    const paths = (earlyTransferFrom: string) => checkCampaignSettings(2027, { ...s, earlyTransferFrom }).map((p) => p.path);
    expect(paths('2027-05-01')).toEqual([]);
    expect(paths('2027-06-30')).toEqual([]);
    expect(paths('2027-04-30')).toEqual(['earlyTransferFrom']);
    expect(paths('2027-07-01')).toEqual(['earlyTransferFrom']);
    expect(checkCampaignSettings(2027, { ...s, earlyTransferFrom: '2027-04-30' })[0]).toMatchObject({ zh: expect.stringContaining('提前到中职学习'), en: 'the early-transfer start must fall inside the early-transfer phase' });
    // A date outside the year is reported once, as such.
    expect(checkCampaignSettings(2027, { ...s, earlyTransferFrom: '2026-05-01' })).toEqual([{ path: 'earlyTransferFrom', zh: '日期须在 2027 年内', en: 'date must be in 2027' }]);
    // The phase moves, the start follows it.
    const moved = { ...s, earlyTransferFrom: '2027-05-10', phases: { ...s.phases, earlyTransfer: { from: '2027-05-10', to: '2027-06-15' } } };
    expect(checkCampaignSettings(2027, moved)).toEqual([]);
    expect(checkCampaignSettings(2027, { ...moved, earlyTransferFrom: '2027-05-09' }).map((p) => p.path)).toEqual(['earlyTransferFrom']);
  });
});
