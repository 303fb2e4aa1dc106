// A browser for the server-rendered pages in tests: keeps cookies, posts forms, reads CSRF tokens.
import type { LightMyRequestResponse } from 'fastify';
import type { TestServer } from '../helpers/server.ts';

export type Browser = ReturnType<typeof browser>;

export function browser(s: TestServer) {
  const jar = new Map<string, string>();
  const remember = (res: LightMyRequestResponse) => {
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      if (/Max-Age=0/.test(c)) jar.delete(pair!.slice(0, i));
      else jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    jar,
    get: async (url: string) => remember(await s.inject({ method: 'GET', url, headers: { cookie: cookie() } })),
    post: async (url: string, form: Record<string, string> | string) =>
      remember(
        await s.inject({
          method: 'POST',
          url,
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
        }),
      ),
  };
}

export const csrfOf = (html: string) => /name="csrf_token" value="([^"]+)"/.exec(html)![1]!;

export async function signedIn(s: TestServer, login: string, password: string): Promise<Browser> {
  const b = browser(s);
  const page = await b.get('/auth/sign_in');
  const res = await b.post('/auth/sign_in', { csrf_token: csrfOf(page.body), login, password, return_to: '/settings/applications' });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  return b;
}
