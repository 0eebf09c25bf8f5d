/** R7: what changed against the previous filed version — what a reviewer must look at. */
import { Card, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { publicityMessages } from '../messages';
import { feesText } from '../shared/fees';
import type { BrochureChange, BrochureFacts, BrochureSection } from '../types';

const m = defineMessages({
  ...publicityMessages,
  title: ['与上一备案版本相比的变更（{n} 处）', 'Changes since the last filed version ({n})'],
  first: ['此前没有备案版本，请审查全部内容。', 'No version was filed before: review everything.'],
  same: ['与上一备案版本相比没有变更。', 'Nothing changed since the last filed version.'],
  item: ['项目', 'Item'],
  before: ['原内容', 'Before'],
  after: ['现内容', 'After'],
  k_added: ['新增', 'Added'],
  k_removed: ['删除', 'Removed'],
  k_changed: ['修改', 'Changed'],
  section: ['正文：{title}', 'Section: {title}'],
});

type Major = BrochureFacts['majors'][number];
const kindColor = { added: 'green', removed: 'red', changed: 'orange' } as const;

/** Without a filed baseline every fact shows as “added”: the school's name is always there otherwise. */
export const hasBaseline = (diff: readonly BrochureChange[]) => !diff.some((c) => c.path === 'facts.school' && c.kind === 'added');

export function DiffCard({ diff }: { diff: readonly BrochureChange[] }) {
  const { t } = useI18n(m);
  const baseline = hasBaseline(diff);
  const label = (c: BrochureChange) => {
    const [area, key] = [c.path.split('.')[0], c.path.split('.').slice(1).join('.')];
    if (area === 'sections') {
      const s = (c.after ?? c.before) as BrochureSection | null;
      return t('section', { title: s?.title ?? key });
    }
    if (key.startsWith('majors.')) {
      const mj = (c.after ?? c.before) as Major | null;
      return `${t('major')}${t('colon')}${mj?.name ?? key.slice(7)}`;
    }
    return key in m ? t(key as keyof typeof m) : key;
  };
  const show = (v: unknown) => {
    if (v === null || v === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
    if (typeof v === 'string' || typeof v === 'number') return <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span>;
    const o = v as Partial<Major & BrochureSection>;
    if ('html' in o) return <span style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{(o.html ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 400)}</span>;
    if ('fees' in o && o.fees) {
      return (
        <span style={{ fontSize: 12 }}>
          {o.name}（{o.campus}）· {t('years', { n: o.lengthYears ?? 0 })} · {t('internship')} {o.internship} · {feesText(o.fees)} · {t('plannedSeats')} {o.plannedSeats ?? '—'}
        </span>
      );
    }
    return <pre className="json">{JSON.stringify(v, null, 2)}</pre>;
  };
  return (
    <Card size="small" title={t('title', { n: baseline ? diff.length : 0 })} style={{ marginBottom: 16, borderColor: baseline && diff.length ? '#ffd591' : undefined }} data-testid="brochure-diff">
      {!baseline || diff.length === 0 ? (
        <Typography.Text type="secondary">{baseline ? t('same') : t('first')}</Typography.Text>
      ) : (
        <Table<BrochureChange>
          size="small"
          rowKey="path"
          pagination={false}
          dataSource={[...diff]}
          scroll={{ x: 700 }}
          columns={[
            { title: t('item'), width: 180, render: (_, c) => <><Tag color={kindColor[c.kind]}>{t(`k_${c.kind}`)}</Tag>{label(c)}</> },
            { title: t('before'), dataIndex: 'before', render: show },
            { title: t('after'), dataIndex: 'after', render: show },
          ]}
        />
      )}
    </Card>
  );
}
