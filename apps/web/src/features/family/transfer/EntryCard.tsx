/** On `/me`: the way to the early-transfer page (R13), for a grade-9 student on the vocational track. */
import { Button, Card, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { familyTransferMessages } from './messages';

const m = defineMessages({
  ...familyTransferMessages,
  text: ['完成义务教育阶段课程后，5月1日起可申请提前到中职学校学习（须学生和家长确认、两校盖章、区教育局备案）。', 'Once the compulsory curriculum is finished, from May 1 you may ask to study early at a vocational school (the family confirms, both schools seal, the district bureau files).'],
  open: ['查看 / 申请', 'View / ask'],
});

export function EarlyTransferEntryCard() {
  const { t } = useI18n(m);
  return (
    <Card size="small" data-testid="et-entry">
      <Typography.Text strong>{t('title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '4px 0 8px' }}>{t('text')}</Typography.Paragraph>
      <Link to="/me/early-transfer"><Button block data-testid="et-entry-open">{t('open')} <RightOutlined /></Button></Link>
    </Card>
  );
}
