/**
 * A junior high's own view (R2 publishing): its sending target, graduates and share
 * against the ratio (R12), and its target in every published version. The server
 * sends nothing about other schools.
 */
import { Alert, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { requiredForRatio } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { formatDateTime } from '../../lib/format';
import { num, pct, ratioLabel } from './format';
import { targetsMessages } from './messages';
import { statusColor } from './status';
import type { OwnHistoryEntry, TargetsOverview } from './types';

const m = defineMessages({
  ...targetsMessages,
  ownTarget: ['本校送培目标', 'Our sending target'],
  publishedAs: ['区教育局第 {n} 版，发布于 {at}', 'District bureau, version {n}, published {at}'],
  notPublished: ['区教育局尚未发布本年度的送培目标。', 'The district bureau has not published this year’s targets yet.'],
  shortBy: ['低于 {ratio}：按本校毕业生 {g} 人，至少需 {n} 人', 'Below {ratio}: with {g} graduates it needs at least {n}'],
  meets: ['达到 {ratio} 的比例要求', 'Meets the {ratio} ratio'],
  history: ['历次发布', 'Published versions'],
  number: ['版本', 'Version'],
  publishedAt: ['发布时间', 'Published'],
  noHistory: ['还没有发布记录。', 'Nothing published yet.'],
  explain: ['送培目标由区教育局按各校应届毕业生数分解送培总目标得出（R2）；如有疑问请联系区教育局。', 'The district bureau splits its total target across junior highs by graduates (R2); ask the bureau about it.'],
});

export function OwnTargetView({ overview }: { overview: TargetsOverview }) {
  const { t } = useI18n(m);
  const own = overview.published?.rows[0] ?? null;
  const ratio = overview.ratio;
  const r = ratioLabel(ratio);
  const history = overview.ownHistory ?? [];

  return (
    <div data-testid="own-target-view">
      {!own ? (
        <Card><Empty description={t('notPublished')} data-testid="own-target-none" /></Card>
      ) : (
        <Card size="small" title={own.name} extra={<Typography.Text type="secondary">{t('publishedAs', { n: overview.published!.number, at: formatDateTime(overview.published!.publishedAt) })}</Typography.Text>} style={{ marginBottom: 16 }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}><Statistic title={t('ownTarget')} value={own.target} styles={{ content: { fontSize: 36, color: '#1677ff' } }} data-testid="own-target" /></Col>
            <Col xs={12} md={8}><Statistic title={t('graduates')} value={own.graduates} data-testid="own-graduates" /></Col>
            <Col xs={12} md={8}>
              <Statistic title={t('share')} value={pct(own.share)} data-testid="own-share" styles={{ content: own.belowRatio ? { color: '#cf1322' } : undefined }} />
              {own.belowRatio ? (
                <Tag color="red" icon={<WarningOutlined />}>{t('shortBy', { ratio: r, g: own.graduates, n: requiredForRatio(own.graduates, ratio) })}</Tag>
              ) : (
                <Tag color="green" icon={<CheckCircleOutlined />}>{t('meets', { ratio: r })}</Tag>
              )}
            </Col>
          </Row>
          {own.note && <Alert type="info" showIcon title={`${t('note')}：${own.note}`} style={{ marginTop: 12 }} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>{t('explain')}</Typography.Paragraph>
        </Card>
      )}
      <Card size="small" title={t('history')}>
        <Table<OwnHistoryEntry>
          size="small"
          rowKey="number"
          data-testid="own-history"
          dataSource={history}
          pagination={false}
          locale={{ emptyText: t('noHistory') }}
          columns={[
            { title: t('number'), dataIndex: 'number', width: 100, render: (n: number) => t('version', { n }) },
            { title: t('status'), dataIndex: 'status', width: 100, render: (s: OwnHistoryEntry['status']) => <Tag color={statusColor[s]}>{t(`status_${s}`)}</Tag> },
            { title: t('publishedAt'), dataIndex: 'publishedAt', width: 180, render: formatDateTime },
            { title: t('graduates'), dataIndex: 'graduates', width: 130, align: 'right', render: num },
            { title: t('target'), dataIndex: 'target', width: 110, align: 'right', render: (v: number) => <strong>{num(v)}</strong> },
            { title: t('share'), key: 'share', width: 120, render: (_, h) => (h.graduates ? pct(h.target / h.graduates) : '—') },
            { title: t('note'), dataIndex: 'note', ellipsis: true },
          ]}
        />
      </Card>
    </div>
  );
}
