// Trends computed from what people do over a week (the server's clock is moved through it): the
// recurring job scores tags and posts, moderators review them, and only approved ones are public,
// rendered for each viewer. Posts that must never trend (sensitive, held, not public, replies,
// old, by sanctioned or undiscoverable authors) are scored by nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminTagJson, StatusJson, TagJson } from '../../api/entities.ts';
import { setSetting } from '../../src/db/repos/settings.ts';
import { COMPUTE_TRENDS_JOB } from '../../src/jobs/trends.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2025-06-10T12:00:00Z');

let now = T0 - 8 * DAY;
const at = (ms: number) => {
  now = ms;
};

let s: TestServer;
let mod: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser, erin: TestUser, frank: TestUser;
/** The three posts that trend, best first, and one of each kind that must not. */
let p1: StatusJson, p2: StatusJson, p3: StatusJson;
const excluded = new Map<string, string>();

async function post(u: TestUser, body: Record<string, unknown>): Promise<StatusJson> {
  const res = await u.post('/api/v1/statuses', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatusJson;
}

async function ok(res: Promise<{ statusCode: number; body: string }>): Promise<void> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
}

/** Runs the trends job through the queue, as the worker would, and checks it comes back in 10 minutes. */
async function runTrendsJob(): Promise<void> {
  await s.ctx.queue.enqueue(s.ctx.db, COMPUTE_TRENDS_JOB, {});
  await s.drainJobs();
  const rows = await s.ctx.db.selectFrom('jobs').select(['run_at', 'last_error']).where('type', '=', COMPUTE_TRENDS_JOB).execute();
  expect(rows).toEqual([{ run_at: new Date(now + 10 * MINUTE).toISOString(), last_error: null }]);
  await s.ctx.db.deleteFrom('jobs').where('type', '=', COMPUTE_TRENDS_JOB).execute();
}

const get = async (url: string, as?: TestUser) => {
  const res = as ? await as.get(url) : await s.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as unknown;
};
const ids = (list: unknown) => (list as { id: string }[]).map((x) => x.id);
const names = (list: unknown) => (list as { name: string }[]).map((x) => x.name);
const storedScore = async (id: string) =>
  (await s.ctx.db.selectFrom('trends').select('score').where('kind', '=', 'status').where('target_id', '=', id).executeTakeFirst())?.score;
const tagUseCount = async (name: string) =>
  (await s.ctx.db.selectFrom('status_tags').innerJoin('tags', 'tags.id', 'status_tags.tag_id').select('status_tags.status_id').where('tags.name', '=', name).execute()).length;

