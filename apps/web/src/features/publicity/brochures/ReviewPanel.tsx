/**
 * R7: the reviewing bureau's decision — return with a summary and comments per section
 * ('facts' for the mandatory facts), or approve (the city then files it).
 */
import { App, Button, Card, Collapse, Flex, Form, Input, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import type { BrochureDetail } from '../types';
import { useApproveBrochure, useReturnBrochure } from './api';

const m = defineMessages({
  title: ['审查决定', 'Decision'],
  summary: ['审查意见', 'Review summary'],
  summaryHint: ['退回时必填：说明需要修改的内容；通过时可填写备注。', 'Required to return: say what must change; optional when approving.'],
  summaryRule: ['退回修改时请填写至少 2 个字的审查意见', 'Give a summary of at least 2 characters to return it'],
  perSection: ['分节意见（可选，学校会在对应位置看到）', 'Comments per section (optional; the school sees them in place)'],
  facts: ['必备事项', 'Mandatory facts'],
  commentPlaceholder: ['对本节的修改意见', 'What must change in this part'],
  return: ['退回修改', 'Return for changes'],
  approve: ['审查通过', 'Approve'],
  returned: ['已退回学校修改', 'Returned to the school'],
  approved: ['审查通过，已转市教育局备案', 'Approved; the city bureau files it next'],
  withComments: ['已填写 {n} 条', '{n} written'],
});

type Values = { summary?: string; comments?: Record<string, string | undefined> };

export function ReviewPanel({ b }: { b: BrochureDetail }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const ret = useReturnBrochure(b.id);
  const approve = useApproveBrochure(b.id);
  const comments = Form.useWatch('comments', form) ?? {};
  const written = Object.values(comments).filter((c) => c?.trim()).length;
  const parts = [{ key: 'facts', title: t('facts') }, ...b.sections.map((s) => ({ key: s.key, title: s.title }))];
  const busy = ret.isPending || approve.isPending;

  const onReturn = () => {
    const v = form.getFieldsValue();
    const summary = v.summary?.trim() ?? '';
    if (summary.length < 2) {
      form.setFields([{ name: 'summary', errors: [t('summaryRule')] }]);
      return;
    }
    const list = Object.entries(v.comments ?? {}).flatMap(([sectionKey, c]) => (c?.trim() ? [{ sectionKey, comment: c.trim() }] : []));
    ret.mutate({ summary, comments: list }, { onSuccess: () => message.success(t('returned')) });
  };
  const onApprove = () => approve.mutate({ comment: form.getFieldValue('summary')?.trim() ?? '' }, { onSuccess: () => message.success(t('approved')) });

  return (
    <Card size="small" title={t('title')} style={{ marginBottom: 16, borderColor: '#91caff' }} data-testid="review-panel">
      {(ret.error || approve.error) && <ApiErrorAlert error={ret.error ?? approve.error} />}
      <Form form={form} layout="vertical" disabled={busy}>
        <Form.Item name="summary" label={t('summary')} extra={t('summaryHint')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="review-summary" />
        </Form.Item>
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[{
            key: 'c',
            label: <>{t('perSection')} {written > 0 && <Typography.Text type="warning">· {t('withComments', { n: written })}</Typography.Text>}</>,
            forceRender: true,
            children: parts.map((p) => (
              <Form.Item key={p.key} name={['comments', p.key]} label={p.title} rules={[{ max: 1000 }]} style={{ marginBottom: 12 }}>
                <Input.TextArea rows={2} maxLength={1000} placeholder={t('commentPlaceholder')} data-testid={`review-comment-${p.key}`} />
              </Form.Item>
            )),
          }]}
          data-testid="review-comments"
        />
      </Form>
      <Flex gap={8} justify="end" wrap>
        <Button danger icon={<RollbackOutlined />} loading={ret.isPending} disabled={busy} onClick={onReturn} data-testid="review-return">{t('return')}</Button>
        <Button type="primary" icon={<CheckOutlined />} loading={approve.isPending} disabled={busy} onClick={onApprove} data-testid="review-approve">{t('approve')}</Button>
      </Flex>
    </Card>
  );
}
