/**
 * `/admission/cutoffs` 录取分数线 (public, no sign-in; R15): for each published batch, each
 * programme's seats, seats filled and cutoff score. The campaign comes from `?campaignId=`
 * (a pick among the campaigns the public endpoints name); without one the server answers for
 * the current campaign, or the page asks for one.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Flex, Input, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { isApiError } from '../../../lib/api';
import { useOpenCampaigns } from '../../family/api';
import { ResponsiveTable } from '../../transfers/shared/ResponsiveTable';
import { usePublicCutoffs } from '../api';
import type { PublicCutoffs } from '../types';

const m = defineMessages({
  title: ['录取分数线', 'Admission cutoffs'],
  intro: ['各批次发布后，公布每个招生专业的计划数、录取人数和最低录取分数（R15）。', 'Once a batch is published: each programme’s seats, seats filled and lowest admitted score (R15).'],
  campaign: ['招生活动', 'Campaign'],
  campaignLabel: ['{name}（{year} 年）', '{name} ({year})'],
  pick: ['请选择招生活动，或在地址中加上 ?campaignId=编号', 'Choose a campaign, or add ?campaignId=<id> to the address'],
  search: ['搜索学校或专业', 'Search a school or a major'],
  school: ['学校', 'School'],
  major: ['专业', 'Major'],
  campus: ['校区', 'Campus'],
  seats: ['计划数', 'Seats'],
  filled: ['录取人数', 'Filled'],
  cutoff: ['最低录取分', 'Cutoff score'],
  line: ['控制线', 'Minimum line'],
  publishedOn: ['发布日期：{d}', 'Published on {d}'],
  noBatches: ['尚无已发布的录取结果', 'No published result yet'],
  noCutoff: ['未录满或无人录取', 'None admitted'],
});

type Prog = PublicCutoffs['batches'][number]['programmes'][number];

export function PublicCutoffsPage() {
  const { t } = useI18n(m);
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('campaignId'));
  const campaignId = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const q = usePublicCutoffs(campaignId);
  const open = useOpenCampaigns();
  const [search, setSearch] = useState('');
  const options = useMemo(() => {
    const list = new Map<number, string>();
    if (q.data) list.set(q.data.campaign.id, t('campaignLabel', { name: q.data.campaign.name, year: q.data.campaign.year }));
    for (const c of open.data?.items ?? []) if (!list.has(c.id)) list.set(c.id, t('campaignLabel', { name: c.name, year: c.year }));
    return [...list].map(([value, label]) => ({ value, label }));
  }, [q.data, open.data, t]);
  const needle = search.trim().toLowerCase();
  const match = (p: Prog) => !needle || `${p.schoolName} ${p.majorName} ${p.campusName}`.toLowerCase().includes(needle);
  // Without a campaign the server may not know which one: ask.
  const askCampaign = !campaignId && q.isError && (isApiError(q.error, 'NOT_FOUND') || isApiError(q.error, 'VALIDATION_FAILED'));

  return (
    <div data-testid="public-cutoffs">
      <Typography.Title level={4} style={{ marginTop: 4 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {options.length > 0 && (
          <Select style={{ minWidth: 220, maxWidth: '100%' }} placeholder={t('campaign')} value={q.data?.campaign.id ?? campaignId} options={options}
            onChange={(v: number) => setParams((p) => { p.set('campaignId', String(v)); return p; }, { replace: true })} data-testid="cutoffs-campaign" />
        )}
        <Input.Search style={{ width: 240, maxWidth: '100%' }} allowClear placeholder={t('search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="cutoffs-search" />
      </Flex>
      {askCampaign ? (
        <Alert type="info" showIcon title={t('pick')} data-testid="cutoffs-pick" />
      ) : q.isError ? (
        <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />
      ) : q.isPending ? (
        <Card><Skeleton active /></Card>
      ) : q.data.batches.length === 0 ? (
        <Empty description={t('noBatches')} />
      ) : (
        <Flex vertical gap={12}>
          {q.data.batches.map((b) => (
            <Card key={b.batch} size="small" title={b.batch} extra={b.publishedOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publishedOn', { d: b.publishedOn })}</Typography.Text>} data-testid="cutoffs-batch" data-batch={b.batch}>
              <ResponsiveTable<Prog>
                rows={b.programmes.filter(match)}
                rowKey={(p) => `${p.schoolName}|${p.majorName}|${p.campusName}`}
                rowTestId="cutoffs-row"
                minWidth={720}
                cols={[
                  { key: 'p', title: t('major'), render: (p) => <span>{p.schoolName} · {p.majorName}<Typography.Text type="secondary" style={{ fontSize: 12 }}>（{p.campusName}）</Typography.Text></span> },
                  { key: 's', title: t('seats'), align: 'right', render: (p) => p.seats },
                  { key: 'f', title: t('filled'), align: 'right', render: (p) => p.filled },
                  { key: 'c', title: t('cutoff'), align: 'right', render: (p) => (p.cutoffScore === null ? <Typography.Text type="secondary">{t('noCutoff')}</Typography.Text> : <Typography.Text strong data-testid="cutoffs-score">{p.cutoffScore}</Typography.Text>) },
                  { key: 'l', title: t('line'), align: 'right', render: (p) => p.minScore ?? '—' },
                ]}
              />
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
