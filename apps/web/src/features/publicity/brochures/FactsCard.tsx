/**
 * R6: the mandatory facts, taken from the school's records and shown read-only for
 * confirmation. The school refreshes them after correcting its majors, fees or seats;
 * missing facts are listed and block submission.
 */
import { useState } from 'react';
import { Alert, App, Button, Card } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FactsView } from '../shared/FactsView';
import type { BrochureDetail } from '../types';
import { useUpdateBrochure } from './api';

const m = defineMessages({
  title: ['必备事项（来自学校档案，R6）', 'Mandatory facts (from the school’s records, R6)'],
  refresh: ['从档案刷新', 'Refresh from records'],
  refreshed: ['已按学校档案更新必备事项', 'The facts now match the school’s records'],
  missingTitle: ['以下必备事项缺失，补齐后才能提交（R6）：', 'These mandatory facts are missing; complete them before submitting (R6):'],
  missingHow: ['请在“招生专业”中补充专业、学制、实习期和收费，在机构信息中补充地址，然后点“从档案刷新”。', 'Complete majors, length, internship and fees under “Majors” and the address in the organisation record, then refresh.'],
  goMajors: ['去维护招生专业', 'Open the majors'],
  comment: ['审查意见：', 'Reviewer’s comment: '],
  editHint: ['必备事项不能在简章中直接修改：它们来自学校档案，保证与实际办学一致。', 'The facts cannot be edited here: they come from the school’s records, so the brochure matches what the school does.'],
});

export function FactsCard({ b, changed }: { b: BrochureDetail; changed?: readonly string[] }) {
  const { t, locale } = useI18n(m);
  const { message } = App.useApp();
  const canEdit = b.actions.includes('edit');
  const update = useUpdateBrochure(b.id);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => {
    setError(null);
    update.mutate({ refreshFacts: true }, { onSuccess: () => message.success(t('refreshed')), onError: setError });
  };
  const notes = b.comments.filter((c) => c.sectionKey === 'facts');
  return (
    <Card
      size="small"
      title={t('title')}
      style={{ marginBottom: 16 }}
      extra={canEdit && <Button icon={<SyncOutlined />} loading={update.isPending} onClick={refresh} data-testid="facts-refresh">{t('refresh')}</Button>}
    >
      {error != null && <ApiErrorAlert error={error} />}
      {notes.map((c, i) => <Alert key={i} type="warning" showIcon title={`${t('comment')}${c.comment}`} style={{ marginBottom: 8 }} data-testid="section-comment" />)}
      {b.missingFacts.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="missing-facts"
          title={t('missingTitle')}
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>{b.missingFacts.map((f) => <li key={f.path}>{locale === 'zh-CN' ? f.zh : f.en}</li>)}</ul>
              {canEdit && <div style={{ marginTop: 4 }}>{t('missingHow')} <Link to="/majors">{t('goMajors')}</Link></div>}
            </>
          }
        />
      )}
      {canEdit && <Alert type="info" title={t('editHint')} style={{ marginBottom: 12 }} />}
      <FactsView facts={b.facts} missing={b.missingFacts.map((f) => f.path)} changed={changed} />
    </Card>
  );
}
