/**
 * Edit one campaign's settings. Consistency is checked in the browser with the same
 * domain function the server runs; saving requires a reason, kept in the audit log.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { checkCampaignSettings } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { isApiError } from '../../lib/api';
import { applyApiError, setFieldErrors, type FormProblem } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { useCan, useSession } from '../../lib/session';
import type { Campaign } from '../../lib/types';
import { useUpdateCampaign } from './api';
import { changedSettings, fromFormValues, toFormValues, type SettingsValues } from './settingsForm';
import { SettingsFields } from './SettingsFields';

const m = defineMessages({
  name: ['活动名称', 'Name'],
  reason: ['修改原因', 'Reason for the change'],
  reasonHint: ['必填，记入审计日志', 'Required; kept in the audit log'],
  reasonRule: ['请填写 2–500 字的修改原因', 'Give a reason of 2–500 characters'],
  nothing: ['没有修改任何内容', 'Nothing has changed'],
  inconsistent: ['设置不一致，请检查标出的字段', 'The settings are inconsistent; see the marked fields'],
  readOnly: ['您的角色只能查看招生活动设置。', 'Your role can view the campaign settings but not change them.'],
  updated: ['最后修改：{t}', 'Last changed: {t}'],
  discard: ['放弃修改', 'Discard changes'],
});

type Values = { name: string; settings: SettingsValues; reason: string };

export function CampaignSettingsForm({ campaign }: { campaign: Campaign }) {
  const { t, locale } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('campaign.write');
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCampaign();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const initial = () => ({ name: campaign.name, settings: toFormValues(campaign.settings), reason: '' });

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(initial());
    setProblem(null);
    // Reload the form when another campaign is chosen or this one was saved.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaign.id, campaign.updatedAt]);

  // CAMPAIGN_SETTINGS_INVALID carries the domain's problems ({ path, zh, en }); other errors map as usual.
  const serverProblem = (e: Error): FormProblem => {
    const problems = isApiError(e, 'CAMPAIGN_SETTINGS_INVALID') ? (e.details as { problems?: { path: string; zh: string; en: string }[] } | undefined)?.problems : undefined;
    if (!problems?.length) return applyApiError(form, e);
    const unmatched = setFieldErrors(form, problems.map((p) => ({ path: p.path.replace(/^settings\./, ''), message: locale === 'zh-CN' ? p.zh : p.en })), ['settings']);
    return { error: e, unmatched };
  };

  const onFinish = (v: Values) => {
    setProblem(null);
    const settings = fromFormValues(v.settings);
    const problems = checkCampaignSettings(campaign.year, settings);
    if (problems.length) {
      const unmatched = setFieldErrors(form, problems.map((p) => ({ path: p.path, message: locale === 'zh-CN' ? p.zh : p.en })), ['settings']);
      setProblem({ error: new Error(t('inconsistent')), unmatched });
      return;
    }
    const changed = changedSettings(campaign.settings, settings);
    const name = v.name.trim() !== campaign.name ? v.name.trim() : undefined;
    if (!name && Object.keys(changed).length === 0) {
      message.info(t('nothing'));
      return;
    }
    update.mutate(
      { id: campaign.id, name, settings: Object.keys(changed).length ? changed : undefined, reason: v.reason.trim() },
      { onSuccess: () => message.success(t('saved')), onError: (e) => setProblem(serverProblem(e)) },
    );
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial()} onFinish={onFinish} disabled={!writable || update.isPending} data-testid="campaign-settings">
      {!writable && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 12 }} />}
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={16} align="end" wrap>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }, { min: 2, max: 100 }]} style={{ flex: 1, minWidth: 240, marginBottom: 0 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Typography.Text type="secondary">{t('updated', { t: formatDateTime(campaign.updatedAt) })}</Typography.Text>
        </Flex>
      </Card>
      <SettingsFields cityFieldsLocked={me.organization.kind !== 'city_bureau'} />
      {writable && (
        <Card size="small" style={{ marginTop: 12, position: 'sticky', bottom: 0, zIndex: 2 }}>
          <Flex gap={12} align="start" wrap>
            <Form.Item
              name="reason"
              label={t('reason')}
              extra={t('reasonHint')}
              rules={[{ required: true, whitespace: true, message: t('reasonRule') }, { min: 2, max: 500, message: t('reasonRule') }]}
              style={{ flex: 1, minWidth: 280, marginBottom: 0 }}
            >
              <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="campaign-reason" />
            </Form.Item>
            <Flex gap={8} style={{ paddingTop: 30 }}>
              <Button onClick={() => { form.resetFields(); form.setFieldsValue(initial()); setProblem(null); }}>{t('discard')}</Button>
              <Button type="primary" htmlType="submit" loading={update.isPending}>{t('save')}</Button>
            </Flex>
          </Flex>
        </Card>
      )}
    </Form>
  );
}
