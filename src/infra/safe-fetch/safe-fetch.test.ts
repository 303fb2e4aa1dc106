// safeFetch against real HTTP servers on loopback. Loopback is private, so most tests allow it
// through the same allow-list an admin would use; the ones about refusals leave it out, or allow
// only 127.0.0.1 and put the "internal" server on 127.0.0.2.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parsePrivateAllowList, type PrivateAllowList } from './allow-list.ts';
import { SafeFetchError, type SafeFetchErrorCode } from './errors.ts';
import { safeFetch, type Resolver, type SafeFetchOptions } from './safe-fetch.ts';

interface Hit {
  server: string;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let hits: Hit[] = [];
const servers: Server[] = [];
let handler: Handler;

function start(name: string, host: string, port = 0): Promise<number> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ server: name, method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (name === 'internal') res.end('internal secrets');
      else handler(req, res);
    });
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as AddressInfo).port)));
}

// "outside" plays a public host; "internal" is what an attacker wants to reach. Both listen on
// the same port so that only the address decides which one answers.
let port: number;
let outside: string;
beforeAll(async () => {
  port = await start('outside', '127.0.0.1');
  await start('internal', '127.0.0.2', port);
  outside = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});
beforeEach(() => {
  hits = [];
  handler = (_req, res) => res.end('hello');
});

const allow = (text: string): PrivateAllowList => parsePrivateAllowList(text).allow;
/** Only the "outside" server's address counts as fetchable. */
const OUTSIDE_ONLY = allow('127.0.0.1/32');
const dns = (table: Record<string, string[]>): Resolver => async (host) => {
  const found = table[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};
const local = (opts: SafeFetchOptions = {}): SafeFetchOptions => ({ allowHttp: true, allowPrivate: OUTSIDE_ONLY, ...opts });

async function refusal(promise: Promise<unknown>): Promise<SafeFetchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SafeFetchError);
  return err as SafeFetchError;
}
const expectCode = async (promise: Promise<unknown>, code: SafeFetchErrorCode) => expect((await refusal(promise)).code).toBe(code);

describe('safeFetch', () => {
  it('fetches an allowed server, with the right Host header, method, headers and body', async () => {
    handler = (_req, res) => {
      res.setHeader('x-answer', '42');
      res.statusCode = 201;
      res.end('created');
    };
    const res = await safeFetch(`http://push.test:${port}/in?x=1`, local({
      method: 'post',
      headers: { 'Content-Type': 'text/plain', Host: 'evil.test', TTL: '60' },
      body: 'payload',
      resolve: dns({ 'push.test': ['127.0.0.1'] }),
    }));
    expect(res).toMatchObject({ status: 201, url: `http://push.test:${port}/in?x=1` });
    expect(res.headers['x-answer']).toBe('42');
    expect(res.body.toString()).toBe('created');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ server: 'outside', method: 'POST', path: '/in?x=1', body: 'payload' });
    expect(hits[0]!.headers).toMatchObject({ host: `push.test:${port}`, 'content-type': 'text/plain', ttl: '60', 'content-length': '7' });
  });

  it('refuses loopback unless the allow-list says otherwise, without connecting', async () => {
    await expectCode(safeFetch(`${outside}/`, { allowHttp: true }), 'private-address');
    await expectCode(safeFetch(`http://push.test:${port}/`, { allowHttp: true, resolve: dns({ 'push.test': ['127.0.0.1'] }) }), 'private-address');
    expect(hits).toHaveLength(0);
    // An allowed host name makes its addresses fetchable, whatever they are.
    const byName = await safeFetch(`http://push.test:${port}/`, { allowHttp: true, allowPrivate: allow('push.test'), resolve: dns({ 'push.test': ['127.0.0.1'] }) });
    expect(byName.body.toString()).toBe('hello');
  });

  it('refuses a host name when any of its addresses is private', async () => {
    const resolve = dns({ 'mixed.test': ['93.184.216.34', '10.0.0.1'], 'meta.test': ['169.254.169.254'], 'six.test': ['fd00::1'], 'mapped.test': ['::ffff:127.0.0.2'] });
    for (const host of ['mixed.test', 'meta.test', 'six.test', 'mapped.test']) {
      const err = await refusal(safeFetch(`https://${host}/`, { resolve }));
      expect(err.code, host).toBe('private-address');
      // The message names the rule, not the address: a client must not learn the network.
      expect(err.message).toBe('The URL points to a private or reserved address');
    }
  });

  it('sees through IP address spellings without asking DNS', async () => {
    let asked = 0;
    const resolve: Resolver = async () => {
      asked++;
      return ['93.184.216.34'];
    };
    for (const url of [`http://2130706433:${port}/`, `http://0177.0.0.1:${port}/`, `http://0x7f.1:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://0.0.0.0:${port}/`, `http://[::]:${port}/`, `http://[::1]:${port}/`, 'http://0/']) {
      await expectCode(safeFetch(url, { allowHttp: true, resolve }), 'private-address');
    }
    expect(asked).toBe(0);
    expect(hits).toHaveLength(0);
  });

  it('takes https only unless told, and no credentials or odd schemes', async () => {
    await expectCode(safeFetch(`${outside}/`, { allowPrivate: OUTSIDE_ONLY }), 'scheme');
    await expectCode(safeFetch('ftp://example.com/x', { allowHttp: true }), 'scheme');
    await expectCode(safeFetch('file:///etc/passwd', { allowHttp: true }), 'scheme');
    await expectCode(safeFetch('gopher://127.0.0.1:6379/_FLUSHALL', { allowHttp: true }), 'scheme');
    await expectCode(safeFetch(`http://user:pw@127.0.0.1:${port}/`, local()), 'credentials');
    await expectCode(safeFetch('not a url'), 'invalid-url');
    expect(hits).toHaveLength(0);
  });

  it('reports names that do not resolve', async () => {
    await expectCode(safeFetch('https://nowhere.test/', { resolve: dns({}) }), 'dns');
    await expectCode(safeFetch('https://empty.test/', { resolve: dns({ 'empty.test': [] }) }), 'dns');
  });

  it('reports a server that cannot be reached', async () => {
    const closed = createServer();
    const closedPort = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)));
    await new Promise((resolve) => closed.close(resolve));
    await expectCode(safeFetch(`http://127.0.0.1:${closedPort}/`, local()), 'network');
  });
});

