import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol', { locked: true });
  dave = await s.createUser('dave');
});
afterAll(() => s.close());

const counts = async (id: string) => {
  const a = await s.ctx.db.selectFrom('accounts').select(['followers_count', 'following_count']).where('id', '=', id).executeTakeFirstOrThrow();
  return { followers: a.followers_count, following: a.following_count };
};
const notificationsOf = (id: string) => s.ctx.db.selectFrom('notifications').selectAll().where('account_id', '=', id).execute();
const relationship = async (u: TestUser, id: string) => (await u.get(`/api/v1/accounts/relationships?id[]=${id}`)).json()[0];

describe('follow / unfollow', () => {
  it('follows an unlocked account, updates counters and notifies once', async () => {
    const res = await alice.post(`/api/v1/accounts/${bob.id}/follow`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: bob.id, following: true, showing_reblogs: true, notifying: false, languages: null, followed_by: false, blocking: false,
      blocked_by: false, muting: false, muting_notifications: false, muting_expires_at: null, requested: false, requested_by: false,
      domain_blocking: false, endorsed: false, note: '',
    });
    await alice.post(`/api/v1/accounts/${bob.id}/follow`);
    await s.drainJobs();
    expect(await counts(alice.id)).toEqual({ followers: 0, following: 1 });
    expect(await counts(bob.id)).toEqual({ followers: 1, following: 0 });
    const notes = await notificationsOf(bob.id);
    expect(notes.map((n) => [n.type, n.from_account_id])).toEqual([['follow', alice.id]]);
    expect((await relationship(bob, alice.id)).followed_by).toBe(true);
  });

  it('following again updates the options (form body, languages[])', async () => {
    const res = await alice.post(`/api/v1/accounts/${bob.id}/follow`, 'reblogs=false&notify=true&languages[]=en&languages[]=de', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.json()).toMatchObject({ following: true, showing_reblogs: false, notifying: true, languages: ['en', 'de'] });
    expect(await counts(bob.id)).toEqual({ followers: 1, following: 0 });
  });

  it('asks a locked account, which can authorize', async () => {
    const res = await alice.post(`/api/v1/accounts/${carol.id}/follow`);
    expect(res.json()).toMatchObject({ following: false, requested: true });
    await s.drainJobs();
    expect((await notificationsOf(carol.id)).map((n) => n.type)).toEqual(['follow_request']);
    expect((await relationship(carol, alice.id)).requested_by).toBe(true);
    const list = await carol.get('/api/v1/follow_requests');
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([alice.id]);
    const ok = await carol.post(`/api/v1/follow_requests/${alice.id}/authorize`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: alice.id, followed_by: true, requested_by: false });
    expect((await relationship(alice, carol.id))).toMatchObject({ following: true, requested: false });
    expect(await counts(carol.id)).toEqual({ followers: 1, following: 0 });
    expect((await carol.post(`/api/v1/follow_requests/${alice.id}/authorize`)).statusCode).toBe(404);
  });

  it('rejects a follow request and withdraws one on unfollow', async () => {
    await bob.post(`/api/v1/accounts/${carol.id}/follow`);
    expect((await carol.post(`/api/v1/follow_requests/${bob.id}/reject`)).json()).toMatchObject({ followed_by: false, requested_by: false });
    await bob.post(`/api/v1/accounts/${carol.id}/follow`);
    expect((await bob.post(`/api/v1/accounts/${carol.id}/unfollow`)).json()).toMatchObject({ requested: false, following: false });
    expect((await carol.get('/api/v1/follow_requests')).json()).toEqual([]);
    expect((await carol.post(`/api/v1/follow_requests/${bob.id}/reject`)).statusCode).toBe(404);
  });

  it('unfollows and decrements counters once', async () => {
    await dave.post(`/api/v1/accounts/${bob.id}/follow`);
    expect(await counts(bob.id)).toEqual({ followers: 2, following: 0 });
    expect((await dave.post(`/api/v1/accounts/${bob.id}/unfollow`)).json()).toMatchObject({ following: false });
    await dave.post(`/api/v1/accounts/${bob.id}/unfollow`);
    expect(await counts(bob.id)).toEqual({ followers: 1, following: 0 });
    expect(await counts(dave.id)).toEqual({ followers: 0, following: 0 });
  });

  it('refuses self-follow (422), unknown ids (404), bad options (422) and missing tokens (401)', async () => {
    expect((await alice.post(`/api/v1/accounts/${alice.id}/follow`)).statusCode).toBe(422);
    expect((await alice.post('/api/v1/accounts/01ARZ3NDEKTSV4RRFFQ69G5FAV/follow')).statusCode).toBe(404);
    expect((await alice.post('/api/v1/accounts/123/follow')).statusCode).toBe(404);
    const bad = await dave.post(`/api/v1/accounts/${alice.id}/follow`, { reblogs: 'maybe' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatch(/reblogs/);
    expect((await relationship(dave, alice.id)).following).toBe(false);
    expect((await s.inject({ method: 'POST', url: `/api/v1/accounts/${bob.id}/follow` })).statusCode).toBe(401);
    const readOnly = await s.createUser('reader', { scopes: ['read'] });
    expect((await readOnly.post(`/api/v1/accounts/${bob.id}/follow`)).statusCode).toBe(403);
  });

  it('remove_from_followers makes the follower stop following', async () => {
    await dave.post(`/api/v1/accounts/${bob.id}/follow`);
    const res = await bob.post(`/api/v1/accounts/${dave.id}/remove_from_followers`);
    expect(res.json()).toMatchObject({ id: dave.id, followed_by: false });
    expect((await relationship(dave, bob.id)).following).toBe(false);
  });
});

