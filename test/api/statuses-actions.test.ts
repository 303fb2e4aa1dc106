import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { countRows, post } from './statuses-fixtures.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
});
afterAll(() => s.close());

const notifyJobs = async () =>
  (await s.ctx.db.selectFrom('jobs').select('payload').where('type', '=', 'notify').execute()).map((j) => JSON.parse(j.payload) as Record<string, unknown>);

describe('favourite and bookmark', () => {
  it('favourites idempotently, counts once, notifies the author, and lists favourited_by', async () => {
    const st = await post(alice, { status: 'like me' });
    const r1 = await bob.post(`/api/v1/statuses/${st.id}/favourite`);
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({ id: st.id, favourited: true, favourites_count: 1 });
    const r2 = await bob.post(`/api/v1/statuses/${st.id}/favourite`);
    expect(r2.json()).toMatchObject({ favourited: true, favourites_count: 1 });
    expect((await notifyJobs()).filter((j) => j.type === 'favourite' && j.statusId === st.id)).toEqual([{ type: 'favourite', accountId: alice.id, fromAccountId: bob.id, statusId: st.id }]);
    const by = await s.inject({ method: 'GET', url: `/api/v1/statuses/${st.id}/favourited_by` });
    expect(by.json().map((a: { id: string }) => a.id)).toEqual([bob.id]);
    const un = await bob.post(`/api/v1/statuses/${st.id}/unfavourite`);
    expect(un.json()).toMatchObject({ favourited: false, favourites_count: 0 });
    expect((await bob.post(`/api/v1/statuses/${st.id}/unfavourite`)).json().favourites_count).toBe(0);
  });

  it('lists favourites and bookmarks newest first with Link headers', async () => {
    const a = await post(alice, { status: 'a' });
    const b = await post(alice, { status: 'b' });
    const c = await post(alice, { status: 'c' });
    for (const st of [a, c, b]) await carol.post(`/api/v1/statuses/${st.id}/bookmark`);
    const page1 = await carol.get('/api/v1/bookmarks?limit=2');
    expect(page1.json().map((x: { id: string }) => x.id)).toEqual([b.id, c.id]);
    expect(page1.json()[0].bookmarked).toBe(true);
    const next = /<([^>]+)>; rel="next"/.exec(page1.headers.link as string)![1]!;
    const page2 = await carol.get(new URL(next).pathname + new URL(next).search);
    expect(page2.json().map((x: { id: string }) => x.id)).toEqual([a.id]);
    await carol.post(`/api/v1/statuses/${a.id}/favourite`);
    expect((await carol.get('/api/v1/favourites')).json().map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await carol.post(`/api/v1/statuses/${a.id}/unbookmark`)).json().bookmarked).toBe(false);
    expect((await s.inject({ method: 'GET', url: '/api/v1/bookmarks' })).statusCode).toBe(401);
  });

  it('answers 404 for unknown statuses and changes nothing', async () => {
    const before = await countRows(s, 'favourites');
    expect((await bob.post('/api/v1/statuses/01ARZ3NDEKTSV4RRFFQ69G5FAV/favourite')).statusCode).toBe(404);
    expect((await bob.post('/api/v1/statuses/xyz/bookmark')).statusCode).toBe(404);
    expect(await countRows(s, 'favourites')).toBe(before);
  });
});

describe('reblog', () => {
  it('reblogs once, returns the wrapper, counts, notifies, and unreblogs', async () => {
    const st = await post(alice, { status: 'boost me' });
    const r = await bob.post(`/api/v1/statuses/${st.id}/reblog`);
    expect(r.statusCode).toBe(200);
    const wrapper = r.json();
    expect(wrapper.reblog).toMatchObject({ id: st.id, reblogged: true, reblogs_count: 1 });
    expect(wrapper).toMatchObject({ content: '', account: { id: bob.id } });
    expect(wrapper.uri).toBe(`https://parley.test/users/bob/statuses/${wrapper.id}/activity`);
    expect((await bob.post(`/api/v1/statuses/${st.id}/reblog`)).json().id).toBe(wrapper.id);
    expect((await bob.post(`/api/v1/statuses/${wrapper.id}/reblog`)).json().id).toBe(wrapper.id);
    expect((await notifyJobs()).some((j) => j.type === 'reblog' && j.accountId === alice.id && j.fromAccountId === bob.id)).toBe(true);
    const by = await alice.get(`/api/v1/statuses/${st.id}/reblogged_by`);
    expect(by.json().map((a: { id: string }) => a.id)).toEqual([bob.id]);
    const un = await bob.post(`/api/v1/statuses/${st.id}/unreblog`);
    expect(un.json()).toMatchObject({ id: st.id, reblogged: false, reblogs_count: 0 });
    expect((await bob.get(`/api/v1/statuses/${wrapper.id}`)).statusCode).toBe(404);
  });

  it('refuses to reblog private and direct posts', async () => {
    const priv = await post(alice, { status: 'mine @bob', visibility: 'private' });
    const before = await countRows(s, 'statuses');
    expect((await bob.post(`/api/v1/statuses/${priv.id}/reblog`)).statusCode).toBe(403);
    expect((await bob.post(`/api/v1/statuses/${priv.id}/reblog`, { visibility: 'bogus' })).statusCode).toBe(422);
    expect(await countRows(s, 'statuses')).toBe(before);
  });
});

