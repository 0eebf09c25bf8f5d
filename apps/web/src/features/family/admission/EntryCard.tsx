/** On `/me`: the way to the admission result (R15): score, results with their reasons, the letter, 征集志愿. */
import { Button, Card, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { familyAdmissionMessages } from './messages';

const m = defineMessages({
  ...familyAdmissionMessages,
  text: ['查看中考成绩、各批次录取结果及原因、录取通知书；未被录取的考生可在征集志愿期间重新填报。', 'Your exam score, each batch’s result and why, the admission letter; if not admitted, choose again in the solicitation round.'],
  open: ['查看录取结果', 'See the result'],
});

export function AdmissionEntryCard() {
  const { t } = useI18n(m);
  return (
    <Card size="small" data-testid="ad-entry">
      <Typography.Text strong>{t('title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '4px 0 8px' }}>{t('text')}</Typography.Paragraph>
      <Link to="/me/admission"><Button block data-testid="ad-entry-open">{t('open')} <RightOutlined /></Button></Link>
    </Card>
  );
}
