/**
 * 目标完成情况 (issue 12 §5; R1, R2, R12): the district's registrations against N_district (at
 * district-run schools) and N_total, the vocational share on actual registrations against the
 * ratio; the funnel graduates → vocational applications → admitted → registered; per junior high
 * the sending target against the registered; registrations by day. A junior high sees its own row.
 */
import { App, Button, Card, Col, Flex, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { downloadFunnelXlsx, useFunnel } from '../api';
import { enrolmentMessages } from '../messages';
import type { Funnel, FunnelRow } from '../types';
import { Chart } from './Chart';

const m = defineMessages({
  ...enrolmentMessages,
  nDistrict: ['区属学校报到 / N_district', 'District-run registered / N_district'],
  nTotal: ['全部报到 / N_total', 'All registered / N_total'],
  share: ['职普比（实际报到）', 'Vocational share (registered)'],
  shareTarget: ['目标不低于 {p}', 'Target at least {p}'],
  graduates: ['毕业生', 'Graduates'],
  applications: ['中职志愿', 'Vocational applications'],
  target: ['送培目标', 'Sending target'],
  ofTarget: ['完成率', 'Of target'],
  funnel: ['招生漏斗（全区合计）', 'The funnel (district)'],
  funnelOwn: ['招生漏斗（本校）', 'The funnel (your school)'],
  byJuniorHigh: ['各初中：送培目标与报到', 'By junior high: target and registered'],
  trend: ['每日报到', 'Registrations by day'],
  daily: ['当日', 'That day'],
  cumulative: ['累计', 'Cumulative'],
  noTargets: ['送培目标尚未发布', 'The targets are not published yet'],
});

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const ratio = (a: number, b: number) => (b > 0 ? Math.min(100, Math.round((a / b) * 100)) : 0);

export function FunnelTab({ campaignId, own = false }: { campaignId: number; own?: boolean }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const q = useFunnel(campaignId);
  if (!q.data) return q.isError ? <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} /> : <Skeleton active />;
  const f = q.data;
  const d = f.district;
  const sum = (k: keyof FunnelRow) => f.juniorHighs.reduce((s, r) => s + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
  const stages = [
    { name: t('graduates'), value: sum('graduates') },
    { name: t('applications'), value: sum('vocationalApplications') },
    { name: t('admitted'), value: sum('admitted') },
    { name: t('registered'), value: sum('registered') },
  ];
  return (
    <Flex vertical gap={16} data-testid="st-funnel">
      <Flex justify="end">
        <Button icon={<FileExcelOutlined />} onClick={() => downloadFunnelXlsx(campaignId).catch((e: Error) => message.error(e.message))} data-testid="st-funnel-excel">{t('excel')}</Button>
      </Flex>
      {!own && <DistrictFigures d={d} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={own ? 24 : 12}>
          <Card size="small" title={own ? t('funnelOwn') : t('funnel')}>
            <Chart testId="st-funnel-chart" height={260} option={{
              animation: false,
              tooltip: { trigger: 'item', formatter: '{b}: {c}' },
              series: [{ type: 'funnel', left: 8, right: 8, top: 8, bottom: 8, sort: 'descending', minSize: '12%', label: { position: 'inside', formatter: '{b} {c}' }, data: stages }],
            }} />
          </Card>
        </Col>
        {!own && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('trend')}>
              <Chart testId="st-trend-chart" height={260} option={{
                animation: false,
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: f.trend.map((x) => x.date.slice(5)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  { type: 'bar', name: t('daily'), data: f.trend.map((x) => x.registered), itemStyle: { color: '#91caff' }, barMaxWidth: 16 },
                  { type: 'line', name: t('cumulative'), data: f.trend.map((x) => x.cumulative), smooth: true, itemStyle: { color: '#1677ff' } },
                ],
              }} />
            </Card>
          </Col>
        )}
      </Row>
      {!own && (
        <Card size="small" title={t('byJuniorHigh')}>
          {f.juniorHighs.every((r) => r.sendingTarget === null) && <Typography.Text type="secondary">{t('noTargets')}</Typography.Text>}
          <Chart testId="st-bars-chart" height={320} option={{
            animation: false,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: f.juniorHighs.map((r) => r.juniorHighName), axisLabel: { interval: 0, rotate: 35, fontSize: 11 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { type: 'bar', name: t('target'), data: f.juniorHighs.map((r) => r.sendingTarget ?? 0), itemStyle: { color: '#d9d9d9' }, barMaxWidth: 20 },
              {
                type: 'bar', name: t('registered'), barMaxWidth: 20,
                // Below its target: red.
                data: f.juniorHighs.map((r) => ({ value: r.registered, itemStyle: { color: r.sendingTarget !== null && r.registered < r.sendingTarget ? '#ff7875' : '#52c41a' } })),
              },
            ],
          }} />
        </Card>
      )}
      <FunnelTable rows={f.juniorHighs} />
    </Flex>
  );
}

function DistrictFigures({ d }: { d: Funnel['district'] }) {
  const { t } = useI18n(m);
  const card = (testId: string, title: string, value: number | string, suffix: string | undefined, percent: number, ok: boolean, extra?: string) => (
    <Col xs={24} sm={8}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} suffix={suffix} styles={{ content: { fontSize: 22 } }} />
        <Progress percent={percent} size="small" status={ok ? 'success' : 'active'} showInfo={false} />
        {extra && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extra}</Typography.Text>}
      </Card>
    </Col>
  );
  const share = d.vocationalShare;
  return (
    <Row gutter={[12, 12]} data-testid="st-district">
      {card('st-n-district', t('nDistrict'), d.registeredDistrictRun, `/ ${d.nDistrict}`, ratio(d.registeredDistrictRun, d.nDistrict), d.registeredDistrictRun >= d.nDistrict)}
      {card('st-n-total', t('nTotal'), d.registeredTotal, `/ ${d.nTotal}`, ratio(d.registeredTotal, d.nTotal), d.registeredTotal >= d.nTotal)}
      {card('st-share', t('share'), pct(share), undefined, share === null ? 0 : ratio(share, d.ratioTarget), share !== null && share >= d.ratioTarget, t('shareTarget', { p: pct(d.ratioTarget) }))}
    </Row>
  );
}

function FunnelTable({ rows }: { rows: FunnelRow[] }) {
  const { t } = useI18n(m);
  const num = (v: number | null) => (v === null ? '—' : v);
  return (
    <Table<FunnelRow>
      size="small"
      rowKey="juniorHighId"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="st-funnel-rows"
      onRow={(r) => ({ 'data-testid': 'st-funnel-row', 'data-junior-high-id': r.juniorHighId }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('juniorHigh'), dataIndex: 'juniorHighName', fixed: 'left' as const },
        { title: t('graduates'), dataIndex: 'graduates', align: 'right' as const },
        { title: t('target'), dataIndex: 'sendingTarget', align: 'right' as const, render: num },
        { title: t('applications'), dataIndex: 'vocationalApplications', align: 'right' as const },
        { title: t('admitted'), dataIndex: 'admitted', align: 'right' as const },
        { title: t('registered'), dataIndex: 'registered', align: 'right' as const },
        { title: t('noShow'), dataIndex: 'noShow', align: 'right' as const },
        { title: t('ofTarget'), key: 'p', align: 'right' as const, render: (_: unknown, r: FunnelRow) => (r.sendingTarget ? `${Math.round((r.registered / r.sendingTarget) * 100)}%` : '—') },
      ]}
    />
  );
}
