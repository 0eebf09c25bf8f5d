/**
 * R6: the mandatory facts of a brochure — school, address, majors, length of schooling,
 * internship, aid policy, fee items and standards. Missing facts are marked (the school
 * cannot submit while any is); facts changed since the last filed version are marked
 * for the reviewer. `compact` lays the majors out as cards for a phone.
 */
import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { publicityMessages } from '../messages';
import type { BrochureFacts } from '../types';
import { feesText } from './fees';

const m = defineMessages({
  ...publicityMessages,
  missing: ['缺失', 'Missing'],
  changed: ['有变更', 'Changed'],
  noMajors: ['尚无招生专业', 'No major yet'],
});

type Major = BrochureFacts['majors'][number];
type Props = {
  facts: BrochureFacts;
  /** Paths of missing facts (`address`, `majors.0.fees`…). */
  missing?: readonly string[];
  /** Diff paths (`facts.address`, `facts.majors.<code>`). */
  changed?: readonly string[];
  compact?: boolean;
};

export function FactsView({ facts, missing = [], changed = [], compact }: Props) {
  const { t } = useI18n(m);
  const isMissing = (p: string) => missing.some((x) => x === p || x.startsWith(`${p}.`));
  const isChanged = (p: string) => changed.includes(`facts.${p}`);
  const mark = (p: string, node: ReactNode) => (
    <span data-fact={p} style={isChanged(p) ? { background: '#fff7e6' } : undefined}>
      {node}
      {isMissing(p) && <Tag color="error" style={{ marginInlineStart: 6 }} data-testid="fact-missing">{t('missing')}</Tag>}
      {isChanged(p) && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('changed')}</Tag>}
    </span>
  );
  const text = (v: string) => (v.trim() ? v : '—');
  const majorMissing = (i: number, field: string) => missing.includes(`majors.${i}.${field}`);
  const cell = (i: number, field: string, node: ReactNode) => (majorMissing(i, field) ? <Typography.Text type="danger">{node} · {t('missing')}</Typography.Text> : node);

  const items = [
    { key: 'school', label: t('school'), children: mark('school', `${text(facts.school)}（${facts.schoolCode}）`) },
    { key: 'address', label: t('address'), children: mark('address', text(facts.address)) },
    { key: 'runBy', label: `${t('runBy')} / ${t('ownership')}`, children: mark('runBy', `${t(`run_${facts.runBy}`)} · ${t(`own_${facts.ownership}`)}`) },
    ...(facts.jointEnrollment ? [{ key: 'joint', label: t('jointEnrollment'), children: mark('jointEnrollment', facts.jointEnrollment) }] : []),
    { key: 'aid', label: t('aidPolicy'), children: mark('aidPolicy', <span style={{ whiteSpace: 'pre-wrap' }}>{text(facts.aidPolicy)}</span>) },
  ];

  const majors = compact ? (
    <Flex vertical gap={8}>
      {facts.majors.map((mj, i) => (
        <Card key={mj.code} size="small" data-testid="fact-major" style={isChanged(`majors.${mj.code}`) ? { borderColor: '#fa8c16' } : undefined}
          title={<span style={{ whiteSpace: 'normal' }}>{mj.name} <Tag>{t(`cat_${mj.category}`)}</Tag></span>}>
          <Descriptions size="small" column={1} items={[
            { key: 'campus', label: t('campus'), children: mj.campus },
            { key: 'len', label: t('lengthYears'), children: cell(i, 'lengthYears', t('years', { n: mj.lengthYears })) },
            { key: 'int', label: t('internship'), children: cell(i, 'internship', text(mj.internship)) },
            { key: 'fees', label: t('fees'), children: cell(i, 'fees', feesText(mj.fees) || '—') },
            ...(mj.aidPolicy ? [{ key: 'aid', label: t('aidPolicy'), children: mj.aidPolicy }] : []),
            { key: 'seats', label: t('plannedSeats'), children: mj.plannedSeats === null ? '—' : t('seats', { n: mj.plannedSeats }) },
          ]} />
        </Card>
      ))}
    </Flex>
  ) : (
    <Table<Major>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={facts.majors}
      scroll={{ x: 900 }}
      data-testid="fact-majors"
      onRow={(mj) => (isChanged(`majors.${mj.code}`) ? { style: { background: '#fff7e6' } } : {})}
      columns={[
        { title: t('major'), dataIndex: 'name', render: (v: string, mj) => <>{v} <Typography.Text type="secondary">{mj.code}</Typography.Text>{isChanged(`majors.${mj.code}`) && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('changed')}</Tag>}</> },
        { title: t('category'), dataIndex: 'category', width: 90, render: (c: Major['category']) => t(`cat_${c}`) },
        { title: t('campus'), dataIndex: 'campus', width: 140 },
        { title: t('lengthYears'), dataIndex: 'lengthYears', width: 70, render: (n: number, _, i) => cell(i, 'lengthYears', t('years', { n })) },
        { title: t('internship'), dataIndex: 'internship', width: 160, render: (v: string, _, i) => cell(i, 'internship', text(v)) },
        { title: t('fees'), dataIndex: 'fees', render: (f: Major['fees'], _, i) => cell(i, 'fees', feesText(f) || '—') },
        { title: t('plannedSeats'), dataIndex: 'plannedSeats', width: 90, align: 'right', render: (n: number | null) => n ?? '—' },
      ]}
    />
  );

  return (
    <div data-testid="brochure-facts">
      <Descriptions size="small" bordered column={1} items={items} style={{ marginBottom: 12 }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {mark('majors', `${t('major')}（${facts.majors.length}）`)}
      </Typography.Title>
      {facts.majors.length === 0 ? <Typography.Text type="danger">{t('noMajors')}</Typography.Text> : majors}
    </div>
  );
}