beforeAll(async () => {
  s = await createTestServer({ clock: { now: () => new Date(now) } });
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
  dave = await s.createUser('dave');
  erin = await s.createUser('erin');
  frank = await s.createUser('frank');
  const mallory = await s.createUser('mallory');
  const sid = await s.createUser('sid');
  const quiet = await s.createUser('quiet');
  await setSetting(s.ctx.db, 'content_policies', [{ policy: 'keywords', rules: [{ pattern: 'crypto giveaway', action: 'hold', reason: 'Possible scam' }] }], new Date(now));
  await ok(quiet.patch('/api/v1/accounts/update_credentials', { discoverable: false }));
  for (const u of [bob, carol, dave]) await ok(u.post(`/api/v1/accounts/${alice.id}/follow`));

  // The week before: alice uses #cats most days; bob, carol and dave use #daily every day.
  for (let k = 7; k >= 1; k--) {
    at(T0 - k * DAY - 2 * HOUR);
    if (k >= 2) await post(alice, { status: `#cats day ${k}` });
    for (const u of [bob, carol, dave]) await post(u, { status: `#daily ${k}` });
    if (k === 3) {
      at(T0 - 3 * DAY);
      const old = await post(alice, { status: 'Old news' });
      excluded.set('older than two days', old.id);
      at(T0 - 3 * DAY + HOUR);
      for (const u of [bob, carol, dave]) await ok(u.post(`/api/v1/statuses/${old.id}/favourite`));
    }
  }

  at(T0 - 13 * HOUR);
  p2 = await post(bob, { status: 'Older news' });
  at(T0 - 12 * HOUR);
  for (const u of [alice, carol, dave, erin, frank]) await ok(u.post(`/api/v1/statuses/${p2.id}/favourite`));
  await ok(frank.post(`/api/v1/statuses/${p2.id}/reblog`));

  at(T0 - 2 * HOUR);
  excluded.set('sensitive', (await post(dave, { status: 'Shocking', sensitive: true })).id);
  excluded.set('behind a content warning', (await post(dave, { status: 'Spoilers', spoiler_text: 'the ending' })).id);
  excluded.set('private', (await post(alice, { status: 'Followers only', visibility: 'private' })).id);
  excluded.set('unlisted', (await post(alice, { status: 'Quietly public', visibility: 'unlisted' })).id);
  excluded.set('held', (await post(frank, { status: 'A plain post' })).id);
  excluded.set('by a suspended author', (await post(mallory, { status: 'Buy now' })).id);
  excluded.set('by a silenced author', (await post(sid, { status: 'Look here' })).id);
  excluded.set('by an undiscoverable author', (await post(quiet, { status: 'Hidden gem' })).id);
  const weak = await post(frank, { status: 'Hmm' });
  excluded.set('liked by one person in good standing', weak.id);
  for (const u of [mallory, sid, frank]) await post(u, { status: 'Join #spam' });
  for (const u of [alice, erin, frank]) await post(u, { status: 'Between us #hush', visibility: 'private' });
  for (const u of [bob, erin, frank]) await post(u, { status: 'crypto giveaway #heldtag' });
  for (const u of [bob, carol, dave]) await post(u, { status: '#daily today' });

  at(T0 - HOUR);
  p1 = await post(alice, { status: 'Big news' });
  excluded.set('a reply', (await post(erin, { status: 'Agreed', in_reply_to_id: p1.id })).id);
  for (const u of [alice, bob, carol, dave]) await post(u, { status: '#cats today' });
  for (const u of [bob, carol]) await post(u, { status: '#dogs today' });

  at(T0 - 30 * MINUTE);
  p3 = await post(carol, { status: 'Fresh' });

  at(T0 - 10 * MINUTE);
  for (const u of [bob, carol, dave, erin]) await ok(u.post(`/api/v1/statuses/${p1.id}/favourite`));
  // dave favourites and boosts (one person, one vote); carol's own favourite does not count.
  await ok(dave.post(`/api/v1/statuses/${p3.id}/favourite`));
  await ok(dave.post(`/api/v1/statuses/${p3.id}/reblog`));
  await ok(erin.post(`/api/v1/statuses/${p3.id}/reblog`));
  await ok(carol.post(`/api/v1/statuses/${p3.id}/favourite`));
  for (const [why, id] of excluded) {
    if (why === 'older than two days' || why === 'liked by one person in good standing') continue;
    const author = (await s.ctx.db.selectFrom('statuses').select('account_id').where('id', '=', id).executeTakeFirstOrThrow()).account_id;
    const voters = [bob, carol, dave, erin].filter((u) => u.id !== author).slice(0, 3);
    for (const u of voters) await ok(u.post(`/api/v1/statuses/${id}/favourite`));
  }
  for (const u of [mallory, sid, erin]) await ok(u.post(`/api/v1/statuses/${weak.id}/favourite`));
  await ok(frank.put(`/api/v1/statuses/${excluded.get('held')}`, { status: 'A plain post, now a crypto giveaway' }));
  await ok(mod.post(`/api/v1/admin/accounts/${mallory.id}/action`, { type: 'suspend' }));
  await ok(mod.post(`/api/v1/admin/accounts/${sid.id}/action`, { type: 'silence' }));

  at(T0);
  await runTrendsJob();
});
afterAll(() => s.close());

