/**
 * `/applications/city`: the city bureau's districts side by side (R12): confirmed vocational
 * and general applications, the vocational share against each district's ratio. Live (15 s).
 */
import { Card, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useClock } from '../../../lib/clock';
import { useCityOverview } from '../api';
import { studentMessages } from '../messages';
import { percent } from '../shared';
import type { CityOverview } from '../types';
import { Chart } from './Chart';

const m = defineMessages({
  ...studentMessages,
  title: ['各区志愿进度', 'Applications by district'],
  hint: ['只计学生和家长均已确认的志愿。每 15 秒自动刷新。', 'Counts applications confirmed by both. Refreshed every 15 s.'],
  district: ['区', 'District'],
  graduates: ['毕业生', 'Graduates'],
  vocational: ['中职', 'Vocational'],
  general: ['普高', 'General'],
  // The API's `undecided` is everyone without a confirmed track (pending included); shown here: no track chosen at all.
  undecided: ['未选择方向', 'No track yet'],
  pending: ['待确认', 'To confirm'],
  share: ['中职占比', 'Vocational share'],
  ratio: ['目标比例', 'Target ratio'],
  plan: ['计划总数', 'Seats planned'],
  pressure: ['压力反映', 'Pressure reports'],
  empty: ['本年度还没有区的招生活动', 'No district campaign this year'],
});

type District = CityOverview['districts'][number];

export function CityOverviewPage() {
  const { t } = useI18n(m);
  const clock = useClock();
  const year = clock.data ? Number(clock.data.today.slice(0, 4)) : null;
  const q = useCityOverview(year);
  const d = q.data?.districts ?? [];
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: d.map((x) => x.districtName) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('share'), type: 'bar', barMaxWidth: 40, data: d.map((x) => (x.vocationalShare === null ? 0 : Math.round(x.vocationalShare * 1000) / 10)), label: { show: true, position: 'top', formatter: '{c}%' } },
      { name: t('ratio'), type: 'bar', barMaxWidth: 40, data: d.map((x) => Math.round(x.ratioTarget * 1000) / 10), itemStyle: { color: '#d9d9d9' } },
    ],
  };
  return (
    <div data-testid="city-overview-page">
      <PageHeader title={<Flex gap={8} align="center">{t('title')}<Tag icon={<SyncOutlined spin={q.isFetching} />} color="green">{t('live')}</Tag></Flex>}>
        <Typography.Text type="secondary">{t('hint')}{q.data ? ` · ${t('updatedAt', { time: dayjs(q.dataUpdatedAt).format('HH:mm:ss') })}` : ''}</Typography.Text>
      </PageHeader>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton active />}
      {q.data && d.length === 0 && <Empty description={t('empty')} />}
      {d.length > 0 && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}><Chart option={option} height={300} testId="city-share-chart" /></Card>
          <Table<District>
            rowKey="campaignId"
            size="small"
            dataSource={d}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="city-overview-table"
            columns={[
              { title: t('district'), dataIndex: 'districtName', width: 120, fixed: 'left' as const },
              { title: t('graduates'), dataIndex: 'graduates', align: 'right' as const },
              { title: t('vocational'), dataIndex: 'vocational', align: 'right' as const },
              { title: t('general'), dataIndex: 'general', align: 'right' as const },
              { title: t('pending'), dataIndex: 'pending', align: 'right' as const },
              { title: t('undecided'), dataIndex: 'undecided', align: 'right' as const, render: (x: number, r) => x - r.pending },
              { title: t('share'), dataIndex: 'vocationalShare', align: 'right' as const, render: (x: number | null, r) => <span style={{ color: x !== null && x < r.ratioTarget ? '#cf1322' : undefined }}>{percent(x)}</span> },
              { title: t('ratio'), dataIndex: 'ratioTarget', align: 'right' as const, render: (x: number) => percent(x, 0) },
              { title: t('plan'), dataIndex: 'nTotal', align: 'right' as const },
              { title: t('pressure'), dataIndex: 'pressureReports', align: 'right' as const },
            ]}
          />
        </>
      )}
    </div>
  );
}
