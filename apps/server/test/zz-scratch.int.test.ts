import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../src/db/schema';
import { call, describeBackends, signIn } from './harness';
describeBackends('scratch', (env) => {
  it('probe', async () => {
    const cookie = await signIn(env().app, 'district.admin');
    const r = await call(env().app, cookie, { method: 'POST', url: '/api/auth/logout', headers: { origin: 'http://localhost:80' } });
    console.log('same-origin default host', r.statusCode, r.body);
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => env().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jh10.admin', password: 'bad' + i } })));
    console.log(env().kind, rs.map((x) => x.statusCode));
    const [u] = await env().database.db.select().from(users).where(eq(users.username, 'jh10.admin'));
    console.log(env().kind, u!.failedLogins, u!.lockedUntil);
  });
});
