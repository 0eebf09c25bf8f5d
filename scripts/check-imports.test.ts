import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { check } from './check-imports.mjs';

describe('import boundaries (docs/ARCHITECTURE.md)', () => {
  it('has no import that crosses a layer the wrong way', () => {
    expect(check()).toEqual([]);
  });
});
