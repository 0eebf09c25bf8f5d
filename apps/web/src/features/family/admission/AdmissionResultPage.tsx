/**
 * `/me/admission` 录取结果 (R15) for the student or the guardian, on a phone: the exam score (total
 * and subjects), each published batch's result — admitted to a programme by choice k or by
 * adjustment, or not admitted — with the engine's explanation line by line (the score against
 * each choice's cutoff, why the earlier choices did not admit), the admission letter (PDF and its
 * verification), and the 征集志愿 form when that round is open to them.
 */
import { Button, Card, Descriptions, Empty, Flex, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { CheckCircleOutlined, FilePdfOutlined, LeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { MyAdmission, MyResult } from '../../admission/types';
import { FamilyError } from '../FamilyError';
import { myLetterUrl, useMyAdmission } from './api';
import { familyAdmissionMessages } from './messages';
import { SolicitationCard } from './SolicitationCard';

const m = defineMessages({
  ...familyAdmissionMessages,
  score: ['中考成绩', 'Exam score'],
  total: ['总分', 'Total'],
  version: ['成绩版本 v{n}', 'Score version {n}'],
  noScore: ['成绩尚未公布', 'No score yet'],
  results: ['各批次录取结果', 'Results by batch'],
  noResults: ['录取结果尚未发布', 'No result published yet'],
  publishOn: ['发布日期：{d}', 'Published {d}'],
  o_admitted: ['已录取', 'Admitted'],
  o_adjusted: ['调剂录取', 'Admitted by adjustment'],
  'o_not-admitted': ['未录取', 'Not admitted'],
  o_returned: ['已退档', 'Returned'],
  why: ['录取过程', 'How it was decided'],
  letter: ['录取通知书', 'Admission letter'],
  letterPdf: ['下载录取通知书（PDF）', 'Download the letter (PDF)'],
  verify: ['验证通知书真伪', 'Verify the letter'],
  letterHint: ['通知书上的二维码可在“真伪验证”页核验学校和教育局的签名。', 'The QR code on the letter lets anyone check the school’s and the bureau’s signatures.'],
  letterPending: ['录取通知书正在生成，请稍后刷新本页。', 'Your admission letter is being prepared: refresh this page in a moment.'],
  letterWithdrawn: ['该录取已撤销，录取通知书已作废。', 'This admission was withdrawn; the letter is void.'],
  st_admitted: ['已录取', 'Admitted'],
  st_returned: ['已退档', 'Returned'],
  k_batch: ['统一录取', 'Central admission'],
  k_registration: ['注册入学', 'By registration'],
});

const outcomeColor: Record<MyResult['outcome'], string> = { admitted: 'green', adjusted: 'cyan', 'not-admitted': 'orange', returned: 'magenta' };

function ScoreCard({ score }: { score: MyAdmission['score'] }) {
  const { t } = useI18n(m);
  return (
    <Card size="small" title={t('score')} data-testid="ad-my-score">
      {score ? (
        <>
          <Flex align="baseline" gap={8}>
            <Typography.Text type="secondary">{t('total')}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 28 }} data-testid="ad-my-total">{score.total}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('version', { n: score.version })}</Typography.Text>
          </Flex>
          <Descriptions size="small" column={{ xs: 2, sm: 3 }} items={Object.entries(score.subjects).map(([k, v]) => ({ key: k, label: k, children: v }))} />
        </>
      ) : (
        <Typography.Text type="secondary">{t('noScore')}</Typography.Text>
      )}
    </Card>
  );
}

