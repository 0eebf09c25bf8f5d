/**
 * The free sections of a brochure. Their HTML was sanitised by the server when saved
 * and is rendered as the server returned it — never HTML the browser composed itself.
 */
import { Alert, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import type { BrochureSection } from '../types';

const m = defineMessages({
  changed: ['有变更', 'Changed'],
  comment: ['审查意见：', 'Reviewer’s comment: '],
  empty: ['（本节暂无内容）', '(this section is empty)'],
});

export function SanitizedHtml({ html }: { html: string }) {
  // The server sanitised this HTML (sanitize-html, an allow-list) before storing it.
  return <div className="zz-brochure-html" style={{ lineHeight: 1.8, overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />;
}

type Props = { sections: readonly BrochureSection[]; comments?: readonly { sectionKey: string; comment: string }[]; changed?: readonly string[] };

export function SectionsView({ sections, comments = [], changed = [] }: Props) {
  const { t } = useI18n(m);
  return (
    <div data-testid="brochure-sections">
      {sections.map((s) => {
        const isChanged = changed.includes(`sections.${s.key}`);
        const notes = comments.filter((c) => c.sectionKey === s.key);
        return (
          <section key={s.key} data-section={s.key} style={{ marginBottom: 16, padding: isChanged ? 8 : 0, background: isChanged ? '#fff7e6' : undefined, borderRadius: 6 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {s.title}
              {isChanged && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('changed')}</Tag>}
            </Typography.Title>
            {notes.map((c, i) => (
              <Alert key={i} type="warning" showIcon style={{ marginBottom: 8 }} data-testid="section-comment" title={`${t('comment')}${c.comment}`} />
            ))}
            {s.html.trim() ? <SanitizedHtml html={s.html} /> : <Typography.Text type="secondary">{t('empty')}</Typography.Text>}
          </section>
        );
      })}
    </div>
  );
}