describe('DNS rebinding', () => {
  it('connects to the address it checked, not to what a second lookup would say', async () => {
    // Public (here: the allowed 127.0.0.1) for the check, then the internal 127.0.0.2.
    let lookups = 0;
    const rebinding: Resolver = async () => (lookups++ === 0 ? ['127.0.0.1'] : ['127.0.0.2']);
    const res = await safeFetch(`http://rebind.test:${port}/`, local({ resolve: rebinding }));
    expect(res.body.toString()).toBe('hello');
    expect(lookups).toBe(1);
    expect(hits.map((h) => h.server)).toEqual(['outside']);
    expect(hits[0]!.headers.host).toBe(`rebind.test:${port}`);
  });

  it('checks the address of every redirect hop on its own', async () => {
    let lookups = 0;
    const rebinding: Resolver = async () => (lookups++ === 0 ? ['127.0.0.1'] : ['127.0.0.2']);
    handler = (req, res) => {
      res.statusCode = 302;
      res.setHeader('location', `http://rebind.test:${port}/again`);
      res.end();
    };
    await expectCode(safeFetch(`http://rebind.test:${port}/`, local({ resolve: rebinding })), 'private-address');
    expect(hits.map((h) => h.server)).toEqual(['outside']);
  });
});

describe('redirects', () => {
  const redirectTo = (location: (req: IncomingMessage) => string, status = 302): Handler => (req, res) => {
    if (req.url === '/final') return void res.end(`final by ${req.method}`);
    res.statusCode = status;
    res.setHeader('location', location(req));
    res.end();
  };

  it('follows redirects and reports where it ended', async () => {
    handler = redirectTo(() => '/final');
    const res = await safeFetch(`${outside}/start`, local());
    expect(res).toMatchObject({ status: 200, url: `${outside}/final` });
    expect(res.body.toString()).toBe('final by GET');
    expect(hits.map((h) => h.path)).toEqual(['/start', '/final']);
  });

  it('refuses a redirect to a private address (public first hop, loopback second)', async () => {
    handler = redirectTo(() => `http://127.0.0.2:${port}/final`);
    await expectCode(safeFetch(`${outside}/start`, local()), 'private-address');
    handler = redirectTo(() => `http://internal.test:${port}/final`);
    await expectCode(safeFetch(`${outside}/start`, local({ resolve: dns({ 'internal.test': ['127.0.0.2'] }) })), 'private-address');
    handler = redirectTo(() => `http://[::1]:${port}/final`);
    await expectCode(safeFetch(`${outside}/start`, local()), 'private-address');
    expect(hits.map((h) => h.server)).toEqual(['outside', 'outside', 'outside']);
  });

  it('refuses redirects to other schemes and with credentials', async () => {
    handler = redirectTo(() => 'file:///etc/passwd');
    await expectCode(safeFetch(`${outside}/start`, local()), 'scheme');
    handler = redirectTo(() => `http://u:p@127.0.0.1:${port}/final`);
    await expectCode(safeFetch(`${outside}/start`, local()), 'credentials');
  });

  it('gives up after the redirect limit', async () => {
    handler = redirectTo((req) => `/loop${(req.url ?? '').length}`);
    await expectCode(safeFetch(`${outside}/start`, local()), 'too-many-redirects');
    expect(hits).toHaveLength(4); // the first request and three redirects
    hits = [];
    const err = await refusal(safeFetch(`${outside}/start`, local({ maxRedirects: 1 })));
    expect(err.code).toBe('too-many-redirects');
    expect(hits).toHaveLength(2);
    handler = redirectTo(() => '/final');
    expect((await safeFetch(`${outside}/start`, local({ maxRedirects: 1 }))).status).toBe(200);
  });

  it('returns the redirect itself when asked to (manual)', async () => {
    handler = redirectTo(() => `http://127.0.0.2:${port}/final`, 307);
    const res = await safeFetch(`${outside}/start`, local({ redirect: 'manual' }));
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe(`http://127.0.0.2:${port}/final`);
    expect(hits).toHaveLength(1);
  });

  it('turns POST into GET on 303 but keeps it on 307, and keeps credentials on the origin', async () => {
    const post = { method: 'POST', body: 'data', headers: { 'content-type': 'text/plain', authorization: 'Bearer secret' } };
    handler = redirectTo(() => '/final', 303);
    expect((await safeFetch(`${outside}/start`, local(post))).body.toString()).toBe('final by GET');
    expect(hits[1]).toMatchObject({ method: 'GET', body: '' });
    expect(hits[1]!.headers['content-type']).toBeUndefined();
    expect(hits[1]!.headers.authorization).toBe('Bearer secret');
    hits = [];
    handler = redirectTo(() => '/final', 307);
    expect((await safeFetch(`${outside}/start`, local(post))).body.toString()).toBe('final by POST');
    expect(hits[1]).toMatchObject({ method: 'POST', body: 'data' });
  });

  it('drops Authorization and Cookie when a redirect leaves the origin', async () => {
    const other = await start('other', '127.0.0.1');
    handler = redirectTo(() => `http://127.0.0.1:${other}/final`);
    await safeFetch(`${outside}/start`, local({ headers: { authorization: 'Bearer secret', cookie: 'a=b', accept: 'text/html' } }));
    const second = hits.find((h) => h.server === 'other')!;
    expect(second.headers.authorization).toBeUndefined();
    expect(second.headers.cookie).toBeUndefined();
    expect(second.headers.accept).toBe('text/html');
  });
});

