/**
 * The district's totals against the city's targets (R1) and the ratio (R12): the sum
 * of the sending targets against N_total, N_district, the graduates, and the share of
 * graduates against the campaign's ratio with the least total that meets it.
 */
import { Card, Col, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { num, pct, ratioLabel } from './format';
import { targetsMessages } from './messages';
import type { TargetTotals } from './types';

const m = defineMessages({
  ...targetsMessages,
  cityNTotal: ['送培总目标（市定）', 'Total sending target (city)'],
  cityNDistrict: ['区属学校招生目标（市定）', 'District-run target (city)'],
  allocated: ['各校送培目标合计', 'Sum of the schools’ targets'],
  differs: ['与市定送培总目标相差 {d}', '{d} off the city’s total'],
  equal: ['与市定送培总目标一致', 'Matches the city’s total'],
  ratioTitle: ['占毕业生比例（R12 不低于 {ratio}）', 'Share of graduates (R12: at least {ratio})'],
  ratioShort: ['低于 {ratio}：至少需 {n}，还差 {d}', 'Below {ratio}: needs {n}, {d} short'],
  ratioOk: ['达到 {ratio}（至少需 {n}）', 'Meets {ratio} (needs {n})'],
  schoolsBelow: ['低于比例的学校', 'Schools below the ratio'],
  cityHint: ['R1：市教育局下达的两项目标', 'R1: the two targets the city bureau sets'],
});

export function TotalsCard({ totals, schoolsBelow, schools }: { totals: TargetTotals; schoolsBelow: number; schools: number }) {
  const { t } = useI18n(m);
  const ratio = ratioLabel(totals.ratio);
  const diff = totals.targets - totals.cityNTotal;
  return (
    <Card size="small" data-testid="targets-totals" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 12]}>
        <Col xs={12} lg={4}>
          <Tooltip title={t('cityHint')}>
            <Statistic title={t('cityNTotal')} value={totals.cityNTotal} data-testid="city-ntotal" />
          </Tooltip>
        </Col>
        <Col xs={12} lg={4}>
          <Statistic title={t('cityNDistrict')} value={totals.cityNDistrict} data-testid="city-ndistrict" />
        </Col>
        <Col xs={12} lg={5}>
          <Statistic title={t('allocated')} value={totals.targets} data-testid="targets-sum" styles={{ content: totals.differsFromCity ? { color: '#d46b08' } : undefined }} />
          {totals.differsFromCity ? (
            <Tag color="orange" icon={<WarningOutlined />} data-testid="total-differs">{t('differs', { d: diff > 0 ? `+${diff}` : diff })}</Tag>
          ) : (
            <Tag color="green" icon={<CheckCircleOutlined />}>{t('equal')}</Tag>
          )}
        </Col>
        <Col xs={12} lg={3}>
          <Statistic title={t('graduates')} value={totals.graduates} />
        </Col>
        <Col xs={12} lg={5}>
          <Statistic title={t('ratioTitle', { ratio })} value={pct(totals.share)} data-testid="district-share" styles={{ content: totals.belowRatio ? { color: '#cf1322' } : undefined }} />
          {totals.belowRatio ? (
            <Tag color="red" icon={<WarningOutlined />} data-testid="district-below-ratio">
              {t('ratioShort', { ratio, n: num(totals.requiredForRatio), d: totals.requiredForRatio - totals.targets })}
            </Tag>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ratioOk', { ratio, n: num(totals.requiredForRatio) })}</Typography.Text>
          )}
        </Col>
        <Col xs={12} lg={3}>
          <Statistic title={t('schoolsBelow')} value={schoolsBelow} suffix={`/ ${schools}`} styles={{ content: schoolsBelow ? { color: '#cf1322' } : undefined }} />
        </Col>
      </Row>
    </Card>
  );
}
