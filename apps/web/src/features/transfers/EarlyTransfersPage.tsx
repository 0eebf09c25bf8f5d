/**
 * `/early-transfers` 提前到中职 (R13, R14): one page, tabs by who is looking —
 *  - a junior high: confirm the curriculum, seal (or refuse) its students' forms, every form,
 *    the combined lists;
 *  - a vocational school: seal (or refuse), every form, the lists, exam preparation, results;
 *  - the district bureau: the filing queue, the handover register (returns after filing), the
 *    figures, the seat caps; the city bureau and auditors read the register and the figures.
 * The tab is in the address (`?tab=`), so a link or a reload keeps it.
 */
import type { ReactNode } from 'react';
import { Card, Empty, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useCan, useSession } from '../../lib/session';
import { CampaignSelect } from '../publicity/shared/CampaignSelect';
import { useAppCampaign } from '../students/shared';
import { transferMessages } from './messages';
import { partyOfKind } from './shared/party';
import { CapsTab } from './tabs/CapsTab';
import { CurriculumTab } from './tabs/CurriculumTab';
import { ExamTab } from './tabs/ExamTab';
import { FilingTab } from './tabs/FilingTab';
import { ListsTab } from './tabs/ListsTab';
import { PendingTab } from './tabs/PendingTab';
import { PrepTab } from './tabs/PrepTab';
import { RegisterTab } from './tabs/RegisterTab';
import { ReportTab } from './tabs/ReportTab';

const m = defineMessages({
  ...transferMessages,
  hint_source: ['学生申请提前到中职学校学习（5月1日起）：本校确认课程完成、在《中等职业学校志愿填报表》上盖章，并与中职学校共同盖章汇总名单报区教育局备案（R13）。', 'From May 1 a student may ask to study early: your school confirms the curriculum, seals the Annex 4 form, and seals the combined list with the vocational school for the district bureau to file (R13).'],
  hint_school: ['本校在学生的《中等职业学校志愿填报表》和汇总名单上盖章即表示接收，并须安排备考，保证学生通过学业水平考试（R13、R14）。', 'Your seal on the Annex 4 forms and the combined list accepts the students; then arrange their exam preparation (R13, R14).'],
  hint_bureau: ['双方学校盖章的汇总名单由区教育局备案，备案即为学生管理交接的依据；备案后退回初中须由区教育局决定（R13、R14）。', 'The district bureau files the lists both schools sealed: filing hands the students over; a return afterwards is its decision (R13, R14).'],
  tab_curriculum: ['课程完成确认', 'Curriculum'],
  tab_pending: ['待盖章', 'To seal'],
  tab_all: ['全部申请', 'All requests'],
  tab_lists: ['汇总名单', 'Combined lists'],
  tab_prep: ['备考安排', 'Exam preparation'],
  tab_exam: ['考试结果', 'Exam results'],
  tab_filing: ['备案', 'Filing'],
  tab_register: ['交接登记', 'Handover register'],
  tab_report: ['统计', 'Figures'],
  tab_caps: ['提前学习名额', 'Seat caps'],
});

type TabKey = 'curriculum' | 'pending' | 'all' | 'lists' | 'prep' | 'exam' | 'filing' | 'register' | 'report' | 'caps';

export function EarlyTransfersPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const c = useAppCampaign();
  const [params, setParams] = useSearchParams();
  const party = partyOfKind(me.organization.kind);
  const campaignId = c.campaign?.id;

  const tabs: { key: TabKey; render: (id: number) => ReactNode }[] = [];
  if (party === 'source' && can('curriculum.write')) tabs.push({ key: 'curriculum', render: (id) => <CurriculumTab campaignId={id} /> });
  if (party !== 'bureau') {
    if (can('transfer.seal')) tabs.push({ key: 'pending', render: (id) => <PendingTab campaignId={id} party={party} /> });
    tabs.push({ key: 'all', render: (id) => <RegisterTab campaignId={id} party={party} /> });
    tabs.push({ key: 'lists', render: (id) => <ListsTab campaignId={id} canCreate={can('transfer.seal')} /> });
    if (party === 'school') {
      tabs.push({ key: 'prep', render: (id) => <PrepTab campaignId={id} /> });
      tabs.push({ key: 'exam', render: (id) => <ExamTab campaignId={id} /> });
      // A school sets the caps of its own programmes (part of its planned seats).
      if (can('major.write')) tabs.push({ key: 'caps', render: (id) => <CapsTab campaignId={id} /> });
    }
  } else {
    if (can('transfer.file')) tabs.push({ key: 'filing', render: (id) => <FilingTab campaignId={id} /> });
    tabs.push({ key: 'register', render: (id) => <RegisterTab campaignId={id} party="bureau" /> });
    tabs.push({ key: 'report', render: (id) => <ReportTab campaignId={id} /> });
    // Whoever sets planned seats sets the caps: the district its district-run schools', the city any (the rows say which are editable).
    if (can('major.read')) tabs.push({ key: 'caps', render: (id) => <CapsTab campaignId={id} /> });
  }
  const asked = params.get('tab') as TabKey | null;
  const active = tabs.find((x) => x.key === asked)?.key ?? tabs[0]?.key;

  return (
    <div data-testid="early-transfers-page" data-party={party}>
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={campaignId ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t(`hint_${party}`)}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {!c.isPending && !c.campaign && <Empty description={t('noCampaign')} />}
      {campaignId && (
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            activeKey={active}
            onChange={(k) => setParams((p) => { p.set('tab', k); return p; }, { replace: true })}
            destroyOnHidden
            data-testid="et-tabs"
            items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`et-tab-${x.key}`}>{t(`tab_${x.key}`)}</span>, children: x.render(campaignId) }))}
          />
        </Card>
      )}
    </div>
  );
}
