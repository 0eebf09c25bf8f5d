/**
 * A date and a from–to time of one day, with the length against the campaign's limit (R10),
 * as plain `YYYY-MM-DD` / `HH:MM` strings. Native date and time inputs: a phone shows its
 * own wheel, a keyboard types straight in.
 */
import { Flex, Form, Input, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { lengthOf } from './format';

const m = defineMessages({
  date: ['日期', 'Date'],
  start: ['开始', 'Start'],
  end: ['结束', 'End'],
  length: ['时长 {n} 分钟（上限 {max} 分钟，R10）', '{n} min (limit {max} min, R10)'],
  tooLong: ['时长 {n} 分钟，超过上限 {max} 分钟（R10）', '{n} min: over the {max}-min limit (R10)'],
  badOrder: ['结束时间须晚于开始时间', 'The end must be after the start'],
  limit: ['每次不超过 {max} 分钟（R10）', 'At most {max} min (R10)'],
});

/** Form fields `date`, `start`, `end` (strings). */
export function TimeRange({ max, windowHint, dateMin, dateMax, testPrefix = 'visit' }: { max: number; windowHint?: string; dateMin?: string; dateMax?: string; testPrefix?: string }) {
  const { t } = useI18n(m);
  const start = Form.useWatch<string | undefined>('start');
  const end = Form.useWatch<string | undefined>('end');
  const n = lengthOf(start, end);
  return (
    <>
      <Form.Item name="date" label={t('date')} extra={windowHint} rules={[{ required: true, message: t('required') }]}>
        <Input type="date" min={dateMin} max={dateMax} data-testid={`${testPrefix}-date`} />
      </Form.Item>
      <Flex gap={8}>
        <Form.Item name="start" label={t('start')} style={{ flex: 1 }} rules={[{ required: true, message: t('required') }]}>
          <Input type="time" step={300} data-testid={`${testPrefix}-start`} />
        </Form.Item>
        <Form.Item name="end" label={t('end')} style={{ flex: 1 }} rules={[{ required: true, message: t('required') }]}>
          <Input type="time" step={300} data-testid={`${testPrefix}-end`} />
        </Form.Item>
      </Flex>
      <Typography.Paragraph data-testid={`${testPrefix}-length`} style={{ marginTop: -8 }} type={n === null ? 'secondary' : n <= 0 || n > max ? 'danger' : 'success'}>
        {n === null ? t('limit', { max }) : n <= 0 ? t('badOrder') : n > max ? t('tooLong', { n, max }) : t('length', { n, max })}
      </Typography.Paragraph>
    </>
  );
}
