/**
 * `/visits` for a junior high, phone-first: today's approved visits to check in and out at
 * the gate, requests to answer (propose another slot, R10), the report button (R19) one tap
 * away, and every visit to the school.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { AlertOutlined, CalendarOutlined, ClockCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useCan, useSession } from '../../../lib/session';
import { useAllVisits } from '../api';
import { visitMessages } from '../messages';
import { useVisitCampaign } from '../shared/campaign';
import { VisitActions } from '../shared/VisitActions';
import { VisitDrawer } from '../shared/VisitDrawer';
import { VisitTable } from '../shared/VisitTable';
import { VisitStatusTag } from '../shared/VisitStatusTag';
import type { Visit } from '../types';

const m = defineMessages({
  ...visitMessages,
  title: ['进校宣传', 'Campus visits'],
  today: ['今日进校（{date}）', 'Today ({date})'],
  noneToday: ['今天没有批准的进校宣传。来访人员没有许可证的，请点“两分钟上报”。', 'No approved visit today. Anyone arriving without a permit: tap “Report in two minutes”.'],
  report: ['两分钟上报', 'Report in two minutes'],
  reportHint: ['无审批进校、中介、生源费', 'No permit, intermediary, money'],
  verify: ['验证许可证', 'Verify a permit'],
  periods: ['教学保护时段', 'Protected lesson time'],
  calendar: ['进校日历', 'Calendar'],
  pending: ['待回复的申请（{n}）', 'Requests to answer ({n})'],
  pendingHint: ['时段影响正常教学的，可建议另一时段（R10）。', 'If a slot disturbs lessons, propose another (R10).'],
  all: ['全部进校安排', 'All visits'],
  empty: ['还没有学校申请到本校进校宣传', 'No school has asked to visit yet'],
  inAt: ['签到 {t}', 'In {t}'],
  outAt: ['签离 {t}', 'Out {t}'],
});

function TodayCard({ v, today, maxMinutes, onOpen }: { v: Visit; today?: string; maxMinutes: number; onOpen: () => void }) {
  const { t } = useI18n(m);
  return (
    <Card size="small" data-testid="today-visit" data-visit-id={v.id} style={{ borderColor: v.overrun ? '#eb2f96' : undefined }}>
      <Flex justify="space-between" align="start" gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>{v.start}–{v.end}</Typography.Title>
          <Typography.Text strong style={{ fontSize: 16 }}>{v.schoolName}</Typography.Text>
          <div><Typography.Text type="secondary">{v.staff.map((s) => s.name).join('、')}</Typography.Text></div>
          {v.permit && <div><Typography.Text type="secondary">{t('serial')}：{v.permit.serial}</Typography.Text></div>}
        </div>
        <Flex vertical align="end" gap={4}>
          <VisitStatusTag status={v.status} />
          {v.checkedInAt && <Tag color="blue">{t('inAt', { t: formatDateTime(v.checkedInAt).slice(11, 16) })}</Tag>}
          {v.checkedOutAt && <Tag>{t('outAt', { t: formatDateTime(v.checkedOutAt).slice(11, 16) })}</Tag>}
          {v.overrun && <Tag color="magenta">{t('overrun')} {v.actualMinutes}′</Tag>}
        </Flex>
      </Flex>
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <VisitActions v={v} today={today} maxMinutes={maxMinutes} />
        <Button onClick={onOpen}>{t('open')}</Button>
      </Flex>
    </Card>
  );
}

export function JuniorHighVisitsPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const c = useVisitCampaign();
  const visits = useAllVisits({ campaignId: c.campaign?.id, juniorHighId: me.organization.id }, !!c.campaign);
  const [open, setOpen] = useState<Visit | null>(null);
  const list = [...(visits.data ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  const todays = list.filter((v) => v.date === c.today && (v.status === 'approved' || v.status === 'revoked'));
  const pending = list.filter((v) => v.status === 'requested');

  return (
    <div data-testid="jh-visits-page">
      <PageHeader title={t('title')} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {can('visit.report') && (
          <Col xs={24} sm={12} lg={6}>
            <Link to="/visits/report" data-testid="report-open">
              <Button danger type="primary" size="large" block icon={<AlertOutlined />} style={{ height: 64 }}>
                <span>{t('report')}<br /><span style={{ fontSize: 12, opacity: 0.85 }}>{t('reportHint')}</span></span>
              </Button>
            </Link>
          </Col>
        )}
        {[
          { to: '/verify', icon: <SafetyCertificateOutlined />, label: t('verify'), blank: true, show: true },
          { to: '/visits/calendar', icon: <CalendarOutlined />, label: t('calendar'), show: true },
          { to: '/visits/protected-periods', icon: <ClockCircleOutlined />, label: t('periods'), show: can('visit.gate') },
        ].filter((x) => x.show).map((x) => (
          <Col xs={8} sm={8} lg={6} key={x.to}>
            <Link to={x.to} target={x.blank ? '_blank' : undefined}>
              <Button block style={{ height: 64, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 2, fontSize: 13, whiteSpace: 'normal', lineHeight: 1.2 }}>
                <span style={{ fontSize: 18 }}>{x.icon}</span>{x.label}
              </Button>
            </Link>
          </Col>
        ))}
      </Row>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {visits.isError && <ApiErrorAlert error={visits.error} onRetry={() => visits.refetch()} />}
      {(c.isPending || visits.isPending) && c.campaign !== null && <Skeleton active />}
      {!c.isPending && !c.error && !c.campaign && <Alert type="info" showIcon title={t('noCampaign')} />}
      {visits.data && (
        <>
          <Typography.Title level={5}>{t('today', { date: c.today ?? '' })}</Typography.Title>
          {todays.length === 0 ? (
            <Card size="small" style={{ marginBottom: 16 }}><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noneToday')} /></Card>
          ) : (
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
              {todays.map((v) => <Col xs={24} md={12} key={v.id}><TodayCard v={v} today={c.today} maxMinutes={c.maxMinutes} onOpen={() => setOpen(v)} /></Col>)}
            </Row>
          )}
          {pending.length > 0 && (
            <Card size="small" title={t('pending', { n: pending.length })} style={{ marginBottom: 16 }} data-testid="jh-pending">
              <Typography.Paragraph type="secondary">{t('pendingHint')}</Typography.Paragraph>
              <VisitTable visits={pending} empty="" onOpen={setOpen} hide={['juniorHigh']} actions={(v) => <VisitActions v={v} today={c.today} maxMinutes={c.maxMinutes} compact />} testId="jh-pending-table" />
            </Card>
          )}
          <Card size="small" title={t('all')}>
            <VisitTable visits={list} loading={visits.isFetching} empty={t('empty')} onOpen={setOpen} hide={['juniorHigh']} actions={(v) => <VisitActions v={v} today={c.today} maxMinutes={c.maxMinutes} compact />} />
          </Card>
        </>
      )}
      <VisitDrawer id={open?.id ?? null} initial={open} today={c.today} maxMinutes={c.maxMinutes} onClose={() => setOpen(null)} />
    </div>
  );
}
