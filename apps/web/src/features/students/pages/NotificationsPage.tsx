/**
 * `/notifications` 通知发件箱: every message the platform sent (or queued) to students and
 * guardians — slips, confirmations, reminders — with its provider and status. The bureau
 * may remind the families whose application is not yet confirmed before the window closes.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useNotifications, useSendReminders } from '../api';
import { studentMessages } from '../messages';
import { useAppCampaign } from '../shared';
import type { Notification } from '../types';

const m = defineMessages({
  ...studentMessages,
  title: ['通知发件箱', 'Notification outbox'],
  hint: ['平台发给学生和家长的短信等通知。', 'Messages the platform sends to students and guardians.'],
  remind: ['提醒未确认的家庭', 'Remind unconfirmed families'],
  remindConfirm: ['向志愿尚未双方确认的学生和家长发送截止提醒？', 'Send a deadline reminder to every family whose application is not confirmed by both?'],
  queued: ['已加入发送队列：{n} 条', '{n} messages queued'],
  template: ['模板', 'Template'],
  templatePh: ['按模板筛选', 'Filter by template'],
  recipient: ['接收人', 'Recipient'],
  to: ['号码', 'To'],
  body: ['内容', 'Text'],
  provider: ['通道', 'Provider'],
  createdAt: ['时间', 'Time'],
  empty: ['没有通知', 'No message'],
});

export function NotificationsPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const c = useAppCampaign();
  const campaignId = c.campaign?.id;
  const [template, setTemplate] = useState('');
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const q = useNotifications({ campaignId, template: template.trim() || undefined, ...p });
  const remind = useSendReminders(campaignId ?? 0);
  const bureau = me.organization.kind === 'district_bureau';
  return (
    <div data-testid="notifications-page">
      <PageHeader
        title={t('title')}
        extra={
          <>
            <CampaignSelect campaigns={c.campaigns} value={campaignId ?? null} onChange={c.pick} />
            {bureau && (
              <Popconfirm title={t('remindConfirm')} onConfirm={() => remind.mutate(undefined, { onSuccess: (r) => message.success(t('queued', { n: r.queued })) })}>
                <Button type="primary" icon={<BellOutlined />} disabled={!campaignId} loading={remind.isPending} data-testid="notifications-remind">{t('remind')}</Button>
              </Popconfirm>
            )}
          </>
        }
      >
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {remind.isError && <ApiErrorAlert error={remind.error} />}
      <Card size="small" title={<Input.Search allowClear placeholder={t('templatePh')} style={{ maxWidth: 220, margin: '6px 0' }} onSearch={(v) => { setTemplate(v); setP((x) => ({ ...x, page: 1 })); }} />}>
        {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<Notification>
          rowKey="id"
          size="middle"
          loading={q.isFetching || c.isPending}
          dataSource={q.data?.items}
          scroll={{ x: 1000 }}
          data-testid="notifications-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          pagination={{ current: p.page, pageSize: p.pageSize, total: q.data?.total ?? 0, showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setP({ page, pageSize }) }}
          columns={[
            { title: t('createdAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
            { title: t('template'), dataIndex: 'template', width: 150, render: (x: string) => <Tag>{x}</Tag> },
            { title: t('recipient'), dataIndex: 'recipient', width: 90, render: (r: Notification['recipient']) => t(`by_${r}`) },
            { title: t('to'), dataIndex: 'to', width: 130 },
            { title: t('body'), dataIndex: 'body', ellipsis: true },
            { title: t('provider'), dataIndex: 'provider', width: 90 },
            { title: t('status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'sent' ? 'green' : s === 'failed' ? 'red' : 'blue'}>{s}</Tag> },
          ]}
        />
      </Card>
    </div>
  );
}
