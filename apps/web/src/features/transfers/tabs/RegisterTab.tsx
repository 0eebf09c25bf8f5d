/**
 * 全部申请 / 交接登记: every form the caller may see (R14: the handover register) with filters
 * by status, junior high, school and name. A school sees its own side; the district bureau
 * may return a filed student to the junior high (with a reason); the city bureau and
 * auditors read.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { Flex, Grid, Input, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCan } from '../../../lib/session';
import { useTransferReport, useTransfers } from '../api';
import { transferMessages } from '../messages';
import type { StaffParty } from '../shared/party';
import { useStatusOptions } from '../shared/StatusTags';
import { TransferActions } from '../shared/TransferActions';
import { TransferRows } from '../shared/TransferRows';
import type { TransferStatus } from '../types';

type Filters = { status?: TransferStatus; juniorHighId?: number; schoolId?: number };

export function RegisterTab({ campaignId, party, initialStatus }: { campaignId: number; party: StaffParty; initialStatus?: TransferStatus }) {
  const { t } = useI18n(transferMessages);
  const can = useCan();
  const phone = !Grid.useBreakpoint().md;
  const options = useStatusOptions();
  const [f, setF] = useState<Filters>({ status: initialStatus });
  const [search, setSearch] = useState('');
  const qs = useDeferredValue(search.trim());
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const bureau = party === 'bureau';
  // The report lists every junior high and school of the campaign the caller may see: the filters' options.
  const report = useTransferReport(bureau ? campaignId : undefined);
  const q = useTransfers({ campaignId, ...f, q: qs || undefined, ...p });
  const set = (x: Partial<Filters>) => { setF((o) => ({ ...o, ...x })); setP((o) => ({ ...o, page: 1 })); };
  const jhOptions = useMemo(() => (report.data?.byJuniorHigh ?? []).map((j) => ({ value: j.juniorHighId, label: j.juniorHighName })), [report.data]);
  const schoolOptions = useMemo(() => (report.data?.bySchool ?? []).map((s) => ({ value: s.schoolId, label: s.schoolName })), [report.data]);
  const half = phone ? 'calc(50% - 4px)' : 200;
  const canReturn = bureau && can('transfer.file');

  return (
    <div data-testid="et-register">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: half }} allowClear placeholder={t('allStatuses')} value={f.status} onChange={(v?: TransferStatus) => set({ status: v })} options={options.transfer} data-testid="et-filter-status" />
        {bureau && (
          <>
            <Select style={{ width: half }} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('allJuniorHighs')} value={f.juniorHighId} onChange={(v?: number) => set({ juniorHighId: v })} options={jhOptions} data-testid="et-filter-junior-high" />
            <Select style={{ width: half }} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('allSchools')} value={f.schoolId} onChange={(v?: number) => set({ schoolId: v })} options={schoolOptions} data-testid="et-filter-school" />
          </>
        )}
        <Input.Search style={{ width: half }} allowClear placeholder={t('searchPh')} value={search} onChange={(e) => { setSearch(e.target.value); setP((o) => ({ ...o, page: 1 })); }} data-testid="et-search" />
      </Flex>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <TransferRows
        page={q.data}
        loading={q.isFetching}
        p={p}
        onPage={(page, pageSize) => setP({ page, pageSize })}
        hide={{ juniorHigh: party === 'source', school: party === 'school' }}
        actions={canReturn ? (x) => (x.status === 'filed' ? <TransferActions transfer={x} actions={['return']} size="small" /> : null) : undefined}
        testId="et-register-rows"
      />
    </div>
  );
}
