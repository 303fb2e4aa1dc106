// The dashboard through Mastodon's admin API: measures, dimensions and retention computed from
// what the test does on three known days (the server's clock is moved from day to day).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminActionLogJson, AdminCohortJson, AdminDimensionJson, AdminMeasureJson, AdminTagJson, StatusJson } from '../../api/entities.ts';
import { computeTrends } from '../../src/services/trends/compute-trends.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];
const D1 = '2025-03-10';
const D2 = '2025-03-11';
const D3 = '2025-03-12';

let s: TestServer;
let now = new Date(`${D1}T10:00:00Z`);
let mod: TestUser;
let alice: TestUser;
let tagId: string;
let alicePost: StatusJson;
const at = (day: string) => {
  now = new Date(`${day}T10:00:00Z`);
};

beforeAll(async () => {
  s = await createTestServer({ clock: { now: () => new Date(now) } });
  // Day 1: four sign-ups; alice posts, bob favourites and replies, dave does nothing.
  at(D1);
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  alice = await s.createUser('alice');
  const bob = await s.createUser('bob');
  await s.createUser('dave');
  const post = (await alice.post('/api/v1/statuses', { status: 'Hello #cats', language: 'de' })).json() as StatusJson;
  alicePost = post;
  await bob.post(`/api/v1/statuses/${post.id}/favourite`);
  await bob.post('/api/v1/statuses', { status: 'Nice', in_reply_to_id: post.id, language: 'en' });
  // Day 2: carol signs up and posts; bob reports her.
  at(D2);
  const carol = await s.createUser('carol');
  await carol.post('/api/v1/statuses', { status: 'More #cats', language: 'en' });
  const report = (await bob.post('/api/v1/reports', { account_id: carol.id, comment: 'spam' })).json();
  // Day 3: the moderator resolves the report.
  at(D3);
  expect((await mod.post(`/api/v1/admin/reports/${report.id}/resolve`)).statusCode).toBe(200);
  tagId = (await mod.get('/api/v1/tags/cats')).json().id;
});
afterAll(() => s.close());

const days = (m: { data: { value: string }[] }) => m.data.map((d) => d.value);

describe('POST /api/v1/admin/measures', () => {
  it('counts the period day by day, with the total of the period before', async () => {
    const res = await mod.post('/api/v1/admin/measures', { keys: ['new_users', 'active_users', 'interactions', 'opened_reports', 'resolved_reports', 'no_such_key'], start_at: D1, end_at: `${D3}T23:59:59Z` });
    expect(res.statusCode, res.body).toBe(200);
    const byKey = new Map((res.json() as AdminMeasureJson[]).map((m) => [m.key, m]));
    expect([...byKey.keys()]).toEqual(['new_users', 'active_users', 'interactions', 'opened_reports', 'resolved_reports']);
    expect(byKey.get('new_users')!.data.map((d) => d.date)).toEqual([`${D1}T00:00:00.000Z`, `${D2}T00:00:00.000Z`, `${D3}T00:00:00.000Z`]);
    expect(byKey.get('new_users')).toMatchObject({ unit: null, total: '5', previous_total: '0' });
    expect(days(byKey.get('new_users')!)).toEqual(['4', '1', '0']);
    // Day 1 alice and bob, day 2 carol and bob (his report used his token), day 3 the moderator;
    // dave never did anything. Over the period: four different people.
    expect(days(byKey.get('active_users')!)).toEqual(['2', '2', '1']);
    expect(byKey.get('active_users')!.total).toBe('4');
    expect(days(byKey.get('interactions')!)).toEqual(['2', '0', '0']);
    expect(days(byKey.get('opened_reports')!)).toEqual(['0', '1', '0']);
    expect(days(byKey.get('resolved_reports')!)).toEqual(['0', '0', '1']);
  });

  it('compares with the period before', async () => {
    const [m] = (await mod.post('/api/v1/admin/measures', { keys: ['new_users'], start_at: D2, end_at: D2 })).json() as AdminMeasureJson[];
    expect(m).toMatchObject({ total: '1', previous_total: '4' });
  });

  it('measures a tag, and reports zeros for remote servers Parley does not know', async () => {
    const res = await mod.post('/api/v1/admin/measures', { keys: ['tag_uses', 'tag_accounts', 'tag_servers', 'instance_statuses'], start_at: D1, end_at: D3, tag_uses: { id: tagId }, tag_accounts: { id: tagId }, tag_servers: { id: tagId }, instance_statuses: { domain: 'remote.example' } });
    const [uses, accounts, servers, remote] = res.json() as AdminMeasureJson[];
    expect(uses).toMatchObject({ key: 'tag_uses', total: '2' });
    expect(days(uses!)).toEqual(['1', '1', '0']);
    expect(accounts).toMatchObject({ key: 'tag_accounts', total: '2' });
    expect(servers).toMatchObject({ key: 'tag_servers', total: '1' });
    expect(remote).toMatchObject({ key: 'instance_statuses', total: '0' });
    expect(remote!.previous_total).toBeUndefined();
  });
});

