/**
 * 汇总名单 for a school (R13, R14): the pairs with forms both schools sealed and not yet on a
 * list (create one), and the lists of this school by status (open one to seal or withdraw it).
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCreateList, useListCandidates, useTransferLists } from '../api';
import { transferMessages } from '../messages';
import { ListRows } from '../shared/ListRows';
import { useStatusOptions } from '../shared/StatusTags';
import type { ListCandidate, TransferListStatus } from '../types';

const m = defineMessages({
  ...transferMessages,
  candidates: ['可生成汇总名单', 'Ready for a combined list'],
  candidatesHint: ['双方学校均已盖章、尚未列入名单的申请，按“初中学校—中职学校”分组。生成后由双方在名单上盖章，再报区教育局备案（R13、R14）。', 'Requests both schools sealed and not yet listed, by pair of schools. Once created, both schools seal the list and the district bureau files it (R13, R14).'],
  noCandidates: ['暂无可生成名单的申请', 'No request is ready for a list'],
  sealedN: ['{n} 名学生', '{n} students'],
  create: ['生成汇总名单', 'Create the list'],
  created: ['已生成汇总名单', 'List created'],
  lists: ['汇总名单', 'Combined lists'],
});

export function ListsTab({ campaignId, canCreate }: { campaignId: number; canCreate: boolean }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const options = useStatusOptions();
  const [status, setStatus] = useState<TransferListStatus>();
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const candidates = useListCandidates(campaignId, canCreate);
  const lists = useTransferLists({ campaignId, status, ...p });
  const create = useCreateList();
  const [busy, setBusy] = useState<string | null>(null);
  const onCreate = (c: ListCandidate) => {
    setBusy(`${c.juniorHighId}-${c.schoolId}`);
    create.mutate(
      { campaignId, juniorHighId: c.juniorHighId, schoolId: c.schoolId },
      { onSuccess: (d) => { message.success(t('created')); navigate(`/early-transfer-lists/${d.id}`); }, onSettled: () => setBusy(null) },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="et-lists">
      {canCreate && (
        <Card size="small" title={t('candidates')} data-testid="etl-candidates">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('candidatesHint')}</Typography.Paragraph>
          {candidates.isError && <ApiErrorAlert error={candidates.error} onRetry={() => candidates.refetch()} />}
          {create.isError && <ApiErrorAlert error={create.error} />}
          {candidates.data && candidates.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noCandidates')} />}
          <Flex vertical gap={8}>
            {candidates.data?.items.map((c) => (
              <Flex key={`${c.juniorHighId}-${c.schoolId}`} justify="space-between" align="center" gap={8} wrap data-testid="etl-candidate" data-junior-high-id={c.juniorHighId} data-school-id={c.schoolId}
                style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{c.juniorHighName} → {c.schoolName}</Typography.Text>
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{t('sealedN', { n: c.sealed })}</div>
                </div>
                <Button type="primary" icon={<PlusOutlined />} loading={busy === `${c.juniorHighId}-${c.schoolId}`} disabled={!!busy} onClick={() => onCreate(c)} data-testid="etl-create">{t('create')}</Button>
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
      <Card size="small" title={t('lists')}>
        <Select
          style={{ marginBottom: 12, width: 260, maxWidth: '100%' }}
          allowClear
          placeholder={t('allStatuses')}
          value={status}
          onChange={(v?: TransferListStatus) => { setStatus(v); setP((o) => ({ ...o, page: 1 })); }}
          options={options.list}
          data-testid="etl-filter-status"
        />
        {lists.isError && <ApiErrorAlert error={lists.error} onRetry={() => lists.refetch()} />}
        <ListRows page={lists.data} loading={lists.isFetching} p={p} onPage={(page, pageSize) => setP({ page, pageSize })} />
      </Card>
    </Flex>
  );
}
