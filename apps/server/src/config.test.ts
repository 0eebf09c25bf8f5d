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
    expect(() => loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/ZHIZHAO_PII_KEY[\s\S]*ZHIZHAO_KEY_SECRET[\s\S]*ZHIZHAO_PUBLIC_ORIGIN/);
    const prod = { NODE_ENV: 'production', ZHIZHAO_PII_KEY: 'k'.repeat(32), ZHIZHAO_KEY_SECRET: 's'.repeat(32), ZHIZHAO_PUBLIC_ORIGIN: 'https://zhizhao.example.cn' };
    expect(() => loadConfig({ ...prod, ZHIZHAO_KEY_SECRET: undefined } as NodeJS.ProcessEnv)).toThrow(/ZHIZHAO_KEY_SECRET/);
    expect(() => loadConfig({ ...prod, ZHIZHAO_PUBLIC_ORIGIN: undefined } as NodeJS.ProcessEnv)).toThrow(/ZHIZHAO_PUBLIC_ORIGIN/);
    // In production the session cookie is Secure and host-bound.
    expect(loadConfig(prod as NodeJS.ProcessEnv)).toMatchObject({ piiKey: 'k'.repeat(32), cookieSecure: true, sessionCookie: '__Host-zz_session' });
    expect(loadConfig({} as NodeJS.ProcessEnv).piiKey).toBeUndefined();
  });
  it('trusts only the proxies it is told, and reads the rate limit', () => {
    expect(loadConfig({} as NodeJS.ProcessEnv)).toMatchObject({ trustProxy: false, rateLimitPerMinute: 120 });
    expect(loadConfig({ TRUST_PROXY: 'true' } as NodeJS.ProcessEnv).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.1.0/24' } as NodeJS.ProcessEnv).trustProxy).toEqual(['10.0.0.1', '10.0.1.0/24']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' } as NodeJS.ProcessEnv)).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ ZHIZHAO_RATE_LIMIT: '0' } as NodeJS.ProcessEnv).rateLimitPerMinute).toBe(0);
  });
});
