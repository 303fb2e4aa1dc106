// Store-safe applications: an admin flags an OAuth app (an app-store build) and its users stop
// seeing posts labelled sensitive or held, in every read path, while the same person's other
// apps keep showing them. The flag is admin-only and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminActionLogJson, AdminAppJson, NotificationJson, StatusJson } from '../../api/entities.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { issueToken } from '../../src/services/oauth/issue-token.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];

let s: TestServer;
let admin: TestUser;
let mod: TestUser;
let alice: TestUser;
let bob: TestUser;
let storeApp: { id: string; client_id: string };
/** alice's token of the app-store build. */
let aliceStore: string;

const asStore = (url: string, method: 'GET' | 'POST' = 'GET') => s.inject({ method, url, headers: { authorization: `Bearer ${aliceStore}` } });
const ids = (list: StatusJson[]) => list.map((x) => x.id);

async function post(user: TestUser, body: Record<string, unknown>): Promise<StatusJson> {
  const res = await user.post('/api/v1/statuses', body);
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  s = await createTestServer();
  admin = await s.createUser('root', { role: 'admin', scopes: STAFF_SCOPES });
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  const app = await createApp(s.ctx, { name: 'Parley for iOS', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write follow push' });
  storeApp = app;
  aliceStore = (await issueToken(s.ctx, { appId: app.id, accountId: alice.id, scopes: ['read', 'write', 'follow', 'push'] })).accessToken;
  expect((await alice.post(`/api/v1/accounts/${bob.id}/follow`)).statusCode).toBe(200);
});
afterAll(() => s.close());

describe('the admin flag', () => {
  it('lists applications with their flag and users, to admins only', async () => {
    const res = await admin.get('/api/v1/admin/apps');
    expect(res.statusCode).toBe(200);
    const listed = (res.json() as AdminAppJson[]).find((a) => a.id === storeApp.id);
    expect(listed).toMatchObject({ name: 'Parley for iOS', store_safe: false, users_count: 1 });
    expect((await mod.get('/api/v1/admin/apps')).statusCode).toBe(403);
    expect((await alice.get('/api/v1/admin/apps')).statusCode).toBe(403);
  });

  it('refuses bad input and unknown apps without changing anything', async () => {
    expect((await admin.put(`/api/v1/admin/apps/${storeApp.id}`, { store_safe: 'perhaps' })).statusCode).toBe(422);
    expect((await admin.put('/api/v1/admin/apps/nope', { store_safe: true })).statusCode).toBe(404);
    expect((await mod.put(`/api/v1/admin/apps/${storeApp.id}`, { store_safe: true })).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/admin/apps/${storeApp.id}`)).json().store_safe).toBe(false);
  });

  it('is set by an admin and written to the audit log', async () => {
    const res = await admin.put(`/api/v1/admin/apps/${storeApp.id}`, { store_safe: 'true' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: storeApp.id, store_safe: true });
    const log = (await admin.get('/api/v1/admin/action_logs?target_type=application')).json() as AdminActionLogJson[];
    expect(log.map((l) => l.action)).toContain('app.store_safe');
  });
});

describe('what a store-safe app shows', () => {
  let plain: StatusJson;
  let marked: StatusJson;
  let warned: StatusJson;
  let reblogOfMarked: StatusJson;
  let aliceOwnMarked: StatusJson;

  beforeAll(async () => {
    plain = await post(bob, { status: 'a walk in the park' });
    marked = await post(bob, { status: 'graphic', sensitive: true });
    warned = await post(bob, { status: 'behind a warning', spoiler_text: 'gore' });
    aliceOwnMarked = await post(alice, { status: 'my own marked post', sensitive: true });
    const carol = await s.createUser('carol');
    expect((await alice.post(`/api/v1/accounts/${carol.id}/follow`)).statusCode).toBe(200);
    reblogOfMarked = (await carol.post(`/api/v1/statuses/${marked.id}/reblog`)).json();
    await s.drainJobs();
  });

  it('leaves sensitive posts of others out of timelines, but not the viewer’s own', async () => {
    const store = ids((await asStore('/api/v1/timelines/home')).json());
    expect(store).toContain(plain.id);
    expect(store).toContain(aliceOwnMarked.id);
    expect(store).not.toContain(marked.id);
    // A content warning labels a post sensitive, as in Mastodon.
    expect(warned.sensitive).toBe(true);
    expect(store).not.toContain(warned.id);
    // The same person on another app sees everything.
    const web = ids((await alice.get('/api/v1/timelines/home')).json());
    expect(web).toEqual(expect.arrayContaining([plain.id, marked.id, warned.id]));
  });

  it('hides them on profiles, the public timeline and by id', async () => {
    expect(ids((await asStore(`/api/v1/accounts/${bob.id}/statuses`)).json())).not.toContain(marked.id);
    // A boost of a sensitive post is left out with it.
    expect(ids((await asStore(`/api/v1/accounts/${reblogOfMarked.account.id}/statuses`)).json())).not.toContain(reblogOfMarked.id);
    expect(ids((await alice.get(`/api/v1/accounts/${reblogOfMarked.account.id}/statuses`)).json())).toContain(reblogOfMarked.id);
    expect(ids((await asStore('/api/v1/timelines/public')).json())).not.toContain(marked.id);
    expect((await asStore(`/api/v1/statuses/${marked.id}`)).statusCode).toBe(404);
    expect((await asStore(`/api/v1/statuses/${plain.id}`)).statusCode).toBe(200);
    // Acting on a post it cannot see is refused as for any invisible post.
    expect((await asStore(`/api/v1/statuses/${marked.id}/favourite`, 'POST')).statusCode).toBe(404);
  });

  it('hides sensitive replies in a thread and notifications about sensitive posts', async () => {
    const reply = await post(bob, { status: '@alice look at this', in_reply_to_id: plain.id, sensitive: true });
    await s.drainJobs();
    const context = (await asStore(`/api/v1/statuses/${plain.id}/context`)).json() as { descendants: StatusJson[] };
    expect(ids(context.descendants)).not.toContain(reply.id);
    const storeNotes = (await asStore('/api/v1/notifications')).json() as NotificationJson[];
    expect(storeNotes.map((n) => n.status?.id)).not.toContain(reply.id);
    const webNotes = (await alice.get('/api/v1/notifications')).json() as NotificationJson[];
    expect(webNotes.map((n) => n.status?.id)).toContain(reply.id);
  });

  it('hides every post of an author whose media a moderator marked sensitive', async () => {
    const dave = await s.createUser('dave');
    const daves = await post(dave, { status: 'plain words' });
    expect((await asStore(`/api/v1/statuses/${daves.id}`)).statusCode).toBe(200);
    expect((await mod.post(`/api/v1/admin/accounts/${dave.id}/action`, { type: 'sensitive', text: 'graphic media' })).statusCode).toBe(200);
    expect((await asStore(`/api/v1/statuses/${daves.id}`)).statusCode).toBe(404);
    expect((await alice.get(`/api/v1/statuses/${daves.id}`)).statusCode).toBe(200);
  });

  it('shows everything again once the admin lifts the flag', async () => {
    expect((await admin.put(`/api/v1/admin/apps/${storeApp.id}`, { store_safe: false })).json().store_safe).toBe(false);
    expect((await asStore(`/api/v1/statuses/${marked.id}`)).statusCode).toBe(200);
    expect((await admin.put(`/api/v1/admin/apps/${storeApp.id}`, { store_safe: true })).statusCode).toBe(200);
  });
});
