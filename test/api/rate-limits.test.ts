// Rate limits through the real server with the in-process store: which requests count against
// which throttle, the X-RateLimit-* headers, 429 with Retry-After, windows ending on the
// server's clock, IPv6 addresses counted by /64, per-account against per-address counting,
// the allow-list, and configuration errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { csrfOf } from './oauth-browser.ts';

const LIMITS = {
  PARLEY_RATE_LIMITS: 'on',
  PARLEY_RATE_LIMIT_API_IP: '5/300',
  PARLEY_RATE_LIMIT_API_ACCOUNT: '8/300',
  PARLEY_RATE_LIMIT_MEDIA: '2/1800',
  PARLEY_RATE_LIMIT_SIGN_UP: '2/1800',
  PARLEY_RATE_LIMIT_LOGIN_IP: '4/300',
  PARLEY_RATE_LIMIT_LOGIN_NAME: '2/3600',
  PARLEY_RATE_LIMIT_PASSWORD_RESET_IP: '3/300',
  PARLEY_RATE_LIMIT_PASSWORD_RESET_EMAIL: '2/1800',
  PARLEY_RATE_LIMIT_ALLOW: '198.51.100.0/24',
};

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let client: { client_id: string; client_secret: string };
let appToken: string;
/** The server's clock; a test moves it to the end of a window. */
let nowMs = Date.UTC(2030, 0, 1, 12, 0, 1);

beforeAll(async () => {
  s = await createTestServer({ env: LIMITS, clock: { now: () => new Date(nowMs) } });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  client = await createApp(s.ctx, { name: 'limits client', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write' });
  const res = await s.inject({ method: 'POST', url: '/oauth/token', remoteAddress: '192.0.2.250', payload: { grant_type: 'client_credentials', ...client, scope: 'read write' } });
  appToken = res.json().access_token;
});
afterAll(() => s.close());

const anon = (ip: string, url = '/api/v1/instance', headers: Record<string, string> = {}) => s.inject({ method: 'GET', url, remoteAddress: ip, headers });
const viaProxy = (forwardedFor: string) => s.inject({ method: 'GET', url: '/api/v1/timelines/public', headers: { 'x-forwarded-for': forwardedFor } });
const remaining = (res: LightMyRequestResponse) => Number(res.headers['x-ratelimit-remaining']);

function expectThrottled(res: LightMyRequestResponse, limit: number, maxWaitSeconds: number): void {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toEqual({ error: 'Too many requests' });
  expect(res.headers['x-ratelimit-limit']).toBe(String(limit));
  expect(res.headers['x-ratelimit-remaining']).toBe('0');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxWaitSeconds);
  // Retry-After and the reset time say the same thing.
  const reset = Date.parse(String(res.headers['x-ratelimit-reset']));
  expect(Math.ceil((reset - nowMs) / 1000)).toBe(retryAfter);
}

describe('the anonymous API throttle (per address)', () => {
  it('counts down in the headers, then answers 429 with Retry-After until the window ends', async () => {
    const ip = '203.0.113.10';
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await anon(ip);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe('5');
      // Windows are aligned to whole multiples of their length, like rack-attack's.
      expect(res.headers['x-ratelimit-reset']).toBe(new Date(Math.ceil(nowMs / 300_000) * 300_000).toISOString());
      seen.push(remaining(res));
    }
    expect(seen).toEqual([4, 3, 2, 1, 0]);
    expectThrottled(await anon(ip), 5, 300);
    // Any API route, and an unknown one, counts in the same group; another address does not.
    expectThrottled(await anon(ip, '/api/v1/timelines/public'), 5, 300);
    expectThrottled(await anon(ip, '/api/v1/no-such-thing'), 5, 300);
    expect((await anon('203.0.113.11')).statusCode).toBe(200);
  });

  it('starts counting again when the window has ended on the server clock', async () => {
    const ip = '203.0.113.12';
    for (let i = 0; i < 5; i++) await anon(ip);
    const throttled = await anon(ip);
    expect(throttled.statusCode).toBe(429);
    nowMs = Date.parse(String(throttled.headers['x-ratelimit-reset'])) + 1;
    const res = await anon(ip);
    expect(res.statusCode).toBe(200);
    expect(remaining(res)).toBe(4);
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped address as the IPv4 client', async () => {
    for (let i = 0; i < 5; i++) expect((await viaProxy(`2001:db8:5:6::${i + 1}`)).statusCode).toBe(200);
    expect((await viaProxy('2001:db8:5:6:ffff:ffff:ffff:ffff')).statusCode).toBe(429);
    expect((await viaProxy('2001:db8:5:7::1')).statusCode).toBe(200);

    for (let i = 0; i < 3; i++) await viaProxy('198.18.0.1');
    expect(remaining(await viaProxy('::ffff:198.18.0.1'))).toBe(1);
    expect(remaining(await anon('::ffff:198.18.0.1'))).toBe(0);
    expect((await viaProxy('198.18.0.1')).statusCode).toBe(429);
  });

  it('counts requests whose token is not valid against their address', async () => {
    const ip = '203.0.113.13';
    for (let i = 0; i < 5; i++) {
      const res = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', remoteAddress: ip, headers: { authorization: `Bearer invented-${i}` } });
      expect(res.statusCode).toBe(401);
      // The headers are on error answers too.
      expect(remaining(res)).toBe(4 - i);
    }
    expect((await s.inject({ method: 'GET', url: '/api/v1/instance', remoteAddress: ip, headers: { authorization: 'Bearer invented-again' } })).statusCode).toBe(429);
  });

  it('leaves web pages, discovery documents and CORS preflights alone', async () => {
    const ip = '203.0.113.14';
    for (let i = 0; i < 8; i++) {
      for (const url of ['/auth/sign_in', '/.well-known/webfinger?resource=acct:alice@parley.test', '/nodeinfo/2.0', '/api/v1/instance']) {
        const res = await s.inject({ method: url.startsWith('/api/') ? 'OPTIONS' : 'GET', url, remoteAddress: ip, headers: { origin: 'https://elk.example', 'access-control-request-method': 'GET' } });
        expect(res.statusCode, url).toBeLessThan(400);
        expect(res.headers['x-ratelimit-limit'], url).toBeUndefined();
      }
    }
    expect(remaining(await anon(ip))).toBe(4);
  });
});

