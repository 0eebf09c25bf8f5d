/**
 * An Excel import in two steps, as for the directory: a dry run lists every bad row
 * (row, column, reason) or what it would write; only then the real import. The server
 * writes nothing when any row is bad.
 */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Steps, Table, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { isApiError } from '../../../lib/api';
import type { ExcelImportResult, ImportRowError } from '../types';

const m = defineMessages({
  stepFile: ['选择文件', 'Choose a file'],
  stepCheck: ['校验', 'Check'],
  stepWrite: ['写入', 'Write'],
  drop: ['点击或拖入填好的 Excel 文件（.xlsx）', 'Click or drop the filled-in Excel file (.xlsx)'],
  template: ['下载模板', 'Download the template'],
  check: ['校验（不写入）', 'Check (writes nothing)'],
  write: ['确认导入', 'Import now'],
  errorsTitle: ['发现 {n} 处错误，未写入任何数据。请改正后重新上传。', '{n} problems found; nothing was written. Fix them and upload again.'],
  okTitle: ['校验通过，可以导入：', 'The file is valid; importing will:'],
  doneTitle: ['导入完成', 'Import finished'],
  created: ['新增', 'Create'],
  updated: ['更新', 'Update'],
  unchanged: ['不变', 'Unchanged'],
  row: ['行', 'Row'],
  column: ['列', 'Column'],
  reason: ['原因', 'Reason'],
  close: ['关闭', 'Close'],
});

type Props = {
  title: string;
  hint?: string;
  run: (file: File, dryRun: boolean) => Promise<ExcelImportResult>;
  /** After a real import: invalidate what it changed. */
  onWritten?: () => unknown;
  template?: () => Promise<void>;
  onClose: () => void;
};

export function ExcelImportModal({ title, hint, run, onWritten, template, onClose }: Props) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ExcelImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const mutation = useMutation({ mutationFn: (v: { file: File; dryRun: boolean }) => run(v.file, v.dryRun) });

  const reset = () => { setResult(null); setRowErrors([]); setError(null); };
  const submit = (dryRun: boolean) => {
    if (!file) return;
    reset();
    mutation.mutate({ file, dryRun }, {
      onSuccess: (r) => {
        setResult(r);
        setRowErrors(r.errors ?? []);
        if (!r.dryRun) { message.success(t('doneTitle')); void onWritten?.(); }
      },
      onError: (e) => {
        const rows = isApiError(e, 'IMPORT_INVALID') ? (e.details as { errors?: ImportRowError[] } | undefined)?.errors : undefined;
        if (rows) setRowErrors(rows);
        else setError(e);
      },
    });
  };

  const checked = result?.dryRun && rowErrors.length === 0;
  const written = result && !result.dryRun;
  const counts = result && [
    { key: 'c', label: t('created'), children: result.created ?? '—' },
    { key: 'u', label: t('updated'), children: result.updated ?? '—' },
    { key: 'n', label: t('unchanged'), children: result.unchanged ?? '—' },
  ];

  return (
    <Modal
      open
      width={760}
      title={title}
      onCancel={onClose}
      data-testid="excel-import-modal"
      footer={[
        <Button key="close" onClick={onClose}>{written ? t('close') : t('cancel')}</Button>,
        !written && <Button key="check" disabled={!file} loading={mutation.isPending && mutation.variables?.dryRun} onClick={() => submit(true)} data-testid="import-check">{t('check')}</Button>,
        !written && <Button key="write" type="primary" disabled={!checked} loading={mutation.isPending && !mutation.variables?.dryRun} onClick={() => submit(false)} data-testid="import-write">{t('write')}</Button>,
      ]}
    >
      <Steps size="small" current={written ? 2 : checked ? 1 : 0} style={{ marginBottom: 16 }} items={[{ title: t('stepFile') }, { title: t('stepCheck') }, { title: t('stepWrite') }]} />
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => { setFile(f); reset(); return false; }}
        onRemove={() => { setFile(null); reset(); }}
        disabled={mutation.isPending}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p>{t('drop')}</p>
        {(hint || template) && (
          <p style={{ color: 'rgba(0,0,0,.45)', padding: '0 12px' }}>
            {hint}{' '}
            {template && <a onClick={(e) => { e.stopPropagation(); template().catch((er: Error) => message.error(er.message)); }}>{t('template')}</a>}
          </p>
        )}
      </Upload.Dragger>
      <div style={{ marginTop: 16 }}>
        {error != null && <ApiErrorAlert error={error} />}
        {rowErrors.length > 0 && (
          <>
            <Alert type="error" showIcon title={t('errorsTitle', { n: rowErrors.length })} style={{ marginBottom: 8 }} />
            <Table<ImportRowError>
              size="small"
              data-testid="import-errors"
              rowKey={(r) => `${r.row}:${r.column}:${r.reason}`}
              dataSource={rowErrors}
              pagination={rowErrors.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                { title: t('row'), dataIndex: 'row', width: 70 },
                { title: t('column'), dataIndex: 'column', width: 160 },
                { title: t('reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
        {result && rowErrors.length === 0 && (
          <>
            <Alert type="success" showIcon title={result.dryRun ? t('okTitle') : t('doneTitle')} style={{ marginBottom: 8 }} />
            {counts && <Descriptions size="small" bordered column={3} data-testid="import-counts" items={counts} />}
          </>
        )}
      </div>
    </Modal>
  );
}
