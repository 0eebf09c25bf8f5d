import { Card, Col, Empty, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { PhaseKey } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import dayjs from 'dayjs';
import { useCan, useSession } from '../../lib/session';
import type { Dashboard } from '../../lib/types';

const m = defineMessages({
  campaign: ['招生活动', 'Campaign'],
  noCampaign: ['本年度尚未建立招生活动。', 'No campaign for this year yet.'],
  goCampaign: ['去建立招生活动', 'Set up the campaign'],
  nDistrict: ['区属学校招生目标 N_district（R1）', 'District-run target N_district (R1)'],
  nTotal: ['送培总目标 N_total（R1）', 'Sending target N_total (R1)'],
  phasesToday: ['今日所处阶段', 'Phases today'],
  none: ['无', 'None'],
  milestones: ['接下来的节点', 'Next milestones'],
  start: ['开始', 'starts'],
  end: ['截止', 'ends'],
  audit: ['最近操作', 'Recent activity'],
  last24h: ['近 24 小时 {n} 条', '{n} in the last 24 h'],
  at: ['时间', 'Time'],
  actor: ['操作人', 'Actor'],
  action: ['动作', 'Action'],
  object: ['对象', 'Object'],
  allAudit: ['查看审计日志', 'Open the audit log'],
  targets: ['查看送培目标', 'Open the sending targets'],
  cityTargets: ['查看各区目标', 'Open the district targets'],
});

export function CampaignCard({ campaign, phaseLabel }: { campaign: Dashboard['campaign']; phaseLabel: (p: PhaseKey) => string }) {
  const { t } = useI18n(m);
  const can = useCan();
  const city = useSession().organization.kind === 'city_bureau';
  if (!campaign) {
    return (
      <Card title={t('campaign')} size="small" data-testid="dashboard-campaign">
        <Empty description={t('noCampaign')}>{can('campaign.write') && <Link to="/campaigns">{t('goCampaign')}</Link>}</Empty>
      </Card>
    );
  }
  return (
    <Card title={`${t('campaign')} · ${campaign.name}`} size="small" data-testid="dashboard-campaign" extra={<Link to="/campaigns">{campaign.year}</Link>}>
      <Row gutter={16}>
        <Col span={12}><Statistic title={t('nDistrict')} value={campaign.nDistrict} /></Col>
        <Col span={12}><Statistic title={t('nTotal')} value={campaign.nTotal} /></Col>
      </Row>
      {can('targets.read') && (
        <Link to={city ? '/targets/city' : '/targets'} data-testid="dashboard-targets-link">{city ? t('cityTargets') : t('targets')} →</Link>
      )}
      <div style={{ margin: '12px 0' }}>
        <Typography.Text type="secondary">{t('phasesToday')}：</Typography.Text>
        {campaign.phasesToday.length ? campaign.phasesToday.map((p) => <Tag color="green" key={p} data-testid="phase-today">{phaseLabel(p)}</Tag>) : <Tag>{t('none')}</Tag>}
      </div>
      <Typography.Text type="secondary">{t('milestones')}</Typography.Text>
      <List
        size="small"
        dataSource={campaign.milestones}
        locale={{ emptyText: t('none') }}
        renderItem={(ms) => (
          <List.Item>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{ms.date}</span>
            <span>
              {phaseLabel(ms.phase)} <Tag color={ms.kind === 'start' ? 'blue' : 'orange'}>{t(ms.kind)}</Tag>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function RecentAudit({ audit }: { audit: NonNullable<Dashboard['audit']> }) {
  const { t } = useI18n(m);
  return (
    <Card title={t('audit')} size="small" data-testid="dashboard-audit" extra={<Link to="/audit">{t('allAudit')}</Link>}>
      <Typography.Text type="secondary">{t('last24h', { n: audit.last24h })}</Typography.Text>
      <Table
        size="small"
        rowKey={(r) => `${r.at}|${r.action}|${r.objectType}|${r.actorUsername}`}
        pagination={false}
        dataSource={audit.recent}
        style={{ marginTop: 8 }}
        columns={[
          { title: t('at'), dataIndex: 'at', width: 110, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(v).format('MM-DD HH:mm')}</span> },
          { title: t('actor'), dataIndex: 'actorUsername', render: (v: string | null) => v ?? '—' },
          { title: t('action'), dataIndex: 'action' },
          { title: t('object'), dataIndex: 'objectType' },
        ]}
      />
    </Card>
  );
}
