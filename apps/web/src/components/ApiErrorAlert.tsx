import { Alert, Button } from 'antd';
import { ApiError } from '../lib/api';
import { defineMessages, useI18n } from '../app/i18n';

const m = defineMessages({
  failed: ['操作失败', 'Something went wrong'],
  unknown: ['发生未知错误', 'An unknown error occurred'],
});

type Details = { explanation?: Record<string, string>; schools?: { code?: string; name?: string }[] } | undefined;

/** What the details add for a clerk: the domain's exact explanation, the schools concerned. */
function detailLines(api: ApiError | null, locale: string): string[] {
  const d = api?.details as Details;
  if (!d || typeof d !== 'object') return [];
  const lines: string[] = [];
  if (d.explanation && typeof d.explanation[locale] === 'string') lines.push(d.explanation[locale]);
  if (Array.isArray(d.schools) && d.schools.length) lines.push(d.schools.map((s) => s.name ?? s.code).filter(Boolean).join('、'));
  return lines;
}

/** Shows an API error as the server worded it, with its code and request id for support. */
export function ApiErrorAlert({ error, extra: given = [], onRetry, style }: { error: unknown; extra?: string[]; onRetry?: () => void; style?: React.CSSProperties }) {
  const { t, locale } = useI18n(m);
  if (!error && given.length === 0) return null;
  const api = error instanceof ApiError ? error : null;
  const extra = [...detailLines(api, locale), ...given];
  const title = api ? api.message : error instanceof Error ? error.message : error ? t('unknown') : t('failed');
  const meta = api ? [api.code, api.requestId ? `${t('requestId')}: ${api.requestId}` : null].filter(Boolean).join(' · ') : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      style={{ marginBottom: 16, ...style }}
      title={title}
      description={
        extra.length || meta ? (
          <>
            {extra.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {extra.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            )}
            {meta && <div style={{ fontSize: 12, opacity: 0.65 }}>{meta}</div>}
          </>
        ) : undefined
      }
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('retry')}</Button> : undefined}
    />
  );
}
