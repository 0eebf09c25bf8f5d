/** `/public/brochures`: this year's filed brochures, searchable by school, major and campus. */
import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Form, Input, Row, Skeleton, Tag, Typography } from 'antd';
import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OpenDaysSection } from '../../family/public/OpenDaysSection';
import { publicityMessages } from '../messages';
import type { PublicBrochure } from '../types';
import { usePublicBrochures, type PublicFilters } from './api';

const m = defineMessages({
  ...publicityMessages,
  title: ['{year} 年度已备案招生简章', 'Filed enrollment brochures, {year}'],
  titleNoYear: ['已备案招生简章', 'Filed enrollment brochures'],
  intro: ['只有经教育局审查并由市教育局备案的招生简章才会在此公布。请以此为准，谨防虚假招生宣传。', 'Only brochures reviewed by the bureaus and filed by the city bureau are published here. Trust these, not flyers.'],
  qPlaceholder: ['学校名称', 'School name'],
  majorPlaceholder: ['专业名称', 'Major'],
  campusPlaceholder: ['校区', 'Campus'],
  count: ['共 {n} 份', '{n} found'],
  empty: ['本年度暂无已备案的招生简章', 'No brochure has been filed this year yet'],
  emptyFiltered: ['没有符合条件的招生简章', 'No brochure matches your search'],
  open: ['查看简章', 'Open'],
  moreMajors: ['等 {n} 个专业', '+{n} more'],
});

export function PublicBrochuresPage() {
  const { t } = useI18n(m);
  const [params, setParams] = useSearchParams();
  const filters: PublicFilters = { q: params.get('q') ?? undefined, major: params.get('major') ?? undefined, campus: params.get('campus') ?? undefined };
  const list = usePublicBrochures(filters);
  const [form] = Form.useForm<PublicFilters>();
  const [initial] = useState(filters);
  const filtered = !!(filters.q || filters.major || filters.campus);

  const search = (v: PublicFilters) => {
    const next = new URLSearchParams();
    for (const k of ['q', 'major', 'campus'] as const) if (v[k]?.trim()) next.set(k, v[k]!.trim());
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="public-brochures">
      <Typography.Title level={4} style={{ marginTop: 4 }}>{list.data ? t('title', { year: list.data.year }) : t('titleNoYear')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {!list.isPending && <OpenDaysSection year={list.data?.year} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} initialValues={initial} onFinish={search}>
          <Row gutter={[8, 8]}>
            <Col xs={24} sm={8}><Form.Item name="q" noStyle><Input allowClear placeholder={t('qPlaceholder')} maxLength={50} data-testid="public-q" /></Form.Item></Col>
            <Col xs={12} sm={6}><Form.Item name="major" noStyle><Input allowClear placeholder={t('majorPlaceholder')} maxLength={50} data-testid="public-major" /></Form.Item></Col>
            <Col xs={12} sm={6}><Form.Item name="campus" noStyle><Input allowClear placeholder={t('campusPlaceholder')} maxLength={50} data-testid="public-campus" /></Form.Item></Col>
            <Col xs={24} sm={4}><Button type="primary" htmlType="submit" icon={<SearchOutlined />} block data-testid="public-search">{t('search')}</Button></Col>
          </Row>
        </Form>
      </Card>
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending ? (
        <Card><Skeleton active /></Card>
      ) : list.data && list.data.items.length === 0 ? (
        <Card><Empty description={filtered ? t('emptyFiltered') : t('empty')} data-testid="public-empty" /></Card>
      ) : (
        list.data && (
          <>
            <Typography.Text type="secondary">{t('count', { n: list.data.items.length })}</Typography.Text>
            <Flex vertical gap={8} style={{ marginTop: 8, opacity: list.isFetching ? 0.6 : 1 }} data-testid="public-brochure-list">
              {list.data.items.map((b) => <BrochureCard key={b.id} b={b} />)}
            </Flex>
          </>
        )
      )}
    </div>
  );
}

function BrochureCard({ b }: { b: PublicBrochure }) {
  const { t } = useI18n(m);
  const shown = b.majors.slice(0, 6);
  return (
    <Link to={`/public/brochures/${b.id}`} data-testid="public-brochure-item" data-school={b.school}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="start" gap={8}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 16 }}>{b.school}</Typography.Text>
            <div style={{ margin: '4px 0' }}>
              <Tag color={b.runBy === 'district' ? 'geekblue' : 'purple'}>{t(`run_${b.runBy}`)}</Tag>
              <Tag>{t(`own_${b.ownership}`)}</Tag>
              {b.jointEnrollment && <Tag color="gold">{t('jointEnrollment')} · {b.jointEnrollment}</Tag>}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('filingNumber')}{t('colon')}{b.filingNumber}</Typography.Text>
            <div style={{ fontSize: 13, color: 'rgba(0,0,0,.65)' }}>{t('campus')}{t('colon')}{b.campuses.join('、') || '—'}</div>
            <div style={{ marginTop: 4 }}>
              {shown.map((mj) => (
                <Tag key={`${mj.code}-${mj.campus}`} style={{ marginBottom: 4 }}>
                  {mj.name}{mj.plannedSeats !== null ? ` · ${t('seats', { n: mj.plannedSeats })}` : ''}
                </Tag>
              ))}
              {b.majors.length > shown.length && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('moreMajors', { n: b.majors.length - shown.length })}</Typography.Text>}
            </div>
          </div>
          <RightOutlined style={{ color: 'rgba(0,0,0,.35)', marginTop: 6 }} />
        </Flex>
      </Card>
    </Link>
  );
}
