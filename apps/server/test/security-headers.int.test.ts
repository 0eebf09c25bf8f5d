/**
 * Security headers (issue 14 §8): every answer carries the strict policy, nosniff, no framing and
 * no Referer; a signed-in caller's answers and every download are never stored by a cache;
 * HSTS only over TLS (here: behind a trusted proxy that says https).
 */
import { expect, it } from 'vitest';
import { describeBackends, signIn } from './harness';

describeBackends('security headers (issue 14 §8)', (env) => {
  it('sets the policy on pages and API answers, no-store where personal or downloaded, HSTS only over TLS', async () => {
    const pub = await env().app.inject({ method: 'GET', url: '/api/public/brochures' });
    expect(pub.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(pub.headers['content-security-policy']).toContain("script-src 'self'");
    expect(pub.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
    expect(pub.headers['strict-transport-security']).toBeUndefined();
    expect(pub.headers['cache-control']).not.toBe('no-store');

    const cookie = await signIn(env().app, 'district.admin');
    const mine = await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(mine.headers['cache-control']).toBe('no-store');
    const xlsx = await env().app.inject({ method: 'GET', url: '/api/organizations/export.xlsx', headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['cache-control']).toBe('no-store');
    expect(xlsx.headers['x-content-type-options']).toBe('nosniff');

    const tls = await env().app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toContain('max-age=');
    const forged = await env().app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.6.6.6', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });
}, { config: { trustProxy: ['10.0.0.1'] } });

describeBackends('an HTTPS deployment: the session cookie is Secure and host-bound (issue 14 §8)', (env) => {
  it('sets __Host-zz_session, Secure, HttpOnly, path /, no domain, and reads it back', async () => {
    const res = await env().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'district.admin', password: 'zhizhao-demo' } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === '__Host-zz_session')!;
    expect(c).toMatchObject({ secure: true, httpOnly: true, path: '/' });
    expect(c.domain).toBeUndefined();
    expect(res.cookies.find((x) => x.name === 'zz_session')).toBeUndefined();
    const me = await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `__Host-zz_session=${c.value}` } });
    expect(me.statusCode).toBe(200);
    // The old name is nobody's session here.
    expect((await env().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `zz_session=${c.value}` } })).statusCode).toBe(401);
  });
}, { config: { cookieSecure: true, sessionCookie: '__Host-zz_session' } });
