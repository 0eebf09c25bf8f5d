/**
 * `/early-transfer-lists/:id`: one combined list (汇总名单, R14) — the students of a pair of
 * schools, both schools' seals (the vocational school's accepts them), the district bureau's
 * filing number and date, the buttons the server offers this caller (`actions`: seal,
 * withdraw, file), the PDF with its QR and the Excel export.
 */
import { App, Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { downloadListExcel, listPdfUrl, useTransferList } from '../api';
import { transferMessages } from '../messages';
import { Codes } from '../shared/Codes';
import { ListActions } from '../shared/ListActions';
import { ResponsiveTable } from '../shared/ResponsiveTable';
import { SealRow } from '../shared/SealMark';
import { ListStatusTag, TransferStatusTag } from '../shared/StatusTags';
import type { TransferListItem } from '../types';

const m = defineMessages({
  ...transferMessages,
  back: ['提前到中职', 'Early transfer'],
  heading: ['汇总名单：{jh} → {school}', 'Combined list: {jh} → {school}'],
  students: ['名单（{n} 人）', 'Students ({n})'],
  gender: ['性别', 'Gender'],
  seals: ['盖章与备案', 'Seals and filing'],
  next: ['办理', 'Next step'],
  nothing: ['目前没有需要您办理的步骤。', 'Nothing for you to do now.'],
  notFound: ['没有找到这份汇总名单，或您无权查看', 'No such list, or you may not see it'],
  withdrawnTitle: ['该汇总名单已撤回', 'This list was withdrawn'],
  filedText: ['已于 {on} 备案，备案号 {n}', 'Filed on {on}, number {n}'],
  waitFile: ['双方已盖章，等待区教育局备案。', 'Sealed by both schools: waiting for the district bureau to file it.'],
  waitSeal: ['等待双方学校盖章。', 'Waiting for both schools’ seals.'],
});

export function ListDetailPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const q = useTransferList(id);
  const back = <Link to="/early-transfers?tab=lists"><Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }}>{t('back')}</Button></Link>;
  if (!Number.isInteger(id) || id <= 0 || (isApiError(q.error) && (q.error.status === 404 || q.error.status === 403))) {
    return <Result status="404" title={t('notFound')} extra={back} subTitle={q.error ? <ApiErrorAlert error={q.error} /> : undefined} />;
  }
  if (q.isError) return <>{back}<ApiErrorAlert error={q.error} onRetry={() => q.refetch()} /></>;
  if (q.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  const d = q.data;
  const parties = d.seals.some((s) => s.party === 'district') ? (['source', 'school', 'district'] as const) : (['source', 'school'] as const);
  const wait = d.status === 'sealed' ? t('waitFile') : d.status === 'open' ? t('waitSeal') : t('nothing');

  return (
    <div data-testid="etl-detail" data-list-id={d.id} data-status={d.status}>
      {back}
      <PageHeader title={t('heading', { jh: d.juniorHighName, school: d.schoolName })} extra={<ListStatusTag status={d.status} />}>
        <Typography.Text type="secondary">{formatDateTime(d.createdAt)}</Typography.Text>
      </PageHeader>
      {d.status === 'withdrawn' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('withdrawnTitle')} description={d.reason} data-testid="etl-reason" />}
      <Row gutter={16}>
        <Col xs={24} xl={16} style={{ marginBottom: 16 }}>
          <Card size="small" title={t('students', { n: d.count })}>
            <ResponsiveTable<TransferListItem>
              rows={d.items}
              rowKey={(x) => x.transferId}
              testId="etl-items"
              rowTestId="etl-item"
              cols={[
                { key: 'n', title: t('name'), render: (x) => <Link to={`/early-transfers/${x.transferId}`}>{x.studentName}</Link> },
                { key: 'e', title: t('examNo'), render: (x) => x.examNo },
                { key: 'g', title: t('gender'), render: (x) => t(x.gender) },
                { key: 'c', title: t('className'), render: (x) => x.className },
                { key: 'm', title: t('major'), render: (x) => `${x.majorName}（${x.campusName}）` },
                { key: 's', title: t('status'), render: (x) => <TransferStatusTag status={x.status} testId="etl-item-status" /> },
              ]}
            />
          </Card>
          <Card size="small" title={t('seals')} style={{ marginTop: 16 }}>
            <SealRow seals={d.seals} parties={parties} />
            {d.filingNumber && (
              <Typography.Paragraph strong style={{ marginTop: 12, textAlign: 'center' }} data-testid="etl-filing-number" data-filing-number={d.filingNumber}>
                {t('filedText', { on: d.filedOn ?? '', n: d.filingNumber })}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('next')} data-testid="etl-actions" data-actions={d.actions.join(' ')}>
            <Flex vertical gap={8}>
              {d.actions.length > 0 ? <ListActions list={d} actions={d.actions} /> : <Typography.Text type="secondary">{wait}</Typography.Text>}
              <Flex gap={8} wrap>
                <Button icon={<FilePdfOutlined />} href={listPdfUrl(d.id)} target="_blank" data-testid="etl-pdf">{t('pdf')}</Button>
                <Button icon={<FileExcelOutlined />} onClick={() => downloadListExcel(d.id).catch((e: Error) => message.error(e.message))} data-testid="etl-excel">{t('excel')}</Button>
              </Flex>
              <Codes testId="etl-codes" items={[
                { label: t('id'), value: d.id },
                { label: t('listCode'), value: d.code, verify: true },
                ...d.seals.map((s, i) => ({ label: `${t('keyId')} · ${t(`party_${s.party}`)}${i ? ` #${i + 1}` : ''}`, value: `${s.keyId}（${s.sealedBy} · ${formatDateTime(s.sealedAt)}）` })),
              ]} />
            </Flex>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
