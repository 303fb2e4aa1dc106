import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { browser as makeBrowser, csrfOf, signedIn as signedInAs, type Browser } from './oauth-browser.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { setSetting } from '../../src/db/repos/settings.ts';
import type { AppRow } from '../../src/db/schema.ts';

let s: TestServer;
let client: AppRow;
beforeAll(async () => {
  s = await createTestServer();
  client = await createApp(s.ctx, { name: 'Tusky <b>', redirectUris: ['https://client.example/cb', 'urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write follow profile' });
  await s.createUser('alice');
});
afterAll(() => s.close());

const browser = () => makeBrowser(s);
const signedIn = (login = 'alice', password = 'alice-password-1') => signedInAs(s, login, password);

const verifier = 'v'.repeat(20) + 'erifier-0123456789-abcdefghijklmnop';
const challenge = createHash('sha256').update(verifier).digest('base64url');

function authorizeUrl(extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: 'https://client.example/cb', scope: 'read write', state: 'xyz', ...extra });
  return `/oauth/authorize?${q}`;
}

async function approve(b: Browser, extra: Record<string, string> = {}) {
  const consent = await b.get(authorizeUrl(extra));
  expect(consent.statusCode).toBe(200);
  const form: Record<string, string> = {};
  for (const m of consent.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form[m[1]!] = m[2]!.replaceAll('&amp;', '&');
  return b.post('/oauth/authorize', { ...form, decision: 'approve' });
}

const token = (payload: Record<string, string>, headers: Record<string, string> = {}) => s.inject({ method: 'POST', url: '/oauth/token', payload, headers });
const countTokens = async () => Number((await s.ctx.db.selectFrom('oauth_tokens').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('GET /oauth/authorize', () => {
  it('sends a visitor without a session to the sign-in page and back', async () => {
    const b = browser();
    const res = await b.get(authorizeUrl({ force_login: 'true' }));
    expect(res.statusCode).toBe(302);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/auth\/sign_in\?return_to=/);
    const returnTo = new URL(location, 'https://x').searchParams.get('return_to')!;
    expect(returnTo).toMatch(/^\/oauth\/authorize\?/);
    expect(returnTo).not.toMatch(/force_login/);
    const page = await b.get(location);
    expect(page.body).toContain('name="return_to"');
    const signIn = await b.post('/auth/sign_in', { csrf_token: csrfOf(page.body), login: 'alice@example.com', password: 'alice-password-1', return_to: returnTo });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe(returnTo);
    const cookie = [signIn.headers['set-cookie']].flat().find((c) => c!.startsWith('parley_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const consent = await b.get(returnTo);
    expect(consent.statusCode).toBe(200);
    expect(consent.headers['x-frame-options']).toBe('DENY');
    // The app name is escaped.
    expect(consent.body).toContain('Tusky &lt;b&gt;');
    expect(consent.body).not.toContain('Tusky <b>');
    expect(consent.body).toContain('<code>write</code>');
  });

  it('shows an error page for an unknown client or a foreign redirect URI, without redirecting', async () => {
    const b = await signedIn();
    const bad1 = await b.get(authorizeUrl({ client_id: 'nope' }));
    expect(bad1.statusCode).toBe(400);
    const bad2 = await b.get(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }));
    expect(bad2.statusCode).toBe(400);
    expect(bad2.headers.location).toBeUndefined();
  });

  it('redirects back with an error for scopes beyond the app, and refuses the plain PKCE method', async () => {
    const b = await signedIn();
    const res = await b.get(authorizeUrl({ scope: 'read admin:read' }));
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin + url.pathname).toBe('https://client.example/cb');
    expect(url.searchParams.get('error')).toBe('invalid_scope');
    expect(url.searchParams.get('state')).toBe('xyz');
    const plain = await b.get(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'plain' }));
    expect(new URL(plain.headers.location as string).searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a POST without a valid CSRF token and issues no code', async () => {
    const b = await signedIn();
    const before = await s.ctx.db.selectFrom('oauth_codes').selectAll().execute();
    const res = await b.post('/oauth/authorize', { csrf_token: 'forged', response_type: 'code', client_id: client.client_id, redirect_uri: 'https://client.example/cb', scope: 'read', decision: 'approve' });
    expect(res.statusCode).toBe(403);
    expect((await s.ctx.db.selectFrom('oauth_codes').selectAll().execute()).length).toBe(before.length);
  });

  it('redirects with access_denied when the person denies', async () => {
    const b = await signedIn();
    const consent = await b.get(authorizeUrl());
    const res = await b.post('/oauth/authorize', {
      csrf_token: csrfOf(consent.body), response_type: 'code', client_id: client.client_id, redirect_uri: 'https://client.example/cb', scope: 'read write', state: 'xyz', decision: 'deny',
    });
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('code')).toBeNull();
  });
});

