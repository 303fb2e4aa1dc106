import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, createHttp, type ConnectionState } from './http.ts';
import { parseLinkHeader } from './link.ts';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('parseLinkHeader', () => {
  it('reads next and prev', () => {
    const links = parseLinkHeader('<https://x.example/api/v1/timelines/home?max_id=01B>; rel="next", <https://x.example/api/v1/timelines/home?min_id=01Z>; rel="prev"');
    expect(links).toEqual({ next: 'https://x.example/api/v1/timelines/home?max_id=01B', prev: 'https://x.example/api/v1/timelines/home?min_id=01Z' });
  });
  it('copes with no header and with only one link', () => {
    expect(parseLinkHeader(null)).toEqual({ next: null, prev: null });
    expect(parseLinkHeader('<https://x/a?max_id=1>; rel="next"')).toEqual({ next: 'https://x/a?max_id=1', prev: null });
  });
});

describe('createHttp', () => {
  it('sends the token and JSON, and returns the parsed body', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { id: '01A' }));
    const http = createHttp({ baseUrl: 'https://p.example', getToken: () => 'tok', fetch });
    expect(await http.post<{ id: string }>('/api/v1/statuses', { status: 'hi' })).toEqual({ id: '01A' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://p.example/api/v1/statuses');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init.body).toBe('{"status":"hi"}');
  });

  it('turns a Mastodon error body into an ApiError with the server words', async () => {
    const fetch = vi.fn(async () => jsonResponse(422, { error: 'Validation failed: Text can\'t be blank' }));
    const http = createHttp({ baseUrl: 'https://p.example', fetch });
    const err = await http.post('/api/v1/statuses', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
    expect((err as ApiError).message).toBe("Validation failed: Text can't be blank");
  });

  it('prefers an OAuth error_description and falls back to the status text', async () => {
    const oauth = createHttp({ baseUrl: 'https://p.example', fetch: async () => jsonResponse(400, { error: 'invalid_grant', error_description: 'The code has expired' }) });
    await expect(oauth.post('/oauth/token', {})).rejects.toThrow('The code has expired');
    const html = createHttp({ baseUrl: 'https://p.example', fetch: async () => new Response('<h1>oops</h1>', { status: 502, statusText: 'Bad Gateway' }) });
    await expect(html.get('/x')).rejects.toMatchObject({ status: 502, message: 'Bad Gateway' });
  });

  it('retries a GET while the network is down and reports reconnecting, then online', async () => {
    const states: ConnectionState[] = [];
    let calls = 0;
    const fetch = vi.fn(async () => {
      calls++;
      if (calls < 3) throw new TypeError('Failed to fetch');
      return jsonResponse(200, []);
    });
    const http = createHttp({ baseUrl: 'https://p.example', fetch, retryDelayMs: 1, onConnection: (s) => states.push(s) });
    await expect(http.get('/api/v1/timelines/home')).resolves.toEqual([]);
    expect(calls).toBe(3);
    expect(states).toEqual(['reconnecting', 'online']);
  });

  it('gives up after its retries with a NetworkError and the offline state', async () => {
    const states: ConnectionState[] = [];
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const http = createHttp({ baseUrl: 'https://p.example', fetch, retries: 2, retryDelayMs: 1, onConnection: (s) => states.push(s) });
    await expect(http.get('/x')).rejects.toBeInstanceOf(NetworkError);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(states.at(-1)).toBe('offline');
  });

  it('does not retry a write that could happen twice, but does with an Idempotency-Key', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const http = createHttp({ baseUrl: 'https://p.example', fetch: failing, retries: 2, retryDelayMs: 1 });
    await expect(http.post('/api/v1/statuses', { status: 'x' })).rejects.toBeInstanceOf(NetworkError);
    expect(failing).toHaveBeenCalledTimes(1);

    let calls = 0;
    const flaky = vi.fn(async (_url: string, init?: RequestInit) => {
      if (++calls === 1) throw new TypeError('Failed to fetch');
      return jsonResponse(200, { key: (init?.headers as Record<string, string>)['Idempotency-Key'] });
    });
    const retrying = createHttp({ baseUrl: 'https://p.example', fetch: flaky as unknown as typeof globalThis.fetch, retryDelayMs: 1 });
    await expect(retrying.post('/api/v1/statuses', { status: 'x' }, { idempotencyKey: 'k1' })).resolves.toEqual({ key: 'k1' });
  });

  it('pages with the Link header and keeps requests on its own origin', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.includes('max_id')
        ? jsonResponse(200, [{ id: '1' }])
        : jsonResponse(200, [{ id: '3' }, { id: '2' }], { Link: '<http://internal:3000/api/v1/timelines/home?max_id=2>; rel="next", <http://internal:3000/api/v1/timelines/home?min_id=3>; rel="prev"' }),
    );
    const http = createHttp({ baseUrl: 'https://p.example', fetch: fetch as unknown as typeof globalThis.fetch });
    const first = await http.page<{ id: string }>('/api/v1/timelines/home');
    expect(first.items.map((s) => s.id)).toEqual(['3', '2']);
    expect(first.next).toContain('max_id=2');
    const second = await http.page<{ id: string }>(first.next!);
    expect(second.items).toEqual([{ id: '1' }]);
    expect(second.next).toBeNull();
    expect(fetch.mock.calls[1]![0]).toBe('https://p.example/api/v1/timelines/home?max_id=2');
  });

  it('encodes array query parameters the Mastodon way', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, []));
    const http = createHttp({ baseUrl: 'https://p.example', fetch });
    await http.get('/api/v1/accounts/relationships', { query: { id: ['a', 'b'], skip: undefined } });
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('https://p.example/api/v1/accounts/relationships?id%5B%5D=a&id%5B%5D=b');
  });

  it('tells the app when the signed-in token is no longer accepted', async () => {
    const onUnauthorized = vi.fn();
    const http = createHttp({ baseUrl: 'https://p.example', getToken: () => 'old', fetch: async () => jsonResponse(401, { error: 'The access token is invalid' }), onUnauthorized });
    await expect(http.get('/api/v1/accounts/verify_credentials')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});
