/**
 * Process configuration, read once from the environment and validated: a bad value stops
 * the start with a message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  ZHIZHAO_DATA_DIR: z.string().default('./data'),
  /** Fixes the business clock (ISO date or date-time); for tests and demos, never a production default. */
  ZHIZHAO_NOW: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
    .optional(),
  /** The campaign calendar's time zone: "today" for windows and deadlines. */
  ZHIZHAO_TIMEZONE: z.string().default('Asia/Shanghai'),
  NODE_ENV: z.string().default('development'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Behind a load balancer: whose X-Forwarded-For to believe for the client address (rate
   * limits, sign-in throttling, the audit log). A comma-separated list of the proxies' addresses
   * or CIDRs (recommended), `true` for every hop (only when the server is reachable through the
   * load balancer alone), `false` (default) for none. X-Forwarded-Host is never trusted: the
   * public address comes from ZHIZHAO_PUBLIC_ORIGIN.
   */
  TRUST_PROXY: z.string().trim().regex(/^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'true, false, or a comma-separated list of proxy addresses/CIDRs').default('false'),
  /** Requests a minute one client address may make to an anonymous route (sign-in, verify, public lists, PDFs, public forms); 0 turns the limits off. */
  ZHIZHAO_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** Set to true to mark the session cookie Secure (HTTPS deployments). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /** Encrypts the bureaus' private signing keys at rest (AES-256-GCM; ADR 0104). Unset: stored as plain PEM (demo). */
  ZHIZHAO_KEY_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  /** The public address the brochure PDFs' QR codes point to (e.g. https://zhizhao.example.cn); default: the request's origin. */
  ZHIZHAO_PUBLIC_ORIGIN: z.string().url().optional(),
  /** Encrypts students' ID numbers, phones and slips' secrets (AES-256-GCM) and keys their look-up hashes (ADR 0106). */
  ZHIZHAO_PII_KEY: z.string().min(16, 'use at least 16 characters').optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  fixedNow: string | undefined;
  timeZone: string;
  production: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  trustProxy: boolean | string[];
  /** Requests a minute per client address on anonymous routes (the default bucket; 0: off). */
  rateLimitPerMinute: number;
  cookieSecure: boolean;
  /** The session cookie's name: `__Host-zz_session` when Secure (the browser then refuses it over HTTP, from a subdomain or with another path). */
  sessionCookie: string;
  keySecret: string | undefined;
  publicOrigin: string | undefined;
  /** Unset outside production: the development key (pii/crypto.ts). */
  piiKey: string | undefined;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable is an unset one (`DATABASE_URL= npm start` means the embedded database).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.ZHIZHAO_NOW && e.NODE_ENV === 'production') {
    throw new Error('invalid environment:\n  ZHIZHAO_NOW: pins the date for tests and demos; it is refused with NODE_ENV=production');
  }
  if (e.NODE_ENV === 'production') {
    // A deployment on the internet (issue 14 §8): every secret and the public address, or no start.
    const missing = [
      !e.ZHIZHAO_PII_KEY && '  ZHIZHAO_PII_KEY: required with NODE_ENV=production (it encrypts students\' ID numbers and phones; keep it with the database backups)',
      !e.ZHIZHAO_KEY_SECRET && '  ZHIZHAO_KEY_SECRET: required with NODE_ENV=production (it seals the private signing keys at rest)',
      !e.ZHIZHAO_PUBLIC_ORIGIN && '  ZHIZHAO_PUBLIC_ORIGIN: required with NODE_ENV=production (the QR codes printed on documents link to it, never to a request\'s Host header)',
    ].filter(Boolean);
    if (missing.length) throw new Error(`invalid environment:\n${missing.join('\n')}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ZHIZHAO_DATA_DIR),
    fixedNow: e.ZHIZHAO_NOW,
    timeZone: e.ZHIZHAO_TIMEZONE,
    production: e.NODE_ENV === 'production',
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY.split(',').map((s) => s.trim()),
    rateLimitPerMinute: e.ZHIZHAO_RATE_LIMIT,
    cookieSecure: e.COOKIE_SECURE === 'true' || e.NODE_ENV === 'production',
    sessionCookie: e.COOKIE_SECURE === 'true' || e.NODE_ENV === 'production' ? '__Host-zz_session' : 'zz_session',
    keySecret: e.ZHIZHAO_KEY_SECRET,
    publicOrigin: e.ZHIZHAO_PUBLIC_ORIGIN?.replace(/\/+$/, ''),
    piiKey: e.ZHIZHAO_PII_KEY,
  };
}
