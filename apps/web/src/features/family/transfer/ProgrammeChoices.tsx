/**
 * The programmes a family may ask to study early at (R13): each with its early-transfer seats
 * (cap, taken, left), marked when it is among the family's confirmed choices, and why it
 * cannot be chosen (no qualification R4, no filed brochure R7, no seats left).
 */
import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Input, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { FamilyProgramme } from '../../transfers/types';
import { familyTransferMessages } from './messages';

const m = defineMessages({
  ...familyTransferMessages,
  request: ['申请提前学习', 'Ask to study here'],
  pick: ['改为该专业', 'Change to this one'],
  current: ['当前申请', 'Current request'],
  search: ['搜索学校或专业', 'Search a school or a major'],
  empty: ['没有可提前学习的专业', 'No programme takes early-transfer students'],
});

type Props = { programmes: readonly FamilyProgramme[]; mode: 'request' | 'change'; currentProgrammeId?: number; disabled: boolean; onPick: (p: FamilyProgramme) => void };

export function ProgrammeChoices({ programmes, mode, currentProgrammeId, disabled, onPick }: Props) {
  const { t } = useI18n(m);
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const rank = (p: FamilyProgramme) => (p.choiceRank ?? 99) * 2 + (p.choosable ? 0 : 1);
    return programmes.filter((p) => !needle || `${p.schoolName} ${p.majorName} ${p.campusName}`.toLowerCase().includes(needle)).sort((a, b) => rank(a) - rank(b));
  }, [programmes, q]);
  return (
    <Flex vertical gap={8} data-testid="et-programmes">
      {programmes.length > 6 && <Input.Search allowClear placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} />}
      {shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
      {shown.map((p) => {
        const isCurrent = p.programmeId === currentProgrammeId;
        return (
          <div key={p.programmeId} data-testid="et-programme" data-programme-id={p.programmeId} data-choosable={p.choosable ? 'true' : 'false'}
            style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10, opacity: p.choosable || isCurrent ? 1 : 0.6, background: p.choiceRank ? '#f0f5ff' : '#fff' }}>
            <Flex justify="space-between" gap={8} wrap>
              <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Typography.Text strong>{p.majorName}</Typography.Text>
                {p.choiceRank !== null && <Tag color="blue" style={{ marginInlineStart: 6 }} data-testid="et-programme-choice">{t('choice', { n: p.choiceRank })}</Tag>}
                {isCurrent && <Tag color="green" style={{ marginInlineStart: 6 }}>{t('current')}</Tag>}
                <div style={{ fontSize: 13 }}>{p.schoolName} · {p.campusName}</div>
                <div style={{ fontSize: 12, color: p.left > 0 ? 'rgba(0,0,0,.55)' : '#cf1322' }} data-testid="et-programme-seats" data-left={p.left}>
                  {t('seatsLine', { cap: p.cap, held: p.held, left: p.left })}
                </div>
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  {!p.qualified && <Tag>{t('notQualified')}</Tag>}
                  {!p.filed && <Tag>{t('notFiled')}</Tag>}
                  {p.qualified && p.filed && p.left === 0 && <Tag color="red">{t('noSeats')}</Tag>}
                </Flex>
              </div>
              {!isCurrent && (
                <Button type={mode === 'request' && p.choiceRank ? 'primary' : 'default'} disabled={disabled || !p.choosable} onClick={() => onPick(p)}
                  data-testid={mode === 'request' ? 'et-request' : 'et-change-pick'} data-programme-id={p.programmeId} style={{ alignSelf: 'center' }}>
                  {mode === 'request' ? t('request') : t('pick')}
                </Button>
              )}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}