describe('pin and mute', () => {
  it('pins own posts, at most 5, and never others', async () => {
    const other = await post(bob, { status: 'bob post' });
    expect((await alice.post(`/api/v1/statuses/${other.id}/pin`)).statusCode).toBe(422);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await post(carol, { status: `pin ${i}` })).id);
    for (const id of ids.slice(0, 5)) expect((await carol.post(`/api/v1/statuses/${id}/pin`)).json().pinned).toBe(true);
    expect((await carol.post(`/api/v1/statuses/${ids[0]}/pin`)).statusCode).toBe(200);
    const sixth = await carol.post(`/api/v1/statuses/${ids[5]}/pin`);
    expect(sixth.statusCode).toBe(422);
    expect(sixth.json().error).toMatch(/maximum/);
    expect(await countRows(s, 'status_pins', { account_id: carol.id })).toBe(5);
    expect((await carol.post(`/api/v1/statuses/${ids[0]}/unpin`)).json().pinned).toBe(false);
  });

  it('mutes and unmutes the conversation', async () => {
    const st = await post(alice, { status: 'thread' });
    expect((await bob.post(`/api/v1/statuses/${st.id}/mute`)).json().muted).toBe(true);
    const reply = await post(alice, { status: 'more', in_reply_to_id: st.id });
    expect((await bob.get(`/api/v1/statuses/${reply.id}`)).json().muted).toBe(true);
    expect((await bob.post(`/api/v1/statuses/${st.id}/unmute`)).json().muted).toBe(false);
  });
});

describe('edit and history', () => {
  it('keeps the original and every edit, sets edited_at, and enqueues the update', async () => {
    const st = await post(alice, { status: 'first #one' });
    expect((await alice.get(`/api/v1/statuses/${st.id}/history`)).json()).toHaveLength(1);
    const res = await alice.put(`/api/v1/statuses/${st.id}`, { status: 'second #two', spoiler_text: 'cw' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ content: expect.stringContaining('second'), spoiler_text: 'cw', sensitive: true, tags: [{ name: 'two' }] });
    expect(res.json().edited_at).not.toBeNull();
    await alice.put(`/api/v1/statuses/${st.id}`, { status: 'third' });
    const history = (await s.inject({ method: 'GET', url: `/api/v1/statuses/${st.id}/history` })).json();
    expect(history.map((h: { content: string }) => h.content)).toEqual([
      '<p>first <a href="https://parley.test/tags/one" class="mention hashtag" rel="tag">#<span>one</span></a></p>',
      '<p>second <a href="https://parley.test/tags/two" class="mention hashtag" rel="tag">#<span>two</span></a></p>',
      '<p>third</p>',
    ]);
    expect(history[0]).toMatchObject({ spoiler_text: '', sensitive: false, account: { id: alice.id }, poll: null, media_attachments: [], emojis: [] });
    expect((await alice.get(`/api/v1/statuses/${st.id}/source`)).json()).toEqual({ id: st.id, text: 'third', spoiler_text: '' });
    const jobs = await s.ctx.db.selectFrom('jobs').select('payload').where('type', '=', 'distribute_status_update').execute();
    expect(jobs.some((j) => JSON.parse(j.payload).statusId === st.id)).toBe(true);
  });

  it('refuses edits by others (404) and invalid edits (422), changing nothing', async () => {
    const st = await post(alice, { status: 'stable' });
    expect((await bob.put(`/api/v1/statuses/${st.id}`, { status: 'hacked' })).statusCode).toBe(404);
    expect((await alice.put(`/api/v1/statuses/${st.id}`, { status: '' })).statusCode).toBe(422);
    expect((await alice.put(`/api/v1/statuses/${st.id}`, { status: 'x'.repeat(1001) })).statusCode).toBe(422);
    expect((await bob.get(`/api/v1/statuses/${st.id}/source`)).statusCode).toBe(404);
    const now = (await alice.get(`/api/v1/statuses/${st.id}`)).json();
    expect(now).toMatchObject({ content: '<p>stable</p>', edited_at: null });
    expect(await countRows(s, 'status_edits', { status_id: st.id })).toBe(0);
  });

  it('notifies those who reblogged about an edit', async () => {
    const st = await post(alice, { status: 'to be edited' });
    await carol.post(`/api/v1/statuses/${st.id}/reblog`);
    await alice.put(`/api/v1/statuses/${st.id}`, { status: 'edited' });
    expect((await notifyJobs()).some((j) => j.type === 'update' && j.accountId === carol.id && j.statusId === st.id)).toBe(true);
  });
});

