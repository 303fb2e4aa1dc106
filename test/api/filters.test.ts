// Content filters: the v2 and v1 APIs, and filters applied where statuses are shown (timelines
// and notifications), with `warn` marking a status and `hide` removing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock.ts';
import { channel } from '../../src/infra/streams.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let now = Date.parse('2026-03-01T12:00:00.000Z');
const clock: Clock = { now: () => new Date(now) };

let s: TestServer;
let alice: TestUser, bob: TestUser, carol: TestUser;
beforeAll(async () => {
  s = await createTestServer({ clock });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
  await alice.post(`/api/v1/accounts/${bob.id}/follow`);
  await alice.post(`/api/v1/accounts/${carol.id}/follow`);
  await s.drainJobs();
});
afterAll(() => s.close());

type FilterResult = { filter: { id: string; title: string; filter_action: string; context: string[] }; keyword_matches: string[] | null; status_matches: string[] | null };
type Status = { id: string; filtered?: FilterResult[]; reblog: Status | null };

/** Posts as `u` one second after the previous post (so ids and times are in a known order). */
async function post(u: TestUser, payload: Record<string, unknown>): Promise<string> {
  now += 1000;
  const res = await u.post('/api/v1/statuses', payload);
  expect(res.statusCode).toBe(200);
  await s.drainJobs();
  return res.json().id;
}

// The test clock is frozen between steps, and ids made within one millisecond of a clock set in
// the past have no defined order: keywords created together are compared as sets.
const byKeyword = <T extends { keyword: string }>(list: T[]) => [...list].sort((a, b) => a.keyword.localeCompare(b.keyword));

