/** `/public/brochures/:id`: one filed brochure as the public sees it — facts, sections, the filing mark and its QR. */
import { Alert, Button, Card, Grid, Result, Skeleton, Tag, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { isApiError } from '../../../lib/api';
import { publicityMessages } from '../messages';
import { FactsView } from '../shared/FactsView';
import { SectionsView } from '../shared/SectionsView';
import { usePublicBrochure } from './api';
import { FilingMarkCard } from './FilingMarkCard';

const m = defineMessages({
  ...publicityMessages,
  back: ['返回列表', 'Back to the list'],
  facts: ['基本信息（必备事项）', 'The facts'],
  sections: ['简章正文', 'The brochure'],
  superseded: ['此版本已被新的备案版本替代，请以最新版本为准。', 'This version has been replaced by a newer filed version; rely on the newest one.'],
  withdrawn: ['此招生简章已被市教育局撤销备案，不得再用于招生宣传。', 'The city bureau has withdrawn this brochure’s filing; it may no longer be used.'],
  notFound: ['没有找到这份招生简章', 'No such brochure'],
  notFoundText: ['它可能尚未备案或编号有误。', 'It may not be filed yet, or the address is wrong.'],
});

export function PublicBrochurePage() {
  const { t } = useI18n(m);
  const id = Number(useParams().id);
  const screens = Grid.useBreakpoint();
  const q = usePublicBrochure(id);
  const back = <Link to="/public/brochures"><Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }}>{t('back')}</Button></Link>;

  if (!Number.isInteger(id) || id <= 0 || (q.isError && isApiError(q.error) && q.error.status === 404)) {
    return <Result status="404" title={t('notFound')} subTitle={t('notFoundText')} extra={back} data-testid="public-brochure-404" />;
  }
  if (q.isError) return <>{back}<ApiErrorAlert error={q.error} onRetry={() => q.refetch()} /></>;
  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  const b = q.data;

  return (
    <article data-testid="public-brochure" data-status={b.status}>
      {back}
      <Typography.Title level={3} style={{ margin: '4px 0 8px' }}>{b.school}</Typography.Title>
      <div style={{ marginBottom: 12 }}>
        <Tag>{t('yearLabel', { year: b.year })}</Tag>
        <Tag color={b.runBy === 'district' ? 'geekblue' : 'purple'}>{t(`run_${b.runBy}`)}</Tag>
        <Tag>{t(`own_${b.ownership}`)}</Tag>
        {b.jointEnrollment && <Tag color="gold">{t('jointEnrollment')} · {b.jointEnrollment}</Tag>}
      </div>
      {b.status !== 'current' && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t(b.status)} data-testid="public-brochure-stale" />}
      <FilingMarkCard b={b} />
      <Card size="small" title={t('facts')} style={{ marginBottom: 12 }}>
        <FactsView facts={b.facts} compact={!screens.md} />
      </Card>
      {b.sections.length > 0 && (
        <Card size="small" title={t('sections')}>
          <SectionsView sections={b.sections} />
        </Card>
      )}
    </article>
  );
}
