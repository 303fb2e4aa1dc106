import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { channel } from '../../src/infra/streams.ts';
import type { StreamEvent } from '../../src/infra/event-bus.ts';

let s: TestServer;
let alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
  dave = await s.createUser('dave');
});
afterAll(() => s.close());

async function post(u: TestUser, payload: Record<string, unknown>): Promise<string> {
  const res = await u.post('/api/v1/statuses', payload);
  expect(res.statusCode).toBe(200);
  await s.drainJobs();
  return res.json().id;
}
type N = { id: string; type: string; account: { id: string }; status?: { id: string }; group_key: string };
const list = async (u: TestUser, q = '') => (await u.get(`/api/v1/notifications${q}`)).json() as N[];

describe('notifications from activity', () => {
  it('mention, follow, favourite, reblog and status notifications, streamed, none to oneself', async () => {
    const events: StreamEvent[] = [];
    s.ctx.events.subscribe(channel.user(alice.id), (e) => events.push(e));
    await bob.post(`/api/v1/accounts/${alice.id}/follow`, { notify: true });
    await alice.post(`/api/v1/accounts/${bob.id}/follow`, { notify: true });
    await s.drainJobs();
    const mention = await post(bob, { status: '@alice hi' });
    const mine = await post(alice, { status: 'my post' });
    // One at a time: ids made in the same millisecond have no defined order.
    for (const [who, action] of [[bob, 'favourite'], [carol, 'favourite'], [bob, 'reblog'], [alice, 'favourite']] as const) {
      await who.post(`/api/v1/statuses/${mine}/${action}`);
      await s.drainJobs();
      await new Promise((r) => setTimeout(r, 2));
    }
    const got = await list(alice);
    expect(got.map((n) => [n.type, n.account.id, n.status?.id ?? null])).toEqual([
      ['reblog', bob.id, mine],
      ['favourite', carol.id, mine],
      ['favourite', bob.id, mine],
      ['mention', bob.id, mention],
      ['follow', bob.id, null],
    ]);
    // A post without a mention reaches alice, who follows bob with notify: a `status` notification.
    const byBob = await post(bob, { status: 'plain post' });
    expect((await list(alice, '?types[]=status')).map((n) => n.status?.id)).toEqual([byBob]);
    expect(events.filter((e) => e.event === 'notification').length).toBe(6);
    expect(got[0]!.group_key).toMatch(/^reblog-/);
    expect(got.find((n) => n.type === 'mention')!.group_key).toMatch(/^ungrouped-/);
  });

  it('filters by types, exclude_types and account_id, and paginates', async () => {
    expect((await list(alice, '?exclude_types[]=favourite&exclude_types[]=status')).map((n) => n.type)).toEqual(['reblog', 'mention', 'follow']);
    expect((await list(alice, `?account_id=${carol.id}`)).map((n) => n.type)).toEqual(['favourite']);
    const first = await alice.get('/api/v1/notifications?limit=2');
    expect(first.json()).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link as string)![1]!;
    const second = (await alice.get(next.replace(s.config.baseUrl, ''))).json() as N[];
    expect(second[0]!.id < (first.json() as N[])[1]!.id).toBe(true);
    expect((await list(alice, '?types[]=nonsense'))).toEqual([]);
    expect((await alice.get('/api/v1/notifications?account_id=zzz')).statusCode).toBe(422);
  });

  it('takes Mastodon snowflake ids as time bounds (Mastodon.py sends them for datetimes)', async () => {
    const all = await list(alice);
    const snowflake = (ms: number) => (BigInt(ms) << 16n).toString();
    const hourAgo = snowflake(Date.now() - 3600_000);
    const inAnHour = snowflake(Date.now() + 3600_000);
    expect((await list(alice, `?min_id=${hourAgo}`)).map((n) => n.id)).toEqual(all.map((n) => n.id));
    expect((await list(alice, '?since_id=0')).map((n) => n.id)).toEqual(all.map((n) => n.id));
    expect(await list(alice, `?since_id=${inAnHour}`)).toEqual([]);
    expect(await list(alice, `?max_id=${hourAgo}`)).toEqual([]);
    expect((await alice.get('/api/v1/notifications?max_id=12ab')).statusCode).toBe(400);
  });

  it('gets one, dismisses one, 404s for others', async () => {
    const [n] = await list(alice, '?types[]=follow');
    expect((await alice.get(`/api/v1/notifications/${n!.id}`)).json().type).toBe('follow');
    expect((await bob.get(`/api/v1/notifications/${n!.id}`)).statusCode).toBe(404);
    expect((await bob.post(`/api/v1/notifications/${n!.id}/dismiss`)).statusCode).toBe(404);
    expect((await alice.post(`/api/v1/notifications/${n!.id}/dismiss`)).statusCode).toBe(200);
    expect((await alice.get(`/api/v1/notifications/${n!.id}`)).statusCode).toBe(404);
  });

  it('does not notify twice for the same favourite', async () => {
    const p = await post(dave, { status: 'fav twice' });
    await carol.post(`/api/v1/statuses/${p}/favourite`);
    await carol.post(`/api/v1/statuses/${p}/unfavourite`);
    await carol.post(`/api/v1/statuses/${p}/favourite`);
    await s.drainJobs();
    expect((await list(dave)).filter((n) => n.type === 'favourite')).toHaveLength(1);
  });
});

