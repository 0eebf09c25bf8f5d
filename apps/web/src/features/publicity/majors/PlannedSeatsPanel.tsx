/** The planned seats (招生计划) of each major for one campaign, edited in place or via Excel. */
import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, InputNumber, Skeleton, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCan, useSession } from '../../../lib/session';
import { publicityMessages } from '../messages';
import { useDefaultCampaign } from '../shared/campaign';
import { CampaignSelect } from '../shared/CampaignSelect';
import { ExcelImportModal } from '../shared/ExcelImportModal';
import type { MajorCategory, PlannedSeatsRow } from '../types';
import { downloadPlannedSeats, importPlannedSeats, invalidateMajors, usePlannedSeats, useSavePlannedSeats } from './api';

const m = defineMessages({
  ...publicityMessages,
  total: ['合计 {n} 人', '{n} seats in total'],
  unsaved: ['{n} 处修改未保存', '{n} unsaved changes'],
  saveSeats: ['保存招生计划', 'Save planned seats'],
  export: ['导出', 'Export'],
  import: ['导入', 'Import'],
  importTitle: ['导入招生计划', 'Import planned seats'],
  importHint: ['先导出本表，填写“招生计划”列后上传。', 'Export this table, fill in the seats column and upload it.'],
  noCampaign: ['尚未建立招生活动，暂不能填报招生计划。', 'There is no campaign yet, so no seats can be planned.'],
  empty: ['还没有招生专业，请先在“专业”中新建。', 'No major yet: create majors first.'],
  notSet: ['未填', 'Not set'],
});

export function PlannedSeatsPanel() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useSession();
  const can = useCan();
  const isSchool = me.organization.kind === 'vocational_school';
  const def = useDefaultCampaign(me.organization.districtId);
  const [picked, setPicked] = useState<number | null>(null);
  const campaignId = picked ?? def.campaign?.id ?? null;
  const seats = usePlannedSeats(campaignId);
  const save = useSavePlannedSeats(campaignId ?? 0);
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const [importing, setImporting] = useState(false);
  const editable = can('major.write');
  // A school plans its own seats (the server also lists its district's other schools).
  const rows = (seats.data?.rows ?? []).filter((r) => !isSchool || r.organizationId === me.organization.id);
  const changed = Object.entries(edits).filter(([id, v]) => v !== null && v !== seats.data?.rows.find((r) => r.majorId === Number(id))?.seats);
  const total = rows.reduce((s, r) => s + ((r.majorId in edits ? edits[r.majorId] : r.seats) ?? 0), 0);

  const onSave = () =>
    save.mutate(changed.map(([id, v]) => ({ majorId: Number(id), seats: v! })), {
      onSuccess: () => { setEdits({}); message.success(t('saved')); },
    });

  if (def.error) return <ApiErrorAlert error={def.error} onRetry={def.refetch} />;
  if (def.isPending) return <Skeleton active />;
  if (!campaignId) return <Alert type="info" showIcon title={t('noCampaign')} />;

  return (
    <div data-testid="planned-seats">
      <Flex gap={8} wrap justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <CampaignSelect campaigns={def.campaigns} value={campaignId} onChange={(id) => { setPicked(id); setEdits({}); }} />
          <Typography.Text strong data-testid="planned-seats-total">{t('total', { n: total })}</Typography.Text>
          {changed.length > 0 && <Tag color="orange">{t('unsaved', { n: changed.length })}</Tag>}
        </Flex>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => downloadPlannedSeats(campaignId).catch((e: Error) => message.error(e.message))}>{t('export')}</Button>
          {editable && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('import')}</Button>}
          {editable && <Button type="primary" icon={<SaveOutlined />} disabled={!changed.length} loading={save.isPending} onClick={onSave} data-testid="planned-seats-save">{t('saveSeats')}</Button>}
        </Flex>
      </Flex>
      {seats.isError && <ApiErrorAlert error={seats.error} onRetry={() => seats.refetch()} />}
      {save.isError && <ApiErrorAlert error={save.error} />}
      <Table<PlannedSeatsRow>
        rowKey="majorId"
        size="small"
        loading={seats.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          ...(isSchool ? [] : [{ title: t('school'), dataIndex: 'schoolName', width: 180 }]),
          { title: t('major'), dataIndex: 'majorName', render: (v: string, r) => <>{v} <Typography.Text type="secondary">{r.majorCode}</Typography.Text></> },
          { title: t('campus'), dataIndex: 'campusName', width: 150 },
          { title: t('category'), dataIndex: 'category', width: 90, render: (c: MajorCategory) => t(`cat_${c}`) },
          {
            title: t('plannedSeats'),
            dataIndex: 'seats',
            width: 140,
            render: (v: number | null, r) =>
              editable ? (
                <InputNumber
                  min={0}
                  max={100_000}
                  precision={0}
                  value={r.majorId in edits ? edits[r.majorId] : v}
                  placeholder={t('notSet')}
                  onChange={(n) => setEdits((e) => ({ ...e, [r.majorId]: n }))}
                  style={{ width: 110 }}
                  data-testid={`seats-${r.majorCode}`}
                />
              ) : (v ?? '—'),
          },
        ]}
      />
      {importing && (
        <ExcelImportModal
          title={t('importTitle')}
          hint={t('importHint')}
          run={importPlannedSeats(campaignId)}
          onWritten={() => { setEdits({}); return invalidateMajors(qc); }}
          onClose={() => setImporting(false)}
        />
      )}
    </div>
  );
}
