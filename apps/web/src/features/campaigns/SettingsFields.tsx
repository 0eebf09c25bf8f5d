/** The campaign settings, grouped as the plan groups them, each with its rule number. */
import { Card, Col, DatePicker, Form, InputNumber, Row, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { phaseKeys, phaseLabels } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';

export const settingsMessages = defineMessages({
  targets: ['目标', 'Targets'],
  visits: ['进校宣传', 'Campus visits'],
  ratio: ['比例', 'Ratio'],
  early: ['提前到中职学习', 'Early transfer'],
  statistics: ['送培统计', 'Sending statistics'],
  calendar: ['阶段日历', 'Phase calendar'],
  nDistrict: ['区属学校招生目标 N_district', 'District-run schools’ target N_district'],
  setByCity: ['由市教育局设置，区教育局不能修改', 'Set by the city bureau; a district cannot change it'],
  nDistrictHint: ['区属中职学校须完成的招生人数', 'Students the district-run vocational schools must enroll'],
  nTotal: ['送培总目标 N_total', 'Sending target N_total'],
  nTotalHint: ['本区初中毕业生进入市属、区属中职学校的总人数', 'Graduates the district sends to city- and district-run vocational schools'],
  windowDistrict: ['区属学校进校宣传时段', 'Visit window, district-run schools'],
  windowCity: ['市属学校进校宣传时段', 'Visit window, city-run schools'],
  maxVisit: ['单次进校宣传时长上限（分钟）', 'Longest visit at one junior high (minutes)'],
  maxVisitHint: ['不得影响正常教学，每校不超过 2 小时（120 分钟）', 'Must not disturb teaching; at most 2 hours (120 minutes)'],
  vocationalRatio: ['职普比中职占比下限（%）', 'Minimum vocational share (%)'],
  ratioHint: ['职普比 {v}:{g}（不低于）', 'Vocational : general at least {v}:{g}'],
  earlyFrom: ['最早开始日期', 'Earliest start'],
  earlyHint: ['完成义务教育课程后，且不早于该日', 'After finishing the compulsory curriculum, and not before this day'],
  deadline: ['完成送培统计并反馈的截止日期', 'Statistics fed back by'],
  deadlineHint: ['10月上旬前', 'by early October'],
  refill: ['未报到学生的名额退回补录', 'A no-show\'s seat goes back to late admission (补录)'],
  refillHint: ['学校或初中登记学生不来报到后，该专业名额可用于补录（R16）', 'Once the school or the junior high records that a student will not come, the seat can be filled again (R16)'],
});

function Group({ title, rule, children }: { title: string; rule: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <>
          {title} <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{rule}</Typography.Text>
        </>
      }
    >
      {children}
    </Card>
  );
}

/** `cityFieldsLocked`: N_district, N_total (R1) and the ratio (R12) are the city's; a district sees them read-only. */
export function SettingsFields({ cityFieldsLocked = false }: { cityFieldsLocked?: boolean } = {}) {
  const { t, l } = useI18n(settingsMessages);
  const ratio = Form.useWatch(['settings', 'vocationalRatio']) as number | undefined;
  const req = [{ required: true, message: t('required') }];
  const s = (...path: string[]) => ['settings', ...path];
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Group title={t('targets')} rule="R1">
          <Form.Item name={s('nDistrict')} label={t('nDistrict')} extra={cityFieldsLocked ? t('setByCity') : t('nDistrictHint')} rules={req}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} disabled={cityFieldsLocked} />
          </Form.Item>
          <Form.Item name={s('nTotal')} label={t('nTotal')} extra={cityFieldsLocked ? t('setByCity') : t('nTotalHint')} rules={req} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 160 }} disabled={cityFieldsLocked} />
          </Form.Item>
        </Group>
      </Col>
      <Col xs={24} lg={12}>
        <Group title={t('visits')} rule="R9 / R10">
          <Form.Item name={s('visitWindowDistrictRun')} label={t('windowDistrict')} rules={req}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item name={s('visitWindowCityRun')} label={t('windowCity')} rules={req}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item name={s('maxVisitMinutes')} label={t('maxVisit')} extra={t('maxVisitHint')} rules={req} style={{ marginBottom: 0 }}>
            <InputNumber min={15} max={480} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Group>
      </Col>
      <Col xs={24} lg={8}>
        <Group title={t('ratio')} rule="R12">
          <Form.Item
            name={s('vocationalRatio')}
            label={t('vocationalRatio')}
            rules={req}
            style={{ marginBottom: 0 }}
            extra={cityFieldsLocked ? t('setByCity') : typeof ratio === 'number' ? t('ratioHint', { v: ratio, g: Math.round((100 - ratio) * 100) / 100 }) : undefined}
          >
            <InputNumber min={0.01} max={99.99} step={1} precision={2} style={{ width: 160 }} suffix="%" disabled={cityFieldsLocked} />
          </Form.Item>
        </Group>
      </Col>
      <Col xs={24} lg={8}>
        <Group title={t('early')} rule="R13">
          <Form.Item name={s('earlyTransferFrom')} label={t('earlyFrom')} extra={t('earlyHint')} rules={req} style={{ marginBottom: 0 }}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Group>
      </Col>
      <Col xs={24} lg={8}>
        <Group title={t('statistics')} rule="R18">
          <Form.Item name={s('statisticsDeadline')} label={t('deadline')} extra={t('deadlineHint')} rules={req}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name={s('refillNoShowSeats')} label={t('refill')} extra={t('refillHint')} valuePropName="checked" style={{ marginBottom: 0 }}>
            <Switch data-testid="refill-no-show-seats" />
          </Form.Item>
        </Group>
      </Col>
      <Col span={24}>
        <Group title={t('calendar')} rule="R8–R18">
          <Row gutter={12}>
            {phaseKeys.map((k) => (
              <Col xs={24} md={12} xl={8} key={k}>
                <Form.Item name={s('phases', k)} label={l(phaseLabels[k])} rules={req}>
                  <DatePicker.RangePicker allowClear={false} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Group>
      </Col>
    </Row>
  );
}
