/**
 * The intake as the caller may see it (the server scopes it: a bureau every school, a school its
 * own intake, a junior high its own students): the counts, the registration window and today,
 * filters, the rows with what the role may do, and the Excel export with the same filters.
 */
import { useDeferredValue, useState } from 'react';
import { App, Button, Checkbox, Flex, Input, Select, Statistic, Tag, Typography } from 'antd';
import { CheckSquareOutlined, FileExcelOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrgSelect } from '../../../components/OrgSelect';
import { ApiError } from '../../../lib/api';
import { useCan } from '../../../lib/session';
import { downloadIntakeXlsx, useIntake, useRegisterMany, type IntakeFilters } from '../api';
import { enrolmentMessages } from '../messages';
import type { IntakeRow, IntakeState } from '../types';
import { IntakeRows, type Side } from './IntakeRows';
import { RowActions, type Dialog } from './RowActions';
import { CareDrawer } from './CareDrawer';
import { ContactsDrawer } from './ContactsDrawer';
import { NoShowModal } from './NoShowModal';
import { WithdrawModal } from './WithdrawModal';

const m = defineMessages({
  ...enrolmentMessages,
  c_total: ['录取新生', 'Admitted'],
  st_open: ['尚未报到（待报到与未报到）', 'Not registered (pending and no-shows)'],
  c_pending: ['待报到', 'Pending'],
  c_registered: ['已报到', 'Registered'],
  c_noShow: ['未报到', 'No-shows'],
  registerMany: ['批量报到（{n}）', 'Register {n}'],
  registerManyTitle: ['为选中的 {n} 名学生登记报到？', 'Register the {n} selected students?'],
  registerManyHint: ['如提前到中职学习名单上的学生同时到校。任何一人不能报到时，全部不登记，并列出原因。', 'E.g. an early-transfer list arriving together. If any one cannot register, none is, and the reasons are listed.'],
  registeredMany: ['已登记 {n} 人报到', '{n} registered'],
  clearSelection: ['取消选择', 'Clear'],
});

