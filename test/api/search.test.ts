import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStatus, writeSearchDocument } from '../../src/db/repos/statuses.ts';
import { newId } from '../../src/domain/ids.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let dave: TestUser;
let ts = Date.now() - 3600_000;

// Statuses are written the way the status service stores them (row + search text), so these
// tests exercise search alone.
async function postStatus(author: TestUser, text: string, visibility = 'public', opts: { spoiler?: string } = {}): Promise<string> {
  ts += 1000;
  const id = newId(ts);
  const now = new Date(ts).toISOString();
  await insertStatus(s.ctx.db, {
    id,
    account_id: author.id,
    text,
    content_html: `<p>${text}</p>`,
    spoiler_text: opts.spoiler ?? '',
    sensitive: 0,
    visibility,
    language: 'en',
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog_of_id: null,
    quote_of_id: null,
    quote_state: null,
    conversation_id: newId(ts),
    application_id: null,
    poll_id: null,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    quotes_count: 0,
    quote_policy: 'public',
    created_at: now,
    edited_at: null,
  });
  await writeSearchDocument(s.ctx.db, { status_id: id, account_id: author.id, body: [text, opts.spoiler ?? ''].join('\n') });
  return id;
}

async function addTag(name: string) {
  await s.ctx.db.insertInto('tags').values({ id: newId(), name: name.toLowerCase(), display_name: name, created_at: new Date().toISOString(), last_status_at: null }).execute();
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
  dave = await s.createUser('alfred');
  await s.ctx.db.updateTable('accounts').set({ display_name: 'Carol Allison' }).where('id', '=', carol.id).execute();
  await s.ctx.db.updateTable('accounts').set({ followers_count: 5 }).where('id', '=', dave.id).execute();
  for (const t of ['Cats', 'catsofparley', 'caturday', 'dogs']) await addTag(t);
});
afterAll(() => s.close());