function ResultCard({ r }: { r: MyResult }) {
  const { t, locale } = useI18n(m);
  const rankText = (c: number | 'adj') => (c === 'adj' ? t('adjustment') : t('choiceN', { n: c }));
  return (
    <Card size="small" data-testid="ad-my-result" data-outcome={r.outcome}
      title={<Flex gap={8} align="center" wrap><span>{r.batch}</span><Tag color={outcomeColor[r.outcome]} data-testid="ad-my-outcome">{t(`o_${r.outcome}`)}</Tag></Flex>}
      extra={r.publishOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publishOn', { d: r.publishOn })}</Typography.Text>}>
      <Typography.Paragraph strong style={{ fontSize: 16 }} data-testid="ad-my-headline">{locale === 'zh-CN' ? r.headline.zh : r.headline.en}</Typography.Paragraph>
      {r.schoolName && (
        <Typography.Paragraph style={{ marginTop: -6 }}>
          {r.schoolName} · {r.programme}{r.campusName ? `（${r.campusName}）` : ''}
          {r.choiceRank !== null && <Tag style={{ marginInlineStart: 6 }}>{rankText(r.choiceRank)}</Tag>}
        </Typography.Paragraph>
      )}
      {r.explanation.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('why')}</Typography.Text>
          <Timeline
            style={{ marginTop: 12 }}
            data-testid="ad-my-explanation"
            items={r.explanation.map((e, i) => ({
              key: i,
              color: e.outcome.startsWith('admitted') ? 'green' : 'gray',
              icon: e.outcome.startsWith('admitted') ? <CheckCircleOutlined /> : undefined,
              content: (
                <div data-testid="ad-my-line" data-outcome={e.outcome}>
                  <Typography.Text strong>{rankText(e.choiceRank)}{e.programmeName ? ` · ${e.programmeName}` : ''}</Typography.Text>
                  <div style={{ fontSize: 13 }}>{locale === 'zh-CN' ? e.zh : e.en}</div>
                </div>
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}

function LetterCard({ a }: { a: NonNullable<MyAdmission['admission']> }) {
  const { t } = useI18n(m);
  const valid = a.status === 'admitted';
  return (
    <Card size="small" title={t('letter')} data-testid="ad-my-letter" data-status={a.status}>
      <Typography.Paragraph>
        {a.schoolName} · {a.majorName}（{a.campusName}）
        <Tag color={valid ? 'green' : 'magenta'} style={{ marginInlineStart: 6 }}>{t(`st_${a.status}`)}</Tag>
        <Tag>{t(`k_${a.kind}`)}</Tag>
      </Typography.Paragraph>
      {valid && !a.letterCode && a.kind === 'batch' ? (
        <Typography.Text type="secondary" data-testid="ad-my-letter-pending">{t('letterPending')}</Typography.Text>
      ) : valid ? (
        <Flex vertical gap={8}>
          <a href={myLetterUrl} target="_blank" rel="noreferrer" data-testid="ad-my-letter-pdf"><Button type="primary" block icon={<FilePdfOutlined />}>{t('letterPdf')}</Button></a>
          {a.letterCode && (
            <Link to={`/verify/${encodeURIComponent(a.letterCode)}`} data-testid="ad-my-letter-verify"><Button block icon={<SafetyCertificateOutlined />}>{t('verify')}</Button></Link>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('letterHint')}</Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('letterWithdrawn')}</Typography.Text>
      )}
    </Card>
  );
}

export function AdmissionResultPage() {
  const { t } = useI18n(m);
  const q = useMyAdmission();
  const back = <Link to="/me"><Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }} data-testid="ad-back">{t('back')}</Button></Link>;
  if (q.isError) return <div data-testid="ad-family">{back}<FamilyError error={q.error} /></div>;
  if (q.isPending) return <Card><Skeleton active /></Card>;
  const d = q.data;
  return (
    <Flex vertical gap={12} data-testid="ad-family">
      <div>{back}</div>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>
      <ScoreCard score={d.score} />
      {d.admission && <LetterCard a={d.admission} />}
      <Typography.Text strong>{t('results')}</Typography.Text>
      {d.results.length === 0 ? (
        d.score ? <Card size="small"><Empty description={t('noResults')} /></Card> : <Result status="info" title={t('noResults')} />
      ) : (
        d.results.map((r) => <ResultCard key={r.batch} r={r} />)
      )}
      {d.solicitation && <SolicitationCard key={`${d.solicitation.batchId}-${d.solicitation.choices.join(',')}`} s={d.solicitation} />}
    </Flex>
  );
}
