/**
 * A minimal rich-text editor: a text area for basic HTML with a small toolbar that wraps
 * the selection in a tag. The server sanitises what is saved (an allow-list); the page
 * shows the result only after saving, as the server returned it.
 */
import { useRef } from 'react';
import { Button, Flex, Input, Tooltip, type GetRef } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';

const m = defineMessages({
  p: ['段落', 'Paragraph'],
  h: ['小标题', 'Heading'],
  b: ['加粗', 'Bold'],
  ul: ['列表', 'List'],
  br: ['换行', 'Line break'],
  hint: ['可用 HTML：段落、小标题、加粗、列表、表格；保存时服务器会清除不安全的内容。', 'Basic HTML: paragraphs, headings, bold, lists, tables; the server removes anything unsafe on saving.'],
});

type Tool = { key: 'p' | 'h' | 'b' | 'ul' | 'br'; wrap: (s: string) => string };
const tools: Tool[] = [
  { key: 'p', wrap: (s) => `<p>${s}</p>` },
  { key: 'h', wrap: (s) => `<h4>${s}</h4>` },
  { key: 'b', wrap: (s) => `<strong>${s}</strong>` },
  { key: 'ul', wrap: (s) => `<ul>\n${(s || '').split('\n').map((l) => `  <li>${l}</li>`).join('\n')}\n</ul>` },
  { key: 'br', wrap: (s) => `${s}<br>` },
];

export function HtmlTextArea({ value = '', onChange, id, testId }: { value?: string; onChange?: (v: string) => void; id?: string; testId?: string }) {
  const { t } = useI18n(m);
  const ref = useRef<GetRef<typeof Input.TextArea>>(null);
  const apply = (tool: Tool) => {
    const el = ref.current?.resizableTextArea?.textArea;
    const [a, b] = el ? [el.selectionStart, el.selectionEnd] : [value.length, value.length];
    const wrapped = tool.wrap(value.slice(a, b));
    onChange?.(value.slice(0, a) + wrapped + value.slice(b));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(a + wrapped.length, a + wrapped.length);
    });
  };
  return (
    <div>
      <Flex gap={4} wrap style={{ marginBottom: 4 }}>
        {tools.map((tool) => (
          <Tooltip key={tool.key} title={t(tool.key)}>
            <Button size="small" onClick={() => apply(tool)} style={tool.key === 'b' ? { fontWeight: 700 } : undefined}>{t(tool.key)}</Button>
          </Tooltip>
        ))}
      </Flex>
      <Input.TextArea
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 16 }}
        maxLength={50_000}
        spellCheck={false}
        data-testid={testId}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
      />
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,.45)', marginTop: 2 }}>{t('hint')}</div>
    </div>
  );
}