describe('limits', () => {
  it('gives up on a server that never answers', async () => {
    handler = () => {}; // reads the request, never answers
    const started = Date.now();
    await expectCode(safeFetch(`${outside}/`, local({ timeoutMs: 300 })), 'timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('counts the time limit across the whole fetch, the body included', async () => {
    handler = (_req, res) => {
      res.write('a little');
      // then silence
    };
    await expectCode(safeFetch(`${outside}/`, local({ timeoutMs: 300 })), 'timeout');
    const slowDns: Resolver = () => new Promise(() => {});
    await expectCode(safeFetch('https://slow.test/', { resolve: slowDns, timeoutMs: 200 }), 'timeout');
  });

  it('stops reading an answer that streams forever', async () => {
    let sent = 0;
    handler = (_req, res) => {
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    };
    await expectCode(safeFetch(`${outside}/`, local({ maxBodyBytes: 100_000 })), 'too-large');
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a declared length over the cap at once, and takes an answer of exactly the cap', async () => {
    handler = (_req, res) => {
      res.setHeader('content-length', '2000');
      res.end('x'.repeat(2000));
    };
    await expectCode(safeFetch(`${outside}/`, local({ maxBodyBytes: 1999 })), 'too-large');
    expect((await safeFetch(`${outside}/`, local({ maxBodyBytes: 2000 }))).body.length).toBe(2000);
  });

  it('uses a 1 MB cap by default', async () => {
    handler = (_req, res) => res.end(Buffer.alloc(1024 * 1024 + 1));
    await expectCode(safeFetch(`${outside}/`, local()), 'too-large');
    handler = (_req, res) => res.end(Buffer.alloc(1024 * 1024));
    expect((await safeFetch(`${outside}/`, local())).body.length).toBe(1024 * 1024);
  });

  it('refuses oversized response headers', async () => {
    handler = (_req, res) => {
      res.setHeader('x-big', 'y'.repeat(20 * 1024));
      res.end('ok');
    };
    await expectCode(safeFetch(`${outside}/`, local()), 'too-large');
    expect((await safeFetch(`${outside}/`, local({ maxHeaderBytes: 64 * 1024 }))).body.toString()).toBe('ok');
  });
});
