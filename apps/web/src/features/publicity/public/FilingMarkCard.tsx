/**
 * R7: the mark a filed brochure carries — “已经市教育局审查备案”, its filing number and
 * a QR code of its verification address (generated in the browser), with the PDF.
 */
import { Button, Card, Flex, QRCode, Typography } from 'antd';
import { FilePdfOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { publicityMessages } from '../messages';
import type { PublicBrochureDetail } from '../types';
import { pdfUrl, verifyUrl } from './api';

const m = defineMessages({
  ...publicityMessages,
  scan: ['扫码或点击验证真伪', 'Scan or tap to verify'],
  pdf: ['下载 PDF', 'Download the PDF'],
  verify: ['验证', 'Verify'],
});

export function FilingMarkCard({ b }: { b: PublicBrochureDetail }) {
  const { t } = useI18n(m);
  const current = b.status === 'current';
  const url = verifyUrl(b.verifyCode);
  return (
    <Card size="small" style={{ borderColor: current ? '#b7eb8f' : '#ffccc7', background: current ? '#f6ffed' : '#fff2f0', marginBottom: 12 }}>
      <Flex gap={12} align="center" wrap justify="space-between">
        <div style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Typography.Title level={5} style={{ margin: 0, color: current ? '#389e0d' : '#cf1322' }} data-testid="filing-mark">
            <SafetyCertificateFilled /> {b.mark}
          </Typography.Title>
          <div style={{ marginTop: 6 }}>
            {t('filingNumber')}{t('colon')}<Typography.Text strong data-testid="filing-number">{b.filingNumber}</Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('filedAt')}{t('colon')}{formatDateTime(b.filedAt)} · {t('version', { n: b.version })}
          </Typography.Text>
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            <Button icon={<FilePdfOutlined />} href={pdfUrl(b.id)} target="_blank" rel="noopener" data-testid="brochure-pdf">{t('pdf')}</Button>
            <Link to={`/verify/${encodeURIComponent(b.verifyCode)}`}><Button data-testid="brochure-verify-link">{t('verify')}</Button></Link>
          </Flex>
        </div>
        <Flex vertical align="center" gap={4}>
          <a href={url} aria-label={t('scan')} data-testid="brochure-qr">
            <QRCode value={url} size={132} errorLevel="M" bordered={false} style={{ background: '#fff' }} />
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('scan')}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
