/**
 * `/verify` and `/verify/:code`: anyone checks a QR code (a brochure's filing, or a visit
 * permit at a junior high's gate: R19). The server checks the Ed25519 signature and the record; this page shows
 * its verdict large and the facts the code vouches for.
 */
import { Button, Card, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PermitVerdict } from '../../visits/gate/PermitVerdict';
import { ScanButton } from '../../visits/gate/ScanButton';
import { codeFromInput, useVerify } from './api';
import { VerifyResultCard } from './VerifyResultCard';

const m = defineMessages({
  title: ['招生材料真伪验证', 'Verify an enrollment document'],
  intro: ['扫描招生简章或批准文件上的二维码即可打开本页；也可以把二维码内容或验证码粘贴到下面。', 'Scanning the QR code on a brochure or permit opens this page; you can also paste the QR text or the code below.'],
  placeholder: ['粘贴验证码或验证链接', 'Paste the code or the verification link'],
  check: ['验证', 'Verify'],
  codeRequired: ['请输入验证码', 'Enter a code'],
  another: ['验证其他验证码', 'Verify another code'],
});

export function VerifyPage() {
  const { t } = useI18n(m);
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const q = useVerify(code || null);
  const go = (raw: string) => navigate(`/verify/${encodeURIComponent(codeFromInput(raw))}`);
  const onFinish = (v: { code: string }) => go(v.code);

  return (
    <div data-testid="verify-page">
      <Typography.Title level={4} style={{ marginTop: 4 }}><SafetyCertificateOutlined /> {t('title')}</Typography.Title>
      {code ? (
        q.isError ? <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} /> : q.isPending ? <Card><Skeleton active /></Card> : q.data.kind === 'permit' ? <PermitVerdict result={q.data} /> : <VerifyResultCard result={q.data} />
      ) : (
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      )}
      <Card size="small" title={code ? t('another') : undefined} style={{ marginTop: 12 }}>
        <Form layout="vertical" onFinish={onFinish} key={code}>
          <Form.Item name="code" rules={[{ required: true, whitespace: true, message: t('codeRequired') }]} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={code ? 2 : 3} autoFocus={!code} placeholder={t('placeholder')} autoComplete="off" spellCheck={false} data-testid="verify-input" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" size="large" block data-testid="verify-submit">{t('check')}</Button>
            <ScanButton onCode={go} />
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
