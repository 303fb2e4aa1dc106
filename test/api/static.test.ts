// Serving the built web app from a fake web/dist: cache headers per kind of file, index.html for
// the app's own paths, the service worker at the root scope, nothing outside the folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let bare: TestServer;
let root: string;
const INDEX = '<!doctype html><html><head><title>Parley</title></head><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'parley-web-'));
  const dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  mkdirSync(path.join(dist, 'icons'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("push", () => {})');
  writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Parley"}');
  writeFileSync(path.join(dist, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(root, 'secret.txt'), 'outside the web app');
  symlinkSync(path.join(root, 'secret.txt'), path.join(dist, 'assets', 'link.txt'));
  s = await createTestServer({ context: { webDistDir: dist } });
  bare = await createTestServer();
});
afterAll(async () => {
  await s.close();
  await bare.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (server: TestServer, url: string, accept = 'text/html,application/xhtml+xml', headers: Record<string, string> = {}) =>
  server.inject({ method: 'GET', url, headers: { accept, ...headers } });

describe('the built web app', () => {
  it('serves index.html at / and at app paths, with a strict Content-Security-Policy', async () => {
    for (const url of ['/', '/home', '/statuses/01ARZ3NDEKTSV4RRFFQ69G5FAV', '/accounts/x/followers', '/oauth/callback?code=abc&state=s', '/local/']) {
      const res = await get(s, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.vary).toMatch(/accept/i);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self' wss://parley.test");
      expect(csp).toContain("img-src 'self' data: blob: https:");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('serves hashed assets as immutable and other files as no-cache', async () => {
    const js = await get(s, '/assets/index-abc123.js', '*/*');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log("app")');
    expect((await get(s, '/assets/index-abc123.css', '*/*')).headers['content-type']).toMatch(/^text\/css/);

    const manifest = await get(s, '/manifest.webmanifest', '*/*');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const icon = await get(s, '/icons/icon-192.png', 'image/*');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('serves the service worker at the root scope and answers 304 to a matching ETag', async () => {
    const sw = await get(s, '/sw.js', '*/*');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['service-worker-allowed']).toBe('/');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/^text\/javascript/);
    const again = await get(s, '/sw.js', '*/*', { 'if-none-match': String(sw.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('never serves anything outside web/dist', async () => {
    for (const url of ['/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%2fsecret.txt', '/assets/link.txt', '/assets/%00', '/assets/..%5c..%5csecret.txt']) {
      const res = await get(s, url, '*/*');
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toContain('outside the web app');
    }
  });

  it('answers a missing asset with 404, not with the app page', async () => {
    const res = await get(s, '/assets/missing-123.js');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<div id="root">');
  });

  it('leaves server paths and non-HTML requests alone', async () => {
    for (const url of ['/api/v1/nothing', '/oauth/nothing', '/auth/nothing', '/settings/nothing', '/.well-known/nothing', '/nodeinfo/9', '/@alice/x/y']) {
      const res = await get(s, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<div id="root">');
    }
    const json = await get(s, '/home', 'application/json');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual({ error: 'Record not found' });
    // Real server pages still answer as before.
    expect((await get(s, '/auth/sign_in')).body).toContain('<form method="post" action="/auth/sign_in">');
  });

  it('links the public pages into the app', async () => {
    const alice = await s.createUser('alice');
    const status = (await alice.post('/api/v1/statuses', { status: 'hello app' })).json();
    expect((await get(s, '/@alice')).body).toContain(`<a href="/accounts/${alice.id}">Open in the app</a>`);
    expect((await get(s, `/@alice/${status.id}`)).body).toContain(`<a href="/statuses/${status.id}">Open in the app</a>`);
  });
});

describe('without a built web app', () => {
  it('keeps the landing page at / and says how to build the app', async () => {
    const res = await get(bare, '/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('The web app is not built: run <code>npm run build</code>.');
    expect(res.body).toContain('href="/auth/sign_in"');
  });

  it('answers app paths and assets with 404 and links no app from public pages', async () => {
    expect((await get(bare, '/home')).statusCode).toBe(404);
    expect((await get(bare, '/sw.js', '*/*')).statusCode).toBe(404);
    expect((await get(bare, '/assets/index-abc123.js', '*/*')).statusCode).toBe(404);
    await bare.createUser('bob');
    const page = await get(bare, '/@bob');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Open in the app');
  });
});

describe('security headers on every response', () => {
  const common = (res: { headers: Record<string, unknown> }, url: string) => {
    expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    expect(res.headers['x-frame-options'], url).toBe('DENY');
    expect(String(res.headers['content-security-policy']), url).toMatch(/frame-ancestors 'none'|sandbox/);
    expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d{7,}/);
    expect(res.headers['permissions-policy'], url).toContain('geolocation=()');
  };

  it('lock down API answers, errors and unknown paths: data, never a page', async () => {
    for (const url of ['/api/v1/instance', '/api/v1/timelines/home', '/api/v1/nope', '/.well-known/nodeinfo']) {
      const res = await get(s, url, 'application/json');
      common(res, url);
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it('give the app shell, its scripts and its service worker the app’s own policy', async () => {
    for (const url of ['/', '/assets/index-abc123.js', '/sw.js']) {
      const res = await get(s, url);
      expect(res.statusCode, url).toBe(200);
      common(res, url);
      expect(res.headers['content-security-policy'], url).toMatch(/script-src 'self'/);
      expect(res.headers['content-security-policy'], url).toMatch(/connect-src 'self'/);
    }
  });
});
