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
  // alice and carol follow bob; dave follows nobody.
  await alice.post(`/api/v1/accounts/${bob.id}/follow`);
  await carol.post(`/api/v1/accounts/${bob.id}/follow`);
  await s.drainJobs();
});
afterAll(() => s.close());

async function post(u: TestUser, payload: Record<string, unknown>): Promise<string> {
  const res = await u.post('/api/v1/statuses', payload);
  expect(res.statusCode).toBe(200);
  await s.drainJobs();
  return res.json().id;
}
const ids = (res: { json(): unknown }) => (res.json() as { id: string }[]).map((x) => x.id);
const home = async (u: TestUser, q = '') => ids(await u.get(`/api/v1/timelines/home${q}`));

describe('home timeline (fan-out on write)', () => {
  it('delivers to the author and followers, and streams the update', async () => {
    const events: [string, StreamEvent][] = [];
    for (const who of [alice, bob, dave]) s.ctx.events.subscribe(channel.user(who.id), (e) => events.push([who.username, e]));
    const id = await post(bob, { status: 'hello followers' });
    expect(await home(bob)).toContain(id);
    expect(await home(alice)).toContain(id);
    expect(await home(dave)).not.toContain(id);
    expect(events.filter(([, e]) => e.event === 'update' && e.statusId === id).map(([u]) => u).sort()).toEqual(['alice', 'bob']);
  });

  it('private posts reach followers only; direct posts only mentioned followers', async () => {
    const priv = await post(bob, { status: 'followers only', visibility: 'private' });
    expect(await home(alice)).toContain(priv);
    expect(await home(dave)).not.toContain(priv);
    const dm = await post(bob, { status: '@alice psst', visibility: 'direct' });
    expect(await home(alice)).toContain(dm);
    expect(await home(carol)).not.toContain(dm);
  });

  it('replies reach only followers who also follow the replied-to account', async () => {
    const root = await post(dave, { status: 'a thought' });
    await alice.post(`/api/v1/accounts/${dave.id}/follow`);
    await s.drainJobs();
    const reply = await post(bob, { status: '@dave indeed', in_reply_to_id: root });
    expect(await home(alice)).toContain(reply);
    expect(await home(carol)).not.toContain(reply);
  });

  it('respects reblogs=false and shows a reblog once', async () => {
    const original = await post(dave, { status: 'reblog me' });
    await carol.post(`/api/v1/accounts/${bob.id}/follow`, { reblogs: false });
    const r = await bob.post(`/api/v1/statuses/${original}/reblog`);
    expect(r.statusCode).toBe(200);
    await s.drainJobs();
    const rebId = r.json().id;
    expect(await home(carol)).not.toContain(rebId);
    // alice follows dave and already has the original: the reblog is not added again.
    const aliceHome = await home(alice);
    expect(aliceHome).toContain(original);
    expect(aliceHome).not.toContain(rebId);
    await carol.post(`/api/v1/accounts/${bob.id}/follow`, { reblogs: true });
  });

  it('merges on follow and removes on unfollow, mute and block', async () => {
    const erin = await s.createUser('erin');
    const earlier = await post(dave, { status: 'before erin followed' });
    await erin.post(`/api/v1/accounts/${dave.id}/follow`);
    await s.drainJobs();
    expect(await home(erin)).toContain(earlier);
    await erin.post(`/api/v1/accounts/${dave.id}/mute`);
    await s.drainJobs();
    expect(await home(erin)).not.toContain(earlier);
    const whileMuted = await post(dave, { status: 'while muted' });
    expect(await home(erin)).not.toContain(whileMuted);
    await erin.post(`/api/v1/accounts/${dave.id}/unmute`);
    await s.drainJobs();
    expect(await home(erin)).toContain(earlier);
    await erin.post(`/api/v1/accounts/${dave.id}/unfollow`);
    await s.drainJobs();
    expect(await home(erin)).toEqual([]);
  });

  it('paginates with max_id, min_id, since_id and Link headers', async () => {
    const frank = await s.createUser('frank');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await post(frank, { status: `n${i}` }));
    const first = await frank.get('/api/v1/timelines/home?limit=2');
    expect(ids(first)).toEqual([made[4], made[3]]);
    const link = first.headers.link as string;
    expect(link).toContain(`max_id=${made[3]}`);
    expect(link).toContain(`min_id=${made[4]}`);
    expect(await home(frank, `?max_id=${made[3]}&limit=2`)).toEqual([made[2], made[1]]);
    expect(await home(frank, `?min_id=${made[0]}&limit=2`)).toEqual([made[2], made[1]]);
    expect(await home(frank, `?since_id=${made[2]}`)).toEqual([made[4], made[3]]);
    expect((await frank.get('/api/v1/timelines/home?limit=abc')).statusCode).toBe(400);
    expect((await s.inject({ method: 'GET', url: '/api/v1/timelines/home' })).statusCode).toBe(401);
  });
});

