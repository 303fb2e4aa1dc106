// The notification policy (Mastodon 4.3): the v2 and v1 policy endpoints, the rules that accept,
// filter or drop a notification, notification requests, include_filtered, and that filtered
// notifications are neither streamed nor pushed.
import { createECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { channel } from '../../src/infra/streams.ts';
import type { StreamEvent } from '../../src/infra/event-bus.ts';

let s: TestServer;
let pushService: Server;
let pushBase: string;
let pushesReceived: string[] = [];

beforeAll(async () => {
  // A push service on loopback that records which subscription paths it was sent to.
  pushService = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      pushesReceived.push(req.url ?? '');
      res.statusCode = 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
  pushBase = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
  s = await createTestServer({ context: { allowLoopbackPush: true } });
});
afterAll(async () => {
  await s.close();
  await new Promise((resolve) => pushService.close(resolve));
});

let users = 0;
/** A fresh account per use, so that the tests share no follows or policies. */
const user = (name: string) => s.createUser(`${name}${++users}`);

const DAY_MS = 24 * 3600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
async function makeOld(u: TestUser, days = 60) {
  await s.ctx.db.updateTable('accounts').set({ created_at: daysAgo(days) }).where('id', '=', u.id).execute();
}
async function follow(follower: TestUser, target: TestUser, opts: { daysAgo?: number } = {}) {
  expect((await follower.post(`/api/v1/accounts/${target.id}/follow`)).statusCode).toBe(200);
  await s.drainJobs();
  if (opts.daysAgo) {
    await s.ctx.db.updateTable('follows').set({ created_at: daysAgo(opts.daysAgo) }).where('account_id', '=', follower.id).where('target_account_id', '=', target.id).execute();
  }
}

async function post(u: TestUser, payload: Record<string, unknown>): Promise<string> {
  const res = await u.post('/api/v1/statuses', payload);
  expect(res.statusCode, res.body).toBe(200);
  await s.drainJobs();
  // Ids made in the same millisecond have no defined order.
  await new Promise((r) => setTimeout(r, 2));
  return res.json().id;
}
const mention = (from: TestUser, to: TestUser, visibility = 'public') => post(from, { status: `@${to.username} hello`, visibility });

type N = { id: string; type: string; account: { id: string }; status?: { id: string } };
const listed = async (u: TestUser, q = '') => ((await u.get(`/api/v1/notifications${q}`)).json() as N[]).map((n) => [n.type, n.account.id]);
const storedFor = async (u: TestUser) =>
  s.ctx.db.selectFrom('notifications').select(['type', 'from_account_id', 'filtered']).where('account_id', '=', u.id).orderBy('id').execute();
const setPolicy = async (u: TestUser, body: Record<string, unknown>) => {
  const res = await u.patch('/api/v2/notifications/policy', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the policy endpoints', () => {
  it('serves Mastodon’s defaults in the v2 and v1 shapes', async () => {
    const alice = await user('alice');
    const v2 = await alice.get('/api/v2/notifications/policy');
    expect(v2.statusCode).toBe(200);
    expect(v2.body).toBe(
      JSON.stringify({
        for_not_following: 'accept',
        for_not_followers: 'accept',
        for_new_accounts: 'accept',
        for_private_mentions: 'filter',
        for_limited_accounts: 'filter',
        summary: { pending_requests_count: 0, pending_notifications_count: 0 },
      }),
    );
    expect((await alice.get('/api/v1/notifications/policy')).json()).toEqual({
      filter_not_following: false,
      filter_not_followers: false,
      filter_new_accounts: false,
      filter_private_mentions: true,
      summary: { pending_requests_count: 0, pending_notifications_count: 0 },
    });
  });

  it('changes rules with PATCH (JSON or form) and PUT, v1 booleans included, and keeps the others', async () => {
    const alice = await user('alice');
    expect(await setPolicy(alice, { for_not_following: 'drop', for_new_accounts: 'filter' })).toMatchObject({
      for_not_following: 'drop', for_not_followers: 'accept', for_new_accounts: 'filter', for_private_mentions: 'filter', for_limited_accounts: 'filter',
    });
    const form = await s.inject({
      method: 'PATCH',
      url: '/api/v2/notifications/policy',
      payload: 'for_private_mentions=accept&for_limited_accounts=drop',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(200);
    expect((await alice.get('/api/v2/notifications/policy')).json()).toMatchObject({
      for_not_following: 'drop', for_new_accounts: 'filter', for_private_mentions: 'accept', for_limited_accounts: 'drop',
    });
    expect((await alice.put('/api/v2/notifications/policy', { for_not_followers: 'filter' })).json().for_not_followers).toBe('filter');

    // v1: true filters, false accepts; a rule that drops reads as true.
    expect((await alice.get('/api/v1/notifications/policy')).json()).toMatchObject({ filter_not_following: true, filter_not_followers: true, filter_new_accounts: true, filter_private_mentions: false });
    const v1 = await alice.put('/api/v1/notifications/policy', { filter_not_following: false, filter_private_mentions: 'true' });
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ filter_not_following: false, filter_not_followers: true, filter_new_accounts: true, filter_private_mentions: true });
    expect((await alice.get('/api/v2/notifications/policy')).json()).toMatchObject({
      for_not_following: 'accept', for_not_followers: 'filter', for_new_accounts: 'filter', for_private_mentions: 'filter', for_limited_accounts: 'drop',
    });
  });

  it('refuses values it does not know with a 422 and changes nothing', async () => {
    const alice = await user('alice');
    for (const body of [{ for_not_following: 'maybe' }, { for_new_accounts: true }, { for_private_mentions: ['drop'] }]) {
      const res = await alice.patch('/api/v2/notifications/policy', body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatch(/^Validation failed/);
    }
    expect((await alice.put('/api/v1/notifications/policy', { filter_not_followers: 'perhaps' })).statusCode).toBe(422);
    expect((await alice.get('/api/v2/notifications/policy')).json()).toMatchObject({ for_not_following: 'accept', for_not_followers: 'accept', for_new_accounts: 'accept', for_private_mentions: 'filter' });
  });

  it('needs a signed-in user', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v2/notifications/policy' })).statusCode).toBe(401);
    expect((await s.inject({ method: 'GET', url: '/api/v1/notifications/requests' })).statusCode).toBe(401);
  });
});

describe('the rules', () => {
  it('filters or drops a stranger’s mention under for_not_following, and accepts from people one follows', async () => {
    const alice = await user('alice');
    const stranger = await user('stranger');
    const friend = await user('friend');
    await follow(alice, friend);
    await setPolicy(alice, { for_not_following: 'filter' });
    await mention(stranger, alice);
    await mention(friend, alice);
    expect(await listed(alice)).toEqual([['mention', friend.id]]);
    expect(await storedFor(alice)).toEqual([
      { type: 'mention', from_account_id: stranger.id, filtered: 1 },
      { type: 'mention', from_account_id: friend.id, filtered: 0 },
    ]);

    await setPolicy(alice, { for_not_following: 'drop' });
    const other = await user('other');
    await mention(other, alice);
    expect((await storedFor(alice)).filter((n) => n.from_account_id === other.id)).toEqual([]);
  });

  it('under for_not_followers, accepts followers of more than three days and filters the rest', async () => {
    const alice = await user('alice');
    const [oldFollower, newFollower, stranger] = [await user('old'), await user('new'), await user('stranger')];
    await follow(oldFollower, alice, { daysAgo: 4 });
    await follow(newFollower, alice);
    await setPolicy(alice, { for_not_followers: 'filter' });
    for (const u of [oldFollower, newFollower, stranger]) await mention(u, alice);
    expect(await listed(alice, '?types[]=mention')).toEqual([['mention', oldFollower.id]]);
    expect((await listed(alice, '?types[]=mention&include_filtered=true')).map(([, id]) => id)).toEqual([stranger.id, newFollower.id, oldFollower.id]);
  });

  it('under for_new_accounts, filters accounts younger than 30 days unless one follows them', async () => {
    const alice = await user('alice');
    const [fresh, old, followedFresh] = [await user('fresh'), await user('old'), await user('followed')];
    await makeOld(old, 31);
    await follow(alice, followedFresh);
    await setPolicy(alice, { for_new_accounts: 'filter' });
    for (const u of [fresh, old, followedFresh]) await mention(u, alice);
    expect((await listed(alice)).map(([, id]) => id)).toEqual([followedFresh.id, old.id]);
    expect((await storedFor(alice)).filter((n) => n.filtered === 1).map((n) => n.from_account_id)).toEqual([fresh.id]);
  });

  it('filters private mentions from strangers by default, but not from followed people or in a reply to one’s own private mention', async () => {
    const alice = await user('alice');
    const [stranger, friend, contacted] = [await user('stranger'), await user('friend'), await user('contacted')];
    await follow(alice, friend);
    await mention(stranger, alice, 'direct');
    await mention(friend, alice, 'direct');
    await mention(stranger, alice, 'public');
    // alice wrote to `contacted` privately first: the answer in that thread is expected.
    const opening = await post(alice, { status: `@${contacted.username} are you there?`, visibility: 'direct' });
    await post(contacted, { status: `@${alice.username} yes`, visibility: 'direct', in_reply_to_id: opening });
    expect(await listed(alice)).toEqual([['mention', contacted.id], ['mention', stranger.id], ['mention', friend.id]]);
    expect((await storedFor(alice)).filter((n) => n.filtered === 1).map((n) => n.from_account_id)).toEqual([stranger.id]);
  });

  it('filters limited accounts by default unless one follows them, and drops them when asked', async () => {
    const alice = await user('alice');
    const [limited, followedLimited] = [await user('limited'), await user('followed')];
    await follow(alice, followedLimited);
    await s.ctx.db.updateTable('accounts').set({ silenced_at: daysAgo(1) }).where('id', 'in', [limited.id, followedLimited.id]).execute();
    await mention(limited, alice);
    await mention(followedLimited, alice);
    expect(await listed(alice)).toEqual([['mention', followedLimited.id]]);
    expect((await storedFor(alice)).filter((n) => n.filtered === 1).map((n) => n.from_account_id)).toEqual([limited.id]);
    await setPolicy(alice, { for_limited_accounts: 'drop' });
    await post(limited, { status: `@${alice.username} again` });
    expect((await storedFor(alice)).filter((n) => n.from_account_id === limited.id)).toHaveLength(1);
  });

  it('filters follows and favourites as Mastodon does, without opening a request for them', async () => {
    const alice = await user('alice');
    const stranger = await user('stranger');
    await setPolicy(alice, { for_not_following: 'filter' });
    const mine = await post(alice, { status: 'a post' });
    await follow(stranger, alice);
    await stranger.post(`/api/v1/statuses/${mine}/favourite`);
    await s.drainJobs();
    expect(await listed(alice)).toEqual([]);
    expect((await listed(alice, '?include_filtered=true')).map(([type]) => type).sort()).toEqual(['favourite', 'follow']);
    expect((await alice.get('/api/v1/notifications/requests')).json()).toEqual([]);
  });
});

describe('notification requests', () => {
  it('groups a sender’s filtered mentions, shows them with include_filtered, and counts them in the summary', async () => {
    const alice = await user('alice');
    const stranger = await user('stranger');
    await setPolicy(alice, { for_not_following: 'filter' });
    await mention(stranger, alice);
    const last = await mention(stranger, alice);

    const requests = await alice.get('/api/v1/notifications/requests');
    expect(requests.statusCode).toBe(200);
    const [req, ...more] = requests.json();
    expect(more).toEqual([]);
    expect(req).toMatchObject({ notifications_count: '2', account: { id: stranger.id }, last_status: { id: last } });
    expect(Object.keys(req).sort()).toEqual(['account', 'created_at', 'id', 'last_status', 'notifications_count', 'updated_at']);
    expect((await alice.get(`/api/v1/notifications/requests/${req.id}`)).json()).toEqual(req);

    expect((await alice.get('/api/v2/notifications/policy')).json().summary).toEqual({ pending_requests_count: 1, pending_notifications_count: 2 });
    expect((await alice.get('/api/v1/notifications/policy')).json().summary).toEqual({ pending_requests_count: 1, pending_notifications_count: 2 });

    expect(await listed(alice)).toEqual([]);
    expect(await listed(alice, '?include_filtered=true')).toEqual([['mention', stranger.id], ['mention', stranger.id]]);
    expect((await alice.get('/api/v1/notifications/unread_count')).json()).toEqual({ count: 0 });
    const v2 = (await alice.get('/api/v2/notifications')).json();
    expect(v2.notification_groups).toEqual([]);
    const v2All = (await alice.get('/api/v2/notifications?include_filtered=true')).json();
    expect(v2All.notification_groups.map((g: { type: string }) => g.type)).toEqual(['mention', 'mention']);
    expect(v2All.accounts.map((a: { id: string }) => a.id)).toEqual([stranger.id]);
  });

  it('accepting moves the notifications into the list, and the sender’s later ones go straight through', async () => {
    const alice = await user('alice');
    const stranger = await user('stranger');
    await setPolicy(alice, { for_not_following: 'filter' });
    await mention(stranger, alice);
    const [req] = (await alice.get('/api/v1/notifications/requests')).json();

    const accepted = await alice.post(`/api/v1/notifications/requests/${req.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({});
    expect(await listed(alice)).toEqual([['mention', stranger.id]]);
    expect((await alice.get(`/api/v1/notifications/requests/${req.id}`)).statusCode).toBe(404);
    expect((await alice.get('/api/v1/notifications/requests')).json()).toEqual([]);
    expect((await alice.get('/api/v1/notifications/requests/merged')).json()).toEqual({ merged: true });

    const events: StreamEvent[] = [];
    const stop = s.ctx.events.subscribe(channel.user(alice.id), (e) => events.push(e));
    await mention(stranger, alice);
    const mine = await post(alice, { status: 'a post' });
    await stranger.post(`/api/v1/statuses/${mine}/favourite`);
    await s.drainJobs();
    stop();
    expect(await listed(alice)).toEqual([['favourite', stranger.id], ['mention', stranger.id], ['mention', stranger.id]]);
    expect(events.filter((e) => e.event === 'notification')).toHaveLength(2);
  });

  it('dismissing deletes the filtered notifications; bulk accept and dismiss take id[]', async () => {
    const alice = await user('alice');
    const [one, two, three] = [await user('one'), await user('two'), await user('three')];
    await setPolicy(alice, { for_not_following: 'filter' });
    for (const u of [one, two, three]) await mention(u, alice);
    const byAccount = new Map(((await alice.get('/api/v1/notifications/requests')).json() as { id: string; account: { id: string } }[]).map((r) => [r.account.id, r.id]));
    expect(byAccount.size).toBe(3);

    expect((await alice.post(`/api/v1/notifications/requests/${byAccount.get(one.id)}/dismiss`)).json()).toEqual({});
    expect(await listed(alice, '?include_filtered=true')).toEqual([['mention', three.id], ['mention', two.id]]);

    // A request that is not the viewer's, and junk, are skipped.
    const bob = await user('bob');
    await setPolicy(bob, { for_not_following: 'filter' });
    await mention(three, bob);
    const [bobsRequest] = (await bob.get('/api/v1/notifications/requests')).json();
    const bulk = await alice.post('/api/v1/notifications/requests/accept', `id[]=${byAccount.get(two.id)}&id[]=${bobsRequest.id}&id[]=nonsense`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bulk.statusCode).toBe(200);
    expect(await listed(alice)).toEqual([['mention', two.id]]);
    expect((await bob.get('/api/v1/notifications/requests')).json()).toHaveLength(1);

    expect((await alice.post('/api/v1/notifications/requests/dismiss', { id: [byAccount.get(three.id)] })).statusCode).toBe(200);
    expect((await alice.get('/api/v1/notifications/requests')).json()).toEqual([]);
    expect(await listed(alice, '?include_filtered=true')).toEqual([['mention', two.id]]);
    expect((await alice.get('/api/v2/notifications/policy')).json().summary).toEqual({ pending_requests_count: 0, pending_notifications_count: 0 });
    // A dismissed sender is not accepted: their next mention is filtered again.
    await mention(three, alice);
    expect((await alice.get('/api/v1/notifications/requests')).json()).toHaveLength(1);
  });

  it('pages with Link headers and answers unknown requests with 404', async () => {
    const alice = await user('alice');
    await setPolicy(alice, { for_not_following: 'filter' });
    const senders = [await user('a'), await user('b'), await user('c')];
    for (const u of senders) await mention(u, alice);
    const first = await alice.get('/api/v1/notifications/requests?limit=2');
    expect((first.json() as { account: { id: string } }[]).map((r) => r.account.id)).toEqual([senders[2]!.id, senders[1]!.id]);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link as string)![1]!;
    const second = await alice.get(next.replace(s.config.baseUrl, ''));
    expect((second.json() as { account: { id: string } }[]).map((r) => r.account.id)).toEqual([senders[0]!.id]);
    for (const id of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'nonsense']) {
      expect((await alice.get(`/api/v1/notifications/requests/${id}`)).statusCode).toBe(404);
      expect((await alice.post(`/api/v1/notifications/requests/${id}/accept`)).statusCode).toBe(404);
    }
  });
});

describe('delivery of filtered notifications', () => {
  it('neither streams nor pushes a filtered notification', async () => {
    const alice = await user('alice');
    const [friend, stranger] = [await user('friend'), await user('stranger')];
    await follow(alice, friend);
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const sub = await alice.post('/api/v1/push/subscription', {
      subscription: { endpoint: `${pushBase}/push/${alice.username}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: Buffer.alloc(16, 7).toString('base64url') }, standard: true },
      data: { alerts: { mention: true }, policy: 'all' },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const events: StreamEvent[] = [];
    const stop = s.ctx.events.subscribe(channel.user(alice.id), (e) => events.push(e));

    pushesReceived = [];
    await mention(stranger, alice, 'direct');
    expect(pushesReceived).toEqual([]);
    expect(events).toEqual([]);
    expect((await storedFor(alice)).map((n) => n.filtered)).toEqual([1]);

    await mention(friend, alice, 'direct');
    stop();
    expect(pushesReceived).toEqual([`/push/${alice.username}`]);
    expect(events.filter((e) => e.event === 'notification')).toHaveLength(1);
  });
});
