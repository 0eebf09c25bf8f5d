/** A bureau creates a district's campaign for a year; every setting starts at the plan's default. */
import { useState } from 'react';
import { App, Descriptions, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { OrgSelect } from '../../components/OrgSelect';
import { applyApiError, type FormProblem } from '../../lib/forms';
import { useSession } from '../../lib/session';
import type { Campaign } from '../../lib/types';
import { useCampaignDefaults, useCreateCampaign } from './api';
import { settingsMessages } from './SettingsFields';

const m = defineMessages({
  ...settingsMessages,
  title: ['新建招生活动', 'New campaign'],
  district: ['区', 'District'],
  year: ['年度', 'Year'],
  name: ['名称（可不填）', 'Name (optional)'],
  defaults: ['将采用方案的默认设置，建立后可修改：', 'The plan’s defaults apply; you can change them afterwards:'],
  created: ['招生活动已建立', 'Campaign created'],
  visitsShort: ['进校宣传（区属 / 市属）', 'Visits (district / city-run)'],
  ratioShort: ['职普比', 'Vocational : general'],
});

type Values = { districtId: number; year: number; name?: string };

export function CreateCampaignModal({ defaultYear, onClose, onCreated }: { defaultYear: number; onClose: () => void; onCreated: (c: Campaign) => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form) ?? defaultYear;
  const defaults = useCampaignDefaults(typeof year === 'number' ? year : null);
  const create = useCreateCampaign();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const inDistrict = me.organization.kind === 'district_bureau';

  const onFinish = (v: Values) => {
    setProblem(null);
    create.mutate(
      { districtId: v.districtId, year: v.year, name: v.name?.trim() || undefined },
      { onSuccess: (c) => { message.success(t('created')); onCreated(c); }, onError: (e) => setProblem(applyApiError(form, e, { CAMPAIGN_EXISTS: 'year' })) },
    );
  };
  const d = defaults.data;

  return (
    <Modal open width={600} title={t('title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} data-testid="create-campaign">
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ year: defaultYear, districtId: inDistrict ? me.organization.id : undefined }} disabled={create.isPending}>
        {inDistrict ? (
          <Form.Item label={t('district')}>
            <Typography.Text strong>{me.organization.name}</Typography.Text>
            <Form.Item name="districtId" hidden noStyle>
              <InputNumber />
            </Form.Item>
          </Form.Item>
        ) : (
          <Form.Item name="districtId" label={t('district')} rules={[{ required: true, message: t('required') }]}>
            <OrgSelect kinds={['district_bureau']} />
          </Form.Item>
        )}
        <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ min: 2, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('defaults')}</Typography.Paragraph>
      {defaults.isError && <ApiErrorAlert error={defaults.error} />}
      {defaults.isFetching && !d && <Skeleton active paragraph={{ rows: 3 }} />}
      {d && (
        <Descriptions size="small" bordered column={2} data-testid="campaign-defaults" items={[
          { key: 'nd', label: 'N_district (R1)', children: d.nDistrict },
          { key: 'nt', label: 'N_total (R1)', children: d.nTotal },
          { key: 'v', label: `${t('visitsShort')} (R9)`, children: `${d.visitWindowDistrictRun.from.slice(5)}~${d.visitWindowDistrictRun.to.slice(5)} / ${d.visitWindowCityRun.from.slice(5)}~${d.visitWindowCityRun.to.slice(5)}`, span: 2 },
          { key: 'm', label: `${t('maxVisit')} (R10)`, children: d.maxVisitMinutes },
          { key: 'r', label: `${t('ratioShort')} (R12)`, children: `${Math.round(d.vocationalRatio * 100)}:${100 - Math.round(d.vocationalRatio * 100)}` },
          { key: 'e', label: `${t('early')} (R13)`, children: d.earlyTransferFrom },
          { key: 's', label: `${t('statistics')} (R18)`, children: d.statisticsDeadline },
        ]} />
      )}
    </Modal>
  );
}
