/**
 * 成绩 (R15): the exam office's scores as versions. A file (.xlsx or .csv) is first checked (试导入:
 * every bad row listed by row, column and reason, nothing written), then imported as a draft
 * version; locking freezes it and records its content hash in the audit. Once a version is
 * locked, a correction is a new version with a reason. Anyone reading may open a version's rows.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, LockOutlined } from '@ant-design/icons';
import { withSettingDefaults } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import type { Campaign, ImportRowError } from '../../../lib/types';
import { downloadScoreTemplate, useImportScores, useLockScoreSet, useScoreSets } from '../api';
import { ScoreRowsDrawer } from '../components/ScoreRowsDrawer';
import { ShortHash } from '../components/ShortHash';
import { admissionMessages } from '../messages';
import type { ScoreImportResult, ScoreSet } from '../types';

const m = defineMessages({
  ...admissionMessages,
  hint: ['导入中考成绩（考试机构提供的 Excel 或 CSV：中考报名号、总分、各科成绩及同分比较科目）。先试导入检查每一行，无误后再导入；锁定后成绩不可修改，内容校验值记入审计日志。', 'Import the exam office’s scores (Excel or CSV: exam number, total, subjects and the tie-break subjects). Check first (every row), then import; a locked version is frozen and its content hash goes into the audit log.'],
  versions: ['成绩版本', 'Score versions'],
  version: ['版本', 'Version'],
  rows: ['行数', 'Rows'],
  st_draft: ['草稿', 'Draft'],
  st_locked: ['已锁定', 'Locked'],
  current: ['现行', 'Current'],
  hash: ['内容校验值', 'Content hash'],
  lockedAt: ['锁定时间', 'Locked at'],
  view: ['查看成绩', 'View rows'],
  lock: ['锁定', 'Lock'],
  lockTitle: ['锁定成绩版本 v{v}', 'Lock score version v{v}'],
  lockText: ['锁定后该版本的 {n} 行成绩不能再修改，试录取和发布都以锁定版本为准；如需更正，须导入新版本并说明理由。', 'Once locked, the {n} rows of this version cannot change; runs and publication use the locked version. A correction is a new version with a reason.'],
  locked: ['已锁定 v{v}', 'Locked v{v}'],
  upload: ['导入成绩', 'Import scores'],
  drop: ['点击或拖入成绩文件（.xlsx 或 .csv）', 'Click or drop the score file (.xlsx or .csv)'],
  template: ['下载模板', 'Download the template'],
  tiebreaks: ['同分比较科目（按顺序，逗号分隔）', 'Tie-break subjects (in order, comma-separated)'],
  correction: ['更正理由（已有锁定版本，导入新版本须说明理由）', 'Reason for the correction (a locked version exists)'],
  correctionRule: ['请填写更正理由（至少 2 个字）', 'Give the reason for the correction (at least 2 characters)'],
  dryRun: ['试导入（不写入）', 'Check (writes nothing)'],
  import: ['导入', 'Import'],
  importHint: ['试导入通过后才能导入。', 'Import becomes available once the check passes.'],
  errorsTitle: ['发现 {n} 处错误，未写入任何数据。请按行号、列名和原因修改后重新试导入。', '{n} problems found; nothing was written. Fix each row listed and check again.'],
  okTitle: ['校验通过：{n} 行，可以导入。', 'The file is valid: {n} rows, ready to import.'],
  doneTitle: ['已导入为成绩版本 v{v}（草稿），请核对后锁定。', 'Imported as score version v{v} (draft): check it, then lock it.'],
  row: ['行', 'Row'],
  column: ['列', 'Column'],
  problem: ['原因', 'Reason'],
  noVersions: ['尚未导入成绩', 'No scores imported yet'],
});

type ImportState = { result: ScoreImportResult | null; errors: ImportRowError[]; error: unknown; key: string | null };
const blank: ImportState = { result: null, errors: [], error: null, key: null };

export function ScoresTab({ campaign }: { campaign: Campaign }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const sets = useScoreSets(campaign.id);
  const lock = useLockScoreSet();
  const importer = useImportScores();
  const [viewing, setViewing] = useState<ScoreSet | null>(null);
  const [locking, setLocking] = useState<ScoreSet | null>(null);
  const defaultTiebreaks = useMemo(() => withSettingDefaults(campaign.settings).tiebreakSubjects.join(','), [campaign.settings]);
  const [file, setFile] = useState<File | null>(null);
  const [tiebreaks, setTiebreaks] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [st, setSt] = useState<ImportState>(blank);
  const items = sets.data?.items ?? [];
  const hasLocked = items.some((s) => s.status === 'locked');
  const tb = (tiebreaks ?? defaultTiebreaks).trim();
  // The import is offered for the very file, tie-breaks and reason the check passed.
  const key = file ? `${file.name}:${file.size}:${file.lastModified}|${tb}|${reason.trim()}` : null;
  const reasonMissing = hasLocked && reason.trim().length < 2;
  const checked = !!st.result?.dryRun && st.errors.length === 0 && st.key === key;

  const run = (dryRun: boolean) => {
    if (!file) return;
    setSt({ ...blank, key });
    importer.mutate(
      { campaignId: campaign.id, file, dryRun, tiebreaks: tb || undefined, reason: reason.trim() || undefined },
      {
        onSuccess: (r) => {
          setSt({ result: r, errors: r.errors ?? [], error: null, key });
          if (!r.dryRun && r.scoreSet) {
            message.success(t('doneTitle', { v: r.scoreSet.version }));
            setFile(null);
            setReason('');
          }
        },
        onError: (e) => {
          const rows = isApiError(e) ? (e.details as { errors?: ImportRowError[] } | undefined)?.errors : undefined;
          setSt({ result: null, errors: Array.isArray(rows) ? rows : [], error: Array.isArray(rows) ? null : e, key });
        },
      },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="ad-scores">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('hint')}</Typography.Paragraph>
      <Card size="small" title={t('versions')}>
        {sets.isError && <ApiErrorAlert error={sets.error} onRetry={() => sets.refetch()} />}
        <Table<ScoreSet>
          size="small"
          rowKey="id"
          loading={sets.isFetching}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="ad-score-sets"
          locale={{ emptyText: t('noVersions') }}
          onRow={(s) => ({ 'data-testid': 'ad-score-set', 'data-version': s.version, 'data-status': s.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('version'), key: 'v', render: (_: unknown, s) => <span>v{s.version}{s.current && <Tag color="blue" style={{ marginInlineStart: 6 }}>{t('current')}</Tag>}</span> },
            { title: t('rows'), dataIndex: 'rows', align: 'right' as const },
            { title: t('status'), key: 's', render: (_: unknown, s) => <Tag color={s.status === 'locked' ? 'green' : 'gold'} icon={s.status === 'locked' ? <LockOutlined /> : undefined}>{t(`st_${s.status}`)}</Tag> },
            { title: t('hash'), key: 'h', render: (_: unknown, s) => <ShortHash value={s.contentHash} testId="ad-score-hash" /> },
            { title: t('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
            { title: t('createdAt'), key: 'c', render: (_: unknown, s) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.createdAt)}{s.createdBy ? ` · ${s.createdBy}` : ''}</span> },
            { title: t('lockedAt'), key: 'l', render: (_: unknown, s) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.lockedAt)}</span> },
            {
              title: t('actions'), key: 'a', render: (_: unknown, s) => (
                <Flex gap={6}>
                  <Button size="small" onClick={() => setViewing(s)} data-testid="ad-score-view">{t('view')}</Button>
                  {can('score.write') && s.status === 'draft' && <Button size="small" type="primary" icon={<LockOutlined />} onClick={() => setLocking(s)} data-testid="ad-score-lock">{t('lock')}</Button>}
                </Flex>
              ),
            },
          ]}
        />
      </Card>

      {can('score.write') && (
        <Card size="small" title={t('upload')} extra={<Button type="link" icon={<DownloadOutlined />} onClick={() => downloadScoreTemplate(campaign.id).catch((e: Error) => message.error(e.message))} data-testid="ad-score-template">{t('template')}</Button>} data-testid="ad-score-import">
          <Upload.Dragger
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => { setFile(f); setSt(blank); return false; }}
            onRemove={() => { setFile(null); setSt(blank); }}
            disabled={importer.isPending}
            data-testid="ad-score-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('drop')}</p>
          </Upload.Dragger>
          <Flex vertical gap={8} style={{ marginTop: 12 }}>
            <label>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('tiebreaks')}</Typography.Text>
              <Input value={tiebreaks ?? defaultTiebreaks} onChange={(e) => setTiebreaks(e.target.value)} maxLength={200} data-testid="ad-score-tiebreaks" />
            </label>
            {hasLocked && (
              <label>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('correction')}</Typography.Text>
                <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount status={reasonMissing && file ? 'error' : undefined} data-testid="ad-score-reason" />
                {reasonMissing && file && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('correctionRule')}</Typography.Text>}
              </label>
            )}
            <Flex gap={8} wrap align="center">
              <Button disabled={!file || reasonMissing} loading={importer.isPending && importer.variables?.dryRun} onClick={() => run(true)} data-testid="ad-score-dryrun">{t('dryRun')}</Button>
              <Button type="primary" disabled={!checked || reasonMissing} loading={importer.isPending && !importer.variables?.dryRun} onClick={() => run(false)} data-testid="ad-score-write">{t('import')}</Button>
              {!checked && file && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('importHint')}</Typography.Text>}
            </Flex>
            {st.error != null && <ApiErrorAlert error={st.error} />}
            {st.errors.length > 0 && (
              <>
                <Alert type="error" showIcon title={t('errorsTitle', { n: st.errors.length })} data-testid="ad-score-errors-title" />
                <Table<ImportRowError>
                  size="small"
                  data-testid="ad-score-errors"
                  rowKey={(r) => `${r.row}:${r.column}:${r.reason}`}
                  dataSource={st.errors}
                  scroll={{ x: 'max-content' }}
                  pagination={st.errors.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false, showTotal: (n) => t('total', { n }) } : false}
                  columns={[
                    { title: t('row'), dataIndex: 'row', width: 70 },
                    { title: t('column'), dataIndex: 'column', width: 140 },
                    { title: t('problem'), dataIndex: 'reason' },
                  ]}
                />
              </>
            )}
            {st.result && st.errors.length === 0 && (
              <Alert
                type="success"
                showIcon
                data-testid="ad-score-result"
                title={st.result.dryRun ? t('okTitle', { n: st.result.rows }) : t('doneTitle', { v: st.result.scoreSet?.version ?? '' })}
                description={<Descriptions size="small" column={1} items={[{ key: 'h', label: t('hash'), children: <ShortHash value={st.result.contentHash} /> }]} />}
              />
            )}
          </Flex>
        </Card>
      )}

      {viewing && <ScoreRowsDrawer set={viewing} onClose={() => setViewing(null)} />}
      {locking && (
        <Modal open title={t('lockTitle', { v: locking.version })} okText={t('lock')} onCancel={() => { setLocking(null); lock.reset(); }} destroyOnHidden
          okButtonProps={{ loading: lock.isPending, 'data-testid': 'ad-score-lock-confirm' }}
          onOk={() => lock.mutate(locking.id, { onSuccess: () => { message.success(t('locked', { v: locking.version })); setLocking(null); } })}>
          {lock.isError && <ApiErrorAlert error={lock.error} />}
          <Typography.Paragraph>{t('lockText', { n: locking.rows })}</Typography.Paragraph>
          <Descriptions size="small" column={1} items={[{ key: 'h', label: t('hash'), children: <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>{locking.contentHash}</Typography.Text> }]} />
        </Modal>
      )}
    </Flex>
  );
}
