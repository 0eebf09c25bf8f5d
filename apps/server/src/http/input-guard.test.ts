import { describe, expect, it } from 'vitest';
import { badTextPath } from './input-guard';
import { loggable, pgCodeOf } from './errors';

describe('input that the database cannot store (issue 14 §9)', () => {
  it('finds a NUL byte or a lone surrogate anywhere in a JSON value, and passes good text', () => {
    expect(badTextPath({ a: '正常', b: ['ok', { c: 'x\u0000y' }] })).toBe('.b.1.c');
    expect(badTextPath({ name: 'bad \ud800 here' })).toBe('.name');
    expect(badTextPath({ name: 'bad \udc00' })).toBe('.name');
    expect(badTextPath({ name: '😀 emoji is a valid pair', n: 3, t: true, z: null })).toBeNull();
    expect(badTextPath('\u0000')).toBe('.');
    expect(badTextPath({ ['k\u0000']: 1 })).toBe('.k\u0000');
  });
  it('reads the SQLSTATE through wrappers and never logs query parameters', () => {
    const err = Object.assign(new Error('Failed query: update users set password_hash = $1\nparams: $argon2id$v=19$secret,13812345678'), { cause: Object.assign(new Error('duplicate key'), { code: '23505' }) });
    expect(pgCodeOf(err)).toBe('23505');
    expect(pgCodeOf(new Error('plain'))).toBeNull();
    const logged = JSON.stringify(loggable(err));
    expect(logged).not.toContain('argon2id');
    expect(logged).not.toContain('13812345678');
    expect(logged).toContain('params: [redacted]');
  });
});
