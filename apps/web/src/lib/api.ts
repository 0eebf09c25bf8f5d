/**
 * The one way the web app talks to the server: same-origin fetch with the session
 * cookie, `Accept-Language` following the UI, and every failure turned into an
 * `ApiError` carrying the server's `{ code, message, details }` envelope.
 */
import type { ErrorCode } from '@zhizhao/contracts/errors';

type Locale = 'zh-CN' | 'en-US';
let locale: Locale = 'zh-CN';
export function setApiLocale(l: Locale) {
  locale = l;
}

/** Codes the client makes up when no envelope came back. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** Session problems any request can meet; the app listens and routes to login or change-password. */
export type AuthProblem = 'unauthenticated' | 'password_change_required';
const authListeners = new Set<(p: AuthProblem) => void>();
export function onAuthProblem(fn: (p: AuthProblem) => void): () => void {
  authListeners.add(fn);
  return () => authListeners.delete(fn);
}

const clientMessages: Record<ClientErrorCode, [string, string]> = {
  NETWORK_ERROR: ['无法连接服务器，请检查网络或稍后再试', 'Cannot reach the server; check the network or try again later'],
  BAD_RESPONSE: ['服务器返回了无法识别的响应（HTTP {status}）', 'The server sent an unexpected response (HTTP {status})'],
};
function clientMessage(code: ClientErrorCode, status = 0) {
  return clientMessages[code][locale === 'zh-CN' ? 0 : 1].replace('{status}', String(status));
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const env = (body as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | undefined)?.error;
  if (!env?.code) return new ApiError(res.status, 'BAD_RESPONSE', clientMessage('BAD_RESPONSE', res.status), undefined, requestId);
  const err = new ApiError(res.status, env.code, env.message ?? env.code, env.details, env.requestId ?? requestId);
  if (res.status === 401 && (err.code === 'AUTH_REQUIRED' || err.code === 'AUTH_SESSION_EXPIRED')) {
    authListeners.forEach((fn) => fn('unauthenticated'));
  } else if (err.code === 'AUTH_PASSWORD_CHANGE_REQUIRED') {
    authListeners.forEach((fn) => fn('password_change_required'));
  }
  return err;
}

type Options = { query?: QueryParams; body?: unknown; form?: FormData; signal?: AbortSignal };

async function send(method: string, path: string, opts: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', clientMessage('NETWORK_ERROR'));
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function json<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', clientMessage('BAD_RESPONSE', res.status));
  }
}

/** Saves a file the server sends (Excel template/export), using its Content-Disposition name. */
async function download(path: string, fallbackName: string, query?: QueryParams): Promise<void> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  const name = star ? decodeURIComponent(star[1]!) : plain ? plain[1]! : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const api = {
  get: async <T>(path: string, query?: QueryParams, signal?: AbortSignal) => json<T>(await send('GET', path, { query, signal })),
  post: async <T>(path: string, body?: unknown, query?: QueryParams) => json<T>(await send('POST', path, { body, query })),
  put: async <T>(path: string, body?: unknown) => json<T>(await send('PUT', path, { body })),
  patch: async <T>(path: string, body?: unknown) => json<T>(await send('PATCH', path, { body })),
  delete: async <T>(path: string) => json<T>(await send('DELETE', path)),
  upload: async <T>(path: string, form: FormData, query?: QueryParams) => json<T>(await send('POST', path, { form, query })),
  download,
};
