import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Skeleton, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useClock } from '../../lib/clock';
import { useCan, useSession } from '../../lib/session';
import type { Campaign } from '../../lib/types';
import { useCampaigns } from './api';
import { CampaignSettingsForm } from './CampaignSettingsForm';
import { CreateCampaignModal } from './CreateCampaignModal';

const m = defineMessages({
  title: ['招生活动设置', 'Campaign settings'],
  create: ['新建招生活动', 'New campaign'],
  year: ['年度', 'Year'],
  district: ['区', 'District'],
  name: ['名称', 'Name'],
  empty: ['还没有招生活动', 'No campaign yet'],
  emptyWrite: ['还没有招生活动。新建一个年度的活动，设置将采用方案的默认值。', 'No campaign yet. Create one for a year; it starts with the plan’s defaults.'],
  pick: ['请在左侧选择一个招生活动', 'Choose a campaign on the left'],
  current: ['本年度', 'This year'],
});

export function CampaignsPage() {
  const { t } = useI18n(m);
  const can = useCan();
  const me = useSession();
  const clock = useClock();
  const list = useCampaigns();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const thisYear = Number((clock.data?.today ?? new Date().toISOString()).slice(0, 4));
  // Bureaus set campaigns up (R1); the permission says so, the bureau kind keeps schools out of the button.
  const canCreate = can('campaign.write') && (me.organization.kind === 'city_bureau' || me.organization.kind === 'district_bureau');
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.year - a.year || a.districtName.localeCompare(b.districtName));
  const selected = items.find((c) => c.id === selectedId) ?? items[0];

  return (
    <div data-testid="campaigns">
      <PageHeader title={t('title')} extra={canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('create')}</Button>} />
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton active />}
      {list.isSuccess && items.length === 0 && (
        <Card>
          <Empty description={canCreate ? t('emptyWrite') : t('empty')}>
            {canCreate && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>}
          </Empty>
        </Card>
      )}
      {items.length > 0 && (
        <Row gutter={16} wrap={false}>
          <Col flex="300px">
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <Table<Campaign>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={items}
                rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected.id] : [], onChange: (keys) => setSelectedId(Number(keys[0])), columnWidth: 32 }}
                onRow={(c) => ({ onClick: () => setSelectedId(c.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('year'), dataIndex: 'year', width: 80, render: (y: number) => (y === thisYear ? <Tag color="blue">{y}</Tag> : y) },
                  { title: t('district'), dataIndex: 'districtName', ellipsis: true },
                ]}
              />
            </Card>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {selected ? <CampaignSettingsForm key={selected.id} campaign={selected} /> : <Empty description={t('pick')} />}
          </Col>
        </Row>
      )}
      {creating && (
        <CreateCampaignModal
          defaultYear={thisYear}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setSelectedId(c.id);
          }}
        />
      )}
    </div>
  );
}
