/**
 * R1 for one district and year: the city bureau sets N_district and N_total with a
 * reason (targets.district.write); everyone who opens it sees the change history.
 */
import { useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Skeleton, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { applyApiError, type FormProblem } from '../../lib/forms';
import { useDistrictTargets, useSetDistrictTargets } from './api';
import { DistrictTargetHistory } from './DistrictTargetHistory';
import { targetsMessages } from './messages';

const m = defineMessages({
  ...targetsMessages,
  drawerTitle: ['{district} · {year} 年度目标', '{district} · {year} targets'],
  nDistrictHelp: ['区属中职学校须完成的招生人数（R1）', 'Students the district-run vocational schools must enroll (R1)'],
  nTotalHelp: ['本区初中毕业生进入市属、区属中职学校的总人数（R1）', 'The district’s graduates entering city- or district-run vocational schools (R1)'],
  reasonHelp: ['必填，与变更一起保存', 'Required; kept with the change'],
  history: ['变更记录', 'Change history'],
  savedTargets: ['已保存 {district} 的目标', 'Targets of {district} saved'],
  nothing: ['目标没有变化', 'Nothing has changed'],
});

type Values = { nDistrict: number; nTotal: number; reason: string };

export function DistrictTargetsDrawer({ campaignId, editable, onClose }: { campaignId: number; editable: boolean; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const q = useDistrictTargets(campaignId);
  const save = useSetDistrictTargets();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const d = q.data;

  useEffect(() => {
    if (d) form.setFieldsValue({ nDistrict: d.nDistrict, nTotal: d.nTotal, reason: '' });
  }, [d, form]);

  const onFinish = (v: Values) => {
    setProblem(null);
    if (d && v.nDistrict === d.nDistrict && v.nTotal === d.nTotal) {
      message.info(t('nothing'));
      return;
    }
    save.mutate(
      { campaignId, nDistrict: v.nDistrict, nTotal: v.nTotal, reason: v.reason.trim() },
      {
        onSuccess: () => { message.success(t('savedTargets', { district: d?.districtName ?? '' })); onClose(); },
        onError: (e) => setProblem(applyApiError(form, e)),
      },
    );
  };

  const req = { required: true, message: t('required') };
  return (
    <Drawer open size={720} onClose={onClose} title={d ? t('drawerTitle', { district: d.districtName, year: d.year }) : ''} data-testid="district-targets-drawer">
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton active />}
      {d && editable && (
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={save.isPending} data-testid="district-targets-form">
          {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
          <Form.Item name="nDistrict" label={`${t('nDistrict')} N_district`} extra={t('nDistrictHelp')} rules={[req]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} data-testid="input-ndistrict" />
          </Form.Item>
          <Form.Item name="nTotal" label={`${t('nTotal')} N_total`} extra={t('nTotalHelp')} rules={[req]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} data-testid="input-ntotal" />
          </Form.Item>
          <Form.Item name="reason" label={t('reason')} extra={t('reasonHelp')} rules={[req, { whitespace: true, message: t('reasonRule') }, { min: 2, max: 500, message: t('reasonRule') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="input-district-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="district-targets-submit">{t('save')}</Button>
        </Form>
      )}
      {d && (
        <>
          <Typography.Title level={5} style={{ marginTop: editable ? 24 : 0 }}>{t('history')}</Typography.Title>
          <DistrictTargetHistory history={d.history} />
        </>
      )}
    </Drawer>
  );
}
