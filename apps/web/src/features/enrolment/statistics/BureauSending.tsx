/** A bureau's 送培统计 (R18): the completion, the rows with a filter by school or junior high, the Excel export. */
import { useState } from 'react';
import { App, Button, Flex, Skeleton } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrgSelect } from '../../../components/OrgSelect';
import { downloadSendingXlsx, useSending, type StatisticsFilters } from '../api';
import { enrolmentMessages } from '../messages';
import { Completion } from './Completion';
import { SendingTable } from './SendingTable';

const m = defineMessages({ ...enrolmentMessages });

export function BureauSending({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [f, setF] = useState<Omit<StatisticsFilters, 'campaignId'>>({});
  const filters = { campaignId, ...f };
  const data = useSending(filters);
  return (
    <Flex vertical gap={16} data-testid="st-bureau">
      {data.isError && <ApiErrorAlert error={data.error} onRetry={() => data.refetch()} />}
      {!data.data && data.isPending && <Skeleton active />}
      {data.data && <Completion data={data.data} />}
      <Flex gap={8} wrap>
        <OrgSelect kinds={['vocational_school']} placeholder={t('allSchools')} value={f.schoolId ?? null} style={{ width: 220, maxWidth: '100%' }}
          onChange={(id) => setF((o) => ({ ...o, schoolId: id ?? undefined }))} />
        <OrgSelect kinds={['junior_high']} placeholder={t('allJuniorHighs')} value={f.juniorHighId ?? null} style={{ width: 220, maxWidth: '100%' }}
          onChange={(id) => setF((o) => ({ ...o, juniorHighId: id ?? undefined }))} />
        <Button icon={<FileExcelOutlined />} data-testid="st-excel" onClick={() => downloadSendingXlsx(filters).catch((e: Error) => message.error(e.message))}>
          {t('excel')}
        </Button>
      </Flex>
      <SendingTable rows={data.data?.items ?? []} side="bureau" loading={data.isFetching} />
    </Flex>
  );
}
