/**
 * `/visits/approvals`: what waits for the district bureau (R19: no school enters a junior high
 * without its written, sealed approval) — requested visits in date order with conflicts
 * highlighted, approve or refuse with a reason — and the permits it has issued, to revoke.
 */
import { useState } from 'react';
import { Alert, Card, Skeleton, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useAllVisits } from '../api';
import { visitMessages } from '../messages';
import { useVisitCampaign } from '../shared/campaign';
import { VisitActions } from '../shared/VisitActions';
import { VisitDrawer } from '../shared/VisitDrawer';
import { VisitTable } from '../shared/VisitTable';
import type { Visit } from '../types';
import { PermitsTable } from './PermitsTable';

const m = defineMessages({
  ...visitMessages,
  title: ['进校审批', 'Visit approval'],
  hint: ['学校申请的进校宣传：核对时段、人员和发放的备案简章后批准（签发盖章许可证）或说明原因不予批准。标橙色的申请与同一初中的其他安排时间重叠。', 'Visits the schools ask for: check the slot, the staff and the filed brochure, then approve (issuing the sealed permit) or refuse with a reason. Orange rows overlap another visit at the same junior high.'],
  queue: ['待审批（{n}）', 'Waiting ({n})'],
  permits: ['已签发许可证', 'Issued permits'],
  empty: ['没有待审批的进校宣传申请', 'Nothing waits for approval'],
  conflicts: ['{n} 个申请与其他安排时间冲突，请先处理。', '{n} request(s) overlap another visit; look at them first.'],
});

const bySlot = (a: Visit, b: Visit) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start);

export function ApprovalsPage() {
  const { t } = useI18n(m);
  const c = useVisitCampaign();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'permits' ? 'permits' : 'queue';
  const queue = useAllVisits({ campaignId: c.campaign?.id, status: 'requested' }, !!c.campaign);
  const [open, setOpen] = useState<Visit | null>(null);
  const list = [...(queue.data ?? [])].sort(bySlot);
  const conflicting = list.filter((v) => v.conflicts.length > 0).length;

  return (
    <div data-testid="visit-approvals-page">
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={c.campaign?.id ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {c.isPending && <Skeleton active />}
      {!c.isPending && !c.error && !c.campaign && <Alert type="info" showIcon title={t('noCampaign')} />}
      {c.campaign && (
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams(k === 'permits' ? { tab: k } : {}, { replace: true })}
            items={[
              {
                key: 'queue',
                label: <span data-testid="tab-queue">{t('queue', { n: list.length })}</span>,
                children: (
                  <>
                    {queue.isError && <ApiErrorAlert error={queue.error} onRetry={() => queue.refetch()} />}
                    {conflicting > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('conflicts', { n: conflicting })} />}
                    <VisitTable
                      testId="approval-queue"
                      visits={list}
                      loading={queue.isFetching}
                      empty={t('empty')}
                      onOpen={setOpen}
                      actions={(v) => <VisitActions v={v} today={c.today} maxMinutes={c.maxMinutes} compact />}
                    />
                  </>
                ),
              },
              { key: 'permits', label: <span data-testid="tab-permits">{t('permits')}</span>, children: <PermitsTable campaignId={c.campaign.id} onOpen={(id) => setOpen({ id } as Visit)} /> },
            ]}
          />
        </Card>
      )}
      <VisitDrawer id={open?.id ?? null} initial={open && 'status' in open ? open : null} today={c.today} maxMinutes={c.maxMinutes} onClose={() => setOpen(null)} />
    </div>
  );
}