describe('scoring', () => {
  it('ranks posts by the people who favourited or boosted them, halving every six hours of age', async () => {
    const listed = await get('/api/v1/admin/trends/statuses', mod);
    // p2 has the most people (5) but is 13 hours old; p3 has two but is fresh.
    expect(ids(listed)).toEqual([p1.id, p3.id, p2.id]);
    expect((listed as { requires_review: boolean }[]).every((x) => x.requires_review)).toBe(true);
    expect(await storedScore(p1.id)).toBeCloseTo(4 * 0.5 ** (1 / 6), 6);
    expect(await storedScore(p3.id)).toBeCloseTo(2 * 0.5 ** (0.5 / 6), 6);
    expect(await storedScore(p2.id)).toBeCloseTo(5 * 0.5 ** (13 / 6), 6);
  });

  it('never scores posts that must not trend', async () => {
    // The stored scores, not the rendered review list (which would hide a held post anyway).
    const scored = (await s.ctx.db.selectFrom('trends').select('target_id').where('kind', '=', 'status').execute()).map((r) => r.target_id);
    expect(scored.sort()).toEqual([p1.id, p2.id, p3.id].sort());
    for (const [why, id] of excluded) expect(scored, why).not.toContain(id);
    const held = await s.ctx.db.selectFrom('statuses').select('held_at').where('id', '=', excluded.get('held')!).executeTakeFirstOrThrow();
    expect(held.held_at).not.toBeNull();
    const favourited = await s.ctx.db.selectFrom('favourites').select('status_id').where('status_id', 'in', [...excluded.values()]).execute();
    // Every excluded post had enough people behind it: its absence is the rule's doing.
    for (const [why, id] of excluded) expect(favourited.filter((f) => f.status_id === id).length, why).toBeGreaterThanOrEqual(3);
  });

  it('ranks tags by how far the last day stands above their usual day', async () => {
    const listed = (await get('/api/v1/admin/trends/tags', mod)) as AdminTagJson[];
    // #daily is used as much as every day; #spam by one person in good standing; #hush only in
    // private posts; #heldtag only in held ones.
    expect(names(listed)).toEqual(['cats', 'dogs']);
    expect(listed[0]).toMatchObject({ trendable: false, usable: true, requires_review: true });
    for (const [name, uses] of [['daily', 24], ['spam', 3], ['hush', 3], ['heldtag', 3]] as const) expect(await tagUseCount(name), name).toBe(uses);
  });
});

