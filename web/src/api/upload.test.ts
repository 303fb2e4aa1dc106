import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, createHttp, type ConnectionState } from './http.ts';
import { fakeXhrs } from '../test/fake-xhr.ts';

function uploader(over: Parameters<typeof createHttp>[0] = {}) {
  const xhrs = fakeXhrs();
  const http = createHttp({ baseUrl: 'https://p.example', getToken: () => 'tok', xhr: xhrs.create, ...over });
  return { http, requests: xhrs.requests };
}

const form = () => {
  const f = new FormData();
  f.append('file', new File(['abc'], 'a.png', { type: 'image/png' }));
  return f;
};

describe('http.upload', () => {
  it('sends the form with the token, reports progress and returns the parsed answer', async () => {
    const { http, requests } = uploader();
    const progress: number[] = [];
    const done = http.upload<{ id: string }>('POST', '/api/v2/media', form(), { onProgress: (p) => progress.push(p) });
    const xhr = requests[0]!;
    expect([xhr.method, xhr.url]).toEqual(['POST', 'https://p.example/api/v2/media']);
    expect(xhr.headers.Authorization).toBe('Bearer tok');
    expect(xhr.file()?.name).toBe('a.png');
    xhr.progress(1, 4);
    xhr.progress(4, 4);
    xhr.respond(200, { id: '01M' });
    await expect(done).resolves.toEqual({ id: '01M' });
    expect(progress).toEqual([0.25, 1]);
  });

  it("turns a refusal into an ApiError with the server's words", async () => {
    const { http, requests } = uploader();
    const done = http.upload('POST', '/api/v2/media', form());
    requests[0]!.respond(422, { error: 'Validation failed: File content type is invalid' });
    const err = await done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, message: 'Validation failed: File content type is invalid' });
  });

  it('tells the app when the token is refused', async () => {
    const onUnauthorized = vi.fn();
    const { http, requests } = uploader({ onUnauthorized });
    const done = http.upload('PATCH', '/api/v1/accounts/update_credentials', form());
    requests[0]!.respond(401, { error: 'The access token is invalid' });
    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('reports a lost connection as a NetworkError and does not retry', async () => {
    const states: ConnectionState[] = [];
    const { http, requests } = uploader({ onConnection: (s) => states.push(s) });
    const done = http.upload('POST', '/api/v2/media', form());
    requests[0]!.failNetwork();
    await expect(done).rejects.toBeInstanceOf(NetworkError);
    expect(requests).toHaveLength(1);
    expect(states).toEqual(['offline']);
  });

  it('cancels the request when its signal aborts', async () => {
    const { http, requests } = uploader();
    const abort = new AbortController();
    const done = http.upload('POST', '/api/v2/media', form(), { signal: abort.signal });
    abort.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests[0]!.aborted).toBe(true);
  });
});
