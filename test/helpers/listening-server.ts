// Boots the real server on a real port whose address is also the configured domain, so the URLs
// it prints (Link headers, urls.streaming_api, redirects) lead third-party clients back to it.
import { createTestServer, type TestServer, type TestServerOptions } from './server.ts';
import { freePort } from './net.ts';

export async function createListeningServer(opts: TestServerOptions = {}): Promise<{ s: TestServer; base: string }> {
  // Another process may grab the port between probing and listening; try a few times.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const s = await createTestServer({ ...opts, env: { ...opts.env, PARLEY_DOMAIN: `127.0.0.1:${port}`, PARLEY_HTTPS: 'false' } });
    try {
      await s.app.listen({ port, host: '127.0.0.1' });
      return { s, base: `http://127.0.0.1:${port}` };
    } catch (err) {
      await s.close();
      if (attempt >= 4) throw err;
    }
  }
}

/** Minimal cookie-carrying fetch for the server-rendered pages (sign-in, consent). */
export function cookieFetch(base: string) {
  const jar = new Map<string, string>();
  return async (path: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(new URL(path, base), {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      if (/Max-Age=0/i.test(c)) jar.delete(pair!.slice(0, i));
      else jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
}

/** The named hidden inputs of the form posting to `action`. */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const unescape = (v: string) => v.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = unescape(m[2]!);
  return fields;
}
