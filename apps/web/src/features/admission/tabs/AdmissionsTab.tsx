/**
 * 录取名单: the admitted students the caller may see (the server scopes it: a bureau every one, a
 * vocational school its own, a junior high its students). A school exports its list to Excel,
 * opens each letter (录取通知书), generates all its letters as one PDF (a background job with
 * progress) and asks to return a student (退档) for one of the campaign's reasons.
 */
import { useDeferredValue, useState } from 'react';
import { App, Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileZipOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrgSelect } from '../../../components/OrgSelect';
import { useCan } from '../../../lib/session';
import { downloadAdmissionsXlsx, letterPdfUrl, useAdmissions, useLettersBundle, type AdmissionFilters } from '../api';
import { JobProgress } from '../components/JobProgress';
import { ReturnRequestModal } from '../components/ReturnRequestModal';
import { AdmissionStatusTag, ReturnStatusTag, useChoiceText } from '../components/Tags';
import { admissionMessages } from '../messages';
import type { AdmissionRow, AdmissionStatus } from '../types';

const m = defineMessages({
  ...admissionMessages,
  hint_bureau: ['全区录取名单（含各批次录取和注册入学）。', 'Every admission of the campaign (batches and registration).'],
  hint_school: ['本校录取的学生。可导出名单、打印录取通知书；如需退档，须以招生活动列明的理由在退档截止日期前提出，由区教育局决定（R15）。', 'Your admitted students: export the list, print the letters; a return needs a listed reason before the deadline and the bureau’s decision (R15).'],
  hint_juniorHigh: ['本校学生的录取结果。', 'Your students’ results.'],
  bundle: ['批量生成录取通知书', 'Generate all letters'],
  bundleLabel: ['全部录取通知书（一个 PDF）', 'All letters (one PDF)'],
  returned: ['退档申请已提交', 'Return request sent'],
  pending: ['退档待决定', 'Return pending'],
});

export type ListMode = 'bureau' | 'school' | 'juniorHigh';

export function AdmissionsTab({ campaignId, mode, reasons = [] }: { campaignId: number; mode: ListMode; reasons?: readonly string[] }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const choice = useChoiceText();
  const [f, setF] = useState<Omit<AdmissionFilters, 'q' | 'page' | 'pageSize'>>({});
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const list = useAdmissions({ campaignId, ...f, q: q || undefined, ...p });
  const bundle = useLettersBundle();
  const [jobId, setJobId] = useState<number | null>(null);
  const [returning, setReturning] = useState<AdmissionRow | null>(null);
  const set = (x: Partial<typeof f>) => { setF((o) => ({ ...o, ...x })); setP((o) => ({ ...o, page: 1 })); };
  const canReturn = mode === 'school' && can('admission.return');

  const actions = (r: AdmissionRow) => (
    <Flex gap={6} wrap>
      {r.letterCode && r.status === 'admitted' && (
        <a href={letterPdfUrl(r.id)} target="_blank" rel="noreferrer" data-testid="ad-letter" data-admission-id={r.id}>
          <Button size="small" icon={<FilePdfOutlined />}>{t('letterPdf')}</Button>
        </a>
      )}
      {r.letterCode && <Link to={`/verify/${encodeURIComponent(r.letterCode)}`} target="_blank" style={{ fontSize: 12, alignSelf: 'center' }}>{t('verify')}</Link>}
      {canReturn && r.status === 'admitted' && r.returnRequest?.status !== 'requested' && (
        <Button size="small" danger onClick={() => setReturning(r)} data-testid="ad-return" data-admission-id={r.id}>{t('returnAction')}</Button>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={12} data-testid="ad-admissions" data-mode={mode}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t(`hint_${mode}`)}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Select style={{ width: 140 }} allowClear placeholder={t('allStatuses')} value={f.status} onChange={(v?: AdmissionStatus) => set({ status: v })}
          options={[{ value: 'admitted', label: t('st_admitted') }, { value: 'returned', label: t('st_returned') }]} data-testid="ad-filter-status" />
        {mode !== 'school' && <OrgSelect kinds={['vocational_school']} placeholder={t('allSchools')} value={f.schoolId ?? null} onChange={(id) => set({ schoolId: id ?? undefined })} style={{ width: 220, maxWidth: '100%' }} />}
        {mode === 'bureau' && <OrgSelect kinds={['junior_high']} placeholder={t('allJuniorHighs')} value={f.juniorHighId ?? null} onChange={(id) => set({ juniorHighId: id ?? undefined })} style={{ width: 220, maxWidth: '100%' }} />}
        <Input.Search style={{ width: 220, maxWidth: '100%' }} allowClear placeholder={t('searchPh')} value={search} onChange={(e) => { setSearch(e.target.value); setP((o) => ({ ...o, page: 1 })); }} data-testid="ad-search" />
        <Button icon={<FileExcelOutlined />} onClick={() => downloadAdmissionsXlsx(campaignId, f.schoolId).catch((e: Error) => message.error(e.message))} data-testid="ad-excel">{t('excel')}</Button>
        {mode === 'school' && (
          <Button icon={<FileZipOutlined />} loading={bundle.isPending} onClick={() => bundle.mutate({ campaignId }, { onSuccess: (j) => setJobId(j.id) })} data-testid="ad-bundle">{t('bundle')}</Button>
        )}
      </Flex>
      {bundle.isError && <ApiErrorAlert error={bundle.error} />}
      {jobId && <Card size="small"><JobProgress id={jobId} label={t('bundleLabel')} /></Card>}
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      <Table<AdmissionRow>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        data-testid="ad-admission-rows"
        onRow={(r) => ({ 'data-testid': 'ad-admission-row', 'data-admission-id': r.id, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: p.page, pageSize: p.pageSize, total: list.data?.total ?? 0, size: 'small', showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setP({ page, pageSize }) }}
        columns={[
          { title: t('name'), dataIndex: 'studentName', fixed: 'left' as const },
          { title: t('examNo'), dataIndex: 'examNo' },
          { title: t('gender'), dataIndex: 'gender', render: (g: 'male' | 'female') => t(g) },
          ...(mode === 'juniorHigh' ? [] : [{ title: t('juniorHigh'), dataIndex: 'juniorHighName', render: (v: string | null) => v ?? '—' }]),
          ...(mode === 'school' ? [] : [{ title: t('school'), dataIndex: 'schoolName' }]),
          { title: t('major'), key: 'm', render: (_: unknown, r: AdmissionRow) => `${r.majorName}（${r.campusName}）` },
          { title: t('batch'), key: 'b', render: (_: unknown, r: AdmissionRow) => r.batch ?? t('registered') },
          { title: t('choice'), key: 'c', render: (_: unknown, r: AdmissionRow) => choice(r.choiceRank, r.kind) },
          { title: t('score'), dataIndex: 'score', align: 'right' as const, render: (v: number | null) => v ?? '—' },
          {
            title: t('status'), key: 's', render: (_: unknown, r: AdmissionRow) => (
              <Flex gap={4} wrap>
                <AdmissionStatusTag status={r.status} />
                {r.returnRequest && r.returnRequest.status !== 'approved' && <ReturnStatusTag status={r.returnRequest.status} />}
              </Flex>
            ),
          },
          { title: t('actions'), key: 'a', render: (_: unknown, r: AdmissionRow) => actions(r) },
        ]}
      />
      {returning && <ReturnRequestModal row={returning} reasons={reasons} onClose={() => setReturning(null)} onDone={() => { message.success(t('returned')); setReturning(null); }} />}
    </Flex>
  );
}
