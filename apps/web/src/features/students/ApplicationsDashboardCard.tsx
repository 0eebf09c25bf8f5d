/**
 * On the dashboard during the application phase: the live figures (R11, R12) for the bureau
 * and the junior high, one click from the live picture and the roster.
 */
import { Button, Card, Col, Flex, Row, Statistic } from 'antd';
import { BarChartOutlined, IdcardOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../app/i18n';
import { useCan, useSession } from '../../lib/session';
import { useOverview } from './api';
import { percent, useAppCampaign } from './shared';

const m = defineMessages({
  title: ['志愿填报（实时）', 'Applications (live)'],
  vocational: ['中职（已确认）', 'Vocational (confirmed)'],
  general: ['普高（已确认）', 'General (confirmed)'],
  pending: ['待确认', 'To confirm'],
  share: ['中职占比 / 目标', 'Vocational share / target'],
  open: ['志愿进度', 'Live picture'],
  roster: ['学生名册', 'Roster'],
});

export function ApplicationsDashboardCard({ inPhase, style }: { inPhase: boolean; style?: React.CSSProperties }) {
  const can = useCan();
  const kind = useSession().organization.kind;
  if (!inPhase || !can('application.summary') || (kind !== 'district_bureau' && kind !== 'junior_high')) return null;
  return <Figures style={style} />;
}

function Figures({ style }: { style?: React.CSSProperties }) {
  const { t } = useI18n(m);
  const can = useCan();
  const c = useAppCampaign();
  const q = useOverview(c.campaign?.id);
  const o = q.data;
  return (
    <Card size="small" title={t('title')} style={style} loading={q.isPending && !!c.campaign} data-testid="dashboard-applications"
      extra={<Flex gap={8}><Link to="/applications"><Button size="small" type="primary" icon={<BarChartOutlined />}>{t('open')}</Button></Link>{can('student.read') && <Link to="/students"><Button size="small" icon={<IdcardOutlined />}>{t('roster')}</Button></Link>}</Flex>}>
      {o && (
        <Row gutter={[16, 8]}>
          <Col xs={12} md={6}><Statistic title={t('vocational')} value={o.totals.vocational} /></Col>
          <Col xs={12} md={6}><Statistic title={t('general')} value={o.totals.general} /></Col>
          <Col xs={12} md={6}><Statistic title={t('pending')} value={o.totals.pending} /></Col>
          <Col xs={12} md={6}><Statistic title={t('share')} value={`${percent(o.vocationalShare)} / ${percent(o.ratioTarget, 0)}`} /></Col>
        </Row>
      )}
    </Card>
  );
}
