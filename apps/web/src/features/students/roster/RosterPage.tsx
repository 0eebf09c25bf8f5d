/**
 * `/students` 学生名册: a junior high's own students, or a district's (all or one junior high).
 * ID numbers and phones are masked; the whole value is one audited reveal away. Excel import
 * with a dry run, export, credential slips per class; the application on the family's behalf.
 * On a phone the table becomes a list of cards (no page-wide horizontal scroll).
 */
import { useDeferredValue, useState } from 'react';
import { App, Button, Card, Dropdown, Empty, Flex, Grid, Input, Pagination, Select, Spin, Table, Tag, Typography } from 'antd';
import { DownOutlined, FileExcelOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { applicationStatuses } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useCan, useSession } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { ExcelImportModal } from '../../publicity/shared/ExcelImportModal';
import { useCampaignJuniorHighs } from '../../visits/school/JuniorHighSelect';
import { slipsUrl, studentFiles, useStudents, type StudentFilters } from '../api';
import { studentMessages } from '../messages';
import { StatusTag, TrackTag, useAppCampaign } from '../shared';
import type { Student } from '../types';
import { OnBehalfDrawer } from './OnBehalfDrawer';
import { StudentDrawer } from './StudentDrawer';
import { StudentFormDrawer } from './StudentFormDrawer';

const m = defineMessages({
  ...studentMessages,
  title: ['学生名册', 'Student roster'],
  hint: ['证件号码和电话仅显示部分；查看完整信息须说明理由并记入审计日志。', 'ID numbers and phones are shown masked; seeing one whole needs a reason and is audited.'],
  add: ['新增学生', 'Add a student'],
  excel: ['Excel', 'Excel'],
  template: ['下载导入模板', 'Download the template'],
  import: ['导入名册', 'Import the roster'],
  export: ['导出名册', 'Export the roster'],
  importTitle: ['导入学生名册', 'Import the student roster'],
  importHint: ['每行一名学生；中考报名号已存在的行将更新。身份证号请以文本格式填写。', 'One student per row; a known exam number updates the row. Type ID numbers as text.'],
  slips: ['打印本班账号条', 'Print the class\'s slips'],
  slipsAll: ['打印全部账号条', 'Print every slip'],
  allClasses: ['全部班级', 'All classes'],
  allTracks: ['全部方向', 'All tracks'],
  allStatuses: ['全部状态', 'All statuses'],
  searchPh: ['姓名或中考报名号', 'Name or exam number'],
  details: ['详情', 'Details'],
  onBehalf: ['代填志愿', 'Enter on behalf'],
  empty: ['名册中还没有学生', 'No student on the roster yet'],
});

