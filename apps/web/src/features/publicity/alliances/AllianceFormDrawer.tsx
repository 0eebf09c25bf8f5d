/** Create or edit a joint enrollment: members, the campus of art majors and of the others (R3). */
import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrgSelect } from '../../../components/OrgSelect';
import { applyApiError, type FormProblem } from '../../../lib/forms';
import { useSession } from '../../../lib/session';
import { publicityMessages } from '../messages';
import type { Alliance } from '../types';
import { useCreateAlliance, useMemberCampuses, useUpdateAlliance, useVocationalSchools, type AllianceInput } from './api';

const m = defineMessages({
  ...publicityMessages,
  createTitle: ['新建联合招生', 'New joint enrollment'],
  editTitle: ['编辑联合招生 · {name}', 'Edit joint enrollment · {name}'],
  name: ['名称', 'Name'],
  district: ['所属区', 'District'],
  members: ['成员学校（至少两所）', 'Member schools (two or more)'],
  membersRule: ['请选择至少两所学校', 'Choose at least two schools'],
  counts: ['学生计入区属学校招生目标 N_district（R3）', 'Its students count toward N_district (R3)'],
  artCampus: ['艺术类专业所在校区', 'Campus of art majors'],
  generalCampus: ['非艺术类专业所在校区', 'Campus of the other majors'],
  rulesHint: ['每类专业指定成员学校的一个校区（R3：艺术类在第一职校校区，其他专业在市职高校区）。', 'Each category of major is taught on one campus of a member school (R3).'],
  created: ['联合招生已创建', 'Joint enrollment created'],
});

type Values = { name: string; districtId: number; countsTowardNDistrict: boolean; memberIds: number[]; art?: number; general?: number };

export function AllianceFormDrawer({ alliance, onClose }: { alliance?: Alliance; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const inDistrict = me.organization.kind === 'district_bureau';
  const [form] = Form.useForm<Values>();
  const districtId = Form.useWatch('districtId', form) ?? alliance?.districtId ?? (inDistrict ? me.organization.id : null);
  const memberIds = Form.useWatch('memberIds', form) ?? alliance?.members.map((x) => x.organizationId) ?? [];
  const schools = useVocationalSchools(districtId ?? null);
  const campuses = useMemberCampuses(memberIds);
  const create = useCreateAlliance();
  const update = useUpdateAlliance();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const pending = create.isPending || update.isPending;

  const rule = (c: 'art' | 'general') => alliance?.rules.find((r) => r.category === c)?.campusId;
  const initial: Partial<Values> = alliance
    ? { name: alliance.name, districtId: alliance.districtId, countsTowardNDistrict: alliance.countsTowardNDistrict, memberIds: alliance.members.map((x) => x.organizationId), art: rule('art'), general: rule('general') }
    : { districtId: inDistrict ? me.organization.id : undefined, countsTowardNDistrict: true, memberIds: [] };

  const onFinish = (v: Values) => {
    setProblem(null);
    const body: AllianceInput = {
      name: v.name.trim(), districtId: v.districtId, countsTowardNDistrict: v.countsTowardNDistrict, memberIds: v.memberIds,
      rules: [{ category: 'art' as const, campusId: v.art! }, { category: 'general' as const, campusId: v.general! }],
    };
    const onError = (e: unknown) => setProblem(applyApiError(form, e));
    if (alliance) update.mutate({ id: alliance.id, ...body }, { onSuccess: () => { message.success(t('saved')); onClose(); }, onError });
    else create.mutate(body, { onSuccess: () => { message.success(t('created')); onClose(); }, onError });
  };

  const req = [{ required: true, message: t('required') }];
  const campusOptions = campuses.campuses.map((c) => ({ value: c.id, label: `${c.name}（${c.school}）` }));
  return (
    <Drawer
      open
      size={520}
      title={alliance ? t('editTitle', { name: alliance.name }) : t('createTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="alliance-form-submit">{t('save')}</Button>
        </Flex>
      }
    >
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} disabled={pending}>
        <Form.Item name="name" label={t('name')} rules={[...req, { min: 2, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="districtId" label={t('district')} rules={req}>
          <OrgSelect kinds={['district_bureau']} disabled={inDistrict || !!alliance} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('members')} rules={[{ validator: async (_, v?: number[]) => { if (!v || v.length < 2) throw new Error(t('membersRule')); } }]}>
          <Select mode="multiple" loading={schools.isFetching} options={(schools.data ?? []).map((o) => ({ value: o.id, label: o.name, disabled: o.manageable === false }))} optionFilterProp="label" data-testid="alliance-members" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('rulesHint')}</Typography.Paragraph>
        <Form.Item name="art" label={t('artCampus')} rules={req}>
          <Select loading={campuses.loading} options={campusOptions} />
        </Form.Item>
        <Form.Item name="general" label={t('generalCampus')} rules={req}>
          <Select loading={campuses.loading} options={campusOptions} />
        </Form.Item>
        <Form.Item name="countsTowardNDistrict" label={t('counts')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
