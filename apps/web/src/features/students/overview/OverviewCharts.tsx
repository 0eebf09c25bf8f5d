/**
 * The live picture's three charts: the district's vocational share against the ratio (R12),
 * each junior high's split (stacked), and the first choices of district-run vs city-run
 * schools against the district-run plan (统筹). Formatters are strings: options are compared as JSON.
 */
import { Card, Col, Row } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { Overview } from '../types';
import { Chart } from './Chart';

const m = defineMessages({
  share: ['全区中职占比（已确认）', 'Vocational share, district (confirmed)'],
  ratio: ['目标 {p}', 'Target {p}'],
  split: ['各初中志愿分布', 'Split per junior high'],
  vocational: ['中职', 'Vocational'],
  general: ['普高', 'General'],
  pending: ['待确认', 'To confirm'],
  // The API's `undecided` is everyone without a confirmed track (pending included); shown here: no track chosen at all.
  undecided: ['未选择方向', 'No track yet'],
  firstChoice: ['第一志愿：区属与市属学校', 'First choices: district-run and city-run'],
  districtRun: ['区属学校', 'District-run'],
  cityRun: ['市属学校', 'City-run'],
  applicants: ['第一志愿人数', 'First choices'],
  plan: ['计划数', 'Seats planned'],
});

export function OverviewCharts({ o }: { o: Overview }) {
  const { t } = useI18n(m);
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const share = o.vocationalShare === null ? 0 : pct(o.vocationalShare);
  const ratio = pct(o.ratioTarget);
  const gauge = {
    series: [{
      type: 'gauge', min: 0, max: 100, startAngle: 200, endAngle: -20, radius: '95%', center: ['50%', '60%'],
      axisLine: { lineStyle: { width: 14, color: [[o.ratioTarget, '#faad14'], [1, '#52c41a']] } },
      pointer: { width: 5 }, axisTick: { show: false }, splitLine: { length: 10 }, axisLabel: { distance: 16, fontSize: 10 },
      detail: { formatter: '{value}%', fontSize: 22, offsetCenter: [0, '35%'] },
      title: { offsetCenter: [0, '65%'], fontSize: 12 },
      data: [{ value: share, name: t('ratio', { p: `${ratio}%` }) }],
    }],
  };
  const rows = o.juniorHighs;
  const split = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 40, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('vocational'), type: 'bar', stack: 'a', data: rows.map((r) => r.vocational), itemStyle: { color: '#1677ff' }, barMaxWidth: 24 },
      { name: t('general'), type: 'bar', stack: 'a', data: rows.map((r) => r.general), itemStyle: { color: '#9254de' } },
      { name: t('pending'), type: 'bar', stack: 'a', data: rows.map((r) => r.pending), itemStyle: { color: '#faad14' } },
      { name: t('undecided'), type: 'bar', stack: 'a', data: rows.map((r) => r.undecided - r.pending), itemStyle: { color: '#d9d9d9' } },
    ],
  };
  const first = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [t('districtRun'), t('cityRun')] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('applicants'), type: 'bar', data: [o.firstChoiceDistrictRun, o.firstChoiceCityRun], itemStyle: { color: '#1677ff' }, barMaxWidth: 40, label: { show: true, position: 'top' } },
      { name: t('plan'), type: 'bar', data: [o.nDistrict, Math.max(0, o.nTotal - o.nDistrict)], itemStyle: { color: '#bfbfbf' }, barMaxWidth: 40, label: { show: true, position: 'top' } },
    ],
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}><Card size="small" title={t('share')}><Chart option={gauge} height={240} testId="overview-share-chart" /></Card></Col>
      <Col xs={24} md={16}><Card size="small" title={t('firstChoice')}><Chart option={first} height={240} testId="overview-first-chart" /></Card></Col>
      {rows.length > 1 && <Col span={24}><Card size="small" title={t('split')}><Chart option={split} height={340} testId="overview-split-chart" /></Card></Col>}
    </Row>
  );
}
