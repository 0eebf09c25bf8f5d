/**
 * `/applications/conflicts` 普职查重 (R11: general or vocational, never both): the district
 * imports the general senior highs' list and sees every student on both; the junior high,
 * after talking with the family, keeps one track with a note.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Segmented, Table, Tag, Typography, Upload } from 'antd';
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { isApiError } from '../../../lib/api';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useCan, useSession } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { importGeneralList, useConflicts, useResolveConflict } from '../api';
import { studentMessages } from '../messages';
import { useAppCampaign } from '../shared';
import type { Conflict, GeneralListImport } from '../types';

const m = defineMessages({
  ...studentMessages,
  title: ['普职查重', 'General/vocational duplicates'],
  hint: ['普职不兼报（R11）：导入普通高中报名名单（含“中考报名号”和/或“身份证号”列），系统找出同时填报中职的学生；由初中学校与家庭沟通后确定保留哪一方向。', 'General or vocational, never both (R11): import the general highs\' list (columns 中考报名号 and/or 身份证号); students on both are listed, and their junior high settles each with the family.'],
  import: ['导入普高名单', 'Import the general list'],
  importTitle: ['导入普通高中报名名单', 'Import the general senior highs\' list'],
  drop: ['点击或拖入 Excel 文件（.xlsx）', 'Click or drop the Excel file (.xlsx)'],
  run: ['导入并查重', 'Import and check'],
  rows: ['名单行数', 'Rows'],
  matched: ['匹配到名册', 'Matched the roster'],
  newConflicts: ['新发现重复', 'New duplicates'],
  row: ['行', 'Row'],
  column: ['列', 'Column'],
  reason: ['原因', 'Reason'],
  open: ['待处理', 'Open'],
  resolved: ['已处理', 'Resolved'],
  matchedBy: ['匹配依据', 'Matched by'],
  by_exam_no: ['中考报名号', 'Exam number'],
  by_id_number: ['身份证号', 'ID number'],
  resolution: ['处理结果', 'Resolution'],
  keep_vocational: ['保留中职', 'Keep vocational'],
  keep_general: ['保留普高', 'Keep general'],
  note: ['沟通记录', 'Note'],
  noteRule: ['请填写与家庭沟通的情况（2–500 字）', 'Note the talk with the family (2–500 characters)'],
  found: ['发现时间', 'Found'],
  resolve: ['处理', 'Resolve'],
  resolveTitle: ['处理重复报名：{name}', 'Resolve the duplicate: {name}'],
  resolveHint: ['请先与学生和家长沟通，按家庭意愿选择保留的方向。保留普高将撤回其中职志愿。', 'Talk with the student and the guardian first and keep the track the family chooses. Keeping general withdraws the vocational application.'],
  done: ['已处理', 'Resolved'],
  empty: ['没有重复报名', 'No duplicate'],
  rowErrors: ['{n} 处错误，未写入任何数据。请改正后重新导入。', '{n} problems found; nothing was written. Fix them and import again.'],
});

export function ConflictsPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const me = useSession();
  const qc = useQueryClient();
  const c = useAppCampaign();
  const campaignId = c.campaign?.id;
  const [open, setOpen] = useState<'true' | 'all'>('true');
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const q = useConflicts(campaignId, { open: open === 'true' ? 'true' : undefined, ...p });
  const [importing, setImporting] = useState(false);
  const [resolving, setResolving] = useState<Conflict | null>(null);
  const mayResolve = me.organization.kind === 'junior_high' && can('application.onbehalf');

  return (
    <div data-testid="conflicts-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <CampaignSelect campaigns={c.campaigns} value={campaignId ?? null} onChange={c.pick} />
            {can('application.crosscheck') && <Button type="primary" icon={<UploadOutlined />} disabled={!campaignId} onClick={() => setImporting(true)} data-testid="general-import">{t('import')}</Button>}
          </>
        }
      >
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      <Card size="small" extra={<Segmented value={open} onChange={(v) => { setOpen(v as typeof open); setP((x) => ({ ...x, page: 1 })); }} options={[{ value: 'true', label: t('open') }, { value: 'all', label: t('all') }]} />}>
        {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<Conflict>
          rowKey="id"
          size="middle"
          loading={q.isFetching || c.isPending}
          dataSource={q.data?.items}
          scroll={{ x: 1000 }}
          data-testid="conflicts-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          pagination={{ current: p.page, pageSize: p.pageSize, total: q.data?.total ?? 0, hideOnSinglePage: true, onChange: (page, pageSize) => setP({ page, pageSize }) }}
          columns={[
            { title: t('name'), dataIndex: 'studentName', width: 100, fixed: 'left' as const },
            { title: t('examNo'), dataIndex: 'examNo', width: 130 },
            { title: t('juniorHigh'), dataIndex: 'juniorHighName', width: 170, ellipsis: true },
            { title: t('matchedBy'), dataIndex: 'matchedBy', width: 110, render: (x: Conflict['matchedBy']) => t(`by_${x}`) },
            { title: t('resolution'), dataIndex: 'resolution', width: 110, render: (x: Conflict['resolution']) => (x ? <Tag color={x === 'keep_vocational' ? 'blue' : 'purple'}>{t(x)}</Tag> : <Tag color="orange">{t('open')}</Tag>) },
            { title: t('note'), dataIndex: 'note', ellipsis: true },
            { title: t('found'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
            {
              title: t('actions'), key: 'a', width: 90, fixed: 'right' as const,
              render: (_: unknown, r) => (mayResolve && !r.resolution ? <Button size="small" type="primary" onClick={() => setResolving(r)} data-testid="conflict-resolve">{t('resolve')}</Button> : null),
            },
          ]}
        />
      </Card>
      {importing && campaignId && (
        <GeneralListModal campaignId={campaignId} onClose={() => setImporting(false)} onDone={() => Promise.all([qc.invalidateQueries({ queryKey: ['track-conflicts'] }), qc.invalidateQueries({ queryKey: ['applications'] })])} />
      )}
      {resolving && <ResolveModal conflict={resolving} onClose={() => setResolving(null)} onDone={() => { message.success(t('done')); setResolving(null); }} />}
    </div>
  );
}

function GeneralListModal({ campaignId, onClose, onDone }: { campaignId: number; onClose: () => void; onDone: () => unknown }) {
  const { t } = useI18n(m);
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({ mutationFn: (f: File) => importGeneralList(campaignId, f), onSuccess: () => onDone() });
  const r: GeneralListImport | undefined = run.data;
  // A file the server refuses as a whole (IMPORT_INVALID) still says which rows are wrong.
  const refused = isApiError(run.error, 'IMPORT_INVALID') ? (run.error.details as { errors?: GeneralListImport['errors'] } | undefined)?.errors : undefined;
  const rowErrors = r?.errors ?? refused ?? [];
  return (
    <Modal open width={680} title={t('importTitle')} onCancel={onClose} okText={t('run')} okButtonProps={{ disabled: !file, loading: run.isPending, 'data-testid': 'general-import-run' }} onOk={() => file && run.mutate(file)}>
      <Upload.Dragger accept=".xlsx" maxCount={1} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []} beforeUpload={(f) => { setFile(f); run.reset(); return false; }} onRemove={() => setFile(null)}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{t('drop')}</p>
      </Upload.Dragger>
      <div style={{ marginTop: 16 }}>
        {run.isError && !refused && <ApiErrorAlert error={run.error} />}
        {r && (
          <Descriptions size="small" bordered column={3} data-testid="general-import-result" items={[
            { key: 'r', label: t('rows'), children: r.rows },
            { key: 'm', label: t('matched'), children: r.matched },
            { key: 'n', label: t('newConflicts'), children: r.newConflicts },
          ]} />
        )}
        {rowErrors.length > 0 && (
          <>
            <Alert type="warning" showIcon style={{ margin: '12px 0 8px' }} title={t('rowErrors', { n: rowErrors.length })} />
            <Table size="small" rowKey={(e) => `${e.row}:${e.column}:${e.reason}`} dataSource={rowErrors} pagination={rowErrors.length > 10 ? { pageSize: 10 } : false} data-testid="general-import-errors"
              columns={[{ title: t('row'), dataIndex: 'row', width: 70 }, { title: t('column'), dataIndex: 'column', width: 140 }, { title: t('reason'), dataIndex: 'reason' }]} />
          </>
        )}
      </div>
    </Modal>
  );
}

function ResolveModal({ conflict, onClose, onDone }: { conflict: Conflict; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n(m);
  const [form] = Form.useForm<{ resolution: 'keep_vocational' | 'keep_general'; note: string }>();
  const resolve = useResolveConflict();
  return (
    <Modal open title={t('resolveTitle', { name: conflict.studentName })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: resolve.isPending, 'data-testid': 'conflict-resolve-submit' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('resolveHint')}</Typography.Paragraph>
      {resolve.isError && <ApiErrorAlert error={resolve.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => resolve.mutate({ id: conflict.id, resolution: v.resolution, note: v.note.trim() }, { onSuccess: onDone })}>
        <Form.Item name="resolution" label={t('resolution')} rules={[{ required: true, message: t('required') }]}>
          <Radio.Group options={[{ value: 'keep_vocational', label: t('keep_vocational') }, { value: 'keep_general', label: t('keep_general') }]} />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('noteRule') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
