import { describe, expect, it } from 'vitest';
import { SEAL_NOTE, sealSvg, starPoints } from './seal';
import { permitSerial } from './approve-visit';

describe('the generated seal mark (R19)', () => {
  it('draws the ring, every character of the name around it, the star and the note that it is generated', () => {
    const svg = sealSvg('示例区教育局', 'NotoSansSC');
    expect(svg.startsWith('<svg')).toBe(true);
    expect([...'示例区教育局'].every((c) => svg.includes(`>${c}</text>`))).toBe(true);
    expect(svg.match(/rotate\(/g)).toHaveLength(6);
    expect(svg).toContain(`>${SEAL_NOTE}</text>`);
    expect(svg).toContain('<polygon points=');
  });

  it('escapes the name and spreads a long one over a wider arc', () => {
    expect(sealSvg('<b>&', 'X')).toContain('&lt;');
    const angles = (svg: string) => [...svg.matchAll(/rotate\((-?[\d.]+)\)/g)].map((m) => Number(m[1]));
    expect(Math.max(...angles(sealSvg('示例市某某县教育局', 'X')))).toBeGreaterThan(Math.max(...angles(sealSvg('某区教育局', 'X'))));
  });

  it('has a star of ten points, the first straight up', () => {
    const pts = starPoints(100, 100, 30).split(' ');
    expect(pts).toHaveLength(10);
    expect(pts[0]).toBe('100.00,70.00');
  });
});

describe('permit serials', () => {
  it('use the district\'s short name, the year and a four-digit sequence', () => {
    expect(permitSerial('示例区教育局', 2027, 1)).toBe('示区教宣许〔2027〕0001号');
    expect(permitSerial('示例北区教育局', 2027, 12)).toBe('示北区教宣许〔2027〕0012号');
    expect(permitSerial('东区教育局', 2028, 12345)).toBe('东区教宣许〔2028〕12345号');
  });
});
