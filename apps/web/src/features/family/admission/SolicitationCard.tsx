/**
 * 征集志愿 (R15): those not admitted (or returned) choose again, among programmes with seats left,
 * up to the campaign's number of choices, in order, and say whether they accept adjustment. Open
 * only between the batch's dates; outside them the saved choices are shown read-only.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Input, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { Solicitation } from '../../admission/types';
import { FamilyError } from '../FamilyError';
import { useSaveSolicitation } from './api';
import { familyAdmissionMessages } from './messages';

const m = defineMessages({
  ...familyAdmissionMessages,
  heading: ['征集志愿：{batch}', 'Solicitation round: {batch}'],
  window: ['填报时间：{from} 至 {to}', 'Open {from} to {to}'],
  closed: ['不在填报时间内', 'Not open now'],
  intro: ['未被录取（或被退档）的考生可在尚有剩余计划的专业中重新填报，最多 {n} 个，按顺序录取。', 'If you were not admitted (or were returned), choose again among programmes with seats left: up to {n}, in order.'],
  chosen: ['我的征集志愿（按顺序）', 'My choices (in order)'],
  noneChosen: ['尚未选择，请在下面的专业中添加。', 'Nothing chosen yet: add from the programmes below.'],
  available: ['尚有剩余计划的专业', 'Programmes with seats left'],
  seatsLeft: ['剩余 {n} 个', '{n} left'],
  full: ['已满', 'Full'],
  add: ['添加', 'Add'],
  added: ['已选', 'Chosen'],
  max: ['最多 {n} 个志愿', 'At most {n} choices'],
  accept: ['服从调剂（所选专业未录取时，可调剂到其他尚有计划的专业）', 'Accept adjustment (to another programme with seats if none of these admits you)'],
  submit: ['提交征集志愿', 'Submit my choices'],
  saved: ['征集志愿已提交', 'Choices submitted'],
  search: ['搜索学校或专业', 'Search a school or a major'],
  up: ['上移', 'Up'],
  down: ['下移', 'Down'],
  remove: ['移除', 'Remove'],
});

export function SolicitationCard({ s }: { s: Solicitation }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const save = useSaveSolicitation();
  const [choices, setChoices] = useState<number[]>(s.choices);
  const [accept, setAccept] = useState(s.acceptAdjustment);
  const [q, setQ] = useState('');
  const byId = useMemo(() => new Map(s.programmes.map((p) => [p.programmeId, p])), [s.programmes]);
  const needle = q.trim().toLowerCase();
  const shown = s.programmes.filter((p) => !needle || `${p.schoolName} ${p.majorName} ${p.campusName}`.toLowerCase().includes(needle));
  const full = choices.length >= s.maxChoices;
  const move = (i: number, d: -1 | 1) => setChoices((c) => { const x = [...c]; [x[i], x[i + d]] = [x[i + d]!, x[i]!]; return x; });
  const label = (id: number) => { const p = byId.get(id); return p ? `${p.schoolName} · ${p.majorName}（${p.campusName}）` : `#${id}`; };
  const dirty = JSON.stringify(choices) !== JSON.stringify(s.choices) || accept !== s.acceptAdjustment;

  return (
    <Card size="small" data-testid="ad-solicitation" data-open={s.open ? 'true' : 'false'}
      title={t('heading', { batch: s.batch })} extra={!s.open && <Tag>{t('closed')}</Tag>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 4 }}>{t('window', { from: s.from, to: s.to })}</Typography.Paragraph>
      <Typography.Paragraph style={{ fontSize: 13 }}>{t('intro', { n: s.maxChoices })}</Typography.Paragraph>
      <Typography.Text strong>{t('chosen')}</Typography.Text>
      {choices.length === 0 && <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('noneChosen')}</Typography.Paragraph>}
      <ol style={{ paddingInlineStart: 20, margin: '6px 0 12px' }} data-testid="ad-sol-chosen">
        {choices.map((id, i) => (
          <li key={id} data-testid="ad-sol-choice" data-programme-id={id} style={{ marginBottom: 6 }}>
            <Flex justify="space-between" align="center" gap={6} wrap>
              <span style={{ minWidth: 0, flex: '1 1 160px' }}>{label(id)}</span>
              {s.open && (
                <Flex gap={4}>
                  <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('up')} />
                  <Button size="small" icon={<ArrowDownOutlined />} disabled={i === choices.length - 1} onClick={() => move(i, 1)} aria-label={t('down')} />
                  <Button size="small" danger icon={<CloseOutlined />} onClick={() => setChoices((c) => c.filter((x) => x !== id))} aria-label={t('remove')} data-testid="ad-sol-remove" />
                </Flex>
              )}
            </Flex>
          </li>
        ))}
      </ol>
      {s.open && (
        <>
          <Checkbox checked={accept} onChange={(e) => setAccept(e.target.checked)} data-testid="ad-sol-accept">{t('accept')}</Checkbox>
          <FamilyError error={save.error} testId="ad-sol-error" />
          <Button type="primary" block style={{ margin: '12px 0' }} disabled={choices.length === 0 || !dirty} loading={save.isPending} data-testid="ad-sol-submit"
            onClick={() => save.mutate({ batchId: s.batchId, choices, acceptAdjustment: accept }, { onSuccess: () => message.success(t('saved')) })}>
            {t('submit')}
          </Button>
          <Typography.Text strong>{t('available')}</Typography.Text>
          {full && <Alert type="info" showIcon title={t('max', { n: s.maxChoices })} style={{ margin: '6px 0' }} />}
          {s.programmes.length > 6 && <Input.Search allowClear placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ margin: '6px 0' }} />}
          {shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          <Flex vertical gap={6} style={{ marginTop: 6 }}>
            {shown.map((p) => {
              const chosen = choices.includes(p.programmeId);
              return (
                <Flex key={p.programmeId} justify="space-between" align="center" gap={8} data-testid="ad-sol-programme" data-programme-id={p.programmeId}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8, opacity: p.seatsLeft > 0 ? 1 : 0.6 }}>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{p.majorName}</Typography.Text>
                    <div style={{ fontSize: 13 }}>{p.schoolName} · {p.campusName}</div>
                    <div style={{ fontSize: 12, color: p.seatsLeft > 0 ? 'rgba(0,0,0,.55)' : '#cf1322' }}>{p.seatsLeft > 0 ? t('seatsLeft', { n: p.seatsLeft }) : t('full')}</div>
                  </div>
                  <Button size="small" icon={chosen ? undefined : <PlusOutlined />} disabled={chosen || full || p.seatsLeft <= 0}
                    onClick={() => setChoices((c) => [...c, p.programmeId])} data-testid="ad-sol-add">{chosen ? t('added') : t('add')}</Button>
                </Flex>
              );
            })}
          </Flex>
        </>
      )}
    </Card>
  );
}
