/**
 * A cookie session through the API, for what a journey needs to set up or find (never for the
 * steps the journey is about): sign in with `url` and `body`, then `call` JSON routes or fetch
 * `raw` responses (PDFs) with the same cookie and the origin the CSRF check expects.
 */
export type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export async function apiSession(baseUrl: string, url: string, body: unknown): Promise<{ call: Call; raw: (path: string) => Promise<Response> }> {
  const res = await fetch(`${baseUrl}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const raw = (p: string) => fetch(`${baseUrl}${p}`, { headers: { cookie, origin: baseUrl } });
  const call: Call = async <T>(method: string, p: string, b?: unknown) => {
    const r = await fetch(`${baseUrl}${p}`, { method, headers: { cookie, origin: baseUrl, ...(b !== undefined ? { 'content-type': 'application/json' } : {}) }, body: b !== undefined ? JSON.stringify(b) : undefined });
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { call, raw };
}
