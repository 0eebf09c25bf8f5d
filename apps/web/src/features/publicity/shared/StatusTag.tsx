import { Tag } from 'antd';
import { brochureStateLabels } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { BrochureStatus } from '../types';

const m = defineMessages({});

export const statusColor: Record<BrochureStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'cyan',
  filed: 'success',
  withdrawn: 'error',
  superseded: 'default',
};

/** A brochure's state (R7) in the UI's language. */
export function StatusTag({ status, testId }: { status: BrochureStatus; testId?: string }) {
  const { l } = useI18n(m);
  return (
    <Tag color={statusColor[status]} data-testid={testId} data-status={status}>
      {l(brochureStateLabels[status])}
    </Tag>
  );
}
