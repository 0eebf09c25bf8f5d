import { Select } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { Campaign } from '../../../lib/types';

const m = defineMessages({ label: ['{district} · {year} 年度', '{district} · {year}'], placeholder: ['招生活动', 'Campaign'] });

export function CampaignSelect({ campaigns, value, onChange }: { campaigns: readonly Campaign[]; value: number | null; onChange: (id: number) => void }) {
  const { t } = useI18n(m);
  if (campaigns.length < 2) return null;
  return (
    <Select
      value={value ?? undefined}
      onChange={onChange}
      placeholder={t('placeholder')}
      style={{ minWidth: 200 }}
      data-testid="campaign-select"
      options={campaigns.map((c) => ({ value: c.id, label: t('label', { district: c.districtName, year: c.year }) }))}
    />
  );
}
