/**
 * The seal image on a printed permit (R19: the bureau's approval "with its official seal"),
 * drawn by code as SVG: a red ring, the bureau's name along the upper arc, a five-pointed star,
 * and the words “电子签章示意” (an illustration of an electronic seal) across the bottom — so
 * nobody can take it for a scan of the real seal. What proves the permit is the signed code
 * in its QR, not this picture.
 */
export const SEAL_NOTE = '电子签章示意';
const RED = '#d0021b';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The points of a five-pointed star centred at (cx, cy), pointing up. */
export function starPoints(cx: number, cy: number, outer: number, inner = outer * 0.382): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    pts.push(`${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`);
  }
  return pts.join(' ');
}

/** A 200 × 200 seal; `fontFamily` must be a font the renderer knows (the PDF's Noto Sans SC). */
export function sealSvg(name: string, fontFamily: string): string {
  const chars = [...name];
  // The name runs clockwise over the top, at most 250° of arc, spaced like a real seal's.
  const span = Math.min(250, Math.max(120, chars.length * 26));
  const step = chars.length > 1 ? span / (chars.length - 1) : 0;
  const size = chars.length > 10 ? 17 : 20;
  const letters = chars
    .map((c, i) => {
      const angle = -span / 2 + i * step;
      return `<text transform="translate(100 100) rotate(${angle.toFixed(2)}) translate(0 -64)" x="0" y="0" text-anchor="middle" font-size="${size}" font-weight="bold" font-family="${fontFamily}" fill="${RED}">${esc(c)}</text>`;
    })
    .join('');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">',
    `<g opacity="0.85">`,
    `<circle cx="100" cy="100" r="92" fill="none" stroke="${RED}" stroke-width="6"/>`,
    `<circle cx="100" cy="100" r="85" fill="none" stroke="${RED}" stroke-width="1"/>`,
    letters,
    `<polygon points="${starPoints(100, 100, 30)}" fill="${RED}"/>`,
    `<text x="100" y="171" text-anchor="middle" font-size="12" font-family="${fontFamily}" fill="${RED}">${SEAL_NOTE}</text>`,
    '</g>',
    '</svg>',
  ].join('');
}
