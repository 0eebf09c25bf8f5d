/**
 * The district's targets (R1, R2, R12): totals against N_total / N_district and the
 * ratio, the junior highs of the draft (else the published version) with inline
 * adjustment, a chart, versions with comparison, adjustments and the city's target
 * history. A vocational school sees the published table only, read-only.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Empty, Tabs } from 'antd';
import { BarChartOutlined, EditOutlined, HistoryOutlined, PlusOutlined, TableOutlined, TeamOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/session';
import { AdjustmentsList } from './AdjustmentsList';
import { useDistrictTargets } from './api';
import { CreateDraftModal } from './CreateDraftModal';
import { DistrictTargetHistory } from './DistrictTargetHistory';
import { ExcelMenu } from './ExcelMenu';
import { GraduatesDrawer } from './GraduatesDrawer';
import { targetsMessages } from './messages';
import { DiscardButton, PublishButton } from './PublishButton';
import { TargetsChart } from './TargetsChart';
import { TargetsImportModal } from './TargetsImportModal';
import { TargetsTable } from './TargetsTable';
import { TotalsCard } from './TotalsCard';
import type { TargetsOverview } from './types';
import { VersionsPanel } from './VersionsPanel';

const m = defineMessages({
  ...targetsMessages,
  tabTable: ['学校目标', 'Schools'],
  tabChart: ['目标与毕业生', 'Targets vs graduates'],
  tabVersions: ['版本与对比', 'Versions'],
  tabAdjustments: ['调整记录', 'Adjustments'],
  tabCity: ['市定目标记录', 'City targets history'],
  graduatesBtn: ['应届毕业生数', 'Graduates'],
  createDraft: ['生成草稿', 'Split into a draft'],
  redoDraft: ['重新分配', 'Split again'],
  draftBanner: ['正在编辑第 {n} 版草稿（{method}，生成于 {at}），尚未发布。', 'Editing draft version {n} ({method}, created {at}); not published yet.'],
  draftBannerPublished: ['已发布的第 {n} 版在草稿发布前仍然有效。', ' Published version {n} stays in force until then.'],
  publishedBanner: ['当前为已发布的第 {n} 版（{method}，{by} 发布于 {at}）。', 'Published version {n} ({method}; published by {by} on {at}).'],
  publishedAdjustHint: ['如需调整，请先“重新分配”生成草稿。', ' To adjust, first split again into a draft.'],
  nothingYet: ['本年度还没有分配送培目标。', 'No sending targets for this year yet.'],
  nothingYetWrite: ['先录入或导入各校应届毕业生数，再按送培总目标生成草稿。', 'Enter or import the graduates, then split the total into a draft.'],
  notPublishedVoc: ['区教育局尚未发布本年度的送培目标。', 'The district bureau has not published this year’s targets yet.'],
});

type Props = {
  campaignId: number;
  overview: TargetsOverview;
  readOnly?: boolean;
  /** The page header, given this view's actions. */
  header: (actions: ReactNode) => ReactNode;
};

export function DistrictTargetsView({ campaignId, overview, readOnly = false, header }: Props) {
  const { t } = useI18n(m);
  const can = useCan();
  const canWrite = !readOnly && can('targets.write');
  const canPublish = !readOnly && can('targets.publish');
  const { draft, published, ratio } = overview;
  const shown = readOnly ? published : (draft ?? published);
  const [adjusting, setAdjusting] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'draft' | 'graduates' | 'import' | null>(null);
  const cityHistory = useDistrictTargets(readOnly ? null : campaignId);
  const rows = shown?.rows ?? [];

  const actions = !readOnly && (
    <>
      <Button icon={<TeamOutlined />} onClick={() => setDialog('graduates')} data-testid="open-graduates">{t('graduatesBtn')}</Button>
      <ExcelMenu campaignId={campaignId} canImport={canWrite} publishedNumber={published?.number ?? null} onImport={() => setDialog('import')} />
      {canWrite && (
        <Button icon={draft || published ? <EditOutlined /> : <PlusOutlined />} type={draft ? 'default' : 'primary'} onClick={() => setDialog('draft')} data-testid="create-draft">
          {draft || published ? t('redoDraft') : t('createDraft')}
        </Button>
      )}
      {canWrite && draft && <DiscardButton campaignId={campaignId} draft={draft} />}
      {canPublish && draft && <PublishButton campaignId={campaignId} draft={draft} />}
    </>
  );

  const banner = readOnly ? null : draft ? (
    <Alert type="warning" showIcon data-testid="draft-banner" style={{ marginBottom: 12 }}
      title={[t('draftBanner', { n: draft.number, method: t(`${draft.method}Short`), at: formatDateTime(draft.createdAt) }), published ? t('draftBannerPublished', { n: published.number }) : ''].join('')}
    />
  ) : published ? (
    <Alert type="success" showIcon data-testid="published-banner" style={{ marginBottom: 12 }}
      title={[t('publishedBanner', { n: published.number, method: t(`${published.method}Short`), by: published.publishedBy ?? '—', at: formatDateTime(published.publishedAt) }), canWrite ? t('publishedAdjustHint') : ''].join('')}
    />
  ) : null;

  const empty = (
    <Empty description={readOnly ? t('notPublishedVoc') : t('nothingYet')} data-testid="targets-empty">
      {canWrite && (
        <>
          <div style={{ marginBottom: 12, color: 'rgba(0,0,0,.45)' }}>{t('nothingYetWrite')}</div>
          <Button onClick={() => setDialog('graduates')}>{t('graduatesBtn')}</Button>{' '}
          <Button type="primary" onClick={() => setDialog('draft')}>{t('createDraft')}</Button>
        </>
      )}
    </Empty>
  );

  const tabs = [
    {
      key: 'table',
      label: <><TableOutlined /> {t('tabTable')}</>,
      children: shown ? (
        <TargetsTable rows={rows} ratio={ratio} campaignId={campaignId} adjustable={canWrite && !!draft && shown === draft} adjusting={adjusting} onAdjust={setAdjusting} />
      ) : empty,
    },
    { key: 'chart', label: <><BarChartOutlined /> {t('tabChart')}</>, children: shown ? <TargetsChart rows={rows} ratio={ratio} /> : empty },
    ...(!readOnly
      ? [
          { key: 'versions', label: <><HistoryOutlined /> {t('tabVersions')}</>, children: <VersionsPanel key={overview.versions.length} campaignId={campaignId} versions={overview.versions} ratio={ratio} /> },
          { key: 'adjustments', label: `${t('tabAdjustments')}${shown?.adjustments.length ? ` (${shown.adjustments.length})` : ''}`, children: <AdjustmentsList adjustments={shown?.adjustments ?? []} /> },
          { key: 'city', label: t('tabCity'), children: <DistrictTargetHistory history={cityHistory.data?.history ?? []} loading={cityHistory.isPending} /> },
        ]
      : []),
  ];

  return (
    <>
      {header(actions)}
      {shown && <TotalsCard totals={shown.totals} schools={rows.length} schoolsBelow={rows.filter((r) => r.belowRatio).length} />}
      {banner}
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs items={tabs} data-testid="targets-tabs" />
      </Card>
      {dialog === 'draft' && <CreateDraftModal campaignId={campaignId} nTotal={overview.nTotal} current={rows} hasDraft={!!draft} onClose={() => setDialog(null)} />}
      {dialog === 'graduates' && <GraduatesDrawer campaignId={campaignId} editable={canWrite} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <TargetsImportModal campaignId={campaignId} onClose={() => setDialog(null)} />}
    </>
  );
}
