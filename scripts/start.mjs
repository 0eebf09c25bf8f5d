// `npm start` (after the web build): runs the server's TypeScript through tsx, in UTC.
process.env.TZ = 'UTC';
const { register } = await import('tsx/esm/api');
register();
await import('../apps/server/src/main.ts');
