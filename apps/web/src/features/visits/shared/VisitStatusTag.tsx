import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { visitMessages } from '../messages';
import type { VisitStatus } from '../types';

export const visitStatusColor: Record<VisitStatus, string> = {
  requested: 'processing',
  proposed: 'warning',
  approved: 'success',
  refused: 'error',
  revoked: 'error',
  cancelled: 'default',
};

/** A visit's state in the UI's language. */
export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useI18n(visitMessages);
  return (
    <Tag color={visitStatusColor[status]} data-testid="visit-status" data-status={status}>
      {t(`st_${status}`)}
    </Tag>
  );
}

/** The states in their order (the contracts' list without pulling zod into the bundle). */
export const visitStatusList = Object.keys(visitStatusColor) as VisitStatus[];
