/**
 * `/social-register` (社会人员报名, R5), public: past graduates, discharged soldiers, rural youth,
 * migrant workers, laid-off and unemployed people register for an open campaign; a vocational
 * school or the district bureau then confirms them in person with their ID document.
 * The resident ID number is checked here already (GB 11643 check digit), the server checks again.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Result, Select, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { checkResidentId, educationLabels, educationLevels, idTypeLabels, idTypes, socialCategories, socialCategoryLabels } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { applyApiError, type FormProblem } from '../../../lib/forms';
import { FamilyError } from '../FamilyError';
import { useOpenCampaigns, useSocialRegistration } from '../api';
import type { SocialReceipt, SocialRegistrationBody } from '../types';

const m = defineMessages({
  title: ['社会人员报名（注册入学）', 'Register as a social applicant'],
  intro: [
    '往届初中毕业生、应往届高中毕业生、退役士兵、农村青年、进城务工人员、下岗职工、失业人员等，可在此报名中职学校。报名后须携带身份证件原件到中职学校或区教育局现场确认，确认后才会获得报名号和登录账号。',
    'Past junior-high graduates, senior-high graduates, discharged soldiers, rural youth, migrant workers, laid-off and unemployed people and others may apply to vocational schools here. Afterwards, bring your ID document to a vocational school or the district bureau to confirm in person; you then receive a registration number and an account.',
  ],
  campaign: ['报名的招生活动', 'Campaign'],
  campaignWindow: ['{name}（{district}，报名 {from} – {to}）', '{name} ({district}, {from} – {to})'],
  noCampaign: ['目前没有正在报名的招生活动。', 'No campaign is open for registration now.'],
  name: ['姓名', 'Name'],
  gender: ['性别', 'Gender'],
  male: ['男', 'Male'],
  female: ['女', 'Female'],
  idType: ['证件类型', 'ID document'],
  idNumber: ['证件号码', 'Document number'],
  genderMismatch: ['身份证号码显示的性别与所选性别不一致，请核对', 'The ID number says another gender: please check'],
  category: ['人员类别', 'Category'],
  education: ['最高学历', 'Education'],
  phone: ['联系电话', 'Phone'],
  phoneBad: ['请输入11位手机号码或固定电话', 'A mobile (11 digits) or a landline'],
  submit: ['提交报名', 'Register'],
  privacy: ['你的证件号码和电话加密保存，仅用于招生确认。', 'Your ID number and phone are stored encrypted and used only for enrollment.'],
  doneTitle: ['报名已提交', 'Registration received'],
  tracking: ['报名查询号', 'Tracking number'],
  bring: ['下一步：请携带身份证件原件（身份证原件）和本查询号，到任一中职学校或区教育局现场确认身份。确认后会发给你报名号和初始密码。', 'Next: bring your ID document (the original) and this tracking number to any vocational school or the district bureau to confirm in person. You then receive a registration number and an initial password.'],
  keep: ['请记下或截图保存查询号。', 'Write down or screenshot the tracking number.'],
  another: ['再报一名', 'Register someone else'],
  brochures: ['查看已备案招生简章', 'See the filed brochures'],
});

type Values = Omit<SocialRegistrationBody, 'campaignId'> & { campaignId?: number };

export function SocialRegisterPage() {
  const { t, l, locale } = useI18n(m);
  const campaigns = useOpenCampaigns();
  const register = useSocialRegistration();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [receipt, setReceipt] = useState<SocialReceipt | null>(null);

  if (receipt) {
    return (
      <Card data-testid="social-register-done">
        <Result
          status="success"
          title={t('doneTitle')}
          subTitle={locale === 'zh-CN' ? receipt.message.zh : receipt.message.en}
          extra={<Button onClick={() => { setReceipt(null); form.resetFields(); register.reset(); }}>{t('another')}</Button>}
        >
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            {t('tracking')}<br />
            <Typography.Text strong copyable style={{ fontSize: 24 }} data-testid="social-tracking-no">{receipt.trackingNo}</Typography.Text>
          </Typography.Paragraph>
          <Alert type="info" showIcon title={t('bring')} description={t('keep')} />
        </Result>
      </Card>
    );
  }

  const onFinish = (v: Values) => {
    setProblem(null);
    const idNumber = v.idType === 'resident_id' ? v.idNumber.replace(/\s+/g, '').toUpperCase() : v.idNumber.trim();
    register.mutate({ ...v, campaignId: v.campaignId!, idNumber }, { onSuccess: setReceipt, onError: (e) => setProblem(applyApiError(form, e)) });
  };
  const items = campaigns.data?.items ?? [];

  return (
    <div data-testid="social-register">
      <Typography.Title level={4} style={{ marginTop: 4 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card size="small">
        {campaigns.isError && <FamilyError error={campaigns.error} />}
        {campaigns.isPending ? <Skeleton active /> : items.length === 0 && !campaigns.isError ? (
          <Alert type="warning" showIcon title={t('noCampaign')} data-testid="social-no-campaign" />
        ) : (
          <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={register.isPending}
            initialValues={{ campaignId: items.length === 1 ? items[0]!.id : undefined, idType: 'resident_id', gender: undefined }}>
            {problem && <FamilyError error={problem.error} />}
            <Form.Item name="campaignId" label={t('campaign')} rules={[{ required: true, message: t('required') }]}>
              <Select data-testid="social-campaign" options={items.map((c) => ({ value: c.id, label: t('campaignWindow', { name: c.name, district: c.districtName, from: c.window.from, to: c.window.to }) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
              <Input maxLength={40} autoComplete="name" data-testid="social-name" />
            </Form.Item>
            <Form.Item name="gender" label={t('gender')} rules={[{ required: true, message: t('required') }]}>
              <Radio.Group options={[{ value: 'male', label: t('male') }, { value: 'female', label: t('female') }]} data-testid="social-gender" />
            </Form.Item>
            <Form.Item name="idType" label={t('idType')} rules={[{ required: true, message: t('required') }]}>
              <Select data-testid="social-id-type" options={idTypes.map((k) => ({ value: k, label: l(idTypeLabels[k]) }))} />
            </Form.Item>
            <Form.Item name="idNumber" label={t('idNumber')} dependencies={['idType', 'gender']} validateFirst
              rules={[
                { required: true, whitespace: true, message: t('required') },
                ({ getFieldValue }) => ({
                  validator: async (_, v: string) => {
                    if (!v || getFieldValue('idType') !== 'resident_id') return;
                    const c = checkResidentId(v);
                    if (!c.ok) throw new Error(l(c));
                  },
                }),
                ({ getFieldValue }) => ({
                  warningOnly: true,
                  validator: async (_, v: string) => {
                    if (!v || getFieldValue('idType') !== 'resident_id' || !getFieldValue('gender')) return;
                    const c = checkResidentId(v);
                    if (c.ok && c.gender !== getFieldValue('gender')) throw new Error(t('genderMismatch'));
                  },
                }),
              ]}>
              <Input maxLength={30} autoComplete="off" spellCheck={false} data-testid="social-id-number" />
            </Form.Item>
            <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('required') }]}>
              <Select data-testid="social-category" options={socialCategories.map((k) => ({ value: k, label: l(socialCategoryLabels[k]) }))} />
            </Form.Item>
            <Form.Item name="education" label={t('education')} rules={[{ required: true, message: t('required') }]}>
              <Select data-testid="social-education" options={educationLevels.map((k) => ({ value: k, label: l(educationLabels[k]) }))} />
            </Form.Item>
            <Form.Item name="phone" label={t('phone')} rules={[{ required: true, message: t('required') }, { pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('phoneBad') }]}>
              <Input maxLength={20} inputMode="tel" autoComplete="tel" data-testid="social-phone" />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('privacy')}</Typography.Paragraph>
            <Button type="primary" htmlType="submit" size="large" block loading={register.isPending} data-testid="social-submit">{t('submit')}</Button>
          </Form>
        )}
      </Card>
      <Typography.Paragraph style={{ marginTop: 12, textAlign: 'center' }}>
        <Link to="/public/brochures">{t('brochures')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