describe('public and tag timelines', () => {
  it('show public posts only, hide blocked and muted authors, no replies to others', async () => {
    const pub = await post(carol, { status: 'public #Cats' });
    const unl = await post(carol, { status: 'unlisted', visibility: 'unlisted' });
    const priv = await post(carol, { status: 'private', visibility: 'private' });
    const anon = ids(await s.inject({ method: 'GET', url: '/api/v1/timelines/public?local=true' }));
    expect(anon).toContain(pub);
    expect(anon).not.toContain(unl);
    expect(anon).not.toContain(priv);
    await dave.post(`/api/v1/accounts/${carol.id}/block`);
    expect(ids(await dave.get('/api/v1/timelines/public'))).not.toContain(pub);
    expect(ids(await dave.get('/api/v1/timelines/tag/cats'))).not.toContain(pub);
    expect(ids(await s.inject({ method: 'GET', url: '/api/v1/timelines/public?remote=true' }))).toEqual([]);
    expect((await s.inject({ method: 'GET', url: '/api/v1/timelines/public?local=maybe' })).statusCode).toBe(422);
  });

  it('tag timeline filters with any[], all[] and none[]', async () => {
    const both = await post(alice, { status: 'a #cats #dogs' });
    const dogs = await post(alice, { status: 'b #dogs' });
    const get = async (q: string) => ids(await s.inject({ method: 'GET', url: `/api/v1/timelines/tag/${q}` }));
    expect(await get('CATS')).toContain(both);
    expect(await get('cats?any[]=dogs')).toEqual(expect.arrayContaining([both, dogs]));
    expect(await get('cats?all[]=dogs')).toEqual([both]);
    expect(await get('dogs?none[]=cats')).toEqual([dogs]);
    expect(await get('nothing')).toEqual([]);
  });
});

describe('account statuses', () => {
  it('applies visibility per viewer and the filters', async () => {
    const gina = await s.createUser('gina');
    const pub = await post(gina, { status: 'pub' });
    const priv = await post(gina, { status: 'priv', visibility: 'private' });
    const reply = await post(gina, { status: '@alice re', in_reply_to_id: await post(alice, { status: 'root' }) });
    const url = `/api/v1/accounts/${gina.id}/statuses`;
    expect(ids(await s.inject({ method: 'GET', url }))).toEqual([reply, pub]);
    expect(ids(await gina.get(url))).toEqual([reply, priv, pub]);
    await bob.post(`/api/v1/accounts/${gina.id}/follow`);
    expect(ids(await bob.get(`${url}?exclude_replies=true`))).toEqual([priv, pub]);
    expect(ids(await bob.get(`${url}?only_media=true`))).toEqual([]);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/01ARZ3NDEKTSV4RRFFQ69G5FAV/statuses' })).statusCode).toBe(404);
  });
});

describe('list timeline', () => {
  it('shows members posts, only to the owner', async () => {
    const list = (await alice.post('/api/v1/lists', { title: 'Bob stuff' })).json();
    expect((await alice.post(`/api/v1/lists/${list.id}/accounts`, { account_ids: [bob.id] })).statusCode).toBe(200);
    const id = await post(bob, { status: 'for the list' });
    expect(ids(await alice.get(`/api/v1/timelines/list/${list.id}`))).toContain(id);
    expect((await bob.get(`/api/v1/timelines/list/${list.id}`)).statusCode).toBe(404);
  });

  it('streams the deletion of a post to the lists that held it', async () => {
    const list = (await alice.post('/api/v1/lists', { title: 'Deletions' })).json();
    expect((await alice.post(`/api/v1/lists/${list.id}/accounts`, { account_ids: [bob.id] })).statusCode).toBe(200);
    const id = await post(bob, { status: 'soon gone' });
    await s.drainJobs();
    const deletes: string[] = [];
    const off = s.ctx.events.subscribe(channel.list(list.id), (e) => e.event === 'delete' && deletes.push(e.statusId!));
    expect((await bob.delete(`/api/v1/statuses/${id}`)).statusCode).toBe(200);
    await s.drainJobs();
    off();
    expect(deletes).toEqual([id]);
  });
});

describe('edits and deletes reach the streams', () => {
  it('streams status.update to feed owners and delete to the audience, and the feed forgets it', async () => {
    const events: [string, string, StreamEvent][] = [];
    const listen = (name: string, ch: string) => s.ctx.events.subscribe(ch, (e) => events.push([name, ch, e]));
    listen('alice', channel.user(alice.id));
    listen('public', channel.public());
    listen('tag', channel.hashtag('news'));
    const id = await post(bob, { status: 'breaking #news' });
    expect((await bob.put(`/api/v1/statuses/${id}`, { status: 'breaking #news, updated' })).statusCode).toBe(200);
    await s.drainJobs();
    const updates = events.filter(([, , e]) => e.event === 'status.update' && e.statusId === id).map(([n]) => n).sort();
    expect(updates).toEqual(['alice', 'public', 'tag']);
    expect((await bob.delete(`/api/v1/statuses/${id}`)).statusCode).toBe(200);
    await s.drainJobs();
    const deletes = events.filter(([, , e]) => e.event === 'delete' && e.statusId === id).map(([n]) => n).sort();
    expect(deletes).toEqual(['alice', 'public', 'tag']);
    expect(await home(alice)).not.toContain(id);
  });
});
