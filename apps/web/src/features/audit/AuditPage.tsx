import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { OrgSelect } from '../../components/OrgSelect';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import type { AuditEvent } from '../../lib/types';
import { useAuditList, useVerifyAudit, type AuditFilters } from './api';
import { VerifyResult } from './VerifyResult';

const m = defineMessages({
  title: ['审计日志', 'Audit log'],
  verify: ['校验审计链', 'Verify the audit chain'],
  seq: ['序号', 'Row'],
  at: ['时间', 'Time'],
  actor: ['操作人', 'Actor'],
  organization: ['机构', 'Organisation'],
  action: ['动作', 'Action'],
  objectType: ['对象类型', 'Object type'],
  objectId: ['对象编号', 'Object ID'],
  ip: ['IP', 'IP'],
  dates: ['日期范围', 'Dates'],
  changes: ['变更内容', 'Changes'],
  noChanges: ['（无变更内容）', '(no changes recorded)'],
  empty: ['没有审计记录', 'No audit events'],
  apply: ['查询', 'Search'],
});

type FilterValues = { action?: string; objectType?: string; objectId?: string; actor?: string; organizationId?: number; dates?: [Dayjs | null, Dayjs | null] | null };

export function AuditPage() {
  const { t } = useI18n(m);
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 50 });
  const list = useAuditList(filters);
  const verify = useVerifyAudit();
  const brokenSeq = verify.data && !verify.data.ok ? verify.data.break?.seq : undefined;

  const apply = (v: FilterValues) => {
    const s = (x?: string) => x?.trim() || undefined;
    setFilters({
      page: 1,
      pageSize: filters.pageSize,
      action: s(v.action),
      objectType: s(v.objectType),
      objectId: s(v.objectId),
      actor: s(v.actor),
      organizationId: v.organizationId ?? undefined,
      from: v.dates?.[0]?.format('YYYY-MM-DD'),
      to: v.dates?.[1]?.format('YYYY-MM-DD'),
    });
  };

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('seq'), dataIndex: 'seq', width: 70 },
    { title: t('at'), dataIndex: 'at', width: 160, render: formatDateTime },
    { title: t('actor'), dataIndex: 'actorUsername', width: 130, render: (v: string | null) => v ?? '—' },
    { title: t('organization'), dataIndex: 'organizationName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('action'), dataIndex: 'action', width: 170, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('objectType'), dataIndex: 'objectType', width: 120 },
    { title: t('objectId'), dataIndex: 'objectId', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('ip'), dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <div data-testid="audit">
      <PageHeader
        title={t('title')}
        extra={<Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">{t('verify')}</Button>}
      />
      {verify.isError && <ApiErrorAlert error={verify.error} />}
      {verify.data && <VerifyResult result={verify.data} />}
      <Card size="small">
        <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="action"><Input allowClear placeholder={t('action')} style={{ width: 150 }} /></Form.Item>
          <Form.Item name="objectType"><Input allowClear placeholder={t('objectType')} style={{ width: 130 }} /></Form.Item>
          <Form.Item name="objectId"><Input allowClear placeholder={t('objectId')} style={{ width: 110 }} /></Form.Item>
          <Form.Item name="actor"><Input allowClear placeholder={t('actor')} style={{ width: 130 }} /></Form.Item>
          <Form.Item name="organizationId"><OrgSelect placeholder={t('organization')} style={{ width: 200 }} /></Form.Item>
          <Form.Item name="dates"><DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} /></Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">{t('apply')}</Button>
            <Button onClick={() => { form.resetFields(); apply({}); }}>{t('reset')}</Button>
          </Flex>
        </Form>
        {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items}
          scroll={{ x: 1000 }}
          onRow={(r) => (r.seq === brokenSeq ? { style: { background: '#fff1f0' } } : {})}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          expandable={{
            expandedRowRender: (r) => (
              <div data-testid="audit-changes">
                <Typography.Text type="secondary">{t('changes')}</Typography.Text>
                {r.changes == null ? <div>{t('noChanges')}</div> : <pre className="json">{JSON.stringify(r.changes, null, 2)}</pre>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('requestId')}: {r.requestId ?? '—'}</Typography.Text>
              </div>
            ),
          }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => <Typography.Text type="secondary">{t('total', { n })}</Typography.Text>,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
    </div>
  );
}
