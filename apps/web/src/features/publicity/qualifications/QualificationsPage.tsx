/**
 * `/qualifications` (R4): the yearly provincial list of vocational schools qualified to
 * enroll. A school without the year's qualification cannot submit a brochure, request a
 * visit or receive students. The city bureau toggles a school or imports the list.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, InputNumber, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useClock } from '../../../lib/clock';
import { useCan } from '../../../lib/session';
import { publicityMessages } from '../messages';
import { ExcelImportModal } from '../shared/ExcelImportModal';
import type { QualificationRow } from '../types';
import { downloadQualifications, importQualifications, qualificationsKey, useQualifications, useSetQualification } from './api';

const m = defineMessages({
  ...publicityMessages,
  title: ['招生资格（R4）', 'Enrollment qualification (R4)'],
  hint: ['省级教育行政部门每年公布具备招生资格的中职学校。未列入当年名单的学校不能提交招生简章、申请进校宣传或接收学生。', 'Each year the province publishes the vocational schools qualified to enroll. A school not on the year’s list cannot submit a brochure, request a visit or receive students.'],
  qualified: ['具备资格', 'Qualified'],
  notQualified: ['不具备', 'Not qualified'],
  notRecorded: ['未登记', 'Not recorded'],
  note: ['备注（如省厅公布文号）', 'Note (e.g. the provincial notice)'],
  import: ['导入名单', 'Import the list'],
  export: ['导出', 'Export'],
  importTitle: ['导入 {year} 年度招生资格名单', 'Import the {year} qualification list'],
  importHint: ['先导出本年度名单作为模板，填写后上传；第一行为表头。', 'Export the year’s list as the template, fill it in and upload it; the first row is the header.'],
  counts: ['具备 {yes} · 不具备 {no} · 未登记 {none}', '{yes} qualified · {no} not · {none} not recorded'],
  empty: ['没有中职学校', 'No vocational school'],
  set: ['已更新“{name}”的 {year} 年度招生资格', '{name}: {year} qualification updated'],
});

export function QualificationsPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const can = useCan();
  const clock = useClock();
  const thisYear = clock.data ? Number(clock.data.today.slice(0, 4)) : null;
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? thisYear;
  const list = useQualifications(year);
  const set = useSetQualification(year ?? 0);
  const [importing, setImporting] = useState(false);
  const write = can('qualification.write');
  const rows = list.data?.rows ?? [];

  const toggle = (r: QualificationRow, qualified: boolean, note = r.note) =>
    set.mutate({ organizationId: r.organizationId, qualified, note }, { onSuccess: () => message.success(t('set', { name: r.name, year: year! })) });

  return (
    <div data-testid="qualifications-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <InputNumber min={2000} max={2100} value={year ?? undefined} onChange={(v) => v && setPicked(v)} prefix={t('year')} style={{ width: 150 }} data-testid="qualification-year" />
            <Button icon={<DownloadOutlined />} disabled={!year} onClick={() => downloadQualifications(year!).catch((e: Error) => message.error(e.message))}>{t('export')}</Button>
            {write && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} disabled={!year}>{t('import')}</Button>}
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('hint')}</Typography.Paragraph>
      </PageHeader>
      <Card size="small">
        {(clock.error || list.error) && <ApiErrorAlert error={clock.error ?? list.error} onRetry={() => list.refetch()} />}
        {set.isError && <ApiErrorAlert error={set.error} />}
        <Flex style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            {t('counts', { yes: rows.filter((r) => r.qualified === true).length, no: rows.filter((r) => r.qualified === false).length, none: rows.filter((r) => r.qualified === null).length })}
          </Typography.Text>
        </Flex>
        <Table<QualificationRow>
          rowKey="organizationId"
          size="middle"
          loading={list.isFetching || clock.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 800 }}
          data-testid="qualifications-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          columns={[
            { title: t('schoolCode'), dataIndex: 'code', width: 100 },
            { title: t('school'), dataIndex: 'name' },
            { title: `${t('runBy')} / ${t('ownership')}`, width: 160, render: (_, r) => <><Tag color={r.runBy === 'district' ? 'geekblue' : 'purple'}>{t(`run_${r.runBy}`)}</Tag><Tag>{t(`own_${r.ownership}`)}</Tag></> },
            {
              title: t('qualified'),
              dataIndex: 'qualified',
              width: 150,
              render: (q: boolean | null, r) =>
                write ? (
                  <Flex gap={6} align="center">
                    <Switch checked={q === true} checkedChildren={t('qualified')} unCheckedChildren={q === null ? t('notRecorded') : t('notQualified')}
                      loading={set.isPending && set.variables?.organizationId === r.organizationId} onChange={(v) => toggle(r, v)} data-testid={`qualified-${r.code}`} />
                  </Flex>
                ) : q === null ? <Tag>{t('notRecorded')}</Tag> : q ? <Tag color="green">{t('qualified')}</Tag> : <Tag color="red">{t('notQualified')}</Tag>,
            },
            {
              title: t('note'),
              dataIndex: 'note',
              render: (n: string, r) => (
                <Typography.Text editable={write && r.qualified !== null ? { maxLength: 200, onChange: (v) => v.trim() !== n && toggle(r, r.qualified!, v.trim()) } : false}>
                  {n || (write && r.qualified !== null ? '' : '—')}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      {importing && year && (
        <ExcelImportModal
          title={t('importTitle', { year })}
          hint={t('importHint')}
          run={importQualifications(year)}
          template={() => downloadQualifications(year)}
          onWritten={() => qc.invalidateQueries({ queryKey: qualificationsKey })}
          onClose={() => setImporting(false)}
        />
      )}
    </div>
  );
}
