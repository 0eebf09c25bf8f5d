/**
 * The buttons of a combined list (汇总名单, R14): each school seals it (the vocational school's
 * seal accepts these students), either withdraws it before filing (with a reason: its forms go
 * back to "sealed"), the district bureau files it with the campaign's next number, which
 * hands the students over.
 */
import { useState } from 'react';
import { App, Button, Flex, Modal, Typography } from 'antd';
import { FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useSession } from '../../../lib/session';
import { useFileList, useSealList, useWithdrawList } from '../api';
import { transferMessages } from '../messages';
import type { TransferList } from '../types';
import { ReasonModal } from '../../../components/ReasonModal';

const m = defineMessages({
  ...transferMessages,
  sealListText: ['盖章即确认名单上的 {n} 名学生无误；中职学校盖章即表示接收这些学生（R14）。', 'Sealing confirms the {n} students on this list; the vocational school’s seal accepts them (R14).'],
  withdrawTitle: ['撤回汇总名单', 'Withdraw the combined list'],
  withdrawHint: ['撤回后名单作废，名单上的申请回到“双方已盖章”，可重新生成名单。', 'The list is voided; its requests go back to “sealed by both” and can go on a new list.'],
  fileTitle: ['备案汇总名单：{jh} → {school}', 'File the list: {jh} → {school}'],
  fileText: ['备案后系统按招生活动的备案号格式编号，名单上的 {n} 名学生自备案日起转由中职学校管理，计入生源学校的送培目标（R2）；区属学校的计入区属目标（R1）。', 'Filing numbers the list by the campaign’s pattern; from today its {n} students are managed by the vocational school, count toward the junior high’s sending target (R2) and, for a district-run school, toward N_district (R1).'],
  sealedOk: ['已盖章', 'Sealed'],
  withdrawnOk: ['汇总名单已撤回', 'List withdrawn'],
  filedOk: ['已备案：{n}', 'Filed: {n}'],
});

export type ListAction = 'seal' | 'withdraw' | 'file';

export function ListActions({ list, actions, size = 'middle' }: { list: TransferList; actions: readonly ListAction[]; size?: 'small' | 'middle' | 'large' }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const [open, setOpen] = useState<ListAction | null>(null);
  const seal = useSealList();
  const withdraw = useWithdrawList();
  const file = useFileList();
  const close = () => { setOpen(null); seal.reset(); withdraw.reset(); file.reset(); };
  const has = (a: ListAction) => actions.includes(a);
  if (actions.length === 0) return null;

  return (
    <>
      <Flex gap={6} wrap>
        {has('seal') && <Button type="primary" size={size} icon={<SafetyCertificateOutlined />} onClick={() => setOpen('seal')} data-testid="etl-seal" data-list-id={list.id}>{t('seal')}</Button>}
        {has('file') && <Button type="primary" size={size} icon={<FileProtectOutlined />} onClick={() => setOpen('file')} data-testid="etl-file" data-list-id={list.id}>{t('file')}</Button>}
        {has('withdraw') && <Button danger size={size} onClick={() => setOpen('withdraw')} data-testid="etl-withdraw" data-list-id={list.id}>{t('withdraw')}</Button>}
      </Flex>
      {open === 'seal' && (
        <Modal open title={t('sealConfirmTitle', { org: me.organization.name })} okText={t('seal')} onCancel={close} destroyOnHidden
          okButtonProps={{ loading: seal.isPending, 'data-testid': 'etl-seal-confirm' }}
          onOk={() => seal.mutate(list.id, { onSuccess: () => { message.success(t('sealedOk')); close(); } })}>
          {seal.isError && <ApiErrorAlert error={seal.error} />}
          <Typography.Paragraph>{list.juniorHighName} → {list.schoolName}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('sealListText', { n: list.count })}</Typography.Paragraph>
        </Modal>
      )}
      {open === 'file' && (
        <Modal open title={t('fileTitle', { jh: list.juniorHighName, school: list.schoolName })} okText={t('file')} onCancel={close} destroyOnHidden
          okButtonProps={{ loading: file.isPending, 'data-testid': 'etl-file-confirm' }}
          onOk={() => file.mutate(list.id, { onSuccess: (d) => { message.success(t('filedOk', { n: d.filingNumber ?? '' })); close(); } })}>
          {file.isError && <ApiErrorAlert error={file.error} />}
          <Typography.Paragraph type="secondary">{t('fileText', { n: list.count })}</Typography.Paragraph>
        </Modal>
      )}
      {open === 'withdraw' && (
        <ReasonModal title={t('withdrawTitle')} hint={t('withdrawHint')} okText={t('withdraw')} loading={withdraw.isPending} error={withdraw.error} testId="etl-withdraw"
          onCancel={close} onSubmit={(reason) => withdraw.mutate({ id: list.id, reason }, { onSuccess: () => { message.success(t('withdrawnOk')); close(); } })} />
      )}
    </>
  );
}
