// The HTTP layer of the API client: JSON in and out, Mastodon errors as ApiError, Link-header
// paging, retries with back-off when the connection is lost (reported to the UI), and multipart
// uploads with progress.
import { parseLinkHeader } from './link.ts';
import { xhrSend } from './upload.ts';

export type ConnectionState = 'online' | 'reconnecting' | 'offline';

/** An error the server answered with; message is the server's own words ({"error": "..."}). */
export class ApiError extends Error {
  readonly status: number;
  readonly details: Record<string, unknown> | null;
  constructor(status: number, message: string, details: Record<string, unknown> | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
  }
}

/** The server could not be reached, even after retrying. */
export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

export interface Page<T> {
  items: T[];
  next: string | null;
  prev: string | null;
}

type Query = Record<string, string | number | boolean | string[] | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Overrides the signed-in token (e.g. an app token for sign-up); null sends none. */
  token?: string | null;
  /** Makes a write safe to retry (Mastodon honours Idempotency-Key on posting). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface UploadOptions {
  /** Called with the fraction of the file sent so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface HttpOptions {
  baseUrl?: string;
  getToken?: () => string | null;
  fetch?: typeof fetch;
  /** Creates the XMLHttpRequest of an upload (tests pass a fake). */
  xhr?: () => XMLHttpRequest;
  retries?: number;
  retryDelayMs?: number;
  onConnection?: (state: ConnectionState) => void;
  onUnauthorized?: () => void;
}

export function buildUrl(base: string, path: string, query?: Query): string {
  const url = new URL(path, base || globalThis.location?.origin || 'http://localhost');
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(`${k}[]`, item);
    else url.searchParams.set(k, String(v));
  }
  return base ? url.toString() : url.pathname + url.search;
}

function errorFromBody(status: number, statusText: string, text: string): ApiError {
  let message = '';
  let details: Record<string, unknown> | null = null;
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown; details?: unknown };
    if (typeof body.error_description === 'string' && body.error_description) message = body.error_description;
    else if (typeof body.error === 'string') message = body.error;
    if (body.details && typeof body.details === 'object') details = body.details as Record<string, unknown>;
  } catch {
    // Not JSON: fall back to the status text.
  }
  return new ApiError(status, message || statusText || `HTTP ${status}`, details);
}

async function errorOf(res: Response): Promise<ApiError> {
  return errorFromBody(res.status, res.statusText, await res.text().catch(() => ''));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createHttp(opts: HttpOptions = {}) {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const makeXhr = opts.xhr ?? (() => new XMLHttpRequest());
  const retries = opts.retries ?? 4;
  const delay = opts.retryDelayMs ?? 1000;
  let state: ConnectionState = 'online';
  const report = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    opts.onConnection?.(next);
  };

  function authorized(o: { token?: string | null }): { headers: Record<string, string>; token: string | null } {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = o.token === undefined ? (opts.getToken?.() ?? null) : o.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    return { headers, token };
  }

  async function send(method: string, pathOrUrl: string, o: RequestOptions = {}): Promise<Response> {
    const { headers, token } = authorized(o);
    if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    if (o.idempotencyKey) headers['Idempotency-Key'] = o.idempotencyKey;
    // Paging links are absolute in the server's own origin; keep requests on ours.
    const url = /^https?:/.test(pathOrUrl) ? buildUrl(base, new URL(pathOrUrl).pathname + new URL(pathOrUrl).search) : buildUrl(base, pathOrUrl, o.query);
    const retriable = method === 'GET' || Boolean(o.idempotencyKey);
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await doFetch(url, {
          method,
          headers,
          body: o.body === undefined ? undefined : JSON.stringify(o.body),
          signal: o.signal,
        });
        report('online');
        if (res.status === 401 && token && o.token === undefined) opts.onUnauthorized?.();
        if (!res.ok) throw await errorOf(res);
        return res;
      } catch (err) {
        if (err instanceof ApiError || (err instanceof Error && err.name === 'AbortError')) throw err;
        // fetch rejects only when the network failed.
        if (!retriable || attempt >= retries) {
          report('offline');
          throw new NetworkError();
        }
        report('reconnecting');
        await sleep(delay * 2 ** attempt);
      }
    }
  }

  async function json<T>(method: string, path: string, o?: RequestOptions): Promise<T> {
    const res = await send(method, path, o);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A multipart write; never retried, since the server may already have stored the file. */
  async function upload<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: FormData, o: UploadOptions = {}): Promise<T> {
    const { headers, token } = authorized({});
    let answer;
    try {
      answer = await xhrSend(makeXhr, { method, url: buildUrl(base, path), headers, body, onProgress: o.onProgress, signal: o.signal });
    } catch (err) {
      if (err instanceof Error && err.name === 'AbortError') throw err;
      report('offline');
      throw new NetworkError();
    }
    report('online');
    if (answer.status === 401 && token) opts.onUnauthorized?.();
    if (answer.status < 200 || answer.status >= 300) throw errorFromBody(answer.status, answer.statusText, answer.text);
    return (answer.text ? JSON.parse(answer.text) : undefined) as T;
  }

  return {
    get: <T>(path: string, o?: RequestOptions) => json<T>('GET', path, o),
    post: <T>(path: string, body?: unknown, o?: RequestOptions) => json<T>('POST', path, { ...o, body: body ?? {} }),
    put: <T>(path: string, body?: unknown, o?: RequestOptions) => json<T>('PUT', path, { ...o, body: body ?? {} }),
    patch: <T>(path: string, body?: unknown, o?: RequestOptions) => json<T>('PATCH', path, { ...o, body: body ?? {} }),
    del: <T>(path: string, o?: RequestOptions) => json<T>('DELETE', path, o),
    upload,
    /** One page of a list; pass the next/prev URL of an earlier page to continue. */
    async page<T>(pathOrUrl: string, o?: RequestOptions): Promise<Page<T>> {
      const res = await send('GET', pathOrUrl, o);
      const items = (await res.json()) as T[];
      return { items, ...parseLinkHeader(res.headers.get('Link')) };
    },
    get connection(): ConnectionState {
      return state;
    },
  };
}

export type Http = ReturnType<typeof createHttp>;
