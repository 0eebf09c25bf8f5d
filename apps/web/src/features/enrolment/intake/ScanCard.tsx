/**
 * 扫码报到 (R16): a scanner app (or the clerk) puts the letter's QR content — the URL ending in
 * `/verify/<code>` — or the code itself into the box; the school sees whom the letter names and
 * confirms. Only a pending student is offered the confirmation; the server decides the rest (the
 * window, the school, a second clerk who was quicker) and its refusal is shown as it words it.
 */
import { useRef, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Input, Typography, type InputRef } from 'antd';
import { CheckCircleOutlined, ScanOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useLookup, useRegister } from '../api';
import { enrolmentMessages } from '../messages';
import type { IntakeRow } from '../types';
import { CameraScan } from './CameraScan';
import { IntakeStateTag } from './Tags';

const m = defineMessages({
  ...enrolmentMessages,
  scanTitle: ['扫码报到', 'Scan to register'],
  scanHint: ['用扫码枪或手机扫描录取通知书上的二维码，或粘贴通知书验证码。', 'Scan the QR code on the admission letter, or paste the letter’s code.'],
  scanPh: ['二维码内容或通知书验证码', 'QR content or letter code'],
  find: ['查询', 'Look up'],
  confirm: ['确认报到', 'Confirm registration'],
  registeredOk: ['{name} 已报到', '{name} is registered'],
  alreadyRegistered: ['该生已于 {on} 报到。', 'Registered on {on}.'],
  notPending: ['该生当前不是待报到状态；如学生已到校，请先在名单中撤销未报到登记。', 'The student is not pending; if they came, withdraw the no-show record in the list first.'],
});

export function ScanCard() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const input = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<{ code: string; row: IntakeRow } | null>(null);
  const lookup = useLookup();
  const register = useRegister();

  const find = (value: string) => {
    const v = value.trim();
    if (!v) return;
    register.reset();
    setFound(null);
    lookup.mutate(v, { onSuccess: (row) => setFound({ code: v, row }) });
  };
  const confirm = () => {
    if (!found) return;
    register.mutate({ letterCode: found.code }, {
      onSuccess: (row) => {
        setFound({ code: found.code, row });
        setCode('');
        message.success(t('registeredOk', { name: row.studentName }));
        input.current?.focus();
      },
    });
  };
  const row = found?.row;

  return (
    <Card size="small" title={<><ScanOutlined /> {t('scanTitle')}</>} data-testid="en-scan" style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>{t('scanHint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Input.Search
          ref={input}
          style={{ flex: '1 1 220px', minWidth: 0 }}
          allowClear
          placeholder={t('scanPh')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onSearch={find}
          enterButton={t('find')}
          loading={lookup.isPending}
          data-testid="en-scan-input"
        />
        <CameraScan onCode={(c) => { setCode(c); find(c); }} />
      </Flex>
      {lookup.isError && <ApiErrorAlert error={lookup.error} style={{ marginTop: 12, marginBottom: 0 }} />}
      {row && (
        <div data-testid="en-scan-result" data-state={row.state} data-student-id={row.studentId} style={{ marginTop: 12 }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered items={[
            { key: 'n', label: t('name'), children: <Typography.Text strong>{row.studentName}</Typography.Text> },
            { key: 'e', label: t('examNo'), children: row.examNo },
            { key: 'j', label: t('juniorHigh'), children: row.juniorHighName ?? '—' },
            { key: 'm', label: t('major'), children: row.majorName },
            { key: 'c', label: t('campus'), children: row.campusName },
            { key: 's', label: t('state'), children: <IntakeStateTag row={row} /> },
          ]} />
          {register.isError && <ApiErrorAlert error={register.error} style={{ marginTop: 12, marginBottom: 0 }} />}
          <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
            {row.state === 'pending' && (
              <Button type="primary" icon={<CheckCircleOutlined />} loading={register.isPending} onClick={confirm} data-testid="en-scan-confirm">{t('confirm')}</Button>
            )}
            {row.state === 'registered' && <Typography.Text type="success">{t('alreadyRegistered', { on: row.registeredOn ?? '' })}</Typography.Text>}
            {row.state === 'no_show' && <Typography.Text type="warning">{t('notPending')}</Typography.Text>}
          </Flex>
        </div>
      )}
    </Card>
  );
}