async function filter(u: TestUser, body: Record<string, unknown>): Promise<{ id: string; keywords: { id: string; keyword: string; whole_word: boolean }[] }> {
  now += 1000;
  const res = await u.post('/api/v2/filters', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const timeline = async (u: TestUser, url: string) => (await u.get(url)).json() as Status[];
const find = (list: Status[], id: string) => list.find((x) => x.id === id);
const matchedKeywords = (st: Status | undefined) => st?.filtered?.map((r) => r.keyword_matches);
const counts = async () => {
  const n = async (table: 'filters' | 'filter_keywords' | 'filter_statuses') =>
    Number((await s.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return [await n('filters'), await n('filter_keywords'), await n('filter_statuses')];
};

describe('filters v2 API', () => {
  it('creates, reads, updates (with nested keywords) and deletes a filter', async () => {
    const created = await filter(alice, {
      title: 'Spoilers',
      context: ['home', 'public'],
      filter_action: 'warn',
      expires_in: 3600,
      keywords_attributes: [{ keyword: 'season finale', whole_word: false }, { keyword: 'twist' }],
    });
    expect({ ...created, keywords: byKeyword(created.keywords) }).toEqual({
      id: expect.any(String),
      title: 'Spoilers',
      context: ['home', 'public'],
      expires_at: new Date(now + 3600_000).toISOString(),
      filter_action: 'warn',
      keywords: [
        { id: expect.any(String), keyword: 'season finale', whole_word: false },
        { id: expect.any(String), keyword: 'twist', whole_word: true },
      ],
      statuses: [],
    });
    expect((await alice.get(`/api/v2/filters/${created.id}`)).json()).toEqual(created);
    expect((await alice.get('/api/v2/filters')).json().map((f: { id: string }) => f.id)).toContain(created.id);

    const [finale, twist] = byKeyword(created.keywords);
    const updated = await alice.put(`/api/v2/filters/${created.id}`, {
      title: 'TV',
      context: ['thread'],
      filter_action: 'hide',
      expires_in: '',
      keywords_attributes: [{ id: finale!.id, keyword: 'finale', whole_word: true }, { id: twist!.id, _destroy: true }, { keyword: 'cliffhanger' }],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ title: 'TV', context: ['thread'], filter_action: 'hide', expires_at: null });
    expect(byKeyword(updated.json().keywords as { keyword: string; whole_word: boolean }[]).map((k) => [k.keyword, k.whole_word])).toEqual([
      ['cliffhanger', true],
      ['finale', true],
    ]);

    expect((await alice.delete(`/api/v2/filters/${created.id}`)).statusCode).toBe(200);
    expect((await alice.get(`/api/v2/filters/${created.id}`)).statusCode).toBe(404);
    expect(await s.ctx.db.selectFrom('filter_keywords').select('id').where('filter_id', '=', created.id).execute()).toEqual([]);
  });

  it('manages keywords and statuses one by one', async () => {
    const f = await filter(alice, { title: 'Rules', context: ['home'], keywords_attributes: [{ keyword: 'first' }] });
    now += 1000;
    const added = await alice.post(`/api/v2/filters/${f.id}/keywords`, { keyword: 'second', whole_word: 'false' });
    expect(added.json()).toEqual({ id: expect.any(String), keyword: 'second', whole_word: false });
    const kid = added.json().id;
    expect((await alice.get(`/api/v2/filters/${f.id}/keywords`)).json().map((k: { keyword: string }) => k.keyword)).toEqual(['first', 'second']);
    expect((await alice.put(`/api/v2/filters/keywords/${kid}`, { keyword: 'deuxième' })).json()).toEqual({ id: kid, keyword: 'deuxième', whole_word: false });
    expect((await alice.get(`/api/v2/filters/keywords/${kid}`)).json().keyword).toBe('deuxième');
    expect((await alice.delete(`/api/v2/filters/keywords/${kid}`)).statusCode).toBe(200);
    expect((await alice.get(`/api/v2/filters/keywords/${kid}`)).statusCode).toBe(404);

    const st = await post(bob, { status: 'a post to filter by id' });
    const entry = await alice.post(`/api/v2/filters/${f.id}/statuses`, { status_id: st });
    expect(entry.json()).toEqual({ id: expect.any(String), status_id: st });
    expect((await alice.post(`/api/v2/filters/${f.id}/statuses`, { status_id: st })).statusCode).toBe(422);
    expect((await alice.get(`/api/v2/filters/${f.id}/statuses`)).json()).toEqual([entry.json()]);
    expect((await alice.get(`/api/v2/filters/statuses/${entry.json().id}`)).json()).toEqual(entry.json());
    expect((await alice.get(`/api/v2/filters/${f.id}`)).json().statuses).toEqual([entry.json()]);
    expect((await alice.delete(`/api/v2/filters/statuses/${entry.json().id}`)).statusCode).toBe(200);
    expect((await alice.get(`/api/v2/filters/${f.id}/statuses`)).json()).toEqual([]);
    await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('refuses bad input with 422 and stores nothing', async () => {
    const f = await filter(alice, { title: 'Kept', context: ['home'], keywords_attributes: [{ keyword: 'kept' }] });
    const before = await counts();
    const bad: Record<string, unknown>[] = [
      { context: ['home'] },
      { title: '   ', context: ['home'] },
      { title: 'x' },
      { title: 'x', context: [] },
      { title: 'x', context: ['everywhere'] },
      { title: 'x', context: ['home'], filter_action: 'delete' },
      { title: 'x', context: ['home'], expires_in: 'soon' },
      { title: 'x', context: ['home'], expires_in: -5 },
      { title: 'x', context: ['home'], keywords_attributes: [{ keyword: 'ok' }, { keyword: '  ' }] },
      { title: 'x', context: ['home'], keywords_attributes: [{ keyword: 'k'.repeat(101) }] },
      { title: 'x'.repeat(300), context: ['home'] },
    ];
    for (const body of bad) {
      const res = await alice.post('/api/v2/filters', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error).toMatch(/^Validation failed/);
    }
    // An update that fails part-way (a blank new keyword after a rename) changes nothing.
    const kept = f.keywords[0]!;
    const res = await alice.put(`/api/v2/filters/${f.id}`, { title: 'Changed', keywords_attributes: [{ id: kept.id, keyword: 'renamed' }, { keyword: '' }] });
    expect(res.statusCode).toBe(422);
    expect((await alice.post(`/api/v2/filters/${f.id}/keywords`, { keyword: '' })).statusCode).toBe(422);
    expect((await alice.put(`/api/v2/filters/keywords/${kept.id}`, { keyword: ' ' })).statusCode).toBe(422);
    expect(await counts()).toEqual(before);
    expect((await alice.get(`/api/v2/filters/${f.id}`)).json()).toMatchObject({ title: 'Kept', keywords: [{ keyword: 'kept' }] });
    await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it("answers 404 for other people's filters, keywords and statuses", async () => {
    const f = await filter(alice, { title: 'Mine', context: ['home'], keywords_attributes: [{ keyword: 'private' }] });
    const st = await post(alice, { status: 'something' });
    const entry = (await alice.post(`/api/v2/filters/${f.id}/statuses`, { status_id: st })).json();
    const kid = f.keywords[0]!.id;
    const before = await counts();
    const answers = [
      await bob.get(`/api/v2/filters/${f.id}`),
      await bob.put(`/api/v2/filters/${f.id}`, { title: 'Theirs' }),
      await bob.delete(`/api/v2/filters/${f.id}`),
      await bob.get(`/api/v2/filters/${f.id}/keywords`),
      await bob.post(`/api/v2/filters/${f.id}/keywords`, { keyword: 'x' }),
      await bob.get(`/api/v2/filters/keywords/${kid}`),
      await bob.put(`/api/v2/filters/keywords/${kid}`, { keyword: 'x' }),
      await bob.delete(`/api/v2/filters/keywords/${kid}`),
      await bob.get(`/api/v2/filters/${f.id}/statuses`),
      await bob.post(`/api/v2/filters/${f.id}/statuses`, { status_id: st }),
      await bob.get(`/api/v2/filters/statuses/${entry.id}`),
      await bob.delete(`/api/v2/filters/statuses/${entry.id}`),
      await bob.get(`/api/v1/filters/${kid}`),
      await bob.put(`/api/v1/filters/${kid}`, { phrase: 'x' }),
      await bob.delete(`/api/v1/filters/${kid}`),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 404));
    // Nor can a keyword of alice's be moved into or edited through bob's own filter.
    const theirs = await filter(bob, { title: 'Theirs', context: ['home'] });
    expect((await bob.put(`/api/v2/filters/${theirs.id}`, { keywords_attributes: [{ id: kid, keyword: 'stolen' }] })).statusCode).toBe(404);
    expect((await bob.get('/api/v2/filters')).json().map((x: { id: string }) => x.id)).toEqual([theirs.id]);
    await bob.delete(`/api/v2/filters/${theirs.id}`);
    expect(await counts()).toEqual(before);
    await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('needs the filters scopes', async () => {
    const reader = await s.createUser('reader', { scopes: ['read:statuses'] });
    expect((await reader.get('/api/v2/filters')).statusCode).toBe(403);
    expect((await reader.post('/api/v1/filters', { phrase: 'x', context: ['home'] })).statusCode).toBe(403);
    expect((await s.inject({ method: 'GET', url: '/api/v2/filters' })).statusCode).toBe(401);
  });
});

describe('filters v1 API', () => {
  it('maps each v1 filter to a keyword of a v2 filter', async () => {
    const res = await alice.post('/api/v1/filters', { phrase: 'Election', context: ['home', 'notifications'], irreversible: true, whole_word: false, expires_in: 600 });
    expect(res.statusCode, res.body).toBe(200);
    const v1 = res.json();
    expect(v1).toEqual({ id: expect.any(String), phrase: 'Election', context: ['home', 'notifications'], whole_word: false, expires_at: new Date(now + 600_000).toISOString(), irreversible: true });
    const v2 = (await alice.get('/api/v2/filters')).json().find((f: { title: string }) => f.title === 'Election');
    expect(v2).toMatchObject({ filter_action: 'hide', context: ['home', 'notifications'], keywords: [{ id: v1.id, keyword: 'Election', whole_word: false }] });
    expect((await alice.get(`/api/v1/filters/${v1.id}`)).json()).toEqual(v1);
    expect((await alice.get('/api/v1/filters')).json()).toContainEqual(v1);

    const changed = await alice.put(`/api/v1/filters/${v1.id}`, { phrase: 'Elections', context: ['public'], irreversible: false, expires_in: '' });
    expect(changed.json()).toEqual({ ...v1, phrase: 'Elections', context: ['public'], irreversible: false, expires_at: null });
    expect((await alice.get(`/api/v2/filters/${v2.id}`)).json()).toMatchObject({ filter_action: 'warn', context: ['public'], expires_at: null });

    // A filter of several keywords cannot be changed through one of them.
    await alice.post(`/api/v2/filters/${v2.id}/keywords`, { keyword: 'ballot' });
    expect((await alice.put(`/api/v1/filters/${v1.id}`, { context: ['home'] })).statusCode).toBe(422);
    expect((await alice.put(`/api/v1/filters/${v1.id}`, { phrase: 'vote', context: ['public'] })).json().phrase).toBe('vote');

    expect((await alice.post('/api/v1/filters', { phrase: '', context: ['home'] })).statusCode).toBe(422);
    expect((await alice.post('/api/v1/filters', { phrase: 'x', context: ['nowhere'] })).statusCode).toBe(422);

    // Deleting a v1 filter deletes its keyword; the last keyword takes its filter along.
    expect((await alice.delete(`/api/v1/filters/${v1.id}`)).statusCode).toBe(200);
    expect((await alice.get(`/api/v2/filters/${v2.id}`)).json().keywords.map((k: { keyword: string }) => k.keyword)).toEqual(['ballot']);
    const last = (await alice.get('/api/v1/filters')).json().find((f: { phrase: string }) => f.phrase === 'ballot');
    await alice.delete(`/api/v1/filters/${last.id}`);
    expect((await alice.get(`/api/v2/filters/${v2.id}`)).statusCode).toBe(404);
  });
});

describe('applying filters', () => {
  it('matches whole words (Unicode-aware) or substrings, case-insensitively, in text and content warnings', async () => {
    const whole = await filter(alice, { title: 'Cats', context: ['home'], keywords_attributes: [{ keyword: 'cat', whole_word: true }] });
    const part = await filter(alice, { title: 'Dogs', context: ['home'], keywords_attributes: [{ keyword: 'dog', whole_word: false }] });
    const plain = await post(bob, { status: 'My CAT sleeps' });
    const inside = await post(bob, { status: 'concatenate écat catalogue' });
    const dogs = await post(bob, { status: 'hotdogs' });
    const warned = await post(bob, { status: 'nothing here', spoiler_text: 'cat pictures' });
    const home = await timeline(alice, '/api/v1/timelines/home');
    expect(find(home, plain)!.filtered).toEqual([
      { filter: { id: whole.id, title: 'Cats', context: ['home'], expires_at: null, filter_action: 'warn' }, keyword_matches: ['cat'], status_matches: null },
    ]);
    expect(find(home, inside)!.filtered).toEqual([]);
    expect(matchedKeywords(find(home, dogs))).toEqual([['dog']]);
    expect(matchedKeywords(find(home, warned))).toEqual([['cat']]);
    // The same statuses elsewhere (no filter of that context) are not marked.
    expect(find(await timeline(alice, '/api/v1/timelines/public'), plain)!.filtered).toEqual([]);
    // Anonymous viewers have no `filtered` key at all.
    expect((await s.inject({ method: 'GET', url: '/api/v1/timelines/public' })).json()[0]).not.toHaveProperty('filtered');
    await alice.delete(`/api/v2/filters/${whole.id}`);
    await alice.delete(`/api/v2/filters/${part.id}`);
  });

  it('takes regular-expression characters in keywords literally', async () => {
    const f = await filter(alice, {
      title: 'Literal',
      context: ['home'],
      keywords_attributes: [{ keyword: 'a.b', whole_word: false }, { keyword: 'c++', whole_word: true }, { keyword: '(x|y)*', whole_word: false }, { keyword: '\\d' }],
    });
    const dot = await post(bob, { status: 'axb and a.b' });
    const onlyX = await post(bob, { status: 'axb only, x or y, digits 123' });
    const cpp = await post(bob, { status: 'I write C++.' });
    const group = await post(bob, { status: 'the pattern (x|y)* appears' });
    const home = await timeline(alice, '/api/v1/timelines/home');
    expect(matchedKeywords(find(home, dot))).toEqual([['a.b']]);
    expect(find(home, onlyX)!.filtered).toEqual([]);
    expect(matchedKeywords(find(home, cpp))).toEqual([['c++']]);
    expect(matchedKeywords(find(home, group))).toEqual([['(x|y)*']]);
    await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('warn keeps a status with `filtered`, hide removes it, in home, public and account timelines', async () => {
    const warn = await filter(alice, { title: 'Warn', context: ['home', 'public', 'account'], filter_action: 'warn', keywords_attributes: [{ keyword: 'walrus' }] });
    const blur = await filter(alice, { title: 'Blur', context: ['home'], filter_action: 'blur', keywords_attributes: [{ keyword: 'heron' }] });
    const hide = await filter(alice, { title: 'Hide', context: ['home', 'public', 'account'], filter_action: 'hide', keywords_attributes: [{ keyword: 'narwhal' }] });
    const warned = await post(bob, { status: 'a walrus' });
    const blurred = await post(bob, { status: 'a heron' });
    const hidden = await post(bob, { status: 'a narwhal' });
    const both = await post(bob, { status: 'a walrus and a narwhal' });
    for (const url of ['/api/v1/timelines/home', '/api/v1/timelines/public', `/api/v1/accounts/${bob.id}/statuses`]) {
      const list = await timeline(alice, url);
      expect(find(list, warned)?.filtered?.map((r) => r.filter.title), url).toEqual(['Warn']);
      expect(find(list, hidden), url).toBeUndefined();
      expect(find(list, both), url).toBeUndefined();
    }
    expect(find(await timeline(alice, '/api/v1/timelines/home'), blurred)!.filtered!.map((r) => r.filter.filter_action)).toEqual(['blur']);
    // Other viewers are not affected by alice's filters.
    expect(find(await timeline(carol, '/api/v1/timelines/public'), hidden)!.filtered).toEqual([]);
    // A status asked for by id is still answered (hide filters apply where statuses are listed).
    expect((await alice.get(`/api/v1/statuses/${hidden}`)).statusCode).toBe(200);
    for (const f of [warn, blur, hide]) await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('pages correctly when a hide filter empties a page', async () => {
    const hide = await filter(alice, { title: 'Hide', context: ['home'], filter_action: 'hide', keywords_attributes: [{ keyword: 'okapi' }] });
    const older = await post(bob, { status: 'older, visible' });
    await post(bob, { status: 'okapi one' });
    const newest = await post(bob, { status: 'okapi two' });
    const res = await alice.get('/api/v1/timelines/home?limit=2');
    expect(res.json()).toEqual([]);
    const link = res.headers.link as string;
    expect(link).toContain(`min_id=${newest}`);
    const next = /<[^>]*max_id=([0-9A-Z]+)[^>]*>; rel="next"/.exec(link)![1]!;
    expect((await timeline(alice, `/api/v1/timelines/home?limit=2&max_id=${next}`)).map((x) => x.id)[0]).toBe(older);
    await alice.delete(`/api/v2/filters/${hide.id}`);
  });

  it('matches reblogs by the reblogged status', async () => {
    const dave = await s.createUser('dave');
    const f = await filter(alice, { title: 'Puffins', context: ['home'], keywords_attributes: [{ keyword: 'puffin' }] });
    // Alice does not follow dave: the post reaches her home only as carol's reblog.
    const original = await post(dave, { status: 'a puffin' });
    now += 1000;
    const reblog = (await carol.post(`/api/v1/statuses/${original}/reblog`)).json().id;
    await s.drainJobs();
    const boosted = find(await timeline(alice, '/api/v1/timelines/home'), reblog);
    expect(matchedKeywords(boosted)).toEqual([['puffin']]);
    expect(matchedKeywords(boosted!.reblog!)).toEqual([['puffin']]);
    // In the booster's account timeline the home filter does not apply, until it is given that context.
    expect(find(await timeline(alice, `/api/v1/accounts/${carol.id}/statuses`), reblog)!.filtered).toEqual([]);
    await alice.put(`/api/v2/filters/${f.id}`, { context: ['home', 'account'], filter_action: 'hide' });
    expect(find(await timeline(alice, `/api/v1/accounts/${carol.id}/statuses`), reblog)).toBeUndefined();
    expect(find(await timeline(alice, '/api/v1/timelines/home'), reblog)).toBeUndefined();
    await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('applies filter statuses, to the status and its reblogs', async () => {
    const target = await post(bob, { status: 'nothing special about this one' });
    const f = await filter(alice, { title: 'This post', context: ['public'] });
    await alice.post(`/api/v2/filters/${f.id}/statuses`, { status_id: target });
    now += 1000;
    const reblog = (await carol.post(`/api/v1/statuses/${target}/reblog`)).json().id;
    await s.drainJobs();
    const pub = await timeline(alice, '/api/v1/timelines/public');
    expect(find(pub, target)!.filtered).toEqual([{ filter: expect.objectContaining({ id: f.id }), keyword_matches: null, status_matches: [target] }]);
    expect(find(await timeline(alice, `/api/v1/accounts/${carol.id}/statuses`), reblog)!.filtered).toEqual([]);
    await alice.put(`/api/v2/filters/${f.id}`, { context: ['public', 'account'] });
    expect(find(await timeline(alice, `/api/v1/accounts/${carol.id}/statuses`), reblog)!.filtered![0]!.status_matches).toEqual([target]);
    await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('stops applying a filter when it expires', async () => {
    const f = await filter(alice, { title: 'Brief', context: ['home'], filter_action: 'hide', expires_in: 3600, keywords_attributes: [{ keyword: 'ibex' }] });
    const createdAt = now;
    const st = await post(bob, { status: 'an ibex' });
    expect(find(await timeline(alice, '/api/v1/timelines/home'), st)).toBeUndefined();
    now += 3601_000;
    expect(find(await timeline(alice, '/api/v1/timelines/home'), st)!.filtered).toEqual([]);
    // Expired filters are still listed, with their expiry.
    expect((await alice.get(`/api/v2/filters/${f.id}`)).json().expires_at).toBe(new Date(createdAt + 3600_000).toISOString());
    await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('filters notifications: warn marks the status, hide removes the notification (v1 and v2)', async () => {
    const warn = await filter(alice, { title: 'Warn', context: ['notifications'], keywords_attributes: [{ keyword: 'lemur' }] });
    const hide = await filter(alice, { title: 'Hide', context: ['notifications'], filter_action: 'hide', keywords_attributes: [{ keyword: 'tapir' }] });
    const homeOnly = await filter(alice, { title: 'Home only', context: ['home'], filter_action: 'hide', keywords_attributes: [{ keyword: 'quokka' }] });
    const warned = await post(bob, { status: '@alice a lemur' });
    const hidden = await post(bob, { status: '@alice a tapir' });
    const other = await post(bob, { status: '@alice a quokka' });
    type N = { type: string; status?: Status };
    const v1 = (await alice.get('/api/v1/notifications?types[]=mention')).json() as N[];
    const ids = v1.map((n) => n.status!.id);
    expect(ids).toContain(warned);
    expect(ids).toContain(other);
    expect(ids).not.toContain(hidden);
    expect(v1.find((n) => n.status!.id === warned)!.status!.filtered!.map((r) => r.filter.title)).toEqual(['Warn']);
    expect(v1.find((n) => n.status!.id === other)!.status!.filtered).toEqual([]);
    // The home filter hides the mention from home, not from notifications.
    expect(find(await timeline(alice, '/api/v1/timelines/home'), other)).toBeUndefined();

    const v2 = (await alice.get('/api/v2/notifications?types[]=mention')).json() as { statuses: Status[]; notification_groups: { status_id?: string }[] };
    const groupStatuses = v2.notification_groups.map((g) => g.status_id);
    expect(groupStatuses).toContain(warned);
    expect(groupStatuses).not.toContain(hidden);
    expect(v2.statuses.map((x) => x.id)).not.toContain(hidden);
    expect(find(v2.statuses, warned)!.filtered!.map((r) => r.filter.title)).toEqual(['Warn']);
    for (const f of [warn, hide, homeOnly]) await alice.delete(`/api/v2/filters/${f.id}`);
  });

  it('publishes filters_changed on the owner stream', async () => {
    const events: string[] = [];
    const stop = s.ctx.events.subscribe(channel.user(alice.id), (e) => events.push(e.event));
    const f = await filter(alice, { title: 'Streamed', context: ['home'] });
    await alice.delete(`/api/v2/filters/${f.id}`);
    stop();
    expect(events.filter((e) => e === 'filters_changed')).toHaveLength(2);
  });
});
