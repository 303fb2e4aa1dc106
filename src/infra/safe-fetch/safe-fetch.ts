// The one way the server fetches a URL that someone else chose (push endpoints now; link previews
// and federation later). A URL is a request to make the server open a connection, so: http(s)
// only, no credentials, every address the host resolves to must be public (or allowed by the
// admin), the connection goes to the address that was checked, every redirect is checked again,
// and time, answer size and header size are capped. See docs/abuse-resistance.md.
import { lookup } from 'node:dns/promises';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { isPublicAddress, literalAddress } from './address-rules.ts';
import { NOTHING_PRIVATE, privateAllowance, type PrivateAllowList } from './allow-list.ts';
import { SafeFetchError } from './errors.ts';
import { pinnedRequest, type HopRequest } from './pinned-request.ts';

/** All addresses of a host name. Injectable so tests can play a lying DNS server. */
export type Resolver = (hostname: string) => Promise<readonly string[]>;

export interface SafeFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Non-public addresses that may be fetched anyway (config.fetchAllowPrivate). */
  allowPrivate?: PrivateAllowList;
  /** Plain http as well as https. */
  allowHttp?: boolean;
  /** 'manual' returns a redirect answer as it is instead of following it. */
  redirect?: 'follow' | 'manual';
  maxRedirects?: number;
  /** For everything: DNS, connecting, every redirect, reading the body. */
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxHeaderBytes?: number;
  resolve?: Resolver;
}

export interface SafeFetchResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

export const SAFE_FETCH_DEFAULTS = Object.freeze({
  maxRedirects: 3,
  timeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
});

export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, order: 'verbatim' })).map((a) => a.address);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Dropped when a redirect turns a request into a GET (as the Fetch standard does).
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];
// Dropped when a redirect leaves the origin: they were meant for the first server only.
const ORIGIN_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

export async function safeFetch(input: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const d = SAFE_FETCH_DEFAULTS;
  const limits = {
    maxRedirects: opts.maxRedirects ?? d.maxRedirects,
    timeoutMs: opts.timeoutMs ?? d.timeoutMs,
    maxBodyBytes: opts.maxBodyBytes ?? d.maxBodyBytes,
    maxHeaderBytes: opts.maxHeaderBytes ?? d.maxHeaderBytes,
  };
  const allowHttp = opts.allowHttp ?? false;
  const allowed = privateAllowance(opts.allowPrivate ?? NOTHING_PRIVATE);
  const resolve = opts.resolve ?? systemResolver;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  const signal = deadline.signal;
  try {
    let url = checkedUrl(input, allowHttp);
    let request = initialRequest(opts);
    for (let redirects = 0; ; redirects++) {
      const address = await checkedAddress(url, resolve, allowed, signal);
      const res = await pinnedRequest(url, address, request, { maxHeaderBytes: limits.maxHeaderBytes, signal });
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode ?? 0) || !location || opts.redirect === 'manual') {
        return { status: res.statusCode ?? 0, headers: res.headers, body: await readCapped(res, limits.maxBodyBytes), url: url.href };
      }
      res.destroy();
      if (redirects >= limits.maxRedirects) throw new SafeFetchError('too-many-redirects');
      const next = checkedUrl(location, allowHttp, url);
      request = redirectedRequest(request, res.statusCode ?? 0, url, next);
      url = next;
    }
  } catch (err) {
    throw asSafeFetchError(err, signal);
  } finally {
    clearTimeout(timer);
  }
}

function checkedUrl(text: string, allowHttp: boolean, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new SafeFetchError('invalid-url');
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) throw new SafeFetchError('scheme');
  if (url.username || url.password) throw new SafeFetchError('credentials');
  return url;
}

function initialRequest(opts: SafeFetchOptions): HopRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers[name.toLowerCase()] = value;
  // node:http writes the Host header from the URL: a caller's own could name another virtual host.
  delete headers.host;
  const body = typeof opts.body === 'string' ? Buffer.from(opts.body) : opts.body;
  return { method: (opts.method ?? 'GET').toUpperCase(), headers, body };
}

/**
 * The address to connect to. Every address the name resolves to must pass, not just the one used:
 * which one a client picks is not ours to predict, and a mixed answer is a sign of mischief.
 */
async function checkedAddress(url: URL, resolve: Resolver, allowed: (hostname: string, address: string) => boolean, signal: AbortSignal): Promise<string> {
  const literal = literalAddress(url.hostname);
  const addresses = literal ? [literal] : await resolveAll(url.hostname, resolve, signal);
  for (const address of addresses) {
    if (!isPublicAddress(address) && !allowed(url.hostname, address)) throw new SafeFetchError('private-address');
  }
  return addresses[0]!;
}

async function resolveAll(hostname: string, resolve: Resolver, signal: AbortSignal): Promise<readonly string[]> {
  let addresses: readonly string[];
  try {
    addresses = await untilAborted(resolve(hostname), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new SafeFetchError('dns', { cause: err });
  }
  if (addresses.length === 0) throw new SafeFetchError('dns');
  return addresses;
}

/** The resolver cannot be cancelled, but the deadline must not wait for it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function redirectedRequest(previous: HopRequest, status: number, from: URL, to: URL): HopRequest {
  const headers = { ...previous.headers };
  let { method, body } = previous;
  if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    method = 'GET';
    body = undefined;
    for (const name of BODY_HEADERS) delete headers[name];
  }
  if (from.origin !== to.origin) for (const name of ORIGIN_HEADERS) delete headers[name];
  return { method, headers, body };
}

/** Reads the answer, stopping (and closing the connection) as soon as it passes the cap. */
async function readCapped(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(res.headers['content-length'] ?? 0) > maxBytes) {
    res.destroy();
    throw new SafeFetchError('too-large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new SafeFetchError('too-large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function asSafeFetchError(err: unknown, signal: AbortSignal): SafeFetchError {
  if (err instanceof SafeFetchError) return err;
  if (signal.aborted) return new SafeFetchError('timeout', { cause: err });
  if ((err as { code?: unknown } | null)?.code === 'HPE_HEADER_OVERFLOW') return new SafeFetchError('too-large', { cause: err });
  return new SafeFetchError('network', { cause: err });
}
