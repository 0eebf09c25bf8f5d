/**
 * `/applications` 志愿进度: the live picture (R11, R12). The district sees every junior high
 * against its sending target and the district's vocational share against the ratio; a junior
 * high sees its own row and its progress. Refreshed every 15 seconds.
 */
import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Empty, Flex, Input, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useSession } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { exportApplications, useOverview } from '../api';
import { studentMessages } from '../messages';
import { percent, useAppCampaign } from '../shared';
import type { OverviewRow } from '../types';
import { OverviewCharts } from './OverviewCharts';

const m = defineMessages({
  ...studentMessages,
  title: ['志愿进度', 'Applications: live picture'],
  hint: ['中职、普高人数只计学生和家长均已确认的志愿；“待确认”为已选方向但尚未双方确认。每 15 秒自动刷新。', 'Vocational and general count applications confirmed by both the student and the guardian; "to confirm" chose a track but is not confirmed yet. Refreshed every 15 s.'],
  export: ['导出 Excel', 'Export Excel'],
  roster: ['名册人数', 'Roster'],
  target: ['送培目标', 'Target'],
  vocational: ['中职', 'Vocational'],
  general: ['普高', 'General'],
  // The API's `undecided` is everyone without a confirmed track (pending included); shown here: no track chosen at all.
  undecided: ['未选择方向', 'No track yet'],
  pending: ['待确认', 'To confirm'],
  progress: ['目标完成', 'Progress'],
  onBehalf: ['代填占比', 'Entered by staff'],
  changesAfterStaff: ['代填后家庭修改', 'Changed after staff'],
  pressure: ['压力反映', 'Pressure reports'],
  guidance: ['升学指导', 'Guidance'],
  conflicts: ['未处理查重', 'Open duplicates'],
  share: ['中职占比', 'Vocational share'],
  ratioTarget: ['目标比例', 'Target ratio'],
  window: ['填报时间 {from} 至 {to}', 'Window {from} to {to}'],
  searchPh: ['学校名称或代码', 'School name or code'],
  behind: ['只看未达目标', 'Behind target only'],
  ownProgress: ['本校中职志愿（已确认）/ 送培目标', 'Confirmed vocational applications / sending target'],
  city: ['各区对比', 'Districts side by side'],
});

