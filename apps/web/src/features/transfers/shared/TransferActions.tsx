/**
 * The buttons of one form (Annex 4) for the party whose turn it is (R13, R14): seal (after a
 * look at what the seal signs), refuse or withdraw with a reason, and the district bureau's
 * return after filing. The detail page offers exactly the server's `actions`; a queue row
 * offers what its queue is for (the server refuses anything else, named).
 */
import { useState } from 'react';
import { App, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useSession } from '../../../lib/session';
import { useRefuseTransfer, useReturnTransfer, useSealTransfer, useWithdrawTransfer } from '../api';
import { transferMessages } from '../messages';
import type { EarlyTransfer } from '../types';
import { ReasonModal } from '../../../components/ReasonModal';

const m = defineMessages({
  ...transferMessages,
  refuseTitle: ['不同意该申请：{name}', 'Refuse the request: {name}'],
  refuseHint: ['不同意后该申请结束，学生可另行申请。理由将告知学生和家长。', 'A refusal ends the request; the student may ask again. The family sees the reason.'],
  withdrawTitle: ['撤回该申请：{name}', 'Withdraw the request: {name}'],
  withdrawHint: ['撤回后已盖的章全部失效，验证二维码将显示“已撤回”；如在汇总名单上，该名单随之作废。', 'A withdrawal voids every seal (the QR says withdrawn); a list it is on is voided too.'],
  returnTitle: ['退回初中学校：{name}', 'Return to the junior high: {name}'],
  returnHint: ['已备案的学生退回初中学校须由区教育局决定，并说明理由（R14）。', 'Returning a filed student to the junior high is the district bureau’s decision, with a reason (R14).'],
  sealedOk: ['已盖章', 'Sealed'],
  refusedOk: ['已答复不同意', 'Refused'],
  withdrawnOk: ['已撤回', 'Withdrawn'],
  returnedOk: ['已退回初中学校', 'Returned to the junior high'],
});

export type RowAction = 'seal' | 'refuse' | 'withdraw' | 'return';
type Open = RowAction | null;

export function TransferActions({ transfer: x, actions, size = 'middle', block = false }: { transfer: EarlyTransfer; actions: readonly RowAction[]; size?: 'small' | 'middle' | 'large'; block?: boolean }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const seal = useSealTransfer();
  const refuse = useRefuseTransfer();
  const withdraw = useWithdrawTransfer();
  const ret = useReturnTransfer();
  const has = (a: RowAction) => actions.includes(a);
  const close = () => { setOpen(null); seal.reset(); refuse.reset(); withdraw.reset(); ret.reset(); };
  const ok = (key: keyof typeof m) => () => { message.success(t(key)); close(); };
  if (actions.length === 0) return null;
  const style = block ? { flex: '1 1 120px' } : undefined;

  return (
    <>
      <Flex gap={6} wrap>
        {has('seal') && <Button type="primary" size={size} style={style} icon={<SafetyCertificateOutlined />} onClick={() => setOpen('seal')} data-testid="et-seal" data-transfer-id={x.id}>{t('seal')}</Button>}
        {has('refuse') && <Button danger size={size} style={style} onClick={() => setOpen('refuse')} data-testid="et-refuse" data-transfer-id={x.id}>{t('refuse')}</Button>}
        {has('withdraw') && <Button danger size={size} style={style} onClick={() => setOpen('withdraw')} data-testid="et-withdraw" data-transfer-id={x.id}>{t('withdraw')}</Button>}
        {has('return') && <Button danger size={size} style={style} onClick={() => setOpen('return')} data-testid="et-return" data-transfer-id={x.id}>{t('return')}</Button>}
      </Flex>
      {open === 'seal' && <SealModal transfer={x} loading={seal.isPending} error={seal.error} onCancel={close} onOk={() => seal.mutate({ id: x.id, version: x.version }, { onSuccess: ok('sealedOk') })} />}
      {open === 'refuse' && (
        <ReasonModal title={t('refuseTitle', { name: x.studentName })} hint={t('refuseHint')} okText={t('refuse')} loading={refuse.isPending} error={refuse.error} testId="et-refuse"
          onCancel={close} onSubmit={(reason) => refuse.mutate({ id: x.id, reason, version: x.version }, { onSuccess: ok('refusedOk') })} />
      )}
      {open === 'withdraw' && (
        <ReasonModal title={t('withdrawTitle', { name: x.studentName })} hint={t('withdrawHint')} okText={t('withdraw')} loading={withdraw.isPending} error={withdraw.error} testId="et-withdraw"
          onCancel={close} onSubmit={(reason) => withdraw.mutate({ id: x.id, reason, version: x.version }, { onSuccess: ok('withdrawnOk') })} />
      )}
      {open === 'return' && (
        <ReasonModal title={t('returnTitle', { name: x.studentName })} hint={t('returnHint')} okText={t('return')} loading={ret.isPending} error={ret.error} testId="et-return"
          onCancel={close} onSubmit={(reason) => ret.mutate({ id: x.id, reason, version: x.version }, { onSuccess: ok('returnedOk') })} />
      )}
    </>
  );
}

/** What the seal signs, once more before it is applied. */
function SealModal({ transfer: x, loading, error, onCancel, onOk }: { transfer: EarlyTransfer; loading: boolean; error: unknown; onCancel: () => void; onOk: () => void }) {
  const { t } = useI18n(m);
  const me = useSession();
  return (
    <Modal open title={t('sealConfirmTitle', { org: me.organization.name })} okText={t('seal')} onCancel={onCancel} onOk={onOk} okButtonProps={{ loading, 'data-testid': 'et-seal-confirm' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('sealConfirmText')}</Typography.Paragraph>
      {error != null && <ApiErrorAlert error={error} />}
      <Descriptions size="small" bordered column={1} styles={{ label: { whiteSpace: 'nowrap', width: 1 } }} items={[
        { key: 'n', label: t('student'), children: `${x.studentName}（${x.examNo}）` },
        { key: 'c', label: t('className'), children: x.className },
        { key: 'j', label: t('juniorHigh'), children: x.juniorHighName },
        { key: 's', label: t('school'), children: x.schoolName },
        { key: 'm', label: t('major'), children: `${x.majorName} · ${x.campusName}` },
        { key: 'r', label: t('requestedOn'), children: x.requestedOn },
      ]} />
    </Modal>
  );
}
