/**
 * `/alliances` (R3): the joint enrollments. 第一职校 and 市职高 appear to applicants as one:
 * art majors on the 第一职校 campus, every other major on the 市职高 campus, and all their
 * students count toward N_district — a rule stored here, not hard-coded.
 */
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../../lib/session';
import { publicityMessages } from '../messages';
import type { Alliance } from '../types';
import { AllianceFormDrawer } from './AllianceFormDrawer';
import { useAlliances } from './api';

const m = defineMessages({
  ...publicityMessages,
  title: ['联合招生', 'Joint enrollments'],
  create: ['新建联合招生', 'New joint enrollment'],
  members: ['成员学校', 'Members'],
  rules: ['校区规则', 'Campus rule'],
  counts: ['计入 N_district', 'Counts toward N_district'],
  empty: ['还没有联合招生', 'No joint enrollment yet'],
});

export function AlliancesPage() {
  const { t } = useI18n(m);
  const can = useCan();
  const list = useAlliances();
  const [form, setForm] = useState<{ alliance?: Alliance } | null>(null);
  const write = can('alliance.write');

  return (
    <div data-testid="alliances-page">
      <PageHeader title={t('title')} extra={write && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>{t('create')}</Button>} />
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending ? (
        <Card><Skeleton active /></Card>
      ) : list.data && list.data.items.length === 0 ? (
        <Card><Empty description={t('empty')} /></Card>
      ) : (
        <Row gutter={[16, 16]}>
          {list.data?.items.map((a) => (
            <Col key={a.id} xs={24} lg={12}>
              <Card size="small" title={a.name} data-testid="alliance-card"
                extra={write && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setForm({ alliance: a })}>{t('edit')}</Button>}>
                <Descriptions size="small" column={1} items={[
                  { key: 'm', label: t('members'), children: a.members.map((x) => x.name).join('、') },
                  ...a.rules.map((r) => ({ key: r.category, label: t(`cat_${r.category}`), children: <>{r.campusName} <Tag>{r.schoolName}</Tag></> })),
                  { key: 'n', label: t('counts'), children: a.countsTowardNDistrict ? <Tag color="green">{t('yes')}</Tag> : <Tag>{t('no')}</Tag> },
                ]} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {form && <AllianceFormDrawer alliance={form.alliance} onClose={() => setForm(null)} />}
    </div>
  );
}
