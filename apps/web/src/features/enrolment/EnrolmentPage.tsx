/**
 * `/enrolment` 新生报到 / 外流跟踪 (issue 12: R16, R17), one page by who is looking:
 *  - a vocational school: 扫码报到 at the top, then its intake with registration, no-shows, class
 *    and aid, the contact log and 批量报到;
 *  - a junior high (外流跟踪): its students not registered yet first, with calls and visits and the
 *    reasons they did not come;
 *  - a bureau or an auditor: every school's intake to read and export.
 * The campaign is the latest whose registration has begun (the caller may pick another).
 */
import { Card, Empty, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useCan, useSession } from '../../lib/session';
import { CampaignSelect } from '../publicity/shared/CampaignSelect';
import { useEnrolmentCampaign } from './campaign';
import { IntakeList } from './intake/IntakeList';
import type { Side } from './intake/IntakeRows';
import { ScanCard } from './intake/ScanCard';
import { enrolmentMessages } from './messages';

const m = defineMessages({
  ...enrolmentMessages,
  title_school: ['新生报到', 'Registration'],
  title_juniorHigh: ['外流跟踪', 'Outflow follow-up'],
  title_bureau: ['新生报到', 'Registration'],
  hint_school: ['扫描录取通知书二维码或在名单中办理报到；未报到的学生登记原因并记录联系情况；报到后编班、指定班主任并登记资助（R16、R17）。', 'Scan the letter or register from the list; record why absent students did not come and each contact; after registration record the class, teacher and aid (R16, R17).'],
  hint_juniorHigh: ['本校毕业生在中职学校的报到情况。对尚未报到的学生，电话或家访了解情况、做好记录，并登记未报到原因（R16）。', 'Where your graduates registered. Call or visit those who have not, log each contact and record why they did not come (R16).'],
  hint_bureau: ['各中职学校新生报到、未报到原因和新生关爱情况（R16、R17）。', 'Each school’s registration, no-show reasons and care (R16, R17).'],
});

function sideOf(kind: string): Side {
  if (kind === 'vocational_school') return 'school';
  if (kind === 'junior_high') return 'juniorHigh';
  return 'bureau';
}

export function EnrolmentPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const c = useEnrolmentCampaign();
  const side = sideOf(me.organization.kind);
  const campaign = c.campaign;
  // 外流跟踪 starts with those who have not come (pending and no-shows).
  const defaultState = side === 'juniorHigh' ? ('open' as const) : undefined;

  return (
    <div data-testid="enrolment-page" data-side={side}>
      <PageHeader title={t(`title_${side}`)} extra={<CampaignSelect campaigns={c.campaigns} value={campaign?.id ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t(`hint_${side}`)}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {!c.isPending && !campaign && <Empty description={t('noCampaign')} />}
      {!c.isPending && campaign && (
        <div key={campaign.id}>
          {side === 'school' && can('enrolment.register') && <ScanCard />}
          <Card size="small">
            <IntakeList campaignId={campaign.id} side={side} defaultState={defaultState} />
          </Card>
        </div>
      )}
    </div>
  );
}
