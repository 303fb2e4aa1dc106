import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { countRows, post } from './statuses-fixtures.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
});
afterAll(() => s.close());

describe('POST /api/v1/statuses', () => {
  it('publishes a plain post exactly as Mastodon renders it, and GET returns the same bytes', async () => {
    const res = await alice.post('/api/v1/statuses', { status: 'hello' });
    expect(res.statusCode).toBe(200);
    const json = res.json();
    expect(json.content).toBe('<p>hello</p>');
    expect(json).toMatchObject({
      visibility: 'public', sensitive: false, spoiler_text: '', in_reply_to_id: null, reblog: null, poll: null, card: null,
      media_attachments: [], mentions: [], tags: [], emojis: [], filtered: [], favourited: false, reblogged: false, bookmarked: false, muted: false, pinned: false,
      replies_count: 0, reblogs_count: 0, favourites_count: 0, quotes_count: 0, edited_at: null, quote: null,
      quote_approval: { automatic: ['public'], manual: [], current_user: 'automatic' },
      application: { name: 'Test client', website: null },
      url: `https://parley.test/@alice/${json.id}`, uri: `https://parley.test/users/alice/statuses/${json.id}`,
    });
    expect(json.account.id).toBe(alice.id);
    expect(json.id).toMatch(/^[0-9A-Z]{26}$/);
    const got = await alice.get(`/api/v1/statuses/${json.id}`);
    expect(got.body).toBe(res.body);
  });

  it('shows anonymous viewers no viewer keys and no application', async () => {
    const st = await post(alice, { status: 'for everyone' });
    const res = await s.inject({ method: 'GET', url: `/api/v1/statuses/${st.id}` });
    expect(res.statusCode).toBe(200);
    const json = res.json();
    for (const key of ['favourited', 'reblogged', 'muted', 'bookmarked', 'pinned', 'filtered', 'application']) expect(json).not.toHaveProperty(key);
    const asBob = (await bob.get(`/api/v1/statuses/${st.id}`)).json();
    expect(asBob).not.toHaveProperty('pinned');
    expect(asBob).not.toHaveProperty('application');
    expect(asBob.favourited).toBe(false);
  });

  it('accepts form bodies with a poll and renders mentions and tags', async () => {
    const res = await alice.post('/api/v1/statuses', 'status=hi+%40bob+%23Cats&poll[options][]=yes&poll[options][]=no&poll[expires_in]=3600&poll[multiple]=true', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    const json = res.json();
    expect(json.mentions).toEqual([{ id: bob.id, username: 'bob', acct: 'bob', url: 'https://parley.test/@bob' }]);
    expect(json.tags).toEqual([{ name: 'cats', url: 'https://parley.test/tags/cats' }]);
    expect(json.poll).toMatchObject({ expired: false, multiple: true, votes_count: 0, voters_count: 0, voted: true, own_votes: [], emojis: [], options: [{ title: 'yes', votes_count: 0 }, { title: 'no', votes_count: 0 }] });
  });

  it('uses the default visibility of the user', async () => {
    await s.ctx.db.updateTable('users').set({ default_visibility: 'unlisted' }).where('account_id', '=', bob.id).execute();
    const st = await post(bob, { status: 'quiet' });
    expect(st.visibility).toBe('unlisted');
    await s.ctx.db.updateTable('users').set({ default_visibility: 'public' }).where('account_id', '=', bob.id).execute();
  });

  it.each([
    [{ status: '' }, /Text can't be blank/],
    [{ status: '   ' }, /Text can't be blank/],
    [{ status: 'x'.repeat(1001) }, /character limit/],
    [{ status: 'x', visibility: 'secret' }, /visibility/],
    [{ status: 'x', media_ids: ['1'] }, /Media attachments not found: 1/],
    [{ status: 'x', poll: { options: ['only'], expires_in: 3600 } }, /at least 2 options/],
    [{ status: 'x', poll: { options: ['a', 'b', 'c', 'd', 'e'], expires_in: 3600 } }, /more than 4 options/],
    [{ status: 'x', poll: { options: ['a', 'b'.repeat(51)], expires_in: 3600 } }, /longer than 50/],
    [{ status: 'x', poll: { options: ['a', 'b'], expires_in: 299 } }, /too short/],
    [{ status: 'x', poll: { options: ['a', 'b'], expires_in: 2629747 } }, /too long/],
    [{ status: 'x', scheduled_at: new Date(Date.now() + 60_000).toISOString() }, /5 minutes/],
    [{ status: 'x', in_reply_to_id: 'nope' }, /in_reply_to_id/],
  ])('refuses %j with 422 and stores nothing', async (payload, message) => {
    const before = await countRows(s, 'statuses');
    const res = await alice.post('/api/v1/statuses', payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(message);
    expect(await countRows(s, 'statuses')).toBe(before);
  });

  it('counts URLs as 23 characters', async () => {
    const url = `https://example.com/${'a'.repeat(2000)}`;
    const res = await alice.post('/api/v1/statuses', { status: `${'x'.repeat(970)} ${url}` });
    expect(res.statusCode).toBe(200);
  });

  it('returns 404 when replying to a status that does not exist', async () => {
    const res = await alice.post('/api/v1/statuses', { status: 'x', in_reply_to_id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(res.statusCode).toBe(404);
  });

  it('threads replies: conversation, counters and context', async () => {
    const root = await post(alice, { status: 'root' });
    const reply = await post(bob, { status: '@alice reply', in_reply_to_id: root.id });
    expect(reply).toMatchObject({ in_reply_to_id: root.id, in_reply_to_account_id: alice.id });
    const reply2 = await post(alice, { status: 'reply 2', in_reply_to_id: reply.id });
    expect((await alice.get(`/api/v1/statuses/${root.id}`)).json().replies_count).toBe(1);
    const ctxRoot = (await alice.get(`/api/v1/statuses/${root.id}/context`)).json();
    expect(ctxRoot.ancestors).toEqual([]);
    expect(ctxRoot.descendants.map((x: { id: string }) => x.id)).toEqual([reply.id, reply2.id]);
    const ctxLeaf = (await s.inject({ method: 'GET', url: `/api/v1/statuses/${reply2.id}/context` })).json();
    expect(ctxLeaf.ancestors.map((x: { id: string }) => x.id)).toEqual([root.id, reply.id]);
    const rows = await s.ctx.db.selectFrom('statuses').select('conversation_id').where('id', 'in', [root.id, reply.id, reply2.id]).execute();
    expect(new Set(rows.map((r) => r.conversation_id)).size).toBe(1);
  });

  it('returns the same status for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'abc-123' };
    const first = await alice.post('/api/v1/statuses', { status: 'once' }, { headers });
    const before = await countRows(s, 'statuses');
    const second = await alice.post('/api/v1/statuses', { status: 'once' }, { headers });
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    expect(await countRows(s, 'statuses')).toBe(before);
    const other = await bob.post('/api/v1/statuses', { status: 'once' }, { headers });
    expect(other.json().id).not.toBe(first.json().id);
  });
});

describe('GET /api/v1/statuses', () => {
  it('returns several statuses in order and skips unknown ids', async () => {
    const a = await post(alice, { status: 'one' });
    const b = await post(alice, { status: 'two' });
    const res = await bob.get(`/api/v1/statuses?id[]=${b.id}&id[]=01ARZ3NDEKTSV4RRFFQ69G5FAV&id[]=${a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
  });
  it('answers an empty list when no ids are given, and 422 for too many', async () => {
    expect((await bob.get('/api/v1/statuses')).json()).toEqual([]);
    const many = Array.from({ length: 41 }, () => 'id[]=01ARZ3NDEKTSV4RRFFQ69G5FAV').join('&');
    expect((await bob.get(`/api/v1/statuses?${many}`)).statusCode).toBe(422);
  });
  it('answers 404 for malformed and unknown ids', async () => {
    expect((await alice.get('/api/v1/statuses/123')).statusCode).toBe(404);
    expect((await alice.get('/api/v1/statuses/01ARZ3NDEKTSV4RRFFQ69G5FAV')).json()).toEqual({ error: 'Record not found' });
  });
});
