/**
 * Create or edit an organisation. The fields follow the kind: a district bureau sits
 * under the city bureau, a junior high in a district, and a vocational school needs
 * who runs it, its ownership and its district (R3/R4). Editing changes only what the
 * API lets change (name, address, contact, ownership).
 */
import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import { orgKindLabels, orgKinds, type OrgKind } from '@zhizhao/contracts/roles';
import { useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { OrgSelect } from '../../components/OrgSelect';
import { applyApiError, type FormProblem } from '../../lib/forms';
import { useSession } from '../../lib/session';
import type { Organization } from '../../lib/types';
import { useCreateOrg, useUpdateOrg } from './api';
import { orgMessages } from './messages';

type Values = {
  kind: OrgKind;
  code: string;
  name: string;
  parentId?: number | null;
  districtId?: number | null;
  runBy?: 'district' | 'city';
  ownership?: 'public' | 'private';
  address?: string;
  contactName?: string;
  contactPhone?: string;
};

export function OrgFormDrawer({ mode, org, onClose }: { mode: 'create' | 'edit'; org?: Organization; onClose: () => void }) {
  const { t, l } = useI18n(orgMessages);
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const inDistrict = me.organization.kind === 'district_bureau';
  // A school edits its own contacts; its name and ownership are the supervising bureau's (issue 14 §6).
  const ownRecord = mode === 'edit' && org?.id === me.organization.id && (me.organization.kind === 'junior_high' || me.organization.kind === 'vocational_school');
  const kind = Form.useWatch('kind', form) ?? org?.kind;
  const editing = mode === 'edit' && org;
  const pending = create.isPending || update.isPending;

  const initial: Partial<Values> = editing
    ? { ...org, ownership: org.ownership ?? undefined, runBy: org.runBy ?? undefined }
    : { kind: inDistrict ? 'junior_high' : undefined, districtId: inDistrict ? me.organization.id : null };

  const onFinish = (v: Values) => {
    setProblem(null);
    const onError = (e: Error) =>
      setProblem(applyApiError(form, e, { ORG_CODE_TAKEN: 'code', ORG_INVALID_PARENT: v.kind === 'district_bureau' ? 'parentId' : 'districtId' }));
    const contact = { address: v.address ?? '', contactName: v.contactName ?? '', contactPhone: v.contactPhone ?? '' };
    if (editing) {
      const ownership = org.kind === 'vocational_school' ? v.ownership : undefined;
      update.mutate({ id: org.id, name: v.name, ...contact, ...(ownership ? { ownership } : {}) }, { onSuccess: () => { message.success(t('saved')); onClose(); }, onError });
      return;
    }
    const voc = v.kind === 'vocational_school';
    const districtId = v.kind === 'junior_high' || voc ? (v.districtId ?? null) : null;
    // The server places schools itself (under the district, or the city for a city-run school); only a district names its city.
    const parentId = v.kind === 'district_bureau' ? (v.parentId ?? null) : null;
    create.mutate(
      { kind: v.kind, code: v.code, name: v.name, parentId, districtId, runBy: voc ? (v.runBy ?? null) : null, ownership: voc ? (v.ownership ?? null) : null, ...contact },
      { onSuccess: () => { message.success(t('created')); onClose(); }, onError },
    );
  };

  const req = [{ required: true, message: t('required') }];
  return (
    <Drawer
      open
      size={520}
      title={editing ? `${t('editTitle')} · ${org.name}` : t('create')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="org-form-submit">{t('save')}</Button>
        </Flex>
      }
    >
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} disabled={pending}>
        <Form.Item name="kind" label={t('kind')} rules={req}>
          <Select
            disabled={!!editing}
            options={orgKinds.filter((k) => !inDistrict || k === 'junior_high' || k === 'vocational_school').map((k) => ({ value: k, label: l(orgKindLabels[k]) }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('code')} rules={[...req, { pattern: /^[A-Za-z0-9_-]{2,32}$/, message: t('codeRule') }]} extra={editing ? undefined : t('codeRule')}>
          <Input disabled={!!editing} maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[...req, { min: 2, max: 100 }]} extra={ownRecord ? t('masterByBureau') : undefined}>
          <Input maxLength={100} disabled={ownRecord} />
        </Form.Item>
        {!editing && kind === 'district_bureau' && (
          <Form.Item name="parentId" label={t('parent')} rules={req}>
            <OrgSelect kinds={['city_bureau']} />
          </Form.Item>
        )}
        {!editing && kind === 'vocational_school' && (
          <Form.Item name="runBy" label={t('runBy')} rules={req} extra={t('vocationalHint')}>
            <Radio.Group options={[{ value: 'district', label: t('run_district') }, { value: 'city', label: t('run_city') }]} />
          </Form.Item>
        )}
        {kind === 'vocational_school' && (
          <Form.Item name="ownership" label={t('ownership')} rules={req}>
            <Radio.Group disabled={ownRecord} options={[{ value: 'public', label: t('own_public') }, { value: 'private', label: t('own_private') }]} />
          </Form.Item>
        )}
        {!editing && (kind === 'junior_high' || kind === 'vocational_school') && (
          <Form.Item name="districtId" label={t('district')} rules={req}>
            <OrgSelect kinds={['district_bureau']} disabled={inDistrict} />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="contactName" label={t('contactName')} rules={[{ max: 50 }]} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('contactPhone')} rules={[{ max: 30 }]} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
