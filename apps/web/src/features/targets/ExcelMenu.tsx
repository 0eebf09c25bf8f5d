/** Annex 2 as Excel: the template, the import (targets.write) and the export of the published table. */
import { App, Button, Dropdown } from 'antd';
import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { downloadExport, downloadTemplate } from './api';

const m = defineMessages({
  excel: ['附件2（Excel）', 'Annex 2 (Excel)'],
  template: ['下载模板', 'Download the template'],
  import: ['导入毕业生数 / 送培目标', 'Import graduates / targets'],
  export: ['导出已发布的附件2', 'Export the published Annex 2'],
});

export function ExcelMenu({ campaignId, canImport, publishedNumber, onImport }: { campaignId: number; canImport: boolean; publishedNumber: number | null; onImport: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const fail = (e: Error) => message.error(e.message);
  const items = [
    ...(canImport ? [{ key: 'template', label: t('template') }, { key: 'import', label: t('import') }] : []),
    { key: 'export', label: t('export'), disabled: publishedNumber === null },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'template') downloadTemplate(campaignId).catch(fail);
    else if (key === 'import') onImport();
    else if (key === 'export' && publishedNumber !== null) downloadExport(campaignId, publishedNumber).catch(fail);
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button icon={<FileExcelOutlined />} data-testid="excel-menu">
        {t('excel')} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