describe('authorization_code grant', () => {
  it('exchanges a PKCE code once for a working token and a refresh token', async () => {
    const b = await signedIn();
    const res = await approve(b, { code_challenge: challenge, code_challenge_method: 'S256' });
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.searchParams.get('state')).toBe('xyz');
    const code = url.searchParams.get('code')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored hashed only.
    const stored = await s.ctx.db.selectFrom('oauth_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(code);

    const common = { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb', client_id: client.client_id, client_secret: client.client_secret };
    const wrong = await token({ ...common, code_verifier: 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe('invalid_grant');
    expect(wrong.json().error_description).toBeTruthy();
  });

  it('issues the token with the right verifier, and the code cannot be used twice', async () => {
    const b = await signedIn();
    const res = await approve(b, { code_challenge: challenge, code_challenge_method: 'S256' });
    const code = new URL(res.headers.location as string).searchParams.get('code')!;
    const common = { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb', client_id: client.client_id, client_secret: client.client_secret, code_verifier: verifier };
    const ok = await token(common);
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    expect(typeof body.created_at).toBe('number');
    expect(body.created_at).toBeLessThan(Date.now() / 1000 + 5);
    expect(body.refresh_token).toBeTruthy();
    const me = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('alice');
    const again = await token(common);
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_grant');
  });

  it('refuses a mismatched redirect URI, a wrong client and an expired code', async () => {
    const b = await signedIn();
    const other = await createApp(s.ctx, { name: 'Other', redirectUris: ['https://client.example/cb'], scopes: 'read' });
    const codeOf = async () => new URL((await approve(b)).headers.location as string).searchParams.get('code')!;
    const base = { grant_type: 'authorization_code', redirect_uri: 'https://client.example/cb', client_id: client.client_id, client_secret: client.client_secret };
    expect((await token({ ...base, code: await codeOf(), redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' })).json().error).toBe('invalid_grant');
    expect((await token({ ...base, code: await codeOf(), client_id: other.client_id, client_secret: other.client_secret })).json().error).toBe('invalid_grant');
    const code = await codeOf();
    await s.ctx.db.updateTable('oauth_codes').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await token({ ...base, code })).json().error).toBe('invalid_grant');
  });

  it('shows the code on a page for the out-of-band redirect URI', async () => {
    const b = await signedIn();
    const res = await approve(b, { redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' });
    expect(res.statusCode).toBe(200);
    const code = /<code id="code">([^<]+)<\/code>/.exec(res.body)![1]!;
    const ok = await token({ grant_type: 'authorization_code', code, redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', client_id: client.client_id, client_secret: client.client_secret });
    expect(ok.statusCode).toBe(200);
  });
});

describe('other grants and client authentication', () => {
  it('client_credentials gives an app token without account and without refresh token', async () => {
    const basic = Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64');
    const res = await token({ grant_type: 'client_credentials', scope: 'read' }, { authorization: `Basic ${basic}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().refresh_token).toBeUndefined();
    const app = await s.inject({ method: 'GET', url: '/api/v1/apps/verify_credentials', headers: { authorization: `Bearer ${res.json().access_token}` } });
    expect(app.statusCode).toBe(200);
    const me = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: { authorization: `Bearer ${res.json().access_token}` } });
    expect(me.statusCode).toBe(422);
  });

  it('refuses bad client credentials with 401 invalid_client and issues nothing', async () => {
    const before = await countTokens();
    const res = await token({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: 'wrong' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_client');
    expect(await countTokens()).toBe(before);
  });

  it('answers unknown grants, missing grants and out-of-app scopes as RFC 6749 does', async () => {
    const c = { client_id: client.client_id, client_secret: client.client_secret };
    expect((await token({ ...c, grant_type: 'implicit' })).json().error).toBe('unsupported_grant_type');
    expect((await token(c)).json().error).toBe('invalid_request');
    const scoped = await token({ ...c, grant_type: 'client_credentials', scope: 'admin:write' });
    expect(scoped.statusCode).toBe(400);
    expect(scoped.json().error).toBe('invalid_scope');
  });

  it('password grant works with username or e-mail, and the admin can switch it off', async () => {
    const c = { client_id: client.client_id, client_secret: client.client_secret, grant_type: 'password' };
    const byName = await token({ ...c, username: 'alice', password: 'alice-password-1', scope: 'read' });
    expect(byName.statusCode).toBe(200);
    expect(byName.json().scope).toBe('read');
    expect((await token({ ...c, username: 'ALICE@example.com', password: 'alice-password-1' })).statusCode).toBe(200);
    const bad = await token({ ...c, username: 'alice', password: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('invalid_grant');
    expect((await token({ ...c, username: 'nobody', password: 'nope' })).json().error).toBe('invalid_grant');
    await setSetting(s.ctx.db, 'password_grant', false, new Date());
    const off = await token({ ...c, username: 'alice', password: 'alice-password-1' });
    expect(off.json().error).toBe('unsupported_grant_type');
    const meta = await s.inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' });
    expect(meta.json().grant_types_supported).not.toContain('password');
    await setSetting(s.ctx.db, 'password_grant', true, new Date());
  });

  it('refresh_token rotates: the new pair works, the old access and refresh tokens do not', async () => {
    const c = { client_id: client.client_id, client_secret: client.client_secret };
    const first = (await token({ ...c, grant_type: 'password', username: 'alice', password: 'alice-password-1', scope: 'read write' })).json();
    const second = await token({ ...c, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(second.statusCode).toBe(200);
    expect(second.json().scope).toBe('read write');
    expect(second.json().refresh_token).not.toBe(first.refresh_token);
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: auth(first.access_token) })).statusCode).toBe(401);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: auth(second.json().access_token) })).statusCode).toBe(200);
    expect((await token({ ...c, grant_type: 'refresh_token', refresh_token: first.refresh_token })).json().error).toBe('invalid_grant');
    const widened = await token({ ...c, grant_type: 'refresh_token', refresh_token: second.json().refresh_token, scope: 'read write follow' });
    expect(widened.json().error).toBe('invalid_scope');
  });
});

describe('POST /oauth/revoke', () => {
  it('revokes the token so it gets 401 everywhere', async () => {
    const c = { client_id: client.client_id, client_secret: client.client_secret };
    const t = (await token({ ...c, grant_type: 'password', username: 'alice', password: 'alice-password-1' })).json().access_token;
    const res = await s.inject({ method: 'POST', url: '/oauth/revoke', payload: { ...c, token: t } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
    const after = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: { authorization: `Bearer ${t}` } });
    expect(after.statusCode).toBe(401);
  });

  it('does not let another client revoke a token, and needs client credentials', async () => {
    const c = { client_id: client.client_id, client_secret: client.client_secret };
    const t = (await token({ ...c, grant_type: 'password', username: 'alice', password: 'alice-password-1' })).json().access_token;
    const other = await createApp(s.ctx, { name: 'Other', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'] });
    expect((await s.inject({ method: 'POST', url: '/oauth/revoke', payload: { client_id: other.client_id, client_secret: other.client_secret, token: t } })).statusCode).toBe(200);
    expect((await s.inject({ method: 'POST', url: '/oauth/revoke', payload: { token: t } })).statusCode).toBe(401);
    const still = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: { authorization: `Bearer ${t}` } });
    expect(still.statusCode).toBe(200);
  });
});

describe('discovery and userinfo', () => {
  it('publishes RFC 8414 metadata in Mastodon shape', async () => {
    const res = await s.inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      issuer: 'https://parley.test/',
      authorization_endpoint: 'https://parley.test/oauth/authorize',
      token_endpoint: 'https://parley.test/oauth/token',
      app_registration_endpoint: 'https://parley.test/api/v1/apps',
      revocation_endpoint: 'https://parley.test/oauth/revoke',
      userinfo_endpoint: 'https://parley.test/oauth/userinfo',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
    expect(res.json().scopes_supported).toContain('read:statuses');
    expect(res.json().grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'client_credentials', 'refresh_token']));
  });

  it('answers userinfo for a profile-scoped token', async () => {
    const c = { client_id: client.client_id, client_secret: client.client_secret };
    const t = (await token({ ...c, grant_type: 'password', username: 'alice', password: 'alice-password-1', scope: 'profile' })).json().access_token;
    const res = await s.inject({ method: 'GET', url: '/oauth/userinfo', headers: { authorization: `Bearer ${t}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ iss: 'https://parley.test/', preferred_username: 'alice', profile: 'https://parley.test/@alice', sub: 'https://parley.test/users/alice' });
    expect((await s.inject({ method: 'GET', url: '/oauth/userinfo' })).statusCode).toBe(401);
    // profile grants verify_credentials but nothing else.
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: { authorization: `Bearer ${t}` } })).statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/v1/preferences', headers: { authorization: `Bearer ${t}` } })).statusCode).toBe(403);
  });
});

describe('web sign-in', () => {
  it('refuses a wrong password with the same message as an unknown user', async () => {
    const b = browser();
    const page = await b.get('/auth/sign_in');
    const csrf = csrfOf(page.body);
    const r1 = await b.post('/auth/sign_in', { csrf_token: csrf, login: 'alice', password: 'wrong-password' });
    const r2 = await b.post('/auth/sign_in', { csrf_token: csrf, login: 'nobody', password: 'wrong-password' });
    expect(r1.statusCode).toBe(422);
    expect(r2.statusCode).toBe(422);
    expect(r1.body).toContain('Invalid username, e-mail address or password.');
    expect(r2.body).toContain('Invalid username, e-mail address or password.');
    expect(b.jar.has('parley_session')).toBe(false);
  });

  it('refuses a sign-in without the CSRF cookie, ignores foreign return_to, and signs out', async () => {
    const b = browser();
    const page = await b.get('/auth/sign_in');
    const csrf = csrfOf(page.body);
    const fresh = browser();
    expect((await fresh.post('/auth/sign_in', { csrf_token: csrf, login: 'alice', password: 'alice-password-1' })).statusCode).toBe(403);
    const ok = await b.post('/auth/sign_in', { csrf_token: csrf, login: 'alice', password: 'alice-password-1', return_to: '//evil.example/x' });
    expect(ok.headers.location).toBe('/settings/applications');
    const consent = await b.get(authorizeUrl());
    expect(consent.statusCode).toBe(200);
    const out = await b.post('/auth/sign_out', { csrf_token: csrfOf(consent.body) });
    expect(out.statusCode).toBe(303);
    expect((await b.get(authorizeUrl())).statusCode).toBe(302);
  });
});
