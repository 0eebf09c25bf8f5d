/**
 * `/admission` 统一录取 (R15, R5): one page, tabs by who is looking —
 *  - a bureau (district or city, auditors): 成绩 the score versions, 批次 the batches, 录取 the runs
 *    (dry run, what-if, publish), 录取名单 every admission, 退档 the requests to decide;
 *  - a vocational school: its admitted list (Excel, letters, the letters' bundle, 退档), its return
 *    requests, and 注册入学 of social applicants;
 *  - a junior high: its students' results.
 * The tab is in the address (`?tab=`), so a link or a reload keeps it.
 */
import type { ReactNode } from 'react';
import { Card, Empty, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { withSettingDefaults } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useCan, useSession } from '../../lib/session';
import type { Campaign } from '../../lib/types';
import { CampaignSelect } from '../publicity/shared/CampaignSelect';
import { useAppCampaign } from '../students/shared';
import { useReturns } from './api';
import { admissionMessages } from './messages';
import { AdmissionsTab } from './tabs/AdmissionsTab';
import { BatchesTab } from './tabs/BatchesTab';
import { RegistrationTab } from './tabs/RegistrationTab';
import { ReturnsTab } from './tabs/ReturnsTab';
import { RunsTab } from './tabs/RunsTab';
import { ScoresTab } from './tabs/ScoresTab';

const m = defineMessages({
  ...admissionMessages,
  hint_bureau: ['导入并锁定中考成绩，按顺序设置批次，试录取、比较分数线的影响后发布；发布后考生可看到结果和原因，录取学生获得可验证的录取通知书（R15）。', 'Import and lock the scores, define the batches in order, dry-run, compare lines, then publish: families see results and reasons, the admitted get verifiable letters (R15).'],
  hint_school: ['本校的录取名单、录取通知书、退档申请和社会考生注册入学（R15、R5）。', 'Your admitted students, their letters, returns and admission by registration (R15, R5).'],
  hint_juniorHigh: ['本校学生的录取结果（R15）。', 'Your students’ results (R15).'],
  tab_scores: ['成绩', 'Scores'],
  tab_batches: ['批次', 'Batches'],
  tab_runs: ['录取', 'Runs'],
  tab_admissions: ['录取名单', 'Admitted'],
  tab_returns: ['退档', 'Returns'],
  tab_registration: ['注册入学', 'Registration'],
  tab_results: ['学生录取结果', 'Students’ results'],
});

type Side = 'bureau' | 'school' | 'juniorHigh';
type TabKey = 'scores' | 'batches' | 'runs' | 'admissions' | 'returns' | 'registration' | 'results';

function sideOf(kind: string): Side {
  if (kind === 'vocational_school') return 'school';
  if (kind === 'junior_high') return 'juniorHigh';
  return 'bureau';
}

export function AdmissionPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const c = useAppCampaign();
  const side = sideOf(me.organization.kind);
  const campaign = c.campaign;

  return (
    <div data-testid="admission-page" data-side={side}>
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={campaign?.id ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t(`hint_${side}`)}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {!c.isPending && !campaign && <Empty description={t('noCampaign')} />}
      {campaign && <AdmissionTabs key={campaign.id} campaign={campaign} side={side} />}
    </div>
  );
}

function AdmissionTabs({ campaign, side }: { campaign: Campaign; side: Side }) {
  const { t } = useI18n(m);
  const can = useCan();
  const [params, setParams] = useSearchParams();
  // The campaign's return reasons come with the returns list (a school may read it), else the campaign's settings.
  const returns = useReturns(side === 'school' ? campaign.id : undefined);
  const reasons = returns.data?.reasons ?? withSettingDefaults(campaign.settings).admissionReturnReasons;
  const id = campaign.id;

  const tabs: { key: TabKey; render: () => ReactNode }[] = [];
  if (side === 'bureau') {
    tabs.push({ key: 'scores', render: () => <ScoresTab campaign={campaign} /> });
    tabs.push({ key: 'batches', render: () => <BatchesTab campaignId={id} /> });
    tabs.push({ key: 'runs', render: () => <RunsTab campaignId={id} /> });
    tabs.push({ key: 'admissions', render: () => <AdmissionsTab campaignId={id} mode="bureau" /> });
    tabs.push({ key: 'returns', render: () => <ReturnsTab campaignId={id} mode="bureau" /> });
  } else if (side === 'school') {
    tabs.push({ key: 'admissions', render: () => <AdmissionsTab campaignId={id} mode="school" reasons={reasons} /> });
    tabs.push({ key: 'returns', render: () => <ReturnsTab campaignId={id} mode="school" /> });
    if (can('admission.register')) tabs.push({ key: 'registration', render: () => <RegistrationTab campaignId={id} /> });
  } else {
    tabs.push({ key: 'results', render: () => <AdmissionsTab campaignId={id} mode="juniorHigh" /> });
  }
  const asked = params.get('tab') as TabKey | null;
  const active = tabs.find((x) => x.key === asked)?.key ?? tabs[0]?.key;

  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => setParams((p) => { p.set('tab', k); p.delete('batch'); p.delete('run'); return p; }, { replace: true })}
        destroyOnHidden
        data-testid="ad-tabs"
        items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`ad-tab-${x.key}`}>{t(`tab_${x.key}`)}</span>, children: x.render() }))}
      />
    </Card>
  );
}
