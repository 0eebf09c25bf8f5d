/** The city bureau's districts side by side (R1, R12): registrations against N_district and N_total, the vocational share against the ratio. */
import { Progress, Table } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCityFunnel } from '../api';
import type { CityDistrict } from '../types';

const m = defineMessages({
  district: ['区', 'District'],
  year: ['年度', 'Year'],
  nDistrict: ['区属学校报到 / N_district', 'District-run registered / N_district'],
  nTotal: ['全部报到 / N_total', 'All registered / N_total'],
  share: ['职普比（实际报到）', 'Vocational share'],
  target: ['目标', 'Target'],
});

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const bar = (a: number, b: number) => (
  <div style={{ minWidth: 140 }}>
    {a} / {b}
    <Progress percent={b > 0 ? Math.min(100, Math.round((a / b) * 100)) : 0} size="small" status={a >= b ? 'success' : 'normal'} />
  </div>
);

export function CityTab({ year }: { year: number }) {
  const { t } = useI18n(m);
  const q = useCityFunnel(year);
  return (
    <>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Table<CityDistrict>
        size="small"
        rowKey="campaignId"
        loading={q.isFetching}
        dataSource={q.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="st-city"
        onRow={(r) => ({ 'data-testid': 'st-city-row', 'data-district-id': r.districtId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('district'), dataIndex: 'districtName', fixed: 'left' as const },
          { title: t('year'), dataIndex: 'year' },
          { title: t('nDistrict'), key: 'nd', render: (_: unknown, r: CityDistrict) => bar(r.registeredDistrictRun, r.nDistrict) },
          { title: t('nTotal'), key: 'nt', render: (_: unknown, r: CityDistrict) => bar(r.registeredTotal, r.nTotal) },
          { title: t('share'), key: 's', align: 'right' as const, render: (_: unknown, r: CityDistrict) => pct(r.vocationalShare) },
          { title: t('target'), dataIndex: 'ratioTarget', align: 'right' as const, render: (v: number) => pct(v) },
        ]}
      />
    </>
  );
}