describe('GET /api/v2/search: accounts', () => {
  it('matches username and display-name prefixes, exact name first', async () => {
    const res = await s.inject({ method: 'GET', url: '/api/v2/search?q=al&type=accounts' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.statuses).toEqual([]);
    expect(body.hashtags).toEqual([]);
    // alfred has more followers than alice; carol matches by the second word of her display name.
    expect(body.accounts.map((a: { username: string }) => a.username)).toEqual(['alfred', 'alice', 'carol']);
    const exact = (await s.inject({ method: 'GET', url: '/api/v2/search?q=alice&type=accounts' })).json();
    expect(exact.accounts.map((a: { username: string }) => a.username)).toEqual(['alice']);
  });

  it('finds an exact acct with our domain, and nothing for other domains', async () => {
    for (const q of ['@alice@parley.test', 'alice@parley.test', 'ALICE@Parley.Test']) {
      const body = (await s.inject({ method: 'GET', url: `/api/v2/search?q=${encodeURIComponent(q)}` })).json();
      expect(ids(body.accounts)).toEqual([alice.id]);
    }
    const remote = (await s.inject({ method: 'GET', url: `/api/v2/search?q=${encodeURIComponent('alice@elsewhere.example')}` })).json();
    expect(remote.accounts).toEqual([]);
  });

  it('treats LIKE wildcards literally', async () => {
    const body = (await s.inject({ method: 'GET', url: `/api/v2/search?q=${encodeURIComponent('%')}&type=accounts` })).json();
    expect(body.accounts).toEqual([]);
    const underscore = (await s.inject({ method: 'GET', url: '/api/v2/search?q=_&type=accounts' })).json();
    expect(underscore.accounts).toEqual([]);
  });

  it('restricts to followed accounts with following=true', async () => {
    await s.ctx.db.insertInto('follows').values({ id: newId(), account_id: bob.id, target_account_id: alice.id, show_reblogs: 1, notify: 0, languages: null, created_at: new Date().toISOString() }).execute();
    const body = (await bob.get('/api/v2/search?q=al&type=accounts&following=true')).json();
    expect(ids(body.accounts)).toEqual([alice.id]);
  });

  it('hides accounts that block the viewer, and suspended accounts', async () => {
    await s.ctx.db.insertInto('blocks').values({ id: newId(), account_id: dave.id, target_account_id: bob.id, created_at: new Date().toISOString() }).execute();
    const body = (await bob.get('/api/v2/search?q=al&type=accounts')).json();
    expect(ids(body.accounts)).not.toContain(dave.id);
    const anon = (await s.inject({ method: 'GET', url: '/api/v2/search?q=al&type=accounts' })).json();
    expect(ids(anon.accounts)).toContain(dave.id);
  });

  it('paginates with limit and offset', async () => {
    const first = (await alice.get('/api/v2/search?q=al&type=accounts&limit=1')).json();
    const second = (await alice.get('/api/v2/search?q=al&type=accounts&limit=1&offset=1')).json();
    expect(first.accounts).toHaveLength(1);
    expect(second.accounts).toHaveLength(1);
    expect(first.accounts[0].id).not.toBe(second.accounts[0].id);
  });

  it('resolves a local profile URL', async () => {
    const body = (await alice.get(`/api/v2/search?q=${encodeURIComponent('https://parley.test/@bob')}&resolve=true`)).json();
    expect(ids(body.accounts)).toEqual([bob.id]);
    expect(body.statuses).toEqual([]);
  });
});

describe('GET /api/v2/search: hashtags', () => {
  it('matches tag name prefixes, exact first then shorter, with following for signed-in viewers', async () => {
    const anon = (await s.inject({ method: 'GET', url: '/api/v2/search?q=%23cat&type=hashtags' })).json();
    expect(anon.hashtags.map((t: { name: string }) => t.name)).toEqual(['Cats', 'caturday', 'catsofparley']);
    const exact = (await s.inject({ method: 'GET', url: '/api/v2/search?q=cats&type=hashtags' })).json();
    expect(exact.hashtags.map((t: { name: string }) => t.name)).toEqual(['Cats', 'catsofparley']);
    expect(exact.hashtags[0]).toEqual({ id: expect.any(String), name: 'Cats', url: 'https://parley.test/tags/cats', history: [] });
    const tagId = exact.hashtags[0].id as string;
    await s.ctx.db.insertInto('tag_follows').values({ id: newId(), account_id: alice.id, tag_id: tagId, created_at: new Date().toISOString() }).execute();
    const signedIn = (await alice.get('/api/v2/search?q=cats&type=hashtags')).json();
    expect(signedIn.hashtags.map((t: { following: boolean }) => t.following)).toEqual([true, false]);
  });
});

describe('GET /api/v2/search: statuses', () => {
  let publicId: string;
  let secretId: string;
  let privateId: string;
  beforeAll(async () => {
    publicId = await postStatus(bob, 'I love my fluffy cats');
    await postStatus(bob, 'dogs are fine too');
    secretId = await postStatus(carol, 'private fluffy thoughts', 'private');
    privateId = await postStatus(alice, 'my own fluffy unlisted note', 'unlisted');
  });

  it('needs a signed-in user: anonymous callers get no statuses', async () => {
    const body = (await s.inject({ method: 'GET', url: '/api/v2/search?q=fluffy' })).json();
    expect(body.statuses).toEqual([]);
  });

  it('finds public posts and the viewer’s own posts, newest first, never others’ private posts', async () => {
    const body = (await alice.get('/api/v2/search?q=fluffy&type=statuses')).json();
    expect(ids(body.statuses)).toEqual([privateId, publicId]);
    expect(body.statuses[1]).toMatchObject({ id: publicId, account: { id: bob.id }, content: '<p>I love my fluffy cats</p>' });
    expect(ids(body.statuses)).not.toContain(secretId);
  });

  it('finds others’ private posts only once the viewer interacted with them', async () => {
    // carol's private post is not public: even a follower cannot full-text search it unless mentioned / interacted.
    await s.ctx.db.insertInto('follows').values({ id: newId(), account_id: alice.id, target_account_id: carol.id, show_reblogs: 1, notify: 0, languages: null, created_at: new Date().toISOString() }).execute();
    expect(ids((await alice.get('/api/v2/search?q=thoughts&type=statuses')).json().statuses)).toEqual([]);
    await s.ctx.db.insertInto('favourites').values({ id: newId(), account_id: alice.id, status_id: secretId, created_at: new Date().toISOString() }).execute();
    expect(ids((await alice.get('/api/v2/search?q=thoughts&type=statuses')).json().statuses)).toEqual([secretId]);
    // Bob does not follow carol: favouriting is impossible for him, and search must not leak it.
    expect(ids((await bob.get('/api/v2/search?q=thoughts&type=statuses')).json().statuses)).toEqual([]);
  });

  it('requires every word, and reads FTS syntax as plain words', async () => {
    expect(ids((await alice.get('/api/v2/search?q=fluffy%20cats&type=statuses')).json().statuses)).toEqual([publicId]);
    for (const q of ['fluffy OR dogs', 'NEAR(fluffy cats)', '"unbalanced', 'body:fluffy', '*', 'fluffy AND -cats', "'; drop table statuses; --"]) {
      const res = await alice.get(`/api/v2/search?q=${encodeURIComponent(q)}&type=statuses`);
      expect(res.statusCode).toBe(200);
    }
    expect(ids((await alice.get(`/api/v2/search?q=${encodeURIComponent('fluffy OR dogs')}&type=statuses`)).json().statuses)).toEqual([]);
  });

  it('filters by account_id and pages with max_id / min_id', async () => {
    expect(ids((await alice.get(`/api/v2/search?q=fluffy&type=statuses&account_id=${bob.id}`)).json().statuses)).toEqual([publicId]);
    // alice now sees three: her own, carol's favourited one, bob's public one.
    expect(ids((await alice.get('/api/v2/search?q=fluffy&type=statuses')).json().statuses)).toEqual([privateId, secretId, publicId]);
    expect(ids((await alice.get(`/api/v2/search?q=fluffy&type=statuses&max_id=${secretId}`)).json().statuses)).toEqual([publicId]);
    expect(ids((await alice.get(`/api/v2/search?q=fluffy&type=statuses&min_id=${publicId}&limit=1`)).json().statuses)).toEqual([secretId]);
    expect(ids((await alice.get(`/api/v2/search?q=fluffy&type=statuses&min_id=${publicId}`)).json().statuses)).toEqual([privateId, secretId]);
    expect(ids((await alice.get('/api/v2/search?q=fluffy&type=statuses&limit=1&offset=1')).json().statuses)).toEqual([secretId]);
  });

  it('hides posts of accounts that block the viewer', async () => {
    await s.ctx.db.insertInto('blocks').values({ id: newId(), account_id: bob.id, target_account_id: carol.id, created_at: new Date().toISOString() }).execute();
    expect(ids((await carol.get('/api/v2/search?q=fluffy&type=statuses')).json().statuses)).toEqual([secretId]);
    expect(ids((await alice.get('/api/v2/search?q=fluffy&type=statuses')).json().statuses)).toContain(publicId);
  });

  it('resolves a local status URL when the viewer may see it', async () => {
    for (const url of [`https://parley.test/@bob/${publicId}`, `https://parley.test/users/bob/statuses/${publicId}`]) {
      const body = (await alice.get(`/api/v2/search?q=${encodeURIComponent(url)}&resolve=true`)).json();
      expect(ids(body.statuses)).toEqual([publicId]);
    }
    const hidden = (await bob.get(`/api/v2/search?q=${encodeURIComponent(`https://parley.test/@carol/${secretId}`)}&resolve=true`)).json();
    expect(hidden.statuses).toEqual([]);
  });
});

describe('GET /api/v2/search: bad input', () => {
  it.each([
    ['', /q/],
    ['?q=', /q/],
    ['?q=x&type=people', /type/],
    ['?q=x&limit=ten', /limit/],
    ['?q=x&offset=-1', /offset/],
    ['?q=x&account_id=123', /account_id/],
    ['?q=x&max_id=nope', /max_id/],
    ['?q=x&following=maybe', /following/],
  ])('answers 400 for %s', async (qs, message) => {
    const res = await alice.get(`/api/v2/search${qs}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(message);
  });

  it('refuses resolve and offset to anonymous callers with 401', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v2/search?q=al&resolve=true' })).statusCode).toBe(401);
    expect((await s.inject({ method: 'GET', url: '/api/v2/search?q=al&type=accounts&offset=1' })).statusCode).toBe(401);
  });

  it('clamps a large limit to 40', async () => {
    expect((await alice.get('/api/v2/search?q=al&limit=500')).statusCode).toBe(200);
  });

  it('has no v1 search (removed in Mastodon 3.0)', async () => {
    expect((await alice.get('/api/v1/search?q=al')).statusCode).toBe(404);
  });

  it('requires the read:search scope from tokens that lack it', async () => {
    const limited = await s.createUser('limited', { scopes: ['write'] });
    expect((await limited.get('/api/v2/search?q=al')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/accounts/search', () => {
  it('returns matching accounts', async () => {
    const res = await s.inject({ method: 'GET', url: '/api/v1/accounts/search?q=ali' });
    expect(res.statusCode).toBe(200);
    expect(ids(res.json())).toEqual([alice.id]);
    expect(ids((await bob.get('/api/v1/accounts/search?q=al&following=true')).json())).toEqual([alice.id]);
    expect(ids((await bob.get('/api/v1/accounts/search?q=bob@parley.test')).json())).toEqual([bob.id]);
  });

  it('validates input', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/search' })).statusCode).toBe(400);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/search?q=al&limit=x' })).statusCode).toBe(400);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts/search?q=al&resolve=true' })).statusCode).toBe(401);
  });
});

describe('search over statuses posted through the API', () => {
  it('finds a new post, and stops finding it once deleted', async () => {
    const writer = await s.createUser('writer');
    const res = await writer.post('/api/v1/statuses', { status: 'Zebras are wonderfully striped', spoiler_text: 'animals' });
    expect(res.statusCode).toBe(200);
    const id = res.json().id as string;
    await s.drainJobs();
    expect(ids((await alice.get('/api/v2/search?q=zebras&type=statuses')).json().statuses)).toEqual([id]);
    expect(ids((await alice.get('/api/v2/search?q=animals&type=statuses')).json().statuses)).toEqual([id]);
    expect((await writer.delete(`/api/v1/statuses/${id}`)).statusCode).toBe(200);
    await s.drainJobs();
    expect((await alice.get('/api/v2/search?q=zebras&type=statuses')).json().statuses).toEqual([]);
  });
});
