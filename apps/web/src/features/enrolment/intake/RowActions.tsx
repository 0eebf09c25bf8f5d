/**
 * What the caller may do with one student of the intake: the enrolling school registers, records
 * or withdraws a no-show, records class and aid, keeps the contact log; the source junior high
 * logs contacts and no-show reasons; a bureau reads the contacts.
 */
import { App, Button, Flex } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { useCan } from '../../../lib/session';
import { useRegister } from '../api';
import type { IntakeRow } from '../types';
import type { Side } from './IntakeRows';

const m = defineMessages({
  register: ['报到', 'Register'],
  registered: ['{name} 已报到', '{name} is registered'],
  noShow: ['登记未报到', 'Record no-show'],
  noShowReason: ['登记未报到原因', 'No-show reason'],
  withdraw: ['撤销未报到', 'Withdraw no-show'],
  care: ['编班与资助', 'Class and aid'],
  contacts: ['联系记录', 'Contacts'],
});

export type Dialog = { kind: 'noShow' | 'withdraw' | 'care' | 'contacts'; row: IntakeRow };

export function RowActions({ row, side, onOpen }: { row: IntakeRow; side: Side; onOpen: (d: Dialog) => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const register = useRegister();
  const open = (kind: Dialog['kind']) => () => onOpen({ kind, row });
  const school = side === 'school' && can('enrolment.register');
  const juniorHigh = side === 'juniorHigh' && can('enrolment.followup');
  const b = (testId: string) => ({ size: 'small' as const, 'data-testid': testId, 'data-student-id': row.studentId });
  return (
    <Flex gap={6} wrap>
      {school && row.state === 'pending' && (
        <Button {...b('en-register')} type="primary" loading={register.isPending}
          onClick={() => register.mutate({ studentId: row.studentId }, { onSuccess: (r) => message.success(t('registered', { name: r.studentName })), onError: (e) => message.error(e.message) })}>
          {t('register')}
        </Button>
      )}
      {school && row.state === 'registered' && <Button {...b('en-care')} onClick={open('care')}>{t('care')}</Button>}
      {(school || juniorHigh) && row.state !== 'registered' && (
        <Button {...b('en-noshow')} danger={row.state === 'pending'} onClick={open('noShow')}>{row.state === 'no_show' || juniorHigh ? t('noShowReason') : t('noShow')}</Button>
      )}
      {school && row.state === 'no_show' && !row.noShowByDeadline && <Button {...b('en-withdraw')} onClick={open('withdraw')}>{t('withdraw')}</Button>}
      <Button {...b('en-contacts')} onClick={open('contacts')}>{t('contacts')}{row.contacts ? `（${row.contacts}）` : ''}</Button>
    </Flex>
  );
}
