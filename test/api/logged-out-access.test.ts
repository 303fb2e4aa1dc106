// What people who are not signed in may read. By default public profiles and posts are open,
// like Mastodon. An admin can close the API and the public pages to them (logged_out_access:
// none), and each person can hide their own posts from them (hide_from_logged_out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusJson } from '../../api/entities.ts';
import { setSetting } from '../../src/db/repos/settings.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let post: StatusJson;
let appToken: string;

const anonymous = (url: string, headers: Record<string, string> = {}) => s.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  post = (await alice.post('/api/v1/statuses', { status: 'hello #world' })).json();
  const client = await createApp(s.ctx, { name: 'reader', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read' });
  appToken = (await s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'read' } })).json().access_token;
  await s.drainJobs();
});
afterAll(() => s.close());

/** Every API route that serves people's content to anonymous visitors when the server allows it. */
const contentRoutes = () => [
  '/api/v1/timelines/public',
  '/api/v1/timelines/tag/world',
  `/api/v1/statuses/${post.id}`,
  `/api/v1/statuses/${post.id}/context`,
  `/api/v1/statuses/${post.id}/history`,
  `/api/v1/statuses/${post.id}/favourited_by`,
  `/api/v1/accounts/${alice.id}`,
  `/api/v1/accounts/${alice.id}/statuses`,
  `/api/v1/accounts/${alice.id}/followers`,
  `/api/v1/accounts/${alice.id}/featured_tags`,
  `/api/v1/accounts?id[]=${alice.id}`,
  '/api/v1/accounts/lookup?acct=alice',
  '/api/v1/accounts/search?q=alice',
  '/api/v2/search?q=hello',
  '/api/v1/tags/world',
  '/api/v1/directory',
  '/api/v1/trends/tags',
];

describe('by default (logged_out_access: public)', () => {
  it('serves public content to anonymous visitors and says so in the instance', async () => {
    for (const url of contentRoutes()) expect((await anonymous(url)).statusCode, url).toBe(200);
    const instance = (await anonymous('/api/v2/instance')).json();
    expect(instance.configuration.timelines_access.live_feeds).toEqual({ local: 'public', remote: 'public' });
    expect((await anonymous('/@alice')).statusCode).toBe(200);
  });
});

describe('when the admin closes logged-out access', () => {
  beforeAll(() => setSetting(s.ctx.db, 'logged_out_access', 'none', new Date()));
  afterAll(() => setSetting(s.ctx.db, 'logged_out_access', 'public', new Date()));

  it('refuses every content route without a user token, with Mastodon’s error', async () => {
    for (const url of contentRoutes()) {
      const res = await anonymous(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toEqual({ error: 'This API requires an authenticated user' });
      // An app's own token is not a person either.
      expect((await anonymous(url, { authorization: `Bearer ${appToken}` })).statusCode, url).toBe(401);
    }
  });

  it('keeps serving signed-in people', async () => {
    for (const url of contentRoutes()) expect((await bob.get(url)).statusCode, url).toBe(200);
  });

  it('keeps what a client needs before sign-in open, and tells clients feeds need a login', async () => {
    for (const url of ['/api/v1/instance', '/api/v2/instance', '/api/v1/instance/rules', '/api/v1/custom_emojis', '/nodeinfo/2.0']) expect((await anonymous(url)).statusCode, url).toBe(200);
    expect((await anonymous('/api/v2/instance')).json().configuration.timelines_access.live_feeds).toEqual({ local: 'authenticated', remote: 'authenticated' });
  });

  it('closes the public profile and post pages too', async () => {
    for (const url of ['/@alice', `/@alice/${post.id}`]) {
      const page = await anonymous(url);
      expect(page.statusCode, url).toBe(403);
      expect(page.body).toContain('only to people who are signed in');
      expect(page.body).not.toContain('hello');
    }
  });
});

describe('a person who hides their posts from logged-out visitors', () => {
  let hidden: StatusJson;
  beforeAll(async () => {
    const res = await alice.patch('/api/v1/accounts/update_credentials', { hide_from_logged_out: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().source.hide_from_logged_out).toBe(true);
    hidden = (await alice.post('/api/v1/statuses', { status: 'for members only' })).json();
    await s.drainJobs();
  });

  it('is invisible to anonymous visitors, everywhere', async () => {
    expect((await anonymous(`/api/v1/statuses/${hidden.id}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/v1/statuses/${post.id}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/v1/accounts/${alice.id}/statuses`)).json()).toEqual([]);
    const timeline = (await anonymous('/api/v1/timelines/public')).json() as StatusJson[];
    expect(timeline.map((x) => x.id)).not.toContain(hidden.id);
    const page = await anonymous('/@alice');
    expect(page.body).toContain('shows their posts only to people who are signed in');
    expect(page.body).not.toContain('for members only');
    expect((await anonymous(`/@alice/${hidden.id}`)).statusCode).toBe(404);
  });

  it('is still seen by signed-in people, and again by everyone once the choice is undone', async () => {
    expect((await bob.get(`/api/v1/statuses/${hidden.id}`)).statusCode).toBe(200);
    expect(((await bob.get('/api/v1/timelines/public')).json() as StatusJson[]).map((x) => x.id)).toContain(hidden.id);
    expect((await alice.patch('/api/v1/accounts/update_credentials', { hide_from_logged_out: 'false' })).json().source.hide_from_logged_out).toBe(false);
    expect((await anonymous(`/api/v1/statuses/${hidden.id}`)).statusCode).toBe(200);
  });
});