describe('POST /api/v1/admin/dimensions', () => {
  it('breaks the period down by language, server, software and space used', async () => {
    const res = await mod.post('/api/v1/admin/dimensions', { keys: ['languages', 'servers', 'software_versions', 'space_usage', 'sources', 'tag_languages', 'tag_servers', 'instance_accounts'], start_at: D1, end_at: D3, tag_languages: { id: tagId }, tag_servers: { id: tagId } });
    expect(res.statusCode, res.body).toBe(200);
    const byKey = new Map((res.json() as AdminDimensionJson[]).map((d) => [d.key, d.data]));
    expect(byKey.get('languages')).toEqual([{ key: 'en', human_key: 'English', value: '4' }]);
    expect(byKey.get('servers')).toEqual([{ key: 'parley.test', human_key: 'parley.test', value: '3' }]);
    expect(byKey.get('software_versions')!.map((v) => v.key)).toEqual(expect.arrayContaining(['parley', 'node']));
    const space = byKey.get('space_usage')!;
    expect(space.map((x) => x.key)).toContain('media');
    expect(Number(space[0]!.value)).toBeGreaterThan(0);
    expect(space[0]).toMatchObject({ unit: 'bytes' });
    expect(byKey.get('sources')).toEqual([]);
    expect(byKey.get('tag_languages')!.map((l) => [l.key, l.value]).sort()).toEqual([['de', '1'], ['en', '1']]);
    expect(byKey.get('tag_servers')).toEqual([{ key: 'parley.test', human_key: 'parley.test', value: '2' }]);
    expect(byKey.get('instance_accounts')).toEqual([]);
  });
});

describe('POST /api/v1/admin/retention', () => {
  it('follows each sign-up day and how many of it stay active', async () => {
    const res = await mod.post('/api/v1/admin/retention', { start_at: D1, end_at: D3, frequency: 'day' });
    expect(res.statusCode, res.body).toBe(200);
    const [first, second, third] = res.json() as AdminCohortJson[];
    expect(first).toMatchObject({ period: `${D1}T00:00:00.000Z`, frequency: 'day' });
    // mod, alice, bob, dave: bob was last seen on day 2, the moderator on day 3.
    expect(first!.data).toEqual([
      { date: `${D1}T00:00:00.000Z`, rate: 1, value: '4' },
      { date: `${D2}T00:00:00.000Z`, rate: 0.5, value: '2' },
      { date: `${D3}T00:00:00.000Z`, rate: 0.25, value: '1' },
    ]);
    expect(second!.data.map((d) => d.value)).toEqual(['1', '0']);
    expect(third!.data).toEqual([{ date: `${D3}T00:00:00.000Z`, rate: 0, value: '0' }]);
    const monthly = (await mod.post('/api/v1/admin/retention', { start_at: D1, end_at: D3, frequency: 'month' })).json() as AdminCohortJson[];
    expect(monthly).toEqual([{ period: '2025-03-01T00:00:00.000Z', frequency: 'month', data: [{ date: '2025-03-01T00:00:00.000Z', rate: 1, value: '5' }] }]);
    expect((await mod.post('/api/v1/admin/retention', { start_at: D1, end_at: D3, frequency: 'week' })).statusCode).toBe(422);
  });
});

