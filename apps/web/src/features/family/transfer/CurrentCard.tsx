/**
 * The family's current early-transfer request (R13, R14): where it stands as steps, who still
 * has to confirm (the requester's confirmation is implied, the other member confirms this
 * version), the seals, the reason of a refusal / withdrawal / return, and what the family
 * may do (the server's `actions`): confirm, change the programme (voids the seals), withdraw
 * with a reason; the Annex 4 PDF.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Drawer, Flex, Modal, Tag, Typography } from 'antd';
import { FilePdfOutlined, SwapOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { useSession } from '../../../lib/session';
import { FormContent } from '../../transfers/shared/FormContent';
import { ReasonModal } from '../../../components/ReasonModal';
import { StatusSteps } from '../../transfers/shared/StatusSteps';
import { TransferStatusTag } from '../../transfers/shared/StatusTags';
import type { EarlyTransferDetail, FamilyProgramme } from '../../transfers/types';
import { FamilyError } from '../FamilyError';
import { myTransferPdfUrl, useChangeEarlyTransfer, useConfirmEarlyTransfer, useWithdrawEarlyTransfer } from './api';
import { familyTransferMessages } from './messages';
import { ProgrammeChoices } from './ProgrammeChoices';

const m = defineMessages({
  ...familyTransferMessages,
  heading: ['我的申请', 'My request'],
  versionN: ['第 {n} 版', 'Version {n}'],
  waitOther: ['等待{who}确认。', 'Waiting for the {who} to confirm.'],
  youConfirm: ['请核对申请内容，确认无误后点击确认。', 'Check the request, then confirm.'],
  confirm: ['确认申请（第 {n} 版）', 'Confirm (version {n})'],
  confirmed: ['已确认', 'Confirmed'],
  change: ['更换专业', 'Change the programme'],
  changeTitle: ['更换提前学习的专业', 'Change the programme'],
  changeWarn: ['更换专业后，学校已盖的章全部作废，需要重新确认并由两所学校重新盖章。', 'A change voids every seal: you confirm again and both schools seal again.'],
  changeConfirm: ['改为：{school} · {major}？', 'Change to {school} · {major}?'],
  changed: ['已更换专业，请重新确认', 'Changed: confirm again'],
  withdraw: ['撤回申请', 'Withdraw the request'],
  withdrawTitle: ['撤回提前到中职学习的申请', 'Withdraw the early-transfer request'],
  withdrawHint: ['撤回后学校已盖的章作废；如仍想提前学习，需要重新申请。', 'The seals are voided; to study early later, ask again.'],
  withdrawn: ['已撤回', 'Withdrawn'],
  pdf: ['下载填报表（PDF）', 'Download the form (PDF)'],
  pdfHint: ['填报表上的二维码可在“真伪验证”页核验两所学校的盖章。', 'The QR code on the form lets anyone check both seals on the verification page.'],
  form: ['查看《中等职业学校志愿填报表》', 'See the Annex 4 form'],
  reason_refused: ['学校不同意：{r}', 'Refused: {r}'],
  reason_withdrawn: ['已撤回：{r}', 'Withdrawn: {r}'],
  reason_returned: ['已退回初中学校：{r}', 'Returned to the junior high: {r}'],
  filed: ['已备案（{n}），自 {on} 起在 {school} 学习。', 'Filed ({n}): studying at {school} from {on}.'],
});

export function CurrentCard({ d, programmes }: { d: EarlyTransferDetail; programmes: readonly FamilyProgramme[] }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const role = me.role === 'guardian' ? 'guardian' : 'student';
  const confirm = useConfirmEarlyTransfer();
  const change = useChangeEarlyTransfer();
  const withdraw = useWithdrawEarlyTransfer();
  const [picking, setPicking] = useState(false);
  const [target, setTarget] = useState<FamilyProgramme | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const has = (a: EarlyTransferDetail['actions'][number]) => d.actions.includes(a);
  const mine = d.pendingConfirmers.includes(role);
  const others = d.pendingConfirmers.filter((w) => w !== role).map((w) => t(`role_${w}`)).join('、');
  const reasonKey = d.status === 'refused' || d.status === 'withdrawn' || d.status === 'returned' ? (`reason_${d.status}` as const) : null;

  return (
    <Card size="small" data-testid="et-current" data-transfer-id={d.id} data-status={d.status} data-version={d.version}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('heading')}</Typography.Title>
        <Flex gap={4}><Tag>{t('versionN', { n: d.version })}</Tag><TransferStatusTag status={d.status} /></Flex>
      </Flex>
      <Typography.Paragraph style={{ margin: '8px 0' }}>
        <Typography.Text strong>{d.schoolName}</Typography.Text> · {d.majorName}（{d.campusName}）
      </Typography.Paragraph>
      <StatusSteps x={d} vertical />
      {reasonKey && d.reason && <Alert type={d.status === 'withdrawn' ? 'warning' : 'error'} showIcon style={{ marginTop: 8 }} title={t(reasonKey, { r: d.reason })} data-testid="et-reason" />}
      {d.status === 'filed' && d.filingNumber && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('filed', { n: d.filingNumber, on: d.filedOn ?? '', school: d.schoolName })} />}
      {d.status === 'awaiting_family' && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="et-next-step">
          {mine ? t('youConfirm') : others ? t('waitOther', { who: others }) : null}
        </Typography.Paragraph>
      )}
      <FamilyError error={confirm.error} testId="et-error" />
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {has('confirm') && mine && (
          <Button type="primary" size="large" block loading={confirm.isPending} data-testid="et-confirm" data-version={d.version}
            onClick={() => confirm.mutate(d.version, { onSuccess: () => message.success(t('confirmed')) })}>
            {t('confirm', { n: d.version })}
          </Button>
        )}
        {has('change') && <Button block icon={<SwapOutlined />} onClick={() => setPicking(true)} data-testid="et-change">{t('change')}</Button>}
        <Button block icon={<FilePdfOutlined />} href={myTransferPdfUrl} target="_blank" data-testid="et-pdf">{t('pdf')}</Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('pdfHint')}</Typography.Text>
        {has('withdraw') && <Button block danger onClick={() => setWithdrawing(true)} data-testid="et-withdraw">{t('withdraw')}</Button>}
      </Flex>
      <Collapse size="small" ghost style={{ marginTop: 8 }} items={[{ key: 'f', label: t('form'), children: <FormContent d={d} /> }]} />

      <Drawer open={picking} onClose={() => setPicking(false)} placement="bottom" size="85vh" title={t('changeTitle')} destroyOnHidden styles={{ body: { padding: 12 } }} data-testid="et-change-drawer">
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('changeWarn')} />
        <ProgrammeChoices programmes={programmes} mode="change" currentProgrammeId={d.programmeId} disabled={change.isPending} onPick={setTarget} />
      </Drawer>
      <Modal open={!!target} title={t('changeTitle')} onCancel={() => { setTarget(null); change.reset(); }} okText={t('change')} destroyOnHidden
        okButtonProps={{ danger: true, loading: change.isPending, 'data-testid': 'et-change-confirm' }}
        onOk={() => target && change.mutate({ programmeId: target.programmeId, version: d.version }, { onSuccess: () => { message.success(t('changed')); setTarget(null); setPicking(false); } })}>
        {target && <Typography.Paragraph strong>{t('changeConfirm', { school: target.schoolName, major: target.majorName })}</Typography.Paragraph>}
        <Alert type="warning" showIcon title={t('changeWarn')} />
        <FamilyError error={change.error} testId="et-change-error" />
      </Modal>
      {withdrawing && (
        <ReasonModal title={t('withdrawTitle')} hint={t('withdrawHint')} okText={t('withdraw')} loading={withdraw.isPending} error={withdraw.error} testId="et-withdraw"
          onCancel={() => { setWithdrawing(false); withdraw.reset(); }}
          onSubmit={(reason) => withdraw.mutate({ reason, version: d.version }, { onSuccess: () => { message.success(t('withdrawn')); setWithdrawing(false); } })} />
      )}
    </Card>
  );
}