describe('markers and unread counts', () => {
  it('stores markers with increasing versions and counts unread notifications after the marker', async () => {
    const all = await list(alice);
    expect((await alice.get('/api/v1/notifications/unread_count')).json()).toEqual({ count: all.length });
    const res = await alice.post('/api/v1/markers', { notifications: { last_read_id: all[1]!.id } });
    expect(res.json().notifications).toMatchObject({ last_read_id: all[1]!.id, version: 1 });
    expect((await alice.get('/api/v1/notifications/unread_count')).json()).toEqual({ count: 1 });
    const again = await alice.post('/api/v1/markers', 'home[last_read_id]=' + all[0]!.id + '&notifications[last_read_id]=' + all[0]!.id, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(again.json().notifications.version).toBe(2);
    expect(again.json().home.version).toBe(1);
    const got = (await alice.get('/api/v1/markers?timeline[]=home&timeline[]=notifications')).json();
    expect(Object.keys(got).sort()).toEqual(['home', 'notifications']);
    expect((await alice.get('/api/v1/notifications/unread_count')).json()).toEqual({ count: 0 });
    expect((await alice.post('/api/v1/markers', { home: { last_read_id: 'x' } })).statusCode).toBe(422);
    expect((await alice.post('/api/v1/markers', {})).statusCode).toBe(400);
    expect((await bob.get('/api/v1/markers?timeline[]=home')).json()).toEqual({});
  });
});

describe('grouped notifications (v2)', () => {
  it('groups favourites of one status and lists accounts', async () => {
    const res = await alice.get('/api/v2/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const fav = body.notification_groups.find((g: { type: string }) => g.type === 'favourite');
    expect(fav).toMatchObject({ notifications_count: 2, sample_account_ids: [carol.id, bob.id] });
    expect(fav.status_id).toBeDefined();
    expect(body.statuses.map((x: { id: string }) => x.id)).toContain(fav.status_id);
    expect(body.accounts.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([bob.id, carol.id]));
    for (const g of body.notification_groups) {
      expect(Object.keys(g)).toEqual(expect.arrayContaining(['group_key', 'notifications_count', 'type', 'most_recent_notification_id', 'page_min_id', 'page_max_id', 'latest_page_notification_at', 'sample_account_ids']));
    }
    const one = await alice.get(`/api/v2/notifications/${fav.group_key}`);
    expect(one.json().notification_groups).toHaveLength(1);
    const accounts = await alice.get(`/api/v2/notifications/${fav.group_key}/accounts`);
    expect(accounts.json().map((a: { id: string }) => a.id)).toEqual([carol.id, bob.id]);
    const ungrouped = await alice.get('/api/v2/notifications?grouped_types[]=reblog');
    expect(ungrouped.json().notification_groups.filter((g: { type: string }) => g.type === 'favourite')).toHaveLength(2);
    expect((await bob.get(`/api/v2/notifications/${fav.group_key}`)).statusCode).toBe(404);
    expect((await alice.get('/api/v2/notifications/garbage')).statusCode).toBe(404);
    expect((await alice.post(`/api/v2/notifications/${fav.group_key}/dismiss`)).statusCode).toBe(200);
    expect((await alice.get(`/api/v2/notifications/${fav.group_key}`)).statusCode).toBe(404);
    expect((await alice.get('/api/v2/notifications/unread_count')).json()).toEqual({ count: 0 });
  });

  it('clears everything', async () => {
    expect((await alice.post('/api/v1/notifications/clear')).statusCode).toBe(200);
    expect(await list(alice)).toEqual([]);
    expect((await alice.get('/api/v2/notifications')).json()).toEqual({ accounts: [], statuses: [], notification_groups: [] });
  });
});
