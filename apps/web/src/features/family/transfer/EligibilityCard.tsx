/**
 * Whether the family may ask to study early now (R13): the dates (from May 1 in the plan, to
 * the end of the early-transfer phase), the junior high's confirmation that the compulsory
 * curriculum is finished, and every rule that stands in the way, named.
 */
import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { MyEarlyTransfer } from '../../transfers/types';
import { familyTransferMessages, ruleKey } from './messages';

const m = defineMessages({
  ...familyTransferMessages,
  intro: ['初三学生完成义务教育阶段课程后，可以从 {from} 起申请提前到中职学校学习。申请经学生和家长确认、初中学校和中职学校盖章，并列入汇总名单由区教育局备案后生效。', 'Once you finish the compulsory curriculum, you may ask from {from} to study early at a vocational school. The request takes effect once the student and the guardian confirm it, both schools seal it and the district bureau files the combined list.'],
  window: ['申请时间', 'When'],
  w_before: ['尚未开始', 'Not yet open'],
  w_open: ['可以申请', 'Open'],
  w_after: ['已截止', 'Closed'],
  curriculum: ['完成义务教育课程', 'Compulsory curriculum'],
  curriculumYes: ['初中学校已确认', 'Confirmed by the junior high'],
  curriculumNo: ['初中学校尚未确认', 'Not yet confirmed by the junior high'],
  problems: ['暂时不能申请的原因', 'Why you cannot ask now'],
  ok: ['你可以在下面选择专业提出申请。', 'You may choose a programme below and ask.'],
});

export function EligibilityCard({ data, canAsk }: { data: MyEarlyTransfer; canAsk: boolean }) {
  const { t, locale } = useI18n(m);
  const color = { before: 'default', open: 'green', after: 'red' } as const;
  return (
    <Card size="small" data-testid="et-eligibility" data-window={data.window} data-can-ask={canAsk ? 'true' : 'false'}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('intro', { from: data.opensOn })}</Typography.Paragraph>
      <Descriptions size="small" column={1} items={[
        { key: 'w', label: t('window'), children: <span data-testid="et-window">{data.opensOn} – {data.closesOn} <Tag color={color[data.window]} style={{ marginInlineStart: 6 }}>{t(`w_${data.window}`)}</Tag></span> },
        {
          key: 'c',
          label: t('curriculum'),
          children: data.curriculumConfirmed
            ? <span style={{ color: '#389e0d' }} data-testid="et-curriculum" data-confirmed="true"><CheckCircleOutlined /> {t('curriculumYes')}</span>
            : <span style={{ color: '#d46b08' }} data-testid="et-curriculum" data-confirmed="false"><ClockCircleOutlined /> {t('curriculumNo')}</span>,
        },
      ]} />
      {data.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="et-problems"
          title={t('problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {data.problems.map((p, i) => {
                const name = ruleKey(p.rule);
                return (
                  <li key={`${p.code}-${i}`} data-testid="et-problem" data-code={p.code} data-rule={p.rule}>
                    <Tag color="orange" style={{ marginInlineEnd: 6 }}>{p.rule}{name ? ` ${t(name)}` : ''}</Tag>
                    {locale === 'zh-CN' ? p.zh : p.en}
                  </li>
                );
              })}
            </ul>
          }
        />
      )}
      {canAsk && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('ok')} />}
    </Card>
  );
}