export function IntakeList({ campaignId, side, defaultState }: { campaignId: number; side: Side; defaultState?: IntakeState | 'open' }) {
  const { t } = useI18n(m);
  const { message, modal } = App.useApp();
  const can = useCan();
  const [f, setF] = useState<Omit<IntakeFilters, 'campaignId' | 'q'>>({ state: defaultState });
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const filters: IntakeFilters = { campaignId, ...f, q: q || undefined };
  const list = useIntake({ ...filters, ...p });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const many = useRegisterMany();
  const set = (x: Partial<typeof f>) => { setF((o) => ({ ...o, ...x })); setP((o) => ({ ...o, page: 1 })); };
  const school = side === 'school' && can('enrolment.register');
  const data = list.data;

  const select = (ids: number[], on: boolean) => setSelected((s) => {
    const n = new Set(s);
    for (const id of ids) if (on) n.add(id); else n.delete(id);
    return n;
  });
  const registerMany = () => {
    const ids = [...selected];
    modal.confirm({
      title: t('registerManyTitle', { n: ids.length }),
      content: t('registerManyHint'),
      okButtonProps: { 'data-testid': 'en-register-many-confirm' },
      onOk: () => many.mutateAsync(ids).then((r) => { message.success(t('registeredMany', { n: r.registered })); setSelected(new Set()); }).catch(() => undefined),
    });
  };
  const manyProblems = many.error instanceof ApiError
    ? ((many.error.details as { students?: { message: string; code: string }[] } | undefined)?.students ?? []).map((s) => `${s.message} · ${s.code}`)
    : [];
  const count = (key: 'total' | 'pending' | 'registered' | 'noShow', state?: IntakeState) => (
    <div
      role="button"
      tabIndex={0}
      onClick={() => set({ state: f.state === state ? undefined : state, careMissing: undefined })}
      style={{ cursor: 'pointer', padding: '4px 8px', borderRadius: 8, background: f.state === state && !f.careMissing ? '#e6f4ff' : undefined }}
    >
      <Statistic title={t(`c_${key}`)} value={data?.counts[key] ?? 0} styles={{ content: { fontSize: 20 } }} data-testid={`en-count-${key}`} />
    </div>
  );

  return (
    <Flex vertical gap={12} data-testid="en-intake" data-side={side}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))', gap: 8 }}>
        {count('total')}
        {count('pending', 'pending')}
        {count('registered', 'registered')}
        {count('noShow', 'no_show')}
      </div>
      {data && (
        <Flex gap={6} wrap>
          <Tag color="blue" data-testid="en-window">{t('window', { from: data.window.from, to: data.window.to })}</Tag>
          <Tag data-testid="en-today">{t('today', { today: data.today })}</Tag>
        </Flex>
      )}
      <Flex gap={8} wrap>
        <Select style={{ width: 200, maxWidth: '100%' }} allowClear placeholder={t('allStates')} value={f.state} onChange={(v?: IntakeState | 'open') => set({ state: v })} data-testid="en-filter-state"
          options={(['open', 'pending', 'registered', 'no_show'] as const).map((s) => ({ value: s, label: t(`st_${s}`) }))} />
        {side !== 'juniorHigh' && (
          <Checkbox checked={f.careMissing === 'true'} style={{ alignSelf: 'center' }} data-testid="en-filter-care"
            onChange={(e) => set({ careMissing: e.target.checked ? 'true' : undefined })}>
            {t('careMissing')}
          </Checkbox>
        )}
        {side === 'bureau' && (
          <OrgSelect kinds={['vocational_school']} placeholder={t('allSchools')} value={f.schoolId ?? null} style={WIDE}
            onChange={(id) => set({ schoolId: id ?? undefined })} />
        )}
        {side !== 'juniorHigh' && (
          <OrgSelect kinds={['junior_high']} placeholder={t('allJuniorHighs')} value={f.juniorHighId ?? null} style={WIDE}
            onChange={(id) => set({ juniorHighId: id ?? undefined })} />
        )}
        <Input.Search style={WIDE} allowClear placeholder={t('searchPh')} value={search} data-testid="en-search"
          onChange={(e) => { setSearch(e.target.value); setP((o) => ({ ...o, page: 1 })); }} />
        <Button icon={<FileExcelOutlined />} data-testid="en-excel" onClick={() => downloadIntakeXlsx(filters).catch((e: Error) => message.error(e.message))}>
          {t('excel')}
        </Button>
      </Flex>
      {school && selected.size > 0 && (
        <Flex gap={8} wrap align="center">
          <Button type="primary" icon={<CheckSquareOutlined />} loading={many.isPending} onClick={registerMany} data-testid="en-register-many">
            {t('registerMany', { n: selected.size })}
          </Button>
          <Button type="link" onClick={() => setSelected(new Set())}>{t('clearSelection')}</Button>
        </Flex>
      )}
      {many.isError && <ApiErrorAlert error={many.error} extra={manyProblems} />}
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      <IntakeRows
        page={data}
        loading={list.isFetching}
        side={side}
        p={p}
        onPage={(page, pageSize) => setP({ page, pageSize })}
        selected={selected}
        onSelect={school ? select : undefined}
        actions={(r: IntakeRow) => <RowActions row={r} side={side} onOpen={setDialog} />}
      />
      {dialog?.kind === 'noShow' && <NoShowModal row={dialog.row} onClose={() => setDialog(null)} onDone={() => { message.success(t('saved')); setDialog(null); }} />}
      {dialog?.kind === 'withdraw' && <WithdrawModal row={dialog.row} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'care' && <CareDrawer row={dialog.row} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'contacts' && (
        <ContactsDrawer row={currentOf(dialog.row, data?.items)} today={data?.today ?? ''} canAdd={can('enrolment.register') || can('enrolment.followup')} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}

const WIDE = { width: 220, maxWidth: '100%' } as const;

/** The row as the list has it now (a drawer stays open while the list refreshes). */
const currentOf = (row: IntakeRow, items: IntakeRow[] | undefined) => items?.find((x) => x.studentId === row.studentId) ?? row;
