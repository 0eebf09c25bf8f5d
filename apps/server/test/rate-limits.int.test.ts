/**
 * Rate limits on every anonymous route (issue 14 §4): per client address and bucket, 429 with
 * Retry-After, kept in PostgreSQL so that two server instances on one database share them;
 * another address, a signed-in caller and the health check are not limited; X-Forwarded-For is
 * believed only from the proxies TRUST_PROXY names.
 */
import { expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { makeDeps } from '../src/deps';
import { describeBackends, signIn } from './harness';
import { expectError } from './factories';

const from = (remoteAddress: string, headers: Record<string, string> = {}) => ({ remoteAddress, headers });

describeBackends('rate limits on anonymous routes, shared by every server (issue 14 §4)', (env) => {
  it('answers 429 with Retry-After past the limit, per address and bucket; signed-in callers and health go on', async () => {
    const get = (url: string, o = from('10.1.1.1')) => env().app.inject({ method: 'GET', url, ...o });
    for (let i = 0; i < 6; i++) expect((await get('/api/verify/not-a-code')).statusCode).toBe(200);
    const limited = await get('/api/verify/not-a-code');
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another bucket of the same address (the public list) and another address are not affected.
    expect((await get('/api/public/brochures')).statusCode).toBe(200);
    expect((await get('/api/verify/not-a-code', from('10.1.1.2'))).statusCode).toBe(200);
    // Health and a signed-in caller are never limited here.
    for (let i = 0; i < 8; i++) expect((await get('/api/health')).statusCode).toBe(200);
    const cookie = await signIn(env().app, 'district.admin');
    expect((await get('/api/verify/not-a-code', from('10.1.1.1', { cookie }))).statusCode).toBe(200);
    // A public form has a narrower bucket (a twelfth of the base: 1 a minute here).
    const post = () => env().app.inject({ method: 'POST', url: '/api/public/social-registrations', payload: {}, ...from('10.1.1.3') });
    expect((await post()).statusCode).toBe(400);
    expectError(await post(), 429, 'RATE_LIMITED');
  });

  it('shares the count between two server instances on one database', async () => {
    const second = await buildApp(makeDeps(env().database, env().deps.config, true), { logger: false, serveWeb: false });
    await second.ready();
    try {
      const hitOn = (app: typeof second) => app.inject({ method: 'GET', url: '/api/keys', remoteAddress: '10.2.2.2' });
      for (let i = 0; i < 3; i++) expect((await hitOn(env().app)).statusCode).toBe(200);
      for (let i = 0; i < 3; i++) expect((await hitOn(second)).statusCode).toBe(200);
      expectError(await hitOn(second), 429, 'RATE_LIMITED');
      expectError(await hitOn(env().app), 429, 'RATE_LIMITED');
    } finally {
      await second.close();
    }
  });

  it('does not believe X-Forwarded-For from an address that is not a configured proxy', async () => {
    // Without TRUST_PROXY, a client cannot escape its limit by claiming other addresses.
    const spoof = (i: number) => env().app.inject({ method: 'GET', url: '/api/public/open-days', remoteAddress: '10.3.3.3', headers: { 'x-forwarded-for': `192.0.2.${i}` } });
    for (let i = 0; i < 6; i++) expect((await spoof(i)).statusCode).toBe(200);
    expectError(await spoof(99), 429, 'RATE_LIMITED');
  });
}, { config: { rateLimitPerMinute: 6 } });

describeBackends('behind configured proxies, the client address is the forwarded one (TRUST_PROXY=10.0.0.1)', (env) => {
  it('limits each forwarded client on its own, and a forged hop from elsewhere is not believed', async () => {
    const via = (client: string, remoteAddress = '10.0.0.1') => env().app.inject({ method: 'GET', url: '/api/keys', remoteAddress, headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 3; i++) expect((await via('198.51.100.1')).statusCode).toBe(200);
    expectError(await via('198.51.100.1'), 429, 'RATE_LIMITED');
    expect((await via('198.51.100.2')).statusCode).toBe(200);
    // Not through the proxy: the header is ignored, the socket's address counts.
    for (let i = 0; i < 3; i++) expect((await via(`203.0.113.${i}`, '10.7.7.7')).statusCode).toBe(200);
    expectError(await via('203.0.113.200', '10.7.7.7'), 429, 'RATE_LIMITED');
  });
}, { config: { rateLimitPerMinute: 3, trustProxy: ['10.0.0.1'] } });