describe('review gating', () => {
  it('shows nothing publicly until a moderator approves it, then only what was approved', async () => {
    for (const url of ['/api/v1/trends/tags', '/api/v1/trends/statuses', '/api/v1/trends']) expect(await get(url)).toEqual([]);

    await ok(mod.post(`/api/v1/admin/trends/tags/${(await get('/api/v1/tags/cats', mod) as TagJson).id}/approve`));
    await ok(mod.post(`/api/v1/admin/trends/tags/${(await get('/api/v1/tags/dogs', mod) as TagJson).id}/reject`));
    for (const id of [p1.id, p3.id]) await ok(mod.post(`/api/v1/admin/trends/statuses/${id}/approve`));
    await ok(mod.post(`/api/v1/admin/trends/statuses/${p2.id}/reject`));

    expect(names(await get('/api/v1/trends/tags'))).toEqual(['cats']);
    expect(names(await get('/api/v1/trends'))).toEqual(['cats']);
    expect(ids(await get('/api/v1/trends/statuses'))).toEqual([p1.id, p3.id]);
    expect(await get('/api/v1/trends/links')).toEqual([]);

    // The review still lists everything scored, with its decision.
    const tags = (await get('/api/v1/admin/trends/tags', mod)) as AdminTagJson[];
    expect(tags.map((t) => [t.name, t.trendable, t.requires_review])).toEqual([['cats', true, false], ['dogs', false, false]]);
    const statuses = (await get('/api/v1/admin/trends/statuses', mod)) as (StatusJson & { requires_review: boolean })[];
    expect(statuses.map((x) => [x.id, x.requires_review])).toEqual([[p1.id, false], [p3.id, false], [p2.id, false]]);
  });

  it('serves tags as Tag entities with seven days of history, newest first', async () => {
    const [cats] = (await get('/api/v1/trends/tags')) as TagJson[];
    expect(cats).toEqual({ id: expect.any(String), name: 'cats', url: 'https://parley.test/tags/cats', history: expect.any(Array) });
    const day = (k: number) => String((Date.UTC(2025, 5, 10) - k * DAY) / 1000);
    expect(cats!.history).toEqual([
      { day: day(0), uses: '4', accounts: '4' },
      { day: day(1), uses: '0', accounts: '0' },
      ...[2, 3, 4, 5, 6].map((k) => ({ day: day(k), uses: '1', accounts: '1' })),
    ]);
    await ok(bob.post('/api/v1/tags/cats/follow'));
    expect((await get('/api/v1/trends/tags', bob)) as TagJson[]).toMatchObject([{ name: 'cats', following: true, featuring: false }]);
  });

  it('renders posts for the viewer: blocks, mutes and public filters apply', async () => {
    await ok(frank.post(`/api/v1/accounts/${alice.id}/block`));
    expect(ids(await get('/api/v1/trends/statuses', frank))).toEqual([p3.id]);
    await ok(erin.post(`/api/v1/accounts/${carol.id}/mute`));
    expect(ids(await get('/api/v1/trends/statuses', erin))).toEqual([p1.id]);
    await ok(dave.post('/api/v2/filters', { title: 'Not today', context: ['public'], filter_action: 'hide', keywords_attributes: [{ keyword: 'Big news' }] }));
    expect(ids(await get('/api/v1/trends/statuses', dave))).toEqual([p3.id]);
    expect(ids(await get('/api/v1/trends/statuses', bob))).toEqual([p1.id, p3.id]);
  });

  it('pages with limit and offset, and refuses bad ones', async () => {
    expect(ids(await get('/api/v1/trends/statuses?limit=1'))).toEqual([p1.id]);
    expect(ids(await get('/api/v1/trends/statuses?limit=1&offset=1'))).toEqual([p3.id]);
    expect(await get('/api/v1/trends/statuses?offset=2')).toEqual([]);
    // Above the maximum is lowered to it, like Mastodon.
    expect(ids(await get('/api/v1/trends/statuses?limit=500'))).toEqual([p1.id, p3.id]);
    for (const q of ['limit=abc', 'limit=0', 'offset=-1', 'offset=99999']) {
      for (const path of ['tags', 'statuses', 'links']) {
        const res = await s.inject({ method: 'GET', url: `/api/v1/trends/${path}?${q}` });
        expect(res.statusCode, `${path}?${q}`).toBe(422);
        expect(res.json().error).toMatch(/limit|offset/);
      }
    }
  });

  it('drops a post at once when it stops being trendable, and the next run forgets it', async () => {
    await ok(carol.put(`/api/v1/statuses/${p3.id}`, { status: 'Fresh', sensitive: true }));
    expect(ids(await get('/api/v1/trends/statuses'))).toEqual([p1.id]);
    at(T0 + 10 * MINUTE);
    await runTrendsJob();
    expect(ids(await get('/api/v1/admin/trends/statuses', mod))).toEqual([p1.id, p2.id]);
  });
});

describe('the trends_enabled setting', () => {
  it('when off, shows nothing and computes nothing', async () => {
    const stored = async () => s.ctx.db.selectFrom('trends').selectAll().orderBy('kind').orderBy('rank').execute();
    const before = await stored();
    expect(before.length).toBe(4);
    await setSetting(s.ctx.db, 'trends_enabled', false, new Date(now));
    try {
      for (const url of ['/api/v1/trends/tags', '/api/v1/trends/statuses', '/api/v1/trends']) expect(await get(url, bob)).toEqual([]);
      at(T0 + 20 * MINUTE);
      await ok(erin.post(`/api/v1/statuses/${p2.id}/reblog`));
      await runTrendsJob();
      expect(await stored()).toEqual(before);
    } finally {
      await setSetting(s.ctx.db, 'trends_enabled', true, new Date(now));
    }
    await runTrendsJob();
    expect(new Set((await stored()).map((r) => r.computed_at))).toEqual(new Set([new Date(now).toISOString()]));
    expect(names(await get('/api/v1/trends/tags'))).toEqual(['cats']);
  });
});
