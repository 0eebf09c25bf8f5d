/**
 * The intake's rows: a table on a wide screen (scrolling within itself), cards on a phone so a
 * 390 px screen never scrolls sideways. A school may tick pending rows for 批量报到.
 */
import type { ReactNode } from 'react';
import { Checkbox, Empty, Flex, Grid, Pagination, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { contactKindLabels } from '../labels';
import { enrolmentMessages } from '../messages';
import type { IntakePage, IntakeRow } from '../types';
import { IntakeStateTag } from './Tags';

export type Side = 'school' | 'juniorHigh' | 'bureau';

type Props = {
  page: IntakePage | undefined;
  loading: boolean;
  side: Side;
  p: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  actions: (r: IntakeRow) => ReactNode;
  selected?: ReadonlySet<number>;
  onSelect?: (ids: number[], on: boolean) => void;
};

const rowAttrs = (r: IntakeRow) => ({ 'data-testid': 'en-row', 'data-student-id': r.studentId, 'data-exam-no': r.examNo, 'data-state': r.state, 'data-contacts': r.contacts });

export function IntakeRows({ page, loading, side, p, onPage, actions, selected, onSelect }: Props) {
  const { t, l } = useI18n(enrolmentMessages);
  const phone = !Grid.useBreakpoint().md;
  const rows = page?.items ?? [];

  const care = (r: IntakeRow) => {
    if (r.state !== 'registered') return null;
    if (!r.care) return <Tag color="orange" data-testid="en-care-missing">{t('careMissing')}</Tag>;
    const c = r.care;
    return (
      <Flex gap={4} wrap align="center">
        <Typography.Text style={{ fontSize: 12 }}>{[c.className, c.homeroomTeacher].filter(Boolean).join(' · ') || '—'}</Typography.Text>
        {c.tuitionFree && <Tag color="blue">{t('tuitionFree')}</Tag>}
        {c.grant && <Tag color="cyan">{t('grant')}</Tag>}
        {c.hardship && <Tag color="volcano">{t('hardship')}</Tag>}
      </Flex>
    );
  };
  const contact = (r: IntakeRow) =>
    r.lastContact ? (
      <Tooltip title={r.lastContact.result}>
        <Typography.Text style={{ fontSize: 12, overflowWrap: 'anywhere' }} data-testid="en-last-contact">
          {r.lastContact.on} {l(contactKindLabels[r.lastContact.kind])}：{r.lastContact.result}
          {r.contacts > 1 ? `（${r.contacts}）` : ''}
        </Typography.Text>
      </Tooltip>
    ) : (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('noContact')}</Typography.Text>
    );
  const major = (r: IntakeRow) => (
    <>
      {r.majorName}（{r.registeredCampusName ?? r.campusName}）
      {r.source === 'early_transfer' && <Tag color="purple" style={{ marginInlineStart: 4 }}>{t('src_early_transfer')}</Tag>}
    </>
  );
  const selectable = (r: IntakeRow) => !!onSelect && r.state === 'pending';

  if (phone) {
    return (
      <Spin spinning={loading}>
        <div data-testid="en-rows">
          {page && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          {rows.map((r) => (
            <div key={r.studentId} {...rowAttrs(r)} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex gap={8} align="flex-start">
                {onSelect && <Checkbox disabled={!selectable(r)} checked={selected?.has(r.studentId)} onChange={(e) => onSelect([r.studentId], e.target.checked)} data-testid="en-row-select" />}
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text strong>{r.studentName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.examNo}</Typography.Text>
                    <IntakeStateTag row={r} />
                  </Flex>
                  <div style={{ fontSize: 13, margin: '4px 0', overflowWrap: 'anywhere' }}>
                    {side !== 'school' && <div>{r.schoolName}</div>}
                    <div>{major(r)}</div>
                    {side !== 'juniorHigh' && r.juniorHighName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('juniorHigh')}：{r.juniorHighName}</Typography.Text>}
                  </div>
                  {care(r)}
                  <div>{contact(r)}</div>
                  <div style={{ marginTop: 6 }}>{actions(r)}</div>
                </div>
              </Flex>
            </div>
          ))}
        </div>
        <Pagination style={{ marginTop: 8 }} size="small" simple current={p.page} pageSize={p.pageSize} total={page?.total ?? 0} hideOnSinglePage onChange={onPage} />
      </Spin>
    );
  }
  return (
    <Table<IntakeRow>
      size="small"
      rowKey="studentId"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid="en-rows"
      onRow={(r) => rowAttrs(r) as React.HTMLAttributes<HTMLElement>}
      rowSelection={onSelect ? {
        selectedRowKeys: [...(selected ?? [])],
        getCheckboxProps: (r) => ({ disabled: !selectable(r) }),
        onSelect: (r, on) => onSelect([r.studentId], on),
        onSelectAll: (on) => onSelect(rows.filter(selectable).map((r) => r.studentId), on),
      } : undefined}
      pagination={{ current: p.page, pageSize: p.pageSize, total: page?.total ?? 0, size: 'small', showTotal: (n) => t('total', { n }), onChange: onPage }}
      columns={[
        {
          title: t('name'), key: 'n', fixed: 'left' as const, render: (_: unknown, r: IntakeRow) => (
            <><Typography.Text strong>{r.studentName}</Typography.Text><br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.examNo}</Typography.Text></>
          ),
        },
        { title: t('state'), key: 's', render: (_: unknown, r: IntakeRow) => <IntakeStateTag row={r} /> },
        ...(side === 'school' ? [] : [{ title: t('school'), dataIndex: 'schoolName' }]),
        ...(side === 'juniorHigh' ? [] : [{ title: t('juniorHigh'), dataIndex: 'juniorHighName', render: (v: string | null) => v ?? '—' }]),
        { title: t('major'), key: 'm', render: (_: unknown, r: IntakeRow) => major(r) },
        { title: t('care'), key: 'c', render: (_: unknown, r: IntakeRow) => care(r) ?? '—' },
        { title: t('lastContact'), key: 'lc', width: 220, render: (_: unknown, r: IntakeRow) => contact(r) },
        { title: t('actions'), key: 'a', render: (_: unknown, r: IntakeRow) => actions(r) },
      ]}
    />
  );
}
