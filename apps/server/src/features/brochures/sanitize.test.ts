import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, sanitizeRichText, sanitizeSections } from './sanitize';

describe('brochure rich text', () => {
  it('keeps a small allowlist and drops scripts, styles, handlers and javascript: links', () => {
    expect(sanitizeRichText('<p style="color:red" onclick="x()">学费<strong>全免</strong></p><style>p{}</style><script>alert(1)</script>')).toBe('<p>学费<strong>全免</strong></p>');
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a><a href="https://example.cn">官网</a><iframe src="https://e"></iframe>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a><a href="https://example.cn" rel="noopener noreferrer nofollow" target="_blank">官网</a>',
    );
  });

  it('turns HTML into plain paragraphs for the PDF', () => {
    expect(htmlToParagraphs('<h3>招生对象</h3><p>应届&amp;往届初中毕业生</p><ul><li>统一录取</li><li>不收报名费</li></ul><p>电话：<br>0000</p>')).toEqual([
      '招生对象', '应届&往届初中毕业生', '• 统一录取', '• 不收报名费', '电话：', '0000',
    ]);
  });

  it('refuses duplicate section keys and the reserved key "facts"', () => {
    expect(() => sanitizeSections([{ key: 'a', title: 'A', html: '' }, { key: 'a', title: 'B', html: '' }])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => sanitizeSections([{ key: 'facts', title: 'A', html: '' }])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
