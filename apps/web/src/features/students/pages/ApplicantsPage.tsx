/**
 * `/applicants` 报名学生: a vocational school sees who chose one of its programmes (and only
 * what it needs: name, exam number, junior high, the rank, the status), per programme.
 */
import { useState } from 'react';
import { Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { applicationStatuses } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useSession } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useApplicants, useProgrammes } from '../api';
import { studentMessages } from '../messages';
import { StatusTag, useAppCampaign } from '../shared';
import type { Applicant } from '../types';

const m = defineMessages({
  ...studentMessages,
  title: ['报名学生', 'Applicants'],
  hint: ['填报了本校专业的学生（含社会人员）。只有学生和家长都确认的志愿才计入录取。', 'Students (and social applicants) who chose one of the school\'s programmes. Only applications confirmed by both count for admission.'],
  programme: ['专业', 'Programme'],
  allProgrammes: ['全部专业', 'All programmes'],
  allStatuses: ['全部状态', 'All statuses'],
  rank: ['志愿序号', 'Rank'],
  campus: ['校区', 'Campus'],
  adjust: ['服从调剂', 'Reassignment'],
  social: ['社会人员', 'Social'],
  empty: ['还没有学生填报本校', 'No one has chosen the school yet'],
});

export function ApplicantsPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const c = useAppCampaign();
  const campaignId = c.campaign?.id;
  const [programmeId, setProgrammeId] = useState<number | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const q = useApplicants({ campaignId, programmeId, status, ...p });
  const programmes = useProgrammes(campaignId);
  const own = (programmes.data?.items ?? []).filter((x) => x.schoolId === me.organization.id);
  return (
    <div data-testid="applicants-page">
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={campaignId ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select allowClear placeholder={t('allProgrammes')} style={{ minWidth: 220 }} value={programmeId} onChange={(v?: number) => { setProgrammeId(v); setP((x) => ({ ...x, page: 1 })); }}
            options={own.map((x) => ({ value: x.programmeId, label: `${x.majorName}${x.campusName ? `（${x.campusName}）` : ''}` }))} />
          <Select allowClear placeholder={t('allStatuses')} style={{ minWidth: 140 }} value={status} onChange={(v?: string) => { setStatus(v); setP((x) => ({ ...x, page: 1 })); }}
            options={applicationStatuses.map((x) => ({ value: x, label: t(`st_${x}`) }))} />
        </Flex>
        {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<Applicant>
          rowKey={(r) => `${r.studentId}:${r.programmeId}`}
          size="middle"
          loading={q.isFetching || c.isPending}
          dataSource={q.data?.items}
          scroll={{ x: 1000 }}
          data-testid="applicants-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          pagination={{ current: p.page, pageSize: p.pageSize, total: q.data?.total ?? 0, showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setP({ page, pageSize }) }}
          columns={[
            { title: t('name'), dataIndex: 'name', width: 110, render: (n: string, r) => <>{n} {r.social && <Tag>{t('social')}</Tag>}</> },
            { title: t('gender'), dataIndex: 'gender', width: 60, render: (g: Applicant['gender']) => t(g) },
            { title: t('examNo'), dataIndex: 'examNo', width: 130 },
            { title: t('juniorHigh'), dataIndex: 'juniorHighName', width: 170, ellipsis: true, render: (x: string | null) => x ?? '—' },
            { title: t('programme'), dataIndex: 'majorName', width: 160 },
            { title: t('campus'), dataIndex: 'campusName', width: 110 },
            { title: t('rank'), dataIndex: 'rank', width: 80, align: 'right' as const },
            { title: t('adjust'), dataIndex: 'acceptAdjustment', width: 90, render: (x: boolean) => (x ? t('yes') : t('no')) },
            { title: t('applicationStatus'), dataIndex: 'status', width: 120, render: (s: Applicant['status']) => <StatusTag status={s} /> },
          ]}
        />
      </Card>
    </div>
  );
}
