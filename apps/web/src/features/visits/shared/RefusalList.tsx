/** Every reason a visit may not take place, each with the rule of the plan it comes from. */
import { Alert, Tag } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { Refusal } from '../types';

const m = defineMessages({
  refused: ['申请不符合规定（共 {n} 项）', 'The request breaks {n} rule(s)'],
  precheck: ['提交前自查发现 {n} 项问题', 'The pre-check finds {n} problem(s)'],
  precheckHint: ['以服务器审核结果为准；以下依据已知信息预先检查。', 'The server decides; this checks what is known here.'],
  noRule: ['规则', 'Rule'],
});

export function RefusalList({ refusals, kind = 'server' }: { refusals: readonly Refusal[]; kind?: 'server' | 'precheck' }) {
  const { t, locale } = useI18n(m);
  if (refusals.length === 0) return null;
  return (
    <Alert
      type={kind === 'server' ? 'error' : 'warning'}
      showIcon
      role={kind === 'server' ? 'alert' : undefined}
      style={{ marginBottom: 16 }}
      data-testid={kind === 'server' ? 'visit-refusals' : 'visit-precheck'}
      title={t(kind === 'server' ? 'refused' : 'precheck', { n: refusals.length })}
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {refusals.map((r, i) => (
              <li key={`${r.code}-${i}`} data-code={r.code} data-rule={r.rule ?? ''}>
                {r.rule && <Tag color="red" style={{ marginInlineEnd: 6 }}>{r.rule}</Tag>}
                {locale === 'zh-CN' ? r.zh : r.en}
              </li>
            ))}
          </ul>
          {kind === 'precheck' && <div style={{ fontSize: 12, opacity: 0.65, marginTop: 4 }}>{t('precheckHint')}</div>}
        </>
      }
    />
  );
}
