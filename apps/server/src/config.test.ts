import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('takes the defaults, and treats an empty variable as unset', () => {
    const c = loadConfig({ DATABASE_URL: '' } as NodeJS.ProcessEnv);
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, production: false, sessionIdleMinutes: 30, sessionAbsoluteHours: 12 });
  });
  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'not a url' } as NodeJS.ProcessEnv)).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });
  it('never pins the date in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ZHIZHAO_NOW: '2027-04-21', ZHIZHAO_PII_KEY: 'k'.repeat(32) } as NodeJS.ProcessEnv)).toThrow(/ZHIZHAO_NOW/);
    expect(loadConfig({ ZHIZHAO_NOW: '2027-04-21' } as NodeJS.ProcessEnv).fixedNow).toBe('2027-04-21');
  });
  it('needs a key for personal data in production, and only there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/ZHIZHAO_PII_KEY/);
    expect(loadConfig({ NODE_ENV: 'production', ZHIZHAO_PII_KEY: 'k'.repeat(32) } as NodeJS.ProcessEnv).piiKey).toBe('k'.repeat(32));
    expect(loadConfig({} as NodeJS.ProcessEnv).piiKey).toBeUndefined();
  });
});
