/**
 * `/majors`: the majors of each school and campus (category, length, internship, fees,
 * aid — the facts a brochure states, R6) and the planned seats per campaign.
 */
import { useState } from 'react';
import { App, Button, Card, Tabs } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { defineMessages, useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { useCan, useSession } from '../../../lib/session';
import { ExcelImportModal } from '../shared/ExcelImportModal';
import type { Major } from '../types';
import { downloadMajorsExport, downloadMajorsTemplate, importMajors, invalidateMajors, type MajorFilters } from './api';
import { MajorFormDrawer } from './MajorFormDrawer';
import { MajorsTable } from './MajorsTable';
import { PlannedSeatsPanel } from './PlannedSeatsPanel';

const m = defineMessages({
  title: ['招生专业', 'Majors'],
  majors: ['专业', 'Majors'],
  seats: ['招生计划', 'Planned seats'],
  create: ['新建专业', 'New major'],
  template: ['下载模板', 'Template'],
  import: ['导入', 'Import'],
  export: ['导出', 'Export'],
  importTitle: ['导入招生专业', 'Import majors'],
  importHint: ['请使用下载的模板；第一行为表头。', 'Use the downloaded template; the first row is the header.'],
});

export function MajorsPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const can = useCan();
  const me = useSession();
  const [tab, setTab] = useState('majors');
  // A school works on its own majors (the server would also show it its district's).
  const own = me.organization.kind === 'vocational_school' ? me.organization.id : undefined;
  const [filters, setFilters] = useState<MajorFilters>({ page: 1, pageSize: 20, organizationId: own });
  const [form, setForm] = useState<{ major?: Major } | null>(null);
  const [importing, setImporting] = useState(false);
  const fail = (e: Error) => message.error(e.message);
  const write = can('major.write');

  return (
    <div data-testid="majors-page">
      <PageHeader
        title={t('title')}
        extra={
          tab === 'majors' && (
            <>
              {write && <Button icon={<FileExcelOutlined />} onClick={() => downloadMajorsTemplate().catch(fail)}>{t('template')}</Button>}
              {write && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('import')}</Button>}
              <Button icon={<DownloadOutlined />} onClick={() => downloadMajorsExport({ organizationId: filters.organizationId, q: filters.q, category: filters.category }).catch(fail)}>{t('export')}</Button>
              {write && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})} data-testid="major-create">{t('create')}</Button>}
            </>
          )
        }
      />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'majors', label: t('majors'), children: <MajorsTable filters={filters} onFilters={setFilters} onEdit={(major) => setForm({ major })} /> },
            { key: 'seats', label: t('seats'), children: <PlannedSeatsPanel /> },
          ]}
        />
      </Card>
      {form && <MajorFormDrawer major={form.major} onClose={() => setForm(null)} />}
      {importing && (
        <ExcelImportModal title={t('importTitle')} hint={t('importHint')} run={importMajors} template={downloadMajorsTemplate} onWritten={() => invalidateMajors(qc)} onClose={() => setImporting(false)} />
      )}
    </div>
  );
}
