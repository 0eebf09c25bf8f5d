/**
 * Publish the draft (targets.publish) with a note, or discard it. When the draft's
 * total differs from the city's N_total (R1) the server refuses unless the clerk
 * acknowledges it: that is asked as a confirm first.
 */
import { useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { isApiError } from '../../lib/api';
import { useDiscardDraft, usePublish } from './api';
import { num } from './format';
import { targetsMessages } from './messages';
import type { TargetVersion } from './types';

const m = defineMessages({
  ...targetsMessages,
  publish: ['发布', 'Publish'],
  publishTitle: ['发布第 {n} 版送培目标', 'Publish version {n}'],
  publishText: ['发布后各初中学校将看到自己的送培目标，中职学校将看到本区目标表；原已发布版本将被替代。', 'Once published, every junior high sees its own target and vocational schools see the district’s table; the version published before is superseded.'],
  noteLabel: ['发布说明（可选）', 'Note (optional)'],
  differsTitle: ['合计与市定送培总目标不一致', 'The total differs from the city’s'],
  differsText: ['草稿合计 {sum}，市教育局下达的送培总目标为 {city}（相差 {d}）。确定仍要发布吗？', 'The draft adds up to {sum}; the city set {city} ({d} apart). Publish anyway?'],
  publishAnyway: ['仍然发布', 'Publish anyway'],
  published: ['已发布第 {n} 版', 'Version {n} published'],
  discard: ['放弃草稿', 'Discard the draft'],
  discardConfirm: ['放弃第 {n} 版草稿及其调整？已发布的版本不受影响。', 'Discard draft {n} and its adjustments? The published version stays.'],
  discarded: ['草稿已放弃', 'Draft discarded'],
});

/** R1: the server's refusal of a draft whose total differs from the city's N_total. */
const isTotalRefusal = (e: unknown) => isApiError(e, 'TARGETS_TOTAL_DIFFERS_FROM_CITY');

export function PublishButton({ campaignId, draft }: { campaignId: number; draft: TargetVersion }) {
  const { t } = useI18n(m);
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const publish = usePublish(campaignId);
  const { targets, cityNTotal } = draft.totals;

  const send = (acknowledgeTotalDifference: boolean) =>
    publish.mutate(
      { note: note.trim(), ...(acknowledgeTotalDifference ? { acknowledgeTotalDifference } : {}) },
      {
        onSuccess: () => {
          message.success(t('published', { n: draft.number }));
          setOpen(false);
        },
        onError: (e) => {
          if (!acknowledgeTotalDifference && isTotalRefusal(e)) confirmDifference();
        },
      },
    );
  const confirmDifference = () =>
    modal.confirm({
      title: t('differsTitle'),
      content: t('differsText', { sum: num(targets), city: num(cityNTotal), d: Math.abs(targets - cityNTotal) }),
      okText: t('publishAnyway'),
      okButtonProps: { danger: true, 'data-testid': 'publish-anyway' },
      onOk: () => send(true),
    });
  const submit = () => (draft.totals.differsFromCity ? confirmDifference() : send(false));

  return (
    <>
      <Button type="primary" icon={<SendOutlined />} onClick={() => { publish.reset(); setOpen(true); }} data-testid="publish-draft">{t('publish')}</Button>
      {open && (
        <Modal open title={t('publishTitle', { n: draft.number })} onCancel={() => setOpen(false)} onOk={submit} okText={t('publish')} confirmLoading={publish.isPending} okButtonProps={{ 'data-testid': 'publish-submit' }}>
          {publish.isError && !isTotalRefusal(publish.error) && <ApiErrorAlert error={publish.error} />}
          <Typography.Paragraph>{t('publishText')}</Typography.Paragraph>
          <Typography.Text strong>{t('noteLabel')}</Typography.Text>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} style={{ marginTop: 4 }} data-testid="publish-note" />
        </Modal>
      )}
    </>
  );
}

export function DiscardButton({ campaignId, draft }: { campaignId: number; draft: TargetVersion }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const discard = useDiscardDraft(campaignId);
  return (
    <Popconfirm
      title={t('discard')}
      description={<div style={{ maxWidth: 280 }}>{t('discardConfirm', { n: draft.number })}</div>}
      okButtonProps={{ danger: true, loading: discard.isPending }}
      onConfirm={() => discard.mutateAsync(undefined).then(() => { message.success(t('discarded')); }).catch((e: Error) => { message.error(e.message); })}
    >
      <Button danger icon={<DeleteOutlined />} data-testid="discard-draft">{t('discard')}</Button>
    </Popconfirm>
  );
}
