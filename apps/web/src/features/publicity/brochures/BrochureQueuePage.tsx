/**
 * `/brochures/review` and `/brochures/filing`: what waits for the caller — brochures to
 * review (R7: the district reviews its district-run schools, the city its city-run ones)
 * or approved brochures waiting for the city's filing.
 */
import { useState } from 'react';
import { Card, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useBrochureList } from './api';
import { BrochureTable } from './BrochureTable';

const m = defineMessages({
  review: ['简章审查', 'Brochure review'],
  filing: ['简章备案', 'Brochure filing'],
  reviewHint: ['待您审查的招生简章：区属学校由区教育局审查，市属学校由市教育局审查（R7）。打开后可查看与上一备案版本的差异并作出决定。', 'Brochures waiting for your review (R7: the district reviews district-run schools, the city city-run ones). Open one to see what changed since the last filed version and decide.'],
  filingHint: ['审查通过、等待市教育局备案的招生简章。备案后生成备案号并向社会公布（R7）。', 'Approved brochures waiting for the city’s filing. Filing gives a filing number and publishes the brochure (R7).'],
  reviewEmpty: ['没有待审查的招生简章', 'Nothing waits for your review'],
  filingEmpty: ['没有待备案的招生简章', 'Nothing waits for filing'],
});

export function BrochureQueuePage({ queue }: { queue: 'review' | 'filing' }) {
  const { t } = useI18n(m);
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const list = useBrochureList({ queue, ...p });
  return (
    <div data-testid={`brochure-queue-${queue}`}>
      <PageHeader title={t(queue)}>
        <Typography.Text type="secondary">{t(queue === 'review' ? 'reviewHint' : 'filingHint')}</Typography.Text>
      </PageHeader>
      <Card size="small">
        {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
        <BrochureTable
          data={list.data}
          loading={list.isFetching}
          empty={t(queue === 'review' ? 'reviewEmpty' : 'filingEmpty')}
          page={p.page}
          pageSize={p.pageSize}
          onPage={(page, pageSize) => setP({ page, pageSize })}
        />
      </Card>
    </div>
  );
}
