/**
 * 退档 (R15): the requests the caller may see — a school its own, a bureau every one. The district
 * bureau (admission.decide) approves (the admission is withdrawn, the letter voided, the seat goes
 * back) or refuses with a note.
 */
import { useState } from 'react';
import { App, Button, Flex, Select, Table, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { useReturns } from '../api';
import { DecideReturnModal } from '../components/DecideReturnModal';
import { ReturnStatusTag } from '../components/Tags';
import { admissionMessages } from '../messages';
import type { ReturnRequest, ReturnStatus } from '../types';

const m = defineMessages({
  ...admissionMessages,
  hint_bureau: ['中职学校提出的退档申请。同意后录取撤销、录取通知书作废、名额退回该专业（R15）。', 'Returns the schools ask for. Approving withdraws the admission, voids the letter and gives the seat back (R15).'],
  hint_school: ['本校提出的退档申请及区教育局的决定。', 'Your return requests and the bureau’s decisions.'],
  requestedAt: ['申请时间', 'Asked'],
  decision: ['决定', 'Decision'],
  approve: ['同意', 'Approve'],
  reject: ['不同意', 'Refuse'],
  decided: ['已处理', 'Decided'],
  noReturns: ['暂无退档申请', 'No return request'],
});

export function ReturnsTab({ campaignId, mode }: { campaignId: number; mode: 'bureau' | 'school' }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const q = useReturns(campaignId);
  const [status, setStatus] = useState<ReturnStatus | undefined>(mode === 'bureau' ? 'requested' : undefined);
  const [deciding, setDeciding] = useState<{ r: ReturnRequest; approve: boolean } | null>(null);
  const canDecide = mode === 'bureau' && can('admission.decide');
  const rows = (q.data?.items ?? []).filter((r) => !status || r.status === status);

  return (
    <Flex vertical gap={12} data-testid="ad-returns">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t(`hint_${mode}`)}</Typography.Paragraph>
      <Select style={{ width: 180 }} allowClear placeholder={t('allStatuses')} value={status} onChange={(v?: ReturnStatus) => setStatus(v)}
        options={(['requested', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`rs_${s}`) }))} data-testid="ad-returns-status" />
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Table<ReturnRequest>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('noReturns') }}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        data-testid="ad-return-rows"
        onRow={(r) => ({ 'data-testid': 'ad-return-row', 'data-return-id': r.id, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('name'), dataIndex: 'studentName', fixed: 'left' as const },
          { title: t('examNo'), dataIndex: 'examNo' },
          ...(mode === 'bureau' ? [{ title: t('school'), dataIndex: 'schoolName' }] : []),
          { title: t('major'), dataIndex: 'majorName' },
          { title: t('reason'), key: 'r', render: (_: unknown, r: ReturnRequest) => <span>{r.reason}{r.note && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.note}</Typography.Text>}</span> },
          { title: t('requestedAt'), key: 'a', render: (_: unknown, r: ReturnRequest) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.requestedAt)}</span> },
          { title: t('status'), key: 's', render: (_: unknown, r: ReturnRequest) => <ReturnStatusTag status={r.status} /> },
          {
            title: t('decision'), key: 'd', render: (_: unknown, r: ReturnRequest) =>
              r.decidedAt ? <span><span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.decidedAt)}</span>{r.decisionNote && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.decisionNote}</Typography.Text>}</span> : '—',
          },
          ...(canDecide
            ? [{
                title: t('actions'), key: 'x', render: (_: unknown, r: ReturnRequest) =>
                  r.status === 'requested' && (
                    <Flex gap={6}>
                      <Button size="small" danger onClick={() => setDeciding({ r, approve: true })} data-testid="ad-return-approve">{t('approve')}</Button>
                      <Button size="small" onClick={() => setDeciding({ r, approve: false })} data-testid="ad-return-reject">{t('reject')}</Button>
                    </Flex>
                  ),
              }]
            : []),
        ]}
      />
      {deciding && <DecideReturnModal request={deciding.r} approve={deciding.approve} onClose={() => setDeciding(null)} onDone={() => { message.success(t('decided')); setDeciding(null); }} />}
    </Flex>
  );
}