describe('the signed-in API throttle (per account)', () => {
  it('counts an account over all its addresses, apart from anonymous use of the same address', async () => {
    // An account's allowance is its own: more than the address allows anonymously.
    for (let i = 0; i < 8; i++) {
      const res = await alice.get('/api/v1/timelines/home', { remoteAddress: `203.0.113.${20 + (i % 2)}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe('8');
      expect(remaining(res)).toBe(7 - i);
    }
    expectThrottled(await alice.get('/api/v1/timelines/home', { remoteAddress: '203.0.113.22' }), 8, 300);
    // Another account and anonymous requests from the same addresses are not affected.
    expect((await bob.get('/api/v1/timelines/home', { remoteAddress: '203.0.113.20' })).statusCode).toBe(200);
    const anonymous = await anon('203.0.113.20');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers['x-ratelimit-limit']).toBe('5');
  });

  it('counts an app-only token (no account) against its address', async () => {
    const res = await s.inject({ method: 'GET', url: '/api/v1/apps/verify_credentials', remoteAddress: '203.0.113.23', headers: { authorization: `Bearer ${appToken}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('5');
  });
});

describe('the media upload throttle (per account)', () => {
  it('refuses the third upload within the window, on either API version, and shows the tighter limit', async () => {
    const carol = await s.createUser('carol');
    // Uploads without a file are refused (422) but still count, as Mastodon's do.
    const first = await carol.post('/api/v2/media', {});
    expect(first.statusCode).toBe(422);
    expect(first.headers['x-ratelimit-limit']).toBe('2');
    expect(remaining(first)).toBe(1);
    expect((await carol.post('/api/v1/media', {})).statusCode).toBe(422);
    expectThrottled(await carol.post('/api/v2/media', {}), 2, 1800);
    // Other API calls of the account, and other accounts' uploads, go on.
    expect((await carol.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(200);
    const dave = await s.createUser('dave');
    expect((await dave.post('/api/v2/media', {})).statusCode).toBe(422);
  });
});

describe('the sign-up throttle (per address)', () => {
  const apiSignUp = (username: string, ip: string) =>
    s.inject({ method: 'POST', url: '/api/v1/accounts', remoteAddress: ip, headers: { authorization: `Bearer ${appToken}` }, payload: { username, email: `${username}@example.com`, password: 'long enough pw', agreement: true } });

  it('allows two sign-ups from one address in half an hour, API and web form together', async () => {
    const ip = '203.0.113.30';
    const ok = await apiSignUp('signup1', ip);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['x-ratelimit-limit']).toBe('2');
    // A refused attempt counts too.
    expect((await apiSignUp('signup1', ip)).statusCode).toBe(422);
    expectThrottled(await apiSignUp('signup2', ip), 2, 1800);
    const page = await s.inject({ method: 'GET', url: '/auth/sign_up', remoteAddress: ip });
    const cookie = [page.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]).join('; ');
    const form = new URLSearchParams({ csrf_token: csrfOf(page.body), username: 'signup3', email: 'signup3@example.com', password: 'long enough pw', agreement: '1' });
    const web = await s.inject({ method: 'POST', url: '/auth/sign_up', remoteAddress: ip, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(web.statusCode).toBe(429);
    // Nothing was created by the refused attempts.
    const created = await s.ctx.db.selectFrom('accounts').select('username').where('username', 'in', ['signup1', 'signup2', 'signup3']).execute();
    expect(created.map((r) => r.username)).toEqual(['signup1']);
    expect((await apiSignUp('signup4', '203.0.113.31')).statusCode).toBe(200);
  });
});

describe('the login throttles (per address and per name)', () => {
  const passwordGrant = (username: string, ip: string, password = 'wrong password') =>
    s.inject({ method: 'POST', url: '/oauth/token', remoteAddress: ip, payload: { grant_type: 'password', ...client, username, password, scope: 'read' } });

  it('limits attempts on one name from any address, across the OAuth grant and the web form', async () => {
    expect((await passwordGrant('bob', '203.0.113.40')).statusCode).toBe(400);
    const web = await s.inject({ method: 'POST', url: '/auth/sign_in', remoteAddress: '203.0.113.41', payload: { login: 'BOB', password: 'wrong password' } });
    expect(web.headers['x-ratelimit-limit']).toBe('2');
    // Even the right password is refused now: guessing must not learn anything either.
    expectThrottled(await passwordGrant('bob', '203.0.113.42', bob.password), 2, 3600);
    // Another name is counted apart.
    expect((await passwordGrant('alice', '203.0.113.42', alice.password)).statusCode).toBe(200);
  });

  it('limits attempts from one address whatever the names', async () => {
    const ip = '203.0.113.43';
    for (const name of ['n1', 'n2', 'n3', 'n4']) expect((await passwordGrant(name, ip)).statusCode).toBe(400);
    expectThrottled(await passwordGrant('n5', ip), 4, 300);
  });

  it('does not count the other grants', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await s.inject({ method: 'POST', url: '/oauth/token', remoteAddress: '203.0.113.44', payload: { grant_type: 'client_credentials', ...client, scope: 'read' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('the password reset throttles', () => {
  const resetRequest = (email: string, ip: string) =>
    s.inject({ method: 'POST', url: '/auth/password/new', remoteAddress: ip, payload: { email } });

  it('limits requests for one e-mail address, and from one address', async () => {
    expect((await resetRequest('bob@example.com', '203.0.113.50')).statusCode).toBe(200);
    expect((await resetRequest(' Bob@Example.com', '203.0.113.51')).statusCode).toBe(200);
    expectThrottled(await resetRequest('bob@example.com', '203.0.113.52'), 2, 1800);

    const ip = '203.0.113.53';
    for (const n of [1, 2, 3]) expect((await resetRequest(`user${n}@example.com`, ip)).statusCode).toBe(200);
    expectThrottled(await resetRequest('user4@example.com', ip), 3, 300);
  });
});

describe('the allow-list', () => {
  it('never throttles addresses in PARLEY_RATE_LIMIT_ALLOW and shows them no limits', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await anon('198.51.100.7');
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('turned off', () => {
  it('counts nothing and sends no headers (the test servers default)', async () => {
    const off = await createTestServer();
    try {
      for (let i = 0; i < 400; i++) {
        const res = await off.inject({ method: 'GET', url: '/api/v1/instance' });
        if (res.statusCode !== 200 || res.headers['x-ratelimit-limit'] !== undefined) throw new Error(`request ${i}: ${res.statusCode}`);
      }
    } finally {
      await off.close();
    }
  });
});

describe('configuration', () => {
  it('takes Mastodon-like defaults and count/seconds overrides', () => {
    const c = loadConfig({});
    expect(c.rateLimits.enabled).toBe(true);
    expect(c.rateLimits.limits.api_ip).toEqual({ limit: 300, windowSeconds: 300 });
    expect(c.rateLimits.limits.api_account).toEqual({ limit: 1500, windowSeconds: 300 });
    expect(c.rateLimits.limits.media).toEqual({ limit: 30, windowSeconds: 1800 });
    expect(c.rateLimits.limits.sign_up).toEqual({ limit: 5, windowSeconds: 1800 });
    const custom = loadConfig({ PARLEY_RATE_LIMITS: 'off', PARLEY_RATE_LIMIT_MEDIA: '10/60', PARLEY_RATE_LIMIT_ALLOW: '10.1.2.3/8, ::1' });
    expect(custom.rateLimits.enabled).toBe(false);
    expect(custom.rateLimits.limits.media).toEqual({ limit: 10, windowSeconds: 60 });
    expect(custom.rateLimits.allow).toEqual(['10.0.0.0/8', '::1/128']);
  });

  it('refuses malformed values and unknown throttle names, naming them', () => {
    expect(() => loadConfig({ PARLEY_RATE_LIMIT_API_IP: '300 per 5 minutes' })).toThrow(/PARLEY_RATE_LIMIT_API_IP: must be count\/seconds/);
    expect(() => loadConfig({ PARLEY_RATE_LIMIT_API_IP: '0/300' })).toThrow(ConfigError);
    expect(() => loadConfig({ PARLEY_RATE_LIMIT_LOGIN: '5/60' })).toThrow(/PARLEY_RATE_LIMIT_LOGIN: unknown/);
    expect(() => loadConfig({ PARLEY_RATE_LIMIT_ALLOW: '10.0.0.0/8, localhost' })).toThrow(/not an IP address or CIDR range: localhost/);
    expect(() => loadConfig({ PARLEY_RATE_LIMITS: 'maybe' })).toThrow(/PARLEY_RATE_LIMITS/);
  });
});
