import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser, bob: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
});
afterAll(() => s.close());

describe('tags and followed tags', () => {
  it('follows a tag, which brings public tagged posts into home', async () => {
    const res = await alice.post('/api/v1/tags/Gardening/follow');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Gardening', following: true, url: expect.stringContaining('/tags/gardening') });
    expect(res.json().history).toHaveLength(7);
    const pub = (await bob.post('/api/v1/statuses', { status: 'tomatoes #gardening' })).json().id;
    const unl = (await bob.post('/api/v1/statuses', { status: 'quiet #gardening', visibility: 'unlisted' })).json().id;
    await s.drainJobs();
    const home = (await alice.get('/api/v1/timelines/home')).json().map((x: { id: string }) => x.id);
    expect(home).toContain(pub);
    expect(home).not.toContain(unl);
    expect((await alice.get('/api/v1/followed_tags')).json().map((t: { name: string }) => t.name)).toEqual(['Gardening']);
    const tag = (await s.inject({ method: 'GET', url: '/api/v1/tags/gardening' })).json();
    expect(tag.following).toBeUndefined();
    expect(tag.history[0].uses).toBe('1');
    expect((await alice.post('/api/v1/tags/gardening/unfollow')).json().following).toBe(false);
    expect((await alice.get('/api/v1/followed_tags')).json()).toEqual([]);
  });

  it('404s for unknown tags and 422s for invalid names', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v1/tags/neverused' })).statusCode).toBe(404);
    expect((await alice.post('/api/v1/tags/no%20spaces/follow')).statusCode).toBe(422);
    expect((await alice.post('/api/v1/tags/neverused/unfollow')).statusCode).toBe(404);
  });
});

describe('featured tags', () => {
  it('features, lists publicly, suggests and removes', async () => {
    await alice.post('/api/v1/statuses', { status: 'I love #rust and #rust and #go' });
    const res = await alice.post('/api/v1/featured_tags', { name: '#Rust' });
    expect(res.statusCode).toBe(200);
    // The tag exists already, written #rust: its display name stays.
    expect(res.json()).toMatchObject({ name: 'rust', statuses_count: '1', url: expect.stringContaining('/@alice/tagged/rust') });
    expect((await alice.post('/api/v1/featured_tags', { name: 'rust' })).statusCode).toBe(422);
    expect((await alice.post('/api/v1/featured_tags', {})).statusCode).toBe(422);
    const pub = (await s.inject({ method: 'GET', url: `/api/v1/accounts/${alice.id}/featured_tags` })).json();
    expect(pub.map((t: { name: string }) => t.name)).toEqual(['rust']);
    expect((await alice.get('/api/v1/featured_tags/suggestions')).json().map((t: { name: string }) => t.name)).toEqual(['go']);
    expect((await bob.delete(`/api/v1/featured_tags/${res.json().id}`)).statusCode).toBe(404);
    expect((await alice.delete(`/api/v1/featured_tags/${res.json().id}`)).statusCode).toBe(200);
    expect((await alice.get('/api/v1/featured_tags')).json()).toEqual([]);
  });
});

describe('directory', () => {
  it('lists discoverable accounts, newest first with order=new', async () => {
    await s.ctx.db.updateTable('accounts').set({ discoverable: 0 }).where('id', '=', bob.id).execute();
    const res = await s.inject({ method: 'GET', url: '/api/v1/directory?order=new&local=true' });
    expect(res.json().map((a: { id: string }) => a.id)).toEqual([alice.id]);
    expect((await s.inject({ method: 'GET', url: '/api/v1/directory?order=weird' })).statusCode).toBe(422);
    expect((await s.inject({ method: 'GET', url: '/api/v1/directory?offset=1' })).json()).toEqual([]);
  });
});