export function OverviewPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const c = useAppCampaign();
  const campaignId = c.campaign?.id;
  const q = useOverview(campaignId);
  const [search, setSearch] = useState('');
  const [behind, setBehind] = useState(false);
  const o = q.data;
  const own = me.organization.kind === 'junior_high';
  const rows = (o?.juniorHighs ?? []).filter((r) => (!search.trim() || r.name.includes(search.trim()) || r.code.includes(search.trim())) && (!behind || (r.progress ?? 0) < 1));
  const ownRow = own ? o?.juniorHighs.find((r) => r.organizationId === me.organization.id) : undefined;

  return (
    <div data-testid="overview-page">
      <PageHeader
        title={<Flex gap={8} align="center">{t('title')}<Tag icon={<SyncOutlined spin={q.isFetching} />} color="green" data-testid="overview-live">{t('live')}</Tag></Flex>}
        extra={
          <>
            <CampaignSelect campaigns={c.campaigns} value={campaignId ?? null} onChange={c.pick} />
            {me.organization.kind === 'city_bureau' && <Link to="/applications/city"><Button>{t('city')}</Button></Link>}
            <Button icon={<FileExcelOutlined />} disabled={!campaignId} onClick={() => campaignId && exportApplications(campaignId).catch((e: Error) => message.error(e.message))} data-testid="overview-export">{t('export')}</Button>
          </>
        }
      >
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        {o && <Typography.Text type="secondary" style={{ display: 'block' }}>{t('window', { from: o.window.from, to: o.window.to })} · {t('updatedAt', { time: dayjs(q.dataUpdatedAt).format('HH:mm:ss') })}</Typography.Text>}
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {!c.isPending && !c.campaign && <Empty description={t('noCampaign')} />}
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && !!campaignId && <Skeleton active />}
      {o && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="overview-totals">
            <Row gutter={[16, 8]}>
              <Col xs={8} md={3}><Statistic title={t('roster')} value={o.totals.roster} /></Col>
              <Col xs={8} md={3}><Statistic title={t('target')} value={o.totals.sendingTarget ?? '—'} /></Col>
              <Col xs={8} md={3}><Statistic title={t('vocational')} value={o.totals.vocational} valueStyle={{ color: '#1677ff' }} /></Col>
              <Col xs={8} md={3}><Statistic title={t('general')} value={o.totals.general} /></Col>
              <Col xs={8} md={3}><Statistic title={t('pending')} value={o.totals.pending} /></Col>
              <Col xs={8} md={3}><Statistic title={t('undecided')} value={o.totals.undecided - o.totals.pending} /></Col>
              <Col xs={12} md={3}><Statistic title={t('share')} value={percent(o.vocationalShare)} /></Col>
              <Col xs={12} md={3}><Statistic title={t('ratioTarget')} value={percent(o.ratioTarget, 0)} /></Col>
            </Row>
          </Card>
          {own && ownRow && (
            <Card size="small" title={t('ownProgress')} style={{ marginBottom: 16 }} data-testid="overview-own">
              <Progress percent={Math.round((ownRow.progress ?? 0) * 100)} format={() => `${ownRow.vocational} / ${ownRow.sendingTarget ?? '—'}`} />
            </Card>
          )}
          {!own && <OverviewCharts o={o} />}
          <Card size="small" title={own ? undefined : (
            <Flex gap={8} wrap align="center" style={{ padding: '6px 0' }}>
              <Input.Search allowClear placeholder={t('searchPh')} style={{ maxWidth: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} />
              <Checkbox checked={behind} onChange={(e) => setBehind(e.target.checked)}>{t('behind')}</Checkbox>
            </Flex>
          )}>
            <Table<OverviewRow>
              rowKey="organizationId"
              size="small"
              dataSource={rows}
              scroll={{ x: 1400 }}
              pagination={rows.length > 30 ? { pageSize: 30 } : false}
              data-testid="overview-table"
              onRow={(r) => ({ 'data-org-code': r.code, 'data-org-id': r.organizationId }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('juniorHigh'), dataIndex: 'name', width: 180, fixed: 'left' as const, render: (n: string, r) => <span title={r.code}>{n}</span> },
                { title: t('roster'), dataIndex: 'roster', width: 80, align: 'right' as const, sorter: (a, b) => a.roster - b.roster },
                { title: t('target'), dataIndex: 'sendingTarget', width: 80, align: 'right' as const, render: (x: number | null) => x ?? '—' },
                { title: t('vocational'), dataIndex: 'vocational', width: 70, align: 'right' as const, sorter: (a, b) => a.vocational - b.vocational, onCell: () => ({ 'data-col': 'vocational' }) as React.HTMLAttributes<HTMLElement> },
                { title: t('general'), dataIndex: 'general', width: 70, align: 'right' as const },
                { title: t('undecided'), dataIndex: 'undecided', width: 90, align: 'right' as const, render: (x: number, r) => x - r.pending },
                { title: t('pending'), dataIndex: 'pending', width: 80, align: 'right' as const },
                {
                  title: t('progress'), dataIndex: 'progress', width: 150, sorter: (a, b) => (a.progress ?? 0) - (b.progress ?? 0),
                  render: (x: number | null) => (x === null ? '—' : <Progress size="small" percent={Math.round(x * 100)} status={x >= 1 ? 'success' : 'normal'} />),
                },
                { title: t('onBehalf'), dataIndex: 'onBehalfShare', width: 90, align: 'right' as const, render: (x: number | null) => percent(x, 0) },
                { title: t('changesAfterStaff'), dataIndex: 'changesAfterStaff', width: 110, align: 'right' as const },
                { title: t('pressure'), dataIndex: 'pressureReports', width: 80, align: 'right' as const, render: (x: number) => (x ? <Tag color="red">{x}</Tag> : 0) },
                { title: t('guidance'), dataIndex: 'guidanceSessions', width: 80, align: 'right' as const },
                { title: t('conflicts'), dataIndex: 'openConflicts', width: 90, align: 'right' as const, render: (x: number) => (x ? <Tag color="orange">{x}</Tag> : 0) },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
