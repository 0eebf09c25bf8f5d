/**
 * On the dashboard during the visits phase: where the caller's visit work is (R9, R19). A
 * junior high keeps it all year: unauthorised recruiting is reported whenever it happens.
 */
import { Button, Card, Flex, Typography } from 'antd';
import { AlertOutlined, AuditOutlined, CalendarOutlined, ShopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../app/i18n';
import { useCan, useSession } from '../../lib/session';

const m = defineMessages({
  title: ['进校宣传', 'Campus visits'],
  school: ['申请进校宣传、查看批准文件', 'Request visits, open permits'],
  jh: ['今日来校、签到签离', 'Today’s visits, check in and out'],
  report: ['两分钟上报', 'Report in two minutes'],
  approvals: ['进校审批', 'Approve visits'],
  calendar: ['进校日历', 'Visit calendar'],
  reports: ['违规上报', 'Reports'],
  hint: ['区属、市属学校在各自的时间段进校宣传，每次不超过规定时长，须持区教育局盖章的批准文件（R9、R10、R19）。', 'District-run and city-run schools visit in their own windows, within the time limit, holding the district’s sealed permit (R9, R10, R19).'],
});

export function VisitsDashboardCard({ inVisitPhase, style }: { inVisitPhase: boolean; style?: React.CSSProperties }) {
  const { t } = useI18n(m);
  const can = useCan();
  const me = useSession();
  const kind = me.organization.kind;
  if (!can('visit.read') || (!inVisitPhase && kind !== 'junior_high')) return null;
  return (
    <Card size="small" title={t('title')} style={style} data-testid="dashboard-visits">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        {kind === 'vocational_school' && <Link to="/visits"><Button type="primary" icon={<ShopOutlined />}>{t('school')}</Button></Link>}
        {kind === 'junior_high' && <Link to="/visits"><Button type="primary" icon={<CalendarOutlined />}>{t('jh')}</Button></Link>}
        {can('visit.report') && <Link to="/visits/report" data-testid="dashboard-report"><Button danger type="primary" icon={<AlertOutlined />}>{t('report')}</Button></Link>}
        {can('visit.approve') && <Link to="/visits/approvals"><Button type="primary" icon={<AuditOutlined />}>{t('approvals')}</Button></Link>}
        {kind !== 'vocational_school' && kind !== 'junior_high' && <Link to="/visits/calendar"><Button icon={<CalendarOutlined />}>{t('calendar')}</Button></Link>}
        {can('visit.approve') && <Link to="/visits/reports"><Button icon={<AlertOutlined />}>{t('reports')}</Button></Link>}
      </Flex>
    </Card>
  );
}
