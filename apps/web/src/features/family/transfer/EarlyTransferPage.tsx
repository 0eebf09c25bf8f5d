/**
 * `/me/early-transfer` 提前到中职学习 (R13, R14) for the student or the guardian, on a phone:
 * whether they may ask now and why not (rules named), the current request and its steps,
 * the programmes with early-transfer seats left (their confirmed choices marked) to ask for
 * one, and the earlier requests.
 */
import { useState } from 'react';
import { App, Button, Card, Flex, Modal, Skeleton, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { finalTransferStatuses } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { useSession } from '../../../lib/session';
import type { FamilyProgramme } from '../../transfers/types';
import { FamilyError } from '../FamilyError';
import { useMyEarlyTransfer, useRequestEarlyTransfer } from './api';
import { CurrentCard } from './CurrentCard';
import { EligibilityCard } from './EligibilityCard';
import { familyTransferMessages } from './messages';
import { PastCard } from './PastCard';
import { ProgrammeChoices } from './ProgrammeChoices';

const m = defineMessages({
  ...familyTransferMessages,
  programmes: ['可提前学习的专业', 'Programmes taking early-transfer students'],
  programmesHint: ['蓝色底色的是你们已确认的中职志愿。', 'Shaded in blue: your confirmed vocational choices.'],
  askTitle: ['申请提前到中职学校学习', 'Ask to study early'],
  askText: ['申请到 {school} · {major}（{campus}）提前学习？', 'Ask to study early at {school} · {major} ({campus})?'],
  askNext: ['提交后还需要{who}登录确认，然后由初中学校和中职学校盖章。', 'Then the {who} signs in to confirm, and both schools seal it.'],
  asked: ['已提交申请', 'Request sent'],
  ask: ['提交申请', 'Send the request'],
});

export function EarlyTransferPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const q = useMyEarlyTransfer();
  const request = useRequestEarlyTransfer();
  const [target, setTarget] = useState<FamilyProgramme | null>(null);
  const back = <Link to="/me"><Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }} data-testid="et-back">{t('back')}</Button></Link>;

  if (q.isError) return <div data-testid="et-family">{back}<FamilyError error={q.error} /></div>;
  if (q.isPending) return <Card><Skeleton active /></Card>;
  const d = q.data;
  const active = d.current && !finalTransferStatuses.includes(d.current.status) ? d.current : null;
  const canAsk = d.problems.length === 0 && !active;
  // A request in progress is shown below: "there is already one" is no news then.
  const shown = active ? { ...d, problems: d.problems.filter((p) => p.code !== 'EARLY_TRANSFER_ACTIVE') } : d;
  const other = me.role === 'guardian' ? t('role_student') : t('role_guardian');

  return (
    <Flex vertical gap={12} data-testid="et-family">
      <div>{back}</div>
      <EligibilityCard data={shown} canAsk={canAsk} />
      {d.current && <CurrentCard d={d.current} programmes={d.programmes} />}
      {!active && (
        <Card size="small" title={t('programmes')} data-testid="et-programmes-card">
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('programmesHint')}</Typography.Paragraph>
          <ProgrammeChoices programmes={d.programmes} mode="request" disabled={!canAsk || request.isPending} onPick={setTarget} />
        </Card>
      )}
      {d.past.length > 0 && <PastCard past={d.past} />}
      <Modal open={!!target} title={t('askTitle')} okText={t('ask')} destroyOnHidden
        onCancel={() => { setTarget(null); request.reset(); }}
        okButtonProps={{ loading: request.isPending, 'data-testid': 'et-request-confirm' }}
        onOk={() => target && request.mutate(target.programmeId, { onSuccess: () => { message.success(t('asked')); setTarget(null); } })}>
        {target && <Typography.Paragraph strong>{t('askText', { school: target.schoolName, major: target.majorName, campus: target.campusName })}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">{t('askNext', { who: other })}</Typography.Paragraph>
        <FamilyError error={request.error} testId="et-request-error" />
      </Modal>
    </Flex>
  );
}
