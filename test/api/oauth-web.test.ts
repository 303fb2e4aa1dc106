import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { browser, csrfOf, signedIn } from './oauth-browser.ts';
import { createSetupToken } from '../../src/services/setup/first-admin.ts';
import { announceSetup } from '../../src/services/setup/announce-setup.ts';

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer();
});
afterAll(() => s.close());

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('first admin setup link', () => {
  it('creates the first admin once, then the link is spent', async () => {
    const token = (await createSetupToken(s.ctx))!;
    expect(token).toBeTruthy();
    const stored = await s.ctx.db.selectFrom('setup_tokens').selectAll().execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect((await browser(s).get('/setup/not-a-token')).statusCode).toBe(404);

    const b = browser(s);
    const page = await b.get(`/setup/${token}`);
    expect(page.statusCode).toBe(200);
    const bad = await b.post(`/setup/${token}`, { csrf_token: csrfOf(page.body), username: 'root', email: 'root@example.com', password: 'short' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Password is too short');
    const ok = await b.post(`/setup/${token}`, { csrf_token: csrfOf(page.body), username: 'root', email: 'root@example.com', password: 'a long admin password' });
    expect(ok.statusCode).toBe(303);
    const admin = await s.ctx.db.selectFrom('accounts').selectAll().where('username', '=', 'root').executeTakeFirstOrThrow();
    expect(admin.role).toBe('admin');
    // Signed in straight away.
    expect((await b.get('/settings/applications')).statusCode).toBe(200);

    const again = await browser(s).get(`/setup/${token}`);
    expect(again.statusCode).toBe(404);
    const replay = await b.post(`/setup/${token}`, { csrf_token: csrfOf(page.body), username: 'root2', email: 'root2@example.com', password: 'a long admin password' });
    expect(replay.statusCode).toBe(404);
    expect(await s.ctx.db.selectFrom('accounts').selectAll().where('username', '=', 'root2').executeTakeFirst()).toBeUndefined();
    // With an admin in place, no new link is made.
    expect(await createSetupToken(s.ctx)).toBeNull();
    await announceSetup(s.ctx);
    expect(await s.ctx.db.selectFrom('setup_tokens').selectAll().execute()).toHaveLength(0);
  });

  it('refuses an expired link', async () => {
    const t = await createTestServer();
    try {
      const token = (await createSetupToken(t.ctx))!;
      await t.ctx.db.updateTable('setup_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
      expect((await browser(t).get(`/setup/${token}`)).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('development page', () => {
  it('needs a session', async () => {
    const res = await browser(s).get('/settings/applications');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/auth\/sign_in\?return_to=/);
  });

  it('creates an app with a token for oneself, regenerates it, and deletes the app', async () => {
    const dev = await s.createUser('dev');
    const b = await signedIn(s, 'dev', dev.password);
    const page = await b.get('/settings/applications');
    const csrf = csrfOf(page.body);
    const created = await b.post('/settings/applications', `csrf_token=${csrf}&name=My+%3Cbot%3E&redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scopes%5B%5D=read&scopes%5B%5D=write%3Astatuses`);
    expect(created.statusCode).toBe(200);
    expect(created.body).toContain('My &lt;bot&gt;');
    const token1 = /<code id="access_token">([^<]+)<\/code>/.exec(created.body)![1]!;
    expect(/<code id="client_id">([^<]+)<\/code>/.exec(created.body)).not.toBeNull();
    const me = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(token1) });
    expect(me.json().username).toBe('dev');
    const app = await s.ctx.db.selectFrom('apps').selectAll().where('owner_account_id', '=', dev.id).executeTakeFirstOrThrow();
    expect(app.scopes).toBe('read write:statuses');

    const regen = await b.post(`/settings/applications/${app.id}/regenerate`, { csrf_token: csrf });
    const token2 = /<code id="access_token">([^<]+)<\/code>/.exec(regen.body)![1]!;
    expect(token2).not.toBe(token1);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(token1) })).statusCode).toBe(401);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(token2) })).statusCode).toBe(200);

    // Someone else cannot touch it, and a forged form changes nothing.
    const other = await s.createUser('other');
    const ob = await signedIn(s, 'other', other.password);
    const otherCsrf = csrfOf((await ob.get('/settings/applications')).body);
    expect((await ob.post(`/settings/applications/${app.id}/delete`, { csrf_token: otherCsrf })).statusCode).toBe(404);
    expect((await b.post(`/settings/applications/${app.id}/delete`, { csrf_token: 'forged' })).statusCode).toBe(403);
    expect(await s.ctx.db.selectFrom('apps').selectAll().where('id', '=', app.id).executeTakeFirst()).toBeDefined();

    const del = await b.post(`/settings/applications/${app.id}/delete`, { csrf_token: csrf });
    expect(del.statusCode).toBe(303);
    expect(await s.ctx.db.selectFrom('apps').selectAll().where('id', '=', app.id).executeTakeFirst()).toBeUndefined();
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(token2) })).statusCode).toBe(401);
  });

  it('re-shows the form with the problem for an invalid app', async () => {
    const dev2 = await s.createUser('dev2');
    const b = await signedIn(s, 'dev2', dev2.password);
    const csrf = csrfOf((await b.get('/settings/applications')).body);
    const res = await b.post('/settings/applications', { csrf_token: csrf, name: '', redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('name');
    expect(await s.ctx.db.selectFrom('apps').selectAll().where('owner_account_id', '=', dev2.id).execute()).toHaveLength(0);
  });
});

describe('web sign-up', () => {
  it('creates an account from the form and signs in', async () => {
    const b = browser(s);
    const page = await b.get('/auth/sign_up');
    expect(page.statusCode).toBe(200);
    const res = await b.post('/auth/sign_up', { csrf_token: csrfOf(page.body), username: 'webby', email: 'webby@example.com', password: 'long enough pw', agreement: '1' });
    expect(res.statusCode).toBe(303);
    expect((await b.get('/settings/applications')).statusCode).toBe(200);
  });

  it('re-shows the form on errors, escaping what was typed', async () => {
    const b = browser(s);
    const page = await b.get('/auth/sign_up');
    const res = await b.post('/auth/sign_up', { csrf_token: csrfOf(page.body), username: '<script>', email: 'x@example.com', password: 'long enough pw', agreement: '1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="&lt;script&gt;"');
    expect(res.body).not.toContain('<script>');
    const noAgree = await b.post('/auth/sign_up', { csrf_token: csrfOf(page.body), username: 'fine', email: 'fine@example.com', password: 'long enough pw' });
    expect(noAgree.statusCode).toBe(422);
    expect(await s.ctx.db.selectFrom('accounts').selectAll().where('username', '=', 'fine').executeTakeFirst()).toBeUndefined();
  });
});

describe('GET /', () => {
  it('introduces the server and links to sign-up and sign-in', async () => {
    const res = await s.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<code>parley.test</code>');
    expect(res.body).toContain('href="/auth/sign_up"');
    expect(res.body).toContain('href="/auth/sign_in"');
  });
});

describe('GET /oauth/authorize without parameters', () => {
  it('answers an HTML error page, not a redirect', async () => {
    const res = await s.inject({ method: 'GET', url: '/oauth/authorize' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers.location).toBeUndefined();
  });
});
