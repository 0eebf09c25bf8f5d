/**
 * What the applications pages share: the campaign they work in (the caller's district's
 * campaign of this business year, or a pick among those visible) and the status tags.
 */
import { useState } from 'react';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../lib/session';
import { useDefaultCampaign } from '../publicity/shared/campaign';
import { studentMessages } from './messages';
import type { ApplicationStatus, Track } from './types';

export function useAppCampaign() {
  const me = useSession();
  const def = useDefaultCampaign(me.organization.districtId);
  const [picked, setPicked] = useState<number | null>(null);
  const campaign = def.campaigns.find((c) => c.id === picked) ?? def.campaign;
  return { ...def, campaign, pick: setPicked };
}

const statusColor: Record<ApplicationStatus, string> = { undecided: 'default', draft: 'orange', awaiting_student: 'gold', awaiting_guardian: 'gold', confirmed: 'green' };

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n(studentMessages);
  return <Tag color={statusColor[status]} data-status={status}>{t(`st_${status}`)}</Tag>;
}

export function TrackTag({ track }: { track: Track | null }) {
  const { t } = useI18n(studentMessages);
  return track ? <Tag color={track === 'vocational' ? 'blue' : 'purple'}>{t(`track_${track}`)}</Tag> : <Tag>{t('track_undecided')}</Tag>;
}

export const percent = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
