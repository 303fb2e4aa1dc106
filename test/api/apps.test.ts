import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer();
});
afterAll(() => s.close());

describe('POST /api/v1/apps', () => {
  it('registers an app from a form body and returns its credentials', async () => {
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/apps',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'client_name=Tusky&redirect_uris=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scopes=read+write+follow&website=https%3A%2F%2Ftusky.app',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Tusky', website: 'https://tusky.app', redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', scopes: ['read', 'write', 'follow'] });
    expect(body.client_id).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.client_secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('accepts JSON with an array of redirect URIs', async () => {
    const res = await s.inject({ method: 'POST', url: '/api/v1/apps', payload: { client_name: 'Elk', redirect_uris: ['https://elk.zone/callback', 'elk://cb'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().redirect_uris).toEqual(['https://elk.zone/callback', 'elk://cb']);
    expect(res.json().scopes).toEqual(['read']);
  });

  it.each([
    [{ redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' }, /client_name/],
    [{ client_name: 'x' }, /redirect_uris/],
    [{ client_name: 'x', redirect_uris: 'not a uri' }, /Redirect URI/],
    [{ client_name: 'x', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read bogus' }, /bogus/],
  ])('refuses %j with a 422 and stores nothing', async (payload, message) => {
    const before = await s.ctx.db.selectFrom('apps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await s.inject({ method: 'POST', url: '/api/v1/apps', payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(message);
    const after = await s.ctx.db.selectFrom('apps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers malformed JSON with a 400 in Mastodon error shape', async () => {
    const res = await s.inject({ method: 'POST', url: '/api/v1/apps', headers: { 'content-type': 'application/json' }, payload: '{"client_name":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Malformed JSON in request body' });
  });
});

describe('GET /api/v1/apps/verify_credentials', () => {
  it('describes the app of the token with the token scopes', async () => {
    const alice = await s.createUser('alice');
    const res = await alice.get('/api/v1/apps/verify_credentials');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Test client', scopes: ['read', 'write', 'follow', 'push'] });
    expect(res.json().client_secret).toBeUndefined();
  });
  it('refuses a missing or bad token with 401', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v1/apps/verify_credentials' })).statusCode).toBe(401);
    const res = await s.inject({ method: 'GET', url: '/api/v1/apps/verify_credentials', headers: { authorization: 'Bearer nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'The access token is invalid' });
  });
});

describe('unknown routes', () => {
  it('answer a JSON 404', async () => {
    const res = await s.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Record not found' });
  });
});

describe('token use', () => {
  it('records when a token was last used, at most once an hour', async () => {
    const dora = await s.createUser('dora');
    const lastUsed = async () => (await s.ctx.db.selectFrom('oauth_tokens').select('last_used_at').where('account_id', '=', dora.id).executeTakeFirstOrThrow()).last_used_at;
    expect(await lastUsed()).toBeNull();
    await dora.get('/api/v1/apps/verify_credentials');
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await dora.get('/api/v1/apps/verify_credentials');
    expect(await lastUsed()).toBe(first);
  });
});
