/**
 * `/me`: the family's home on a phone (student or guardian): who is signed in, where the
 * application stands and what to do next, the choice itself (R11), the confirmations, the
 * 志愿表, the history, and always the way to report pressure to the district bureau (R21).
 */
import { useCallback, useState } from 'react';
import { Card, Flex, Skeleton } from 'antd';
import { useClock } from '../../../lib/clock';
import { FamilyError } from '../FamilyError';
import { useApplication, useFamilyMe } from '../api';
import { ApplicationEditor } from './ApplicationEditor';
import { ConfirmCard } from './ConfirmCard';
import { EarlyTransferEntryCard } from '../transfer/EntryCard';
import { AdmissionEntryCard } from '../admission/EntryCard';
import { HistoryCard } from './HistoryCard';
import { PressureReport } from './PressureReport';
import { StatusCard } from './StatusCard';

export function MePage() {
  const me = useFamilyMe();
  const view = useApplication();
  const clock = useClock();
  const [dirty, setDirty] = useState(false);
  const onDirty = useCallback((d: boolean) => setDirty(d), []);

  if (me.isError || view.isError) {
    return (
      <div data-testid="family-home">
        <FamilyError error={me.error ?? view.error} />
        <PressureReport />
      </div>
    );
  }
  if (me.isPending || view.isPending) return <Card><Skeleton active /></Card>;
  return (
    <Flex vertical gap={12} data-testid="family-home">
      <StatusCard me={me.data} view={view.data} today={clock.data?.today} />
      <ApplicationEditor view={view.data} onDirty={onDirty} />
      <ConfirmCard me={me.data} view={view.data} dirty={dirty} />
      {!me.data.social && view.data.track === 'vocational' && <EarlyTransferEntryCard />}
      <AdmissionEntryCard />
      <HistoryCard />
      <PressureReport />
    </Flex>
  );
}
