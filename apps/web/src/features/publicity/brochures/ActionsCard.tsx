/** What the caller may do next, as the server says (`actions`), and where the public sees it. */
import { App, Button, Card, Divider, Typography } from 'antd';
import { EditOutlined, GlobalOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import type { BrochureDetail } from '../types';
import { useReviseBrochure } from './api';
import { FilingPanel } from './FilingPanel';
import { SubmitPanel } from './SubmitPanel';

const m = defineMessages({
  title: ['办理', 'Next step'],
  nothing: ['目前没有需要您办理的步骤。', 'Nothing for you to do now.'],
  waitReview: ['等待{reviewer}审查。', 'Waiting for the {reviewer}’s review.'],
  waitFiling: ['审查已通过，等待市教育局备案。', 'Approved; waiting for the city bureau to file it.'],
  reviewer_district_bureau: ['区教育局', 'district bureau'],
  reviewer_city_bureau: ['市教育局', 'city bureau'],
  revise: ['修订（生成新版本）', 'Revise (new version)'],
  reviseHint: ['已备案的版本保持不变并继续公布；新版本须重新审查和备案后替代它。', 'The filed version stays published unchanged; the new version replaces it once reviewed and filed.'],
  reviseConfirm: ['生成第 {n} 版草稿？', 'Start version {n} as a draft?'],
  revised: ['已生成新版本草稿', 'A new draft version was started'],
  decide: ['请核对变更、必备事项和正文，在页面下方“审查决定”中退回或通过。', 'Check the changes, facts and sections, then return or approve under “Decision” below.'],
  publicPage: ['公开页面', 'Public page'],
  verify: ['验证备案二维码', 'Verify its QR code'],
});

export function ActionsCard({ b, editing }: { b: BrochureDetail; editing: boolean }) {
  const { t } = useI18n(m);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const revise = useReviseBrochure(b.id);
  const has = (a: BrochureDetail['actions'][number]) => b.actions.includes(a);
  const onRevise = () =>
    modal.confirm({
      title: t('revise'),
      content: <>{t('reviseConfirm', { n: b.version + 1 })}<br />{t('reviseHint')}</>,
      onOk: () => revise.mutateAsync().then((d) => { message.success(t('revised')); navigate(`/brochures/${d.id}`); }).catch(() => undefined),
    });
  const waiting = b.status === 'submitted' ? t('waitReview', { reviewer: t(`reviewer_${b.reviewerKind}`) }) : b.status === 'approved' ? t('waitFiling') : null;
  const acts = has('submit') || has('file') || has('withdraw') || has('revise');

  return (
    <Card size="small" title={t('title')} style={{ marginBottom: 16 }} data-testid="brochure-actions">
      {has('submit') && <SubmitPanel b={b} editing={editing} />}
      {(has('file') || has('withdraw')) && <FilingPanel b={b} />}
      {has('revise') && (
        <>
          {revise.isError && <ApiErrorAlert error={revise.error} />}
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: acts ? 12 : 0 }}>{t('reviseHint')}</Typography.Paragraph>
          <Button block icon={<EditOutlined />} loading={revise.isPending} onClick={onRevise} data-testid="brochure-revise">{t('revise')}</Button>
        </>
      )}
      {(has('return') || has('approve')) && <Typography.Text>{t('decide')}</Typography.Text>}
      {!acts && !has('return') && !has('approve') && <Typography.Text type="secondary">{waiting ?? t('nothing')}</Typography.Text>}
      {b.status === 'filed' && (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <Link to={`/public/brochures/${b.id}`} target="_blank"><Button type="link" icon={<GlobalOutlined />} style={{ paddingInline: 0 }}>{t('publicPage')}</Button></Link>
          {b.verifyCode && (
            <Link to={`/verify/${encodeURIComponent(b.verifyCode)}`} target="_blank"><Button type="link" icon={<SafetyCertificateOutlined />}>{t('verify')}</Button></Link>
          )}
        </>
      )}
    </Card>
  );
}
