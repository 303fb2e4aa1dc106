import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { csrfOf } from './oauth-browser.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import type { AppRow } from '../../src/db/schema.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const TUSKY = 'Tusky/25.2 Android/14';

const clock = { ms: Date.parse('2030-05-01T08:00:00.000Z'), now: () => new Date(clock.ms) };

let s: TestServer;
let tusky: AppRow;
beforeAll(async () => {
  s = await createTestServer({ clock });
  tusky = await createApp(s.ctx, { name: 'Tusky', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write', website: 'https://tusky.app' });
});
afterAll(() => s.close());

/** Signs in on the web pages as a browser with a User-Agent; returns the session cookie. */
async function webSignIn(user: TestUser, userAgent: string): Promise<string> {
  const headers = { 'user-agent': userAgent, 'x-forwarded-for': '198.51.100.7' };
  const page = await s.inject({ method: 'GET', url: '/auth/sign_in', headers });
  const csrfCookie = cookieOf(page, 'parley_csrf');
  const res = await s.inject({
    method: 'POST',
    url: '/auth/sign_in',
    headers: { ...headers, cookie: `parley_csrf=${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ csrf_token: csrfOf(page.body), login: user.username, password: user.password }).toString(),
  });
  expect(res.statusCode).toBe(303);
  return cookieOf(res, 'parley_session');
}

function cookieOf(res: LightMyRequestResponse, name: string): string {
  const set = res.headers['set-cookie'];
  const line = (Array.isArray(set) ? set : [String(set)]).find((c) => c.startsWith(`${name}=`))!;
  return line.slice(name.length + 1).split(';')[0]!;
}

async function passwordToken(user: TestUser, userAgent: string): Promise<string> {
  const res = await s.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'user-agent': userAgent },
    payload: { grant_type: 'password', username: user.username, password: user.password, client_id: tusky.client_id, client_secret: tusky.client_secret, scope: 'read write' },
  });
  expect(res.statusCode).toBe(200);
  return res.json().access_token;
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
const list = (token: string, extra: Record<string, string> = {}) => s.inject({ method: 'GET', url: '/api/v1/parley/sessions', headers: bearer(token, extra) });

interface Entry {
  id: string;
  kind: string;
  app_name: string | null;
  device: string | null;
  ip: string | null;
  current: boolean;
  created_at: string;
  last_used_at: string | null;
  scopes: string[];
}

describe('GET /api/v1/parley/sessions', () => {
  it('lists web sessions and tokens with their device, app, address, use, and which one is current', async () => {
    const alice = await s.createUser('alice');
    const cookie = await webSignIn(alice, FIREFOX);
    const tuskyToken = await passwordToken(alice, TUSKY);

    const res = await list(tuskyToken);
    expect(res.statusCode).toBe(200);
    const entries: Entry[] = res.json();
    expect(entries).toHaveLength(3);
    const web = entries.find((e) => e.kind === 'web')!;
    expect(web).toMatchObject({ app_name: null, device: 'Firefox on Linux', ip: '198.51.100.7', current: false, created_at: clock.now().toISOString(), scopes: [] });
    expect(web.id).toMatch(/^web-[0-9a-f]{32}$/);
    const app = entries.find((e) => e.app_name === 'Tusky')!;
    expect(app).toMatchObject({ kind: 'oauth', device: 'Tusky on Android', current: true, scopes: ['read', 'write'] });
    // Tokens made some other way (here the test helper) have no device on record.
    expect(entries.find((e) => e.app_name === 'Test client')).toMatchObject({ kind: 'oauth', device: null, ip: null, current: false });
    // Nothing that could be used as a credential is shown.
    expect(res.body).not.toContain(cookie);
    expect(res.body).not.toContain(tuskyToken);

    // The browser's own cookie, sent along with the web app's token, marks its web session too.
    const fromBrowser: Entry[] = (await list(alice.token, { cookie: `parley_session=${cookie}` })).json();
    expect(fromBrowser.find((e) => e.kind === 'web')!.current).toBe(true);
    expect(fromBrowser.find((e) => e.app_name === 'Test client')!.current).toBe(true);
    expect(fromBrowser.find((e) => e.app_name === 'Tusky')!.current).toBe(false);
  });

  it('refreshes last use of a web session at most hourly', async () => {
    const bob = await s.createUser('bob');
    const cookie = await webSignIn(bob, FIREFOX);
    const signedInAt = clock.now().toISOString();
    const lastUse = async () => ((await list(bob.token)).json() as Entry[]).find((e) => e.kind === 'web')!.last_used_at;
    expect(await lastUse()).toBe(signedInAt);
    const visit = () => s.inject({ method: 'GET', url: '/settings/applications', headers: { cookie: `parley_session=${cookie}` } });
    clock.ms += 30 * 60_000;
    expect((await visit()).statusCode).toBe(200);
    expect(await lastUse()).toBe(signedInAt);
    clock.ms += 31 * 60_000;
    expect((await visit()).statusCode).toBe(200);
    expect(await lastUse()).toBe(clock.now().toISOString());
  });

  it('needs a user token with the accounts scopes', async () => {
    const reader = await s.createUser('reader', { scopes: ['read:statuses'] });
    expect((await list(reader.token)).statusCode).toBe(403);
    expect((await s.inject({ method: 'GET', url: '/api/v1/parley/sessions' })).statusCode).toBe(401);
  });
});

describe('DELETE /api/v1/parley/sessions/:id', () => {
  it('revokes a token and ends a web session', async () => {
    const cleo = await s.createUser('cleo');
    const cookie = await webSignIn(cleo, FIREFOX);
    const tuskyToken = await passwordToken(cleo, TUSKY);
    const entries: Entry[] = (await list(cleo.token)).json();

    const app = entries.find((e) => e.app_name === 'Tusky')!;
    const revoked = await s.inject({ method: 'DELETE', url: `/api/v1/parley/sessions/${app.id}`, headers: bearer(cleo.token) });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({});
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(tuskyToken) })).statusCode).toBe(401);

    const web = entries.find((e) => e.kind === 'web')!;
    expect((await s.inject({ method: 'GET', url: '/settings/applications', headers: { cookie: `parley_session=${cookie}` } })).statusCode).toBe(200);
    expect((await s.inject({ method: 'DELETE', url: `/api/v1/parley/sessions/${web.id}`, headers: bearer(cleo.token) })).statusCode).toBe(200);
    const after = await s.inject({ method: 'GET', url: '/settings/applications', headers: { cookie: `parley_session=${cookie}` } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/auth\/sign_in/);

    const left: Entry[] = (await list(cleo.token)).json();
    expect(left.map((e) => e.app_name)).toEqual(['Test client']);
    // Gone means gone: a second revocation finds nothing.
    expect((await s.inject({ method: 'DELETE', url: `/api/v1/parley/sessions/${app.id}`, headers: bearer(cleo.token) })).statusCode).toBe(404);
  });

  it("cannot revoke another person's session or token: 404, and nothing changes", async () => {
    const dan = await s.createUser('dan');
    const mallory = await s.createUser('mallory');
    const cookie = await webSignIn(dan, FIREFOX);
    const tuskyToken = await passwordToken(dan, TUSKY);
    const entries: Entry[] = (await list(dan.token)).json();
    for (const e of entries) {
      const res = await s.inject({ method: 'DELETE', url: `/api/v1/parley/sessions/${e.id}`, headers: bearer(mallory.token) });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('Record not found');
    }
    for (const bad of ['nonsense', 'token-nonsense', 'web-', `token-${'0'.repeat(26)}`, 'web-' + 'f'.repeat(32)]) {
      expect((await s.inject({ method: 'DELETE', url: `/api/v1/parley/sessions/${bad}`, headers: bearer(dan.token) })).statusCode).toBe(404);
    }
    expect((await list(dan.token)).json()).toHaveLength(entries.length);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(tuskyToken) })).statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/settings/applications', headers: { cookie: `parley_session=${cookie}` } })).statusCode).toBe(200);
  });

  it('can revoke the very token making the request', async () => {
    const eve = await s.createUser('eve');
    const own: Entry = ((await list(eve.token)).json() as Entry[]).find((e) => e.current)!;
    expect((await s.inject({ method: 'DELETE', url: `/api/v1/parley/sessions/${own.id}`, headers: bearer(eve.token) })).statusCode).toBe(200);
    expect((await list(eve.token)).statusCode).toBe(401);
  });
});
