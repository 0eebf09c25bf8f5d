/** The campaign's permits (`GET /api/permits`): serial, who, when, and whether each is good now. */
import { Button, Empty, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { usePermits } from '../api';
import { visitMessages } from '../messages';
import type { PermitRow } from '../types';

const m = defineMessages({ ...visitMessages, empty: ['尚未签发许可证', 'No permit issued yet'], search: ['按学校、初中或编号查找', 'Find by school, junior high or serial'], verify: ['验证', 'Verify'] });

const color: Record<PermitRow['status'], string> = { valid: 'success', revoked: 'error', not_yet: 'processing', over: 'default' };

export function PermitsTable({ campaignId, onOpen }: { campaignId: number; onOpen: (visitId: number) => void }) {
  const { t } = useI18n(m);
  const q = usePermits(campaignId);
  const [s, setS] = useState('');
  const rows = (q.data?.items ?? []).filter((p) => !s || [p.school, p.juniorHigh, p.serial].some((x) => x.includes(s.trim())));
  return (
    <div data-testid="permits-table">
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Input.Search allowClear placeholder={t('search')} onSearch={setS} onChange={(e) => !e.target.value && setS('')} style={{ maxWidth: 320, marginBottom: 12 }} />
      <Table<PermitRow>
        rowKey="code"
        size="middle"
        loading={q.isFetching}
        dataSource={rows}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => <Typography.Text type="secondary">{t('total', { n })}</Typography.Text> }}
        onRow={(p) => ({ 'data-serial': p.serial, 'data-status': p.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('serial'), dataIndex: 'serial', width: 230, render: (v: string, p) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(p.visitId)}>{v}</Button> },
          { title: t('slot'), key: 'slot', width: 180, render: (_: unknown, p) => `${p.date} ${p.start}–${p.end}` },
          { title: t('school'), dataIndex: 'school', ellipsis: true },
          { title: t('juniorHigh'), dataIndex: 'juniorHigh', ellipsis: true },
          { title: t('status'), dataIndex: 'status', width: 110, render: (st: PermitRow['status']) => <Tag color={color[st]}>{t(`pmt_${st}`)}</Tag> },
          { title: t('actions'), key: 'a', width: 150, fixed: 'right' as const, render: (_: unknown, p) => (
            <>
              <Button size="small" onClick={() => onOpen(p.visitId)}>{t('open')}</Button>{' '}
              <Button size="small" type="link" href={`/verify/${encodeURIComponent(p.code)}`} target="_blank" rel="noopener">{t('verify')}</Button>
            </>
          ) },
        ]}
      />
    </div>
  );
}
