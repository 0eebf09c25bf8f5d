import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { orgKindLabels, orgKinds } from '@zhizhao/contracts/roles';
import { phaseLabels } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import { useDashboard } from './api';
import { OrgKindChart } from './OrgKindChart';
import { CampaignCard, RecentAudit } from './panels';
import { VisitsDashboardCard } from '../visits/VisitsDashboardCard';
import { ApplicationsDashboardCard } from '../students/ApplicationsDashboardCard';

const m = defineMessages({
  title: ['工作台', 'Dashboard'],
  today: ['今天：{date}', 'Today: {date}'],
  organizations: ['机构', 'Organisations'],
  activeOrgs: ['启用', 'Active'],
  inactiveOrgs: ['停用', 'Inactive'],
  users: ['账号', 'Accounts'],
  activeUsers: ['启用账号', 'Active'],
  locked: ['登录受限', 'Sign-in slowed'],
  mustChange: ['待修改初始密码', 'Initial password'],
  qualified: ['{year} 年具备招生资格的中职学校（R4）', 'Vocational schools qualified for {year} (R4)'],
  noOrgs: ['还没有机构。', 'No organisations yet.'],
  goOrgs: ['去添加机构', 'Add organisations'],
});

export function DashboardPage() {
  const { t, l } = useI18n(m);
  const can = useCan();
  const q = useDashboard();
  const d = q.data;

  return (
    <div data-testid="dashboard">
      <PageHeader title={t('title')} extra={d && <Tag>{t('today', { date: d.today })}</Tag>}>
        {d && <Typography.Text type="secondary">{d.organization.name}</Typography.Text>}
      </PageHeader>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton active />}
      {d && <ApplicationsDashboardCard inPhase={!!d.campaign?.phasesToday.includes('application')} style={{ marginBottom: 16 }} />}
      {d && <VisitsDashboardCard inVisitPhase={!!d.campaign?.phasesToday.includes('visits')} style={{ marginBottom: 16 }} />}
      {d && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={t('organizations')} size="small" data-testid="dashboard-orgs">
              {d.organizationsByKind.every((k) => k.active + k.inactive === 0) ? (
                <Empty description={t('noOrgs')}>{can('org.write') && <Link to="/organizations">{t('goOrgs')}</Link>}</Empty>
              ) : (
                <>
                  <Row gutter={16}>
                    {orgKinds.map((kind) => {
                      const k = d.organizationsByKind.find((x) => x.kind === kind);
                      return (
                        <Col span={6} key={kind}>
                          <Statistic title={l(orgKindLabels[kind])} value={k?.active ?? 0} suffix={k?.inactive ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>+{k.inactive} {t('inactiveOrgs')}</Typography.Text> : undefined} />
                        </Col>
                      );
                    })}
                  </Row>
                  <OrgKindChart
                    categories={orgKinds.map((k) => l(orgKindLabels[k]))}
                    series={[
                      { name: t('activeOrgs'), color: '#1677ff', data: orgKinds.map((k) => d.organizationsByKind.find((x) => x.kind === k)?.active ?? 0) },
                      { name: t('inactiveOrgs'), color: '#bfbfbf', data: orgKinds.map((k) => d.organizationsByKind.find((x) => x.kind === k)?.inactive ?? 0) },
                    ]}
                  />
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              <Card title={t('users')} size="small" data-testid="dashboard-users">
                <Row gutter={16}>
                  <Col span={8}><Statistic title={t('activeUsers')} value={d.users.active} /></Col>
                  <Col span={8}><Statistic title={t('locked')} value={d.users.locked} styles={{ content: d.users.locked ? { color: '#cf1322' } : undefined }} /></Col>
                  <Col span={8}><Statistic title={t('mustChange')} value={d.users.mustChangePassword} /></Col>
                </Row>
              </Card>
              <Card size="small" data-testid="dashboard-qualified">
                <Statistic title={t('qualified', { year: d.qualifiedSchools.year })} value={d.qualifiedSchools.qualified} suffix={`/ ${d.qualifiedSchools.total}`} />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={14}>
            <CampaignCard campaign={d.campaign} phaseLabel={(p) => l(phaseLabels[p])} />
          </Col>
          {d.audit && (
            <Col xs={24} xl={10}>
              <RecentAudit audit={d.audit} />
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
