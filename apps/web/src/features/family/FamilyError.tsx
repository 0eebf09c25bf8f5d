/**
 * A server refusal in plain words for a family: the message, every reason with the rule of
 * the plan it comes from (R4, R7, R11…), and the codes only behind a details toggle.
 */
import { useState } from 'react';
import { Alert, Button, Tag } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { familyMessages } from './messages';
import type { Refusal } from './types';

const m = defineMessages({ ...familyMessages, unknown: ['操作未成功，请稍后再试', 'That did not work; try again later'], hide: ['收起', 'Hide'] });

export function refusalsOf(error: unknown): Refusal[] {
  if (!(error instanceof ApiError)) return [];
  const list = (error.details as { refusals?: unknown } | undefined)?.refusals;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is Refusal => !!r && typeof r === 'object' && typeof (r as Refusal).zh === 'string');
}

function ruleOf(error: ApiError): string | null {
  const d = error.details as { rule?: unknown } | undefined;
  if (d && typeof d.rule === 'string') return d.rule;
  return /（(R\d+)）|\((R\d+)\)/.exec(error.message)?.slice(1).find(Boolean) ?? null;
}

export function FamilyError({ error, testId = 'family-error' }: { error: unknown; testId?: string }) {
  const { t, locale } = useI18n(m);
  const [open, setOpen] = useState(false);
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const refusals = refusalsOf(error);
  const rule = api ? ruleOf(api) : null;
  const codes = api ? [api.code, ...refusals.map((r) => r.code)].filter((c, i, a) => a.indexOf(c) === i) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={api?.code}
      style={{ marginBottom: 12 }}
      title={<>{rule && <Tag color="red">{rule}</Tag>}{api ? api.message : error instanceof Error ? error.message : t('unknown')}</>}
      description={
        <>
          {refusals.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {refusals.map((r, i) => (
                <li key={`${r.code}-${i}`} data-rule={r.rule ?? ''}>
                  {r.rule && <Tag color="red" style={{ marginInlineEnd: 6 }}>{r.rule}</Tag>}
                  {locale === 'zh-CN' ? r.zh : r.en}
                </li>
              ))}
            </ul>
          )}
          {api && (
            <Button type="link" size="small" style={{ padding: 0, fontSize: 12 }} onClick={() => setOpen(!open)}>
              {open ? t('hide') : t('details')}
            </Button>
          )}
          {open && api && (
            <div style={{ fontSize: 12, opacity: 0.65, wordBreak: 'break-all' }} data-testid="family-error-codes">
              {t('code')}: {codes.join(', ')}
              {api.requestId ? ` · ${t('requestId')}: ${api.requestId}` : ''}
            </div>
          )}
        </>
      }
    />
  );
}
