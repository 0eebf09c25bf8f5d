/**
 * The brochure's free sections are rich text written by a school and shown to the public:
 * only a small allowlist of tags survives (no scripts, styles, images, event handlers, or
 * links other than http(s)/mailto/tel). The PDF gets the same text as plain paragraphs.
 */
import sanitizeHtml from 'sanitize-html';
import type { BrochureSection } from '@zhizhao/domain';
import { AppError } from '../../errors';

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'],
  allowedAttributes: { a: ['href', 'rel', 'target'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Sanitises every section; keys must be unique within a brochure. */
export function sanitizeSections(sections: BrochureSection[]): BrochureSection[] {
  const seen = new Set<string>();
  for (const [i, s] of sections.entries()) {
    if (seen.has(s.key) || s.key === 'facts') throw new AppError('VALIDATION_FAILED', { fields: [{ path: `body.sections.${i}.key`, message: s.key === 'facts' ? '"facts" is reserved' : 'duplicate section key' }] });
    seen.add(s.key);
  }
  return sections.map((s) => ({ key: s.key, title: s.title, html: sanitizeRichText(s.html) }));
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Sanitised HTML → plain paragraphs (list items as “• …”), for the PDF. */
export function htmlToParagraphs(html: string): string[] {
  const marked = sanitizeRichText(html)
    .replace(/<li[^>]*>/gi, '\n• ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|h3|h4|blockquote|tr|ul|ol|table)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '\t');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }).replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#') && e !== '#39') return String.fromCodePoint(Number(e.slice(1)));
    return entities[e] ?? m;
  });
  return text.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter(Boolean);
}

/** The sections a new brochure starts with (the school fills them in). */
export const defaultSections: BrochureSection[] = [
  { key: 'intro', title: '学校简介', html: '' },
  { key: 'admission', title: '招生对象与录取办法', html: '' },
  { key: 'contact', title: '咨询方式', html: '' },
];
