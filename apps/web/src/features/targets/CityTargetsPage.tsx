/**
 * The city's page (R1, R12): every district of the city for a year with its
 * N_district / N_total (set here by targets.district.write, with a reason and a
 * history), its graduates, the published split's total and its share of graduates.
 */
import { useState } from 'react';
import { Navigate } from 'react-router';
import { Button, Card, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, HistoryOutlined, WarningOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useClock } from '../../lib/clock';
import { formatDateTime } from '../../lib/format';
import { useCan, useSession } from '../../lib/session';
import { useCityTargets } from './api';
import { DistrictTargetsDrawer } from './DistrictTargetsDrawer';
import { num, pct } from './format';
import { targetsMessages } from './messages';
import type { CityDistrict } from './types';

const m = defineMessages({
  ...targetsMessages,
  year: ['年度', 'Year'],
  district: ['区', 'District'],
  published: ['已发布送培目标合计', 'Published targets'],
  notPublished: ['未发布', 'Not published'],
  noCampaign: ['未建立招生活动', 'No campaign'],
  setTargets: ['设置目标', 'Set targets'],
  history: ['变更记录', 'History'],
  below: ['低于比例', 'Below the ratio'],
  empty: ['该年度没有任何区。', 'No district for this year.'],
  differs: ['与送培总目标不一致', 'Differs from N_total'],
  intro: ['市教育局为各区下达两项目标（R1）：区属学校招生目标 N_district 与送培总目标 N_total；各区据此将送培总目标分解到初中学校。', 'The city sets each district two targets (R1): N_district for its district-run schools and N_total, which the district splits across its junior highs.'],
});

export function CityTargetsPage() {
  const { t } = useI18n(m);
  const can = useCan();
  const clock = useClock();
  const thisYear = clock.data ? Number(clock.data.today.slice(0, 4)) : null;
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? thisYear;
  const me = useSession();
  const city = me.organization.kind === 'city_bureau';
  const q = useCityTargets(city ? year : null);
  const [open, setOpen] = useState<{ campaignId: number; edit: boolean } | null>(null);
  const editable = can('targets.district.write');
  const years = thisYear ? [thisYear + 1, thisYear, thisYear - 1, thisYear - 2] : [];
  const rows = q.data?.districts ?? [];
  const sum = (f: (d: CityDistrict) => number | null) => rows.reduce((a, d) => a + (f(d) ?? 0), 0);

  // A district or school has its own view of the targets.
  if (!city) return <Navigate to="/targets" replace />;

  return (
    <div data-testid="city-targets">
      <PageHeader
        title={t('cityTitle')}
        extra={<Select value={year ?? undefined} onChange={setPicked} options={years.map((y) => ({ value: y, label: `${y} ${t('year')}` }))} style={{ width: 120 }} data-testid="city-year" />}
      >
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </PageHeader>
      {(q.isError || clock.isError) && <ApiErrorAlert error={q.error ?? clock.error} onRetry={() => (q.isError ? q.refetch() : clock.refetch())} />}
      <Card size="small">
        <Table<CityDistrict>
          size="middle"
          rowKey="districtId"
          data-testid="city-targets-table"
          loading={q.isPending || q.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          onRow={(d) => ({ 'data-testid': `city-row-${d.districtName}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('district'), dataIndex: 'districtName', render: (v: string, d) => (d.campaignId ? v : <>{v} <Tag>{t('noCampaign')}</Tag></>) },
            { title: t('nDistrict'), dataIndex: 'nDistrict', width: 150, align: 'right', render: (v: number | null) => <span data-testid="cell-ndistrict">{num(v)}</span> },
            { title: t('nTotal'), dataIndex: 'nTotal', width: 120, align: 'right', render: (v: number | null) => <strong data-testid="cell-ntotal">{num(v)}</strong> },
            { title: t('graduates'), dataIndex: 'graduates', width: 130, align: 'right', render: num },
            {
              title: t('published'),
              dataIndex: 'publishedTotal',
              width: 170,
              align: 'right',
              render: (v: number | null, d) =>
                v === null ? <Tag>{t('notPublished')}</Tag> : (
                  <Tooltip title={formatDateTime(d.publishedAt)}>
                    <span style={{ color: d.nTotal !== null && v !== d.nTotal ? '#d46b08' : undefined }}>{num(v)}</span>
                    {d.nTotal !== null && v !== d.nTotal && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('differs')}</Tag>}
                  </Tooltip>
                ),
            },
            {
              title: t('share'),
              dataIndex: 'share',
              width: 160,
              render: (s: number | null, d) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {pct(s)}
                  {d.belowRatio && <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineStart: 6 }} data-testid="city-below-ratio">{t('below')}</Tag>}
                </span>
              ),
            },
            {
              title: t('actions'),
              key: 'a',
              width: 190,
              render: (_, d) =>
                d.campaignId ? (
                  <Space size={4}>
                    {editable && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setOpen({ campaignId: d.campaignId!, edit: true })} data-testid={`set-targets-${d.districtName}`}>{t('setTargets')}</Button>}
                    <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setOpen({ campaignId: d.campaignId!, edit: false })}>{t('history')}</Button>
                  </Space>
                ) : null,
            },
          ]}
          summary={() =>
            rows.length > 1 && (
              <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                <Table.Summary.Cell index={0}>{t('sum')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{num(sum((d) => d.nDistrict))}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{num(sum((d) => d.nTotal))}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{num(sum((d) => d.graduates))}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{num(sum((d) => d.publishedTotal))}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} colSpan={2} />
              </Table.Summary.Row>
            )
          }
        />
      </Card>
      {open && <DistrictTargetsDrawer campaignId={open.campaignId} editable={open.edit && editable} onClose={() => setOpen(null)} />}
    </div>
  );
}