describe('block / mute', () => {
  it('block removes follows both ways, forbids following, and unblock restores nothing', async () => {
    const erin = await s.createUser('erin');
    const frank = await s.createUser('frank');
    await erin.post(`/api/v1/accounts/${frank.id}/follow`);
    await frank.post(`/api/v1/accounts/${erin.id}/follow`);
    const res = await erin.post(`/api/v1/accounts/${frank.id}/block`);
    expect(res.json()).toMatchObject({ blocking: true, following: false, followed_by: false });
    expect(await counts(erin.id)).toEqual({ followers: 0, following: 0 });
    expect((await relationship(frank, erin.id)).blocked_by).toBe(true);
    expect((await frank.post(`/api/v1/accounts/${erin.id}/follow`)).statusCode).toBe(403);
    expect((await erin.get('/api/v1/blocks')).json().map((a: { id: string }) => a.id)).toEqual([frank.id]);
    expect((await erin.post(`/api/v1/accounts/${frank.id}/unblock`)).json()).toMatchObject({ blocking: false, following: false });
    expect((await erin.get('/api/v1/blocks')).json()).toEqual([]);
    expect((await erin.post(`/api/v1/accounts/${erin.id}/block`)).statusCode).toBe(422);
  });

  it('mutes with and without notifications and a duration', async () => {
    const res = await alice.post(`/api/v1/accounts/${dave.id}/mute`, { notifications: false, duration: 3600 });
    expect(res.json()).toMatchObject({ muting: true, muting_notifications: false });
    expect(Date.parse(res.json().muting_expires_at) - Date.now()).toBeGreaterThan(3500_000);
    const again = await alice.post(`/api/v1/accounts/${dave.id}/mute`);
    expect(again.json()).toMatchObject({ muting: true, muting_notifications: true, muting_expires_at: null });
    expect((await alice.get('/api/v1/mutes')).json().map((a: { id: string }) => a.id)).toEqual([dave.id]);
    expect((await alice.post(`/api/v1/accounts/${dave.id}/mute`, { duration: -5 })).statusCode).toBe(422);
    expect((await alice.post(`/api/v1/accounts/${alice.id}/mute`)).statusCode).toBe(422);
    expect((await alice.post(`/api/v1/accounts/${dave.id}/unmute`)).json()).toMatchObject({ muting: false });
  });

  it('no notification from a blocked account or one muted with notifications', async () => {
    const gina = await s.createUser('gina');
    const hank = await s.createUser('hank');
    await gina.post(`/api/v1/accounts/${hank.id}/mute`);
    await hank.post(`/api/v1/accounts/${gina.id}/follow`);
    await s.drainJobs();
    expect(await notificationsOf(gina.id)).toEqual([]);
    await gina.post(`/api/v1/accounts/${hank.id}/unmute`);
    await hank.post(`/api/v1/accounts/${gina.id}/unfollow`);
    await hank.post(`/api/v1/accounts/${gina.id}/follow`);
    await s.drainJobs();
    expect((await notificationsOf(gina.id)).length).toBe(1);
  });
});