export function RosterPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const can = useCan();
  const me = useSession();
  const phone = !Grid.useBreakpoint().md;
  const c = useAppCampaign();
  const campaignId = c.campaign?.id;
  const ownJh = me.organization.kind === 'junior_high' ? me.organization.id : undefined;
  const jhs = useCampaignJuniorHighs(ownJh ? undefined : campaignId);
  const [filters, setFilters] = useState<StudentFilters>({});
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const list = useStudents(campaignId, { ...filters, juniorHighId: ownJh ?? filters.juniorHighId, q: q || undefined, ...p });
  const [open, setOpen] = useState<{ kind: 'detail' | 'edit' | 'onbehalf'; student: Student } | { kind: 'add' | 'import' } | null>(null);
  const set = (f: Partial<StudentFilters>) => { setFilters((x) => ({ ...x, ...f })); setP((x) => ({ ...x, page: 1 })); };
  const juniorHighId = ownJh ?? filters.juniorHighId;
  const fail = (e: Error) => message.error(e.message);

  const excelItems = [
    can('student.write') && { key: 'template', label: t('template') },
    can('student.write') && { key: 'import', label: t('import') },
    { key: 'export', label: t('export') },
  ].filter((x): x is { key: string; label: string } => !!x);
  const onExcel = ({ key }: { key: string }) => {
    if (!campaignId) return;
    if (key === 'template') studentFiles.template(campaignId).catch(fail);
    else if (key === 'export') studentFiles.export(campaignId, juniorHighId).catch(fail);
    else setOpen({ kind: 'import' });
  };

  const actions = (s: Student) => (
    <Flex gap={4} wrap>
      <Button size="small" onClick={() => setOpen({ kind: 'detail', student: s })} data-testid="student-open">{t('details')}</Button>
      {can('application.onbehalf') && s.kind === 'grade9' && <Button size="small" type="link" onClick={() => setOpen({ kind: 'onbehalf', student: s })}>{t('onBehalf')}</Button>}
    </Flex>
  );

  return (
    <div data-testid="roster-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <CampaignSelect campaigns={c.campaigns} value={campaignId ?? null} onChange={c.pick} />
            {can('student.write') && (!!ownJh || me.organization.kind === 'district_bureau') && (
              <Button type="primary" icon={<PlusOutlined />} disabled={!campaignId} onClick={() => setOpen({ kind: 'add' })} data-testid="student-add">{t('add')}</Button>
            )}
            <Dropdown menu={{ items: excelItems, onClick: onExcel }} disabled={!campaignId}>
              <Button icon={<FileExcelOutlined />} data-testid="student-excel">{t('excel')} <DownOutlined /></Button>
            </Dropdown>
            {can('student.write') && campaignId && juniorHighId && (
              <Button icon={<PrinterOutlined />} href={slipsUrl(campaignId, { juniorHighId, className: filters.className })} target="_blank" data-testid="student-slips">
                {filters.className ? t('slips') : t('slipsAll')}
              </Button>
            )}
          </>
        }
      >
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {!c.isPending && !c.campaign && <Empty description={t('noCampaign')} />}
      <Card size="small" styles={{ body: { padding: phone ? 8 : 12 } }}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {!ownJh && (
            <Select
              style={{ width: phone ? '100%' : 220 }}
              allowClear
              placeholder={t('allJuniorHighs')}
              value={filters.juniorHighId}
              onChange={(v?: number) => set({ juniorHighId: v, className: undefined })}
              showSearch={{ optionFilterProp: 'label' }}
              options={(jhs.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` }))}
              data-testid="roster-junior-high"
            />
          )}
          <Select
            style={{ width: phone ? 'calc(50% - 4px)' : 140 }}
            allowClear
            placeholder={t('allClasses')}
            value={filters.className}
            onChange={(v?: string) => set({ className: v })}
            options={(list.data?.classes ?? []).map((x) => ({ value: x, label: x }))}
            data-testid="roster-class"
          />
          <Select
            style={{ width: phone ? 'calc(50% - 4px)' : 120 }}
            allowClear
            placeholder={t('allTracks')}
            value={filters.track}
            onChange={(v?: StudentFilters['track']) => set({ track: v })}
            options={(['vocational', 'general', 'undecided'] as const).map((x) => ({ value: x, label: t(`track_${x}`) }))}
          />
          <Select
            style={{ width: phone ? 'calc(50% - 4px)' : 140 }}
            allowClear
            placeholder={t('allStatuses')}
            value={filters.status}
            onChange={(v?: string) => set({ status: v })}
            options={applicationStatuses.map((x) => ({ value: x, label: t(`st_${x}`) }))}
          />
          <Input.Search
            style={{ width: phone ? 'calc(50% - 4px)' : 220 }}
            allowClear
            placeholder={t('searchPh')}
            value={search}
            onChange={(e) => { setSearch(e.target.value); setP((x) => ({ ...x, page: 1 })); }}
            data-testid="roster-search"
          />
        </Flex>
        {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
        {phone ? (
          <>
            <Spin spinning={list.isFetching || c.isPending}>
              <div data-testid="roster-cards">
                {list.data && list.data.items.length === 0 && <Empty description={t('empty')} />}
                {list.data?.items.map((s) => (
                  <div key={s.id} data-student-id={s.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <Flex justify="space-between" gap={8} wrap>
                      <Typography.Text strong>{s.name}</Typography.Text>
                      <Typography.Text type="secondary">{s.examNo}</Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', wordBreak: 'break-all' }}>
                      {[s.juniorHighName && !ownJh ? s.juniorHighName : null, s.className, s.idMasked, `${s.guardianName} ${s.phoneMasked}`].filter(Boolean).join(' · ')}
                    </Typography.Text>
                    <Flex gap={4} wrap align="center" style={{ margin: '6px 0' }}>
                      <Tag>{t(`acc_${s.account}`)}</Tag>
                      <TrackTag track={s.track} />
                      <StatusTag status={s.applicationStatus} />
                    </Flex>
                    {actions(s)}
                  </div>
                ))}
              </div>
            </Spin>
            <Pagination style={{ marginTop: 8 }} size="small" simple current={p.page} pageSize={p.pageSize} total={list.data?.total ?? 0} hideOnSinglePage onChange={(page, pageSize) => setP({ page, pageSize })} />
          </>
        ) : (
          <Table<Student>
            rowKey="id"
            size="middle"
            loading={list.isFetching || c.isPending}
            dataSource={list.data?.items}
            scroll={{ x: 1200 }}
            data-testid="roster-table"
            onRow={(s) => ({ 'data-student-id': s.id }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('empty')} /> }}
            pagination={{ current: p.page, pageSize: p.pageSize, total: list.data?.total ?? 0, showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setP({ page, pageSize }) }}
            columns={[
              { title: t('name'), dataIndex: 'name', width: 100, fixed: 'left' as const },
              { title: t('examNo'), dataIndex: 'examNo', width: 130 },
              ...(ownJh ? [] : [{ title: t('juniorHigh'), dataIndex: 'juniorHighName', width: 160, ellipsis: true }]),
              { title: t('className'), dataIndex: 'className', width: 90 },
              { title: t('idNumber'), dataIndex: 'idMasked', width: 180 },
              { title: t('guardian'), key: 'g', width: 150, render: (_: unknown, s: Student) => `${s.guardianName}（${s.guardianRelation}）` },
              { title: t('phone'), dataIndex: 'phoneMasked', width: 130 },
              { title: t('account'), dataIndex: 'account', width: 110, render: (a: Student['account']) => <Tag color={a === 'active' ? 'green' : a === 'issued' ? 'blue' : 'default'}>{t(`acc_${a}`)}</Tag> },
              { title: t('track'), dataIndex: 'track', width: 80, render: (x: Student['track']) => <TrackTag track={x} /> },
              { title: t('applicationStatus'), dataIndex: 'applicationStatus', width: 120, render: (x: Student['applicationStatus']) => <StatusTag status={x} /> },
              { title: t('actions'), key: 'a', width: 170, fixed: 'right' as const, render: (_: unknown, s: Student) => actions(s) },
            ]}
          />
        )}
      </Card>

      {open?.kind === 'add' && campaignId && <StudentFormDrawer campaignId={campaignId} student={null} pickJuniorHigh={!ownJh} defaultJuniorHighId={filters.juniorHighId} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <StudentFormDrawer campaignId={open.student.campaignId} student={open.student} pickJuniorHigh={false} onClose={() => setOpen(null)} />}
      {open?.kind === 'detail' && (
        <StudentDrawer
          student={open.student}
          onClose={() => setOpen(null)}
          onEdit={() => setOpen({ kind: 'edit', student: open.student })}
          onBehalf={() => setOpen({ kind: 'onbehalf', student: open.student })}
        />
      )}
      {open?.kind === 'onbehalf' && <OnBehalfDrawer student={open.student} onClose={() => setOpen(null)} />}
      {open?.kind === 'import' && campaignId && (
        <ExcelImportModal
          title={t('importTitle')}
          hint={t('importHint')}
          template={() => studentFiles.template(campaignId)}
          run={(file, dryRun) => studentFiles.import(campaignId, file, dryRun)}
          onWritten={() => Promise.all([qc.invalidateQueries({ queryKey: ['students'] }), qc.invalidateQueries({ queryKey: ['applications'] })])}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
