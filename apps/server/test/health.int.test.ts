import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';

describeBackends('health and conventions', (env) => {
  it('answers health with the backend in use', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: env().kind });
  });

  it('gives JSON 404s with a request id and no internals', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Not found', requestId: res.headers['x-request-id'] } });
  });

  it('reports every invalid field of a body in the error envelope', async () => {
    const cookie = await signIn(env().app, 'city.admin');
    const res = await call(env().app, cookie, { method: 'POST', url: '/api/organizations', payload: { code: '!', kind: 'school' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe('提交的数据有误，请检查标出的字段');
    expect(body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.code', 'body.kind', 'body.name']);
  });

  it('refuses malformed JSON clearly', async () => {
    const res = await env().app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('publishes the OpenAPI document', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/organizations/{id}');
  });
});
