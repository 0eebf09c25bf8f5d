/**
 * In demo mode the header shows the day the demo pretends it is; users with
 * `clock.write` move it (any day, so a visitor can walk every phase) or go back to
 * real time. Every cached query is refetched afterwards: phases depend on the day.
 */
import { App, Button, DatePicker, Flex, Tag, Tooltip } from 'antd';
import { FieldTimeOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { defineMessages, useI18n } from '../../app/i18n';
import { api } from '../../lib/api';
import { useClock } from '../../lib/clock';
import { useCan, useSession } from '../../lib/session';

const m = defineMessages({
  demoDate: ['演示日期 {date}', 'Demo date {date}'],
  move: ['调整演示日期', 'Move the demo date'],
  realTime: ['回到真实时间', 'Back to real time'],
  moved: ['演示日期已改为 {date}', 'The demo date is now {date}'],
  back: ['已回到真实时间', 'Back to real time'],
});

export function DemoClock() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const can = useCan();
  const qc = useQueryClient();
  const clock = useClock();
  const setClock = useMutation({
    mutationFn: (date: string | null) => api.put<unknown>('/api/clock', { date }),
    onSuccess: async (_, date) => {
      await qc.invalidateQueries();
      message.success(date ? t('moved', { date }) : t('back'));
    },
    onError: (e) => message.error(e.message),
  });

  const demo = clock.data?.demo ?? me.demo;
  if (!demo || !clock.data) return null;
  const today = clock.data.today;

  return (
    <Flex align="center" gap={6}>
      <Tag color="orange" icon={<FieldTimeOutlined />} data-testid="demo-date" style={{ marginInlineEnd: 0 }}>
        {t('demoDate', { date: today })}
      </Tag>
      {can('clock.write') && (
        <>
          <Tooltip title={t('move')}>
            <DatePicker
              size="small"
              allowClear={false}
              value={dayjs(today)}
              disabled={setClock.isPending}
              style={{ width: 120 }}
              aria-label={t('move')}
              data-testid="demo-date-picker"
              onChange={(d) => d && setClock.mutate(d.format('YYYY-MM-DD'))}
            />
          </Tooltip>
          {clock.data.source === 'demo' && (
            <Tooltip title={t('realTime')}>
              <Button size="small" icon={<UndoOutlined />} loading={setClock.isPending} onClick={() => setClock.mutate(null)} aria-label={t('realTime')} />
            </Tooltip>
          )}
        </>
      )}
    </Flex>
  );
}
