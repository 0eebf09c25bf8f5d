/**
 * `/brochures`: a school's own brochures (every version) with “new brochure”; a bureau's
 * view of every brochure in its scope, filtered by campaign, state and school.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { brochureStateLabels, brochureStates } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrgSelect } from '../../../components/OrgSelect';
import { PageHeader } from '../../../components/PageHeader';
import { useCan, useSession } from '../../../lib/session';
import { useDefaultCampaign } from '../shared/campaign';
import { CampaignSelect } from '../shared/CampaignSelect';
import type { BrochureStatus } from '../types';
import { useBrochureList, useCreateBrochure, type BrochureFilters } from './api';
import { BrochureTable } from './BrochureTable';

const m = defineMessages({
  title: ['招生简章', 'Enrollment brochures'],
  create: ['新建本年度招生简章', 'New brochure for this year'],
  created: ['招生简章草稿已创建', 'Draft brochure created'],
  emptySchool: ['本年度还没有招生简章。新建一份，系统会从学校档案带出必备事项（R6）。', 'No brochure for this year yet. Create one: the mandatory facts come from the school’s records (R6).'],
  empty: ['没有符合条件的招生简章', 'No brochure matches'],
  school: ['学校', 'School'],
  noCampaign: ['尚未建立本年度招生活动，暂不能新建招生简章。', 'There is no campaign for this year yet, so no brochure can be created.'],
});

export function BrochuresPage() {
  const { t, l } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const isSchool = me.organization.kind === 'vocational_school';
  const def = useDefaultCampaign(me.organization.districtId);
  const [picked, setPicked] = useState<number | null>(null);
  const campaignId = picked ?? def.campaign?.id;
  const [f, setF] = useState<Omit<BrochureFilters, 'campaignId'>>({ page: 1, pageSize: 20 });
  const list = useBrochureList({ ...f, campaignId }, !def.isPending);
  const create = useCreateBrochure();
  const [createError, setCreateError] = useState<unknown>(null);
  const patch = (p: Partial<BrochureFilters>) => setF((x) => ({ ...x, ...p, page: 1 }));

  const open = list.data?.items.some((b) => b.status !== 'superseded' && b.status !== 'withdrawn');
  const canCreate = isSchool && can('brochure.edit') && !!campaignId && list.isSuccess && !open;
  const onCreate = () => {
    setCreateError(null);
    create.mutate(
      { campaignId: campaignId!, organizationId: me.organization.id },
      { onSuccess: (d) => { message.success(t('created')); navigate(`/brochures/${d.id}`); }, onError: setCreateError },
    );
  };

  return (
    <div data-testid="brochures-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <CampaignSelect campaigns={def.campaigns} value={campaignId ?? null} onChange={(id) => { setPicked(id); patch({}); }} />
            {canCreate && <Button type="primary" icon={<PlusOutlined />} loading={create.isPending} onClick={onCreate} data-testid="brochure-create">{t('create')}</Button>}
          </>
        }
      />
      {def.error && <ApiErrorAlert error={def.error} onRetry={def.refetch} />}
      {createError != null && <ApiErrorAlert error={createError} />}
      {isSchool && !def.isPending && !def.error && !def.campaign && <Alert type="info" showIcon title={t('noCampaign')} style={{ marginBottom: 16 }} />}
      <Card size="small">
        {!isSchool && (
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Select<BrochureStatus>
              allowClear
              placeholder={t('status')}
              style={{ width: 170 }}
              value={f.status}
              onChange={(status) => patch({ status })}
              options={brochureStates.map((s) => ({ value: s, label: l(brochureStateLabels[s]) }))}
              data-testid="brochure-status-filter"
            />
            <OrgSelect kinds={['vocational_school']} placeholder={t('school')} value={f.organizationId ?? null} onChange={(id) => patch({ organizationId: id ?? undefined })} />
          </Flex>
        )}
        {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
        <BrochureTable
          data={list.data}
          loading={list.isFetching || def.isPending}
          empty={isSchool ? t('emptySchool') : t('empty')}
          page={f.page}
          pageSize={f.pageSize}
          onPage={(page, pageSize) => setF((x) => ({ ...x, page, pageSize }))}
          showSchool={!isSchool}
        />
      </Card>
    </div>
  );
}