describe('trends review', () => {
  it('lists the scored tags and posts for review, and records approvals and rejections', async () => {
    at(D2);
    try {
      // A post needs two people to trend: bob favourited it on day 1, now the moderator does.
      await mod.post(`/api/v1/statuses/${alicePost.id}/favourite`);
      expect((await mod.get('/api/v1/admin/trends/tags')).json()).toEqual([]);
      expect(await computeTrends(s.ctx)).toEqual({ tags: 1, statuses: 1 });
      const tags = (await mod.get('/api/v1/admin/trends/tags')).json() as AdminTagJson[];
      expect(tags.map((t) => t.name)).toEqual(['cats']);
      expect(tags[0]).toMatchObject({ id: tagId, trendable: false, usable: true, requires_review: true });
      expect(tags[0]!.history).toHaveLength(7);

      expect((await mod.post(`/api/v1/admin/trends/tags/${tagId}/approve`)).json()).toMatchObject({ id: tagId, trendable: true, requires_review: false });
      expect(((await mod.get('/api/v1/admin/trends/tags')).json() as AdminTagJson[])[0]).toMatchObject({ trendable: true, requires_review: false });
      expect((await mod.post(`/api/v1/admin/trends/tags/${tagId}/reject`)).json()).toMatchObject({ trendable: false, requires_review: false });

      const statuses = (await mod.get('/api/v1/admin/trends/statuses')).json() as StatusJson[];
      expect(statuses.map((x) => x.id)).toEqual([alicePost.id]);
      expect(statuses[0]).toMatchObject({ requires_review: true });
      expect((await mod.post(`/api/v1/admin/trends/statuses/${alicePost.id}/approve`)).json()).toMatchObject({ id: alicePost.id, requires_review: false });

      expect((await mod.get('/api/v1/admin/trends/links')).json()).toEqual([]);
      expect((await mod.post('/api/v1/admin/trends/links/1/approve')).statusCode).toBe(404);
      expect((await mod.post('/api/v1/admin/trends/tags/01JNZQYF80NBGDD2XB8QPJYX69/approve')).statusCode).toBe(404);
      expect((await mod.post('/api/v1/admin/trends/statuses/nonsense/reject')).statusCode).toBe(404);

      for (const [action, target] of [['trends.tag.approve', tagId], ['trends.tag.reject', tagId], ['trends.status.approve', alicePost.id]] as const) {
        const logs = (await mod.get(`/api/v1/admin/action_logs?action=${action}`)).json() as AdminActionLogJson[];
        expect(logs.map((l) => [l.target_id, l.account?.id]), action).toEqual([[target, mod.id]]);
      }
    } finally {
      at(D3);
    }
  });
});

// Last: alice's refused call uses her token, which makes her active on day 3 for the numbers above.
describe('who may read the dashboard', () => {
  it('refuses bad periods and people who are not staff', async () => {
    for (const body of [{ keys: ['new_users'] }, { keys: ['new_users'], start_at: 'yesterday', end_at: D3 }, { keys: ['new_users'], start_at: D3, end_at: D1 }, { keys: ['new_users'], start_at: '2000-01-01', end_at: D3 }]) {
      expect((await mod.post('/api/v1/admin/measures', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    const body = { keys: ['new_users'], start_at: D1, end_at: D3 };
    expect((await alice.post('/api/v1/admin/measures', body)).statusCode).toBe(403);
    expect((await s.inject({ method: 'POST', url: '/api/v1/admin/measures', payload: body })).statusCode).toBe(401);
    expect((await alice.get('/api/v1/admin/trends/tags')).statusCode).toBe(403);
    expect((await alice.post(`/api/v1/admin/trends/tags/${tagId}/approve`)).statusCode).toBe(403);
  });
});