describe('followers / following lists', () => {
  it('pages by follow with Link headers', async () => {
    const star = await s.createUser('star');
    const fans: TestUser[] = [];
    for (const n of ['fan1', 'fan2', 'fan3']) {
      const u = await s.createUser(n);
      await u.post(`/api/v1/accounts/${star.id}/follow`);
      fans.push(u);
    }
    const first = await s.inject({ method: 'GET', url: `/api/v1/accounts/${star.id}/followers?limit=2` });
    expect(first.json().map((a: { id: string }) => a.id)).toEqual([fans[2]!.id, fans[1]!.id]);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link as string)![1]!;
    const second = await s.inject({ method: 'GET', url: next.replace(s.config.baseUrl, '') });
    expect(second.json().map((a: { id: string }) => a.id)).toEqual([fans[0]!.id]);
    const following = await fans[0]!.get(`/api/v1/accounts/${fans[0]!.id}/following`);
    expect(following.json().map((a: { username: string }) => a.username)).toEqual(['star']);
  });

  it('respects hide_collections for others but not the owner', async () => {
    await s.ctx.db.updateTable('accounts').set({ hide_collections: 1 }).where('id', '=', bob.id).execute();
    expect((await dave.get(`/api/v1/accounts/${bob.id}/followers`)).json()).toEqual([]);
    expect((await bob.get(`/api/v1/accounts/${bob.id}/followers`)).json().length).toBe(1);
    await s.ctx.db.updateTable('accounts').set({ hide_collections: 0 }).where('id', '=', bob.id).execute();
  });

  it('404s for unknown accounts and 400s for bad cursors', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/01ARZ3NDEKTSV4RRFFQ69G5FAV/followers' })).statusCode).toBe(404);
    expect((await s.inject({ method: 'GET', url: `/api/v1/accounts/${bob.id}/followers?max_id=1x` })).statusCode).toBe(400);
    // A bare number is a Mastodon snowflake id: a time bound, here the epoch, before everything.
    expect((await s.inject({ method: 'GET', url: `/api/v1/accounts/${bob.id}/followers?max_id=1` })).json()).toEqual([]);
  });
});

describe('relationships, notes, endorsements, familiar followers', () => {
  it('answers in request order and drops unknown ids', async () => {
    const res = await alice.get(`/api/v1/accounts/relationships?id[]=${carol.id}&id[]=nope&id[]=${bob.id}`);
    expect(res.json().map((r: { id: string }) => r.id)).toEqual([carol.id, bob.id]);
    expect((await alice.get(`/api/v1/accounts/relationships?id=${bob.id}`)).json()[0].following).toBe(true);
  });

  it('stores a private note', async () => {
    expect((await alice.post(`/api/v1/accounts/${bob.id}/note`, { comment: 'met at a conf' })).json().note).toBe('met at a conf');
    expect((await relationship(bob, alice.id)).note).toBe('');
    expect((await alice.post(`/api/v1/accounts/${bob.id}/note`, { comment: '' })).json().note).toBe('');
  });

  it('endorses only followed accounts, lists them publicly', async () => {
    expect((await alice.post(`/api/v1/accounts/${dave.id}/endorse`)).statusCode).toBe(422);
    expect((await alice.post(`/api/v1/accounts/${bob.id}/pin`)).json().endorsed).toBe(true);
    expect((await alice.get('/api/v1/endorsements')).json().map((a: { id: string }) => a.id)).toEqual([bob.id]);
    const pub = await s.inject({ method: 'GET', url: `/api/v1/accounts/${alice.id}/endorsements` });
    expect(pub.json().map((a: { id: string }) => a.id)).toEqual([bob.id]);
    expect((await alice.post(`/api/v1/accounts/${bob.id}/unendorse`)).json().endorsed).toBe(false);
  });

  it('lists familiar followers', async () => {
    // alice follows bob and carol; make bob follow dave.
    await bob.post(`/api/v1/accounts/${dave.id}/follow`);
    const res = await alice.get(`/api/v1/accounts/familiar_followers?id[]=${dave.id}&id[]=${carol.id}`);
    expect(res.json()).toEqual([
      { id: dave.id, accounts: [expect.objectContaining({ id: bob.id })] },
      { id: carol.id, accounts: [] },
    ]);
  });
});