describe('DELETE /api/v1/statuses/:id', () => {
  it('hard-deletes the status and everything attached, returning its source text', async () => {
    const marker = 'zebracorn-secret-words';
    const st = await post(alice, { status: `${marker} @bob #deleteme`, poll: { options: ['a', 'b'], expires_in: 600 } });
    const reply = await post(bob, { status: 'a reply', in_reply_to_id: st.id });
    await bob.post(`/api/v1/polls/${st.poll.id}/votes`, { choices: [0] });
    await bob.post(`/api/v1/statuses/${st.id}/favourite`);
    await bob.post(`/api/v1/statuses/${st.id}/bookmark`);
    await alice.post(`/api/v1/statuses/${st.id}/pin`);
    const reblog = (await carol.post(`/api/v1/statuses/${st.id}/reblog`)).json();
    await alice.put(`/api/v1/statuses/${st.id}`, { status: `${marker} edited`, poll: { options: ['a', 'b'], expires_in: 600 } });
    const countBefore = (await s.ctx.db.selectFrom('accounts').select('statuses_count').where('id', '=', alice.id).executeTakeFirstOrThrow()).statuses_count;

    expect((await bob.delete(`/api/v1/statuses/${st.id}`)).statusCode).toBe(404);
    const res = await alice.delete(`/api/v1/statuses/${st.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: st.id, text: `${marker} edited` });

    expect((await alice.get(`/api/v1/statuses/${st.id}`)).statusCode).toBe(404);
    expect((await carol.get(`/api/v1/statuses/${reblog.id}`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/statuses/${reply.id}`)).json().in_reply_to_id).toBe(st.id);
    for (const table of ['polls', 'favourites', 'bookmarks', 'status_pins', 'status_edits', 'mentions', 'status_tags'] as const) {
      expect(await countRows(s, table, { status_id: st.id })).toBe(0);
    }
    expect(await countRows(s, 'poll_votes', { poll_id: st.poll.id })).toBe(0);
    const like = `%${marker}%`;
    expect(await s.ctx.db.selectFrom('statuses').select('id').where((eb) => eb.or([eb('text', 'like', like), eb('content_html', 'like', like)])).execute()).toEqual([]);
    expect(await s.ctx.db.selectFrom('status_edits').select('id').where('text', 'like', like).execute()).toEqual([]);
    expect(await s.ctx.db.selectFrom('search_documents').select('status_id').where('body', 'like', like).execute()).toEqual([]);
    expect(await s.ctx.db.selectFrom('jobs').select('id').where('payload', 'like', like).execute()).toEqual([]);
    const countAfter = (await s.ctx.db.selectFrom('accounts').select('statuses_count').where('id', '=', alice.id).executeTakeFirstOrThrow()).statuses_count;
    expect(countAfter).toBe(countBefore - 1);
    const jobs = (await s.ctx.db.selectFrom('jobs').select('payload').where('type', '=', 'distribute_delete').execute()).map((j) => JSON.parse(j.payload));
    expect(jobs.find((j) => j.statusId === st.id)).toMatchObject({ accountId: alice.id, visibility: 'public', tagNames: [] });
    expect(jobs.some((j) => j.statusId === reblog.id)).toBe(true);
  });
});
