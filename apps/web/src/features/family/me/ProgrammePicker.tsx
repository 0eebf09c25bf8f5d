/**
 * Picks a vocational programme (a school's major on a campus) from the campaign's plan:
 * search by school or major, district-run / city-run, arts or not; each with its filed
 * brochure one click away (R7). Only programmes of qualified schools with a filed brochure
 * and seats may be chosen (R4, R7).
 */
import { useMemo, useState } from 'react';
import { Button, Card, Drawer, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { familyMessages } from '../messages';
import type { Programme } from '../types';

const m = defineMessages({
  ...familyMessages,
  title: ['选择中职专业', 'Choose a vocational programme'],
  search: ['搜索学校或专业', 'Search a school or a major'],
  anyRun: ['全部学校', 'All schools'],
  anyCat: ['全部专业', 'All majors'],
  pick: ['选这个', 'Choose'],
  chosen: ['已选', 'Chosen'],
  full: ['已选满 {n} 个', 'All {n} chosen'],
  notChoosable: ['暂不可选', 'Not open'],
  notChoosableWhy: ['学校本年度无招生资格或简章未备案（R4、R7）', 'The school is not qualified this year or has no filed brochure (R4, R7)'],
  campus: ['校区', 'Campus'],
  count: ['共 {n} 个专业', '{n} programmes'],
  empty: ['没有符合条件的专业', 'No programme matches'],
});

type RunFilter = 'all' | 'district' | 'city';
type CatFilter = 'all' | 'art' | 'general';

export function ProgrammePicker(props: { open: boolean; onClose: () => void; programmes: Programme[]; chosen: number[]; max: number; onPick: (id: number) => void }) {
  const { t } = useI18n(m);
  const { programmes, chosen, max } = props;
  const [q, setQ] = useState('');
  const [run, setRun] = useState<RunFilter>('all');
  const [cat, setCat] = useState<CatFilter>('all');
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return programmes
      .filter((p) => run === 'all' || p.runBy === run)
      .filter((p) => cat === 'all' || p.category === cat)
      .filter((p) => !needle || `${p.schoolName} ${p.majorName} ${p.campusName}`.toLowerCase().includes(needle))
      .sort((a, b) => Number(b.choosable) - Number(a.choosable));
  }, [programmes, q, run, cat]);
  const full = chosen.length >= max;

  return (
    <Drawer open={props.open} onClose={props.onClose} placement="bottom" size="85vh" title={t('title')} destroyOnHidden data-testid="programme-picker" styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={8} style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="programme-search" />
        <Flex gap={8} wrap>
          <Segmented<RunFilter> size="small" value={run} onChange={setRun} options={[{ value: 'all', label: t('anyRun') }, { value: 'district', label: t('run_district') }, { value: 'city', label: t('run_city') }]} />
          <Segmented<CatFilter> size="small" value={cat} onChange={setCat} options={[{ value: 'all', label: t('anyCat') }, { value: 'general', label: t('cat_general') }, { value: 'art', label: t('cat_art') }]} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('count', { n: shown.length })}
          {full && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('full', { n: max })}</Tag>}
        </Typography.Text>
      </Flex>
      {shown.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Flex vertical gap={8} data-testid="programme-list">
          {shown.map((p) => (
            <ProgrammeCard key={p.programmeId} p={p} isChosen={chosen.includes(p.programmeId)} full={full} onPick={() => props.onPick(p.programmeId)} />
          ))}
        </Flex>
      )}
    </Drawer>
  );
}

function ProgrammeCard({ p, isChosen, full, onPick }: { p: Programme; isChosen: boolean; full: boolean; onPick: () => void }) {
  const { t } = useI18n(m);
  return (
    <Card size="small" data-testid="programme-item" data-programme-id={p.programmeId} data-school={p.schoolName} data-major={p.majorName} style={{ opacity: p.choosable ? 1 : 0.6 }}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{p.majorName}</Typography.Text>
          <div style={{ fontSize: 13 }}>{p.schoolName}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{t('campus')}：{p.campusName} · {t('years', { n: p.lengthYears })} · {t('seats', { n: p.seats })}</div>
          <div style={{ marginTop: 4 }}>
            <Tag color={p.runBy === 'district' ? 'geekblue' : 'purple'}>{t(`run_${p.runBy}`)}</Tag>
            {p.ownership && <Tag>{t(`own_${p.ownership}`)}</Tag>}
            {p.category === 'art' && <Tag color="magenta">{t('cat_art')}</Tag>}
            {!p.choosable && <Tag color="default" title={t('notChoosableWhy')}>{t('notChoosable')}</Tag>}
          </div>
          {p.brochureId && (
            <a href={`/public/brochures/${p.brochureId}`} target="_blank" rel="noreferrer" style={{ fontSize: 13 }} data-testid="programme-brochure">
              <FileTextOutlined /> {t('brochure')}{p.filingNumber ? `（${p.filingNumber}）` : ''}
            </a>
          )}
        </div>
        <Button type={isChosen ? 'default' : 'primary'} size="small" icon={isChosen ? undefined : <PlusOutlined />} disabled={isChosen || full || !p.choosable} onClick={onPick} data-testid="programme-pick">
          {isChosen ? t('chosen') : t('pick')}
        </Button>
      </Flex>
    </Card>
  );
}
