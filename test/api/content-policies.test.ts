// The admin's content policies applied to real posts and profiles: reject (422, nothing
// stored), hold (only the author sees it, nobody is notified, until a moderator releases it),
// mark sensitive, keep off public timelines; a broken configuration and a runaway regex fail
// closed to a moderator; every decision is reviewable and the review is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminActionLogJson, PolicyDecisionJson, StatusJson } from '../../api/entities.ts';
import { setSetting } from '../../src/db/repos/settings.ts';
import type { Clock } from '../../src/infra/clock.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// Each setting change is picked up within the policy cache's 10 s: the clock moves past it.
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];

let s: TestServer;
let author: TestUser;
let follower: TestUser;
let mod: TestUser;
async function configure(policies: unknown): Promise<void> {
  await setSetting(s.ctx.db, 'content_policies', policies as unknown[], clock.now());
  offsetMs += 11_000;
}

beforeAll(async () => {
  s = await createTestServer({ clock });
  author = await s.createUser('author');
  follower = await s.createUser('follower');
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  await follower.post(`/api/v1/accounts/${author.id}/follow`);
  await configure([
    {
      policy: 'keywords',
      rules: [
        { pattern: 'cheap pills', action: 'reject', reason: 'Advertising medicines is not allowed here' },
        { pattern: 'crypto giveaway', action: 'hold', reason: 'Possible scam' },
        { pattern: 'gore', action: 'sensitive', reason: 'Graphic content' },
        { pattern: 'promo', action: 'unlist', reason: 'Promotion' },
      ],
    },
  ]);
});
afterAll(() => s.close());

const count = async () => (await s.ctx.db.selectFrom('statuses').select('id').execute()).length;
const pending = async (): Promise<PolicyDecisionJson[]> => (await mod.get('/api/v1/admin/policy_decisions')).json();

describe('content policies on posts', () => {
  it('reject with the reason shown and nothing stored', async () => {
    const before = await count();
    const res = await author.post('/api/v1/statuses', { status: 'Buy CHEAP pills now' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toContain('Advertising medicines is not allowed here');
    expect(await count()).toBe(before);
  });

  it('mark sensitive and keep off public timelines, logging both for review', async () => {
    const sensitive = (await author.post('/api/v1/statuses', { status: 'a gore scene' })).json() as StatusJson;
    expect(sensitive.sensitive).toBe(true);
    const unlisted = (await author.post('/api/v1/statuses', { status: 'big promo today' })).json() as StatusJson;
    expect(unlisted.visibility).toBe('unlisted');
    const subjects = (await pending()).map((d) => [d.subject_id, d.action]);
    expect(subjects).toEqual(expect.arrayContaining([[sensitive.id, 'sensitive'], [unlisted.id, 'unlist']]));
  });

  it('hold a post for a moderator: only the author sees it and nobody is notified, until it is released', async () => {
    const held = await author.post('/api/v1/statuses', { status: `crypto giveaway for @${follower.username}` });
    expect(held.statusCode).toBe(200);
    const id = held.json().id as string;
    await s.drainJobs();
    expect((await author.get(`/api/v1/statuses/${id}`)).statusCode).toBe(200);
    expect((await follower.get(`/api/v1/statuses/${id}`)).statusCode).toBe(404);
    expect(((await follower.get('/api/v1/timelines/home')).json() as StatusJson[]).map((x) => x.id)).not.toContain(id);
    expect(((await follower.get('/api/v1/timelines/public')).json() as StatusJson[]).map((x) => x.id)).not.toContain(id);
    expect(((await follower.get(`/api/v1/accounts/${author.id}/statuses`)).json() as StatusJson[]).map((x) => x.id)).not.toContain(id);
    expect(((await author.get(`/api/v1/accounts/${author.id}/statuses`)).json() as StatusJson[]).map((x) => x.id)).toContain(id);
    expect(((await follower.get('/api/v1/notifications')).json() as { type: string }[]).filter((n) => n.type === 'mention')).toEqual([]);

    const decision = (await pending()).find((d) => d.subject_id === id)!;
    expect(decision).toMatchObject({ action: 'hold', status: { held: true }, account: { id: author.id }, verdicts: [{ policy: 'keywords', action: 'hold', reason: 'Possible scam' }] });
    expect((await follower.post(`/api/v1/admin/policy_decisions/${decision.id}/approve`)).statusCode).toBe(403);
    expect((await mod.post(`/api/v1/admin/policy_decisions/${decision.id}/approve`)).statusCode).toBe(200);
    await s.drainJobs();
    expect((await follower.get(`/api/v1/statuses/${id}`)).statusCode).toBe(200);
    expect(((await follower.get('/api/v1/timelines/home')).json() as StatusJson[]).map((x) => x.id)).toContain(id);
    expect(((await follower.get('/api/v1/notifications')).json() as { type: string }[]).some((n) => n.type === 'mention')).toBe(true);
    expect((await mod.post(`/api/v1/admin/policy_decisions/${decision.id}/reject`)).statusCode).toBe(422);
    const log = (await mod.get(`/api/v1/admin/action_logs?action=policy.approve&target_id=${id}`)).json() as AdminActionLogJson[];
    expect(log).toHaveLength(1);
  });

  it('remove a held post when the moderator rejects it', async () => {
    const id = (await author.post('/api/v1/statuses', { status: 'another crypto giveaway' })).json().id as string;
    const decision = (await pending()).find((d) => d.subject_id === id)!;
    await mod.post(`/api/v1/admin/policy_decisions/${decision.id}/reject`);
    expect((await author.get(`/api/v1/statuses/${id}`)).statusCode).toBe(404);
  });

  it('hold an edit that breaks a rule', async () => {
    const id = (await author.post('/api/v1/statuses', { status: 'harmless' })).json().id as string;
    expect((await follower.get(`/api/v1/statuses/${id}`)).statusCode).toBe(200);
    expect((await author.put(`/api/v1/statuses/${id}`, { status: 'now a crypto giveaway' })).statusCode).toBe(200);
    expect((await follower.get(`/api/v1/statuses/${id}`)).statusCode).toBe(404);
  });
});

describe('content policies on profiles', () => {
  it('refuse a profile that breaks a reject rule, changing nothing', async () => {
    const res = await author.patch('/api/v1/accounts/update_credentials', { note: 'I sell cheap pills' });
    expect(res.statusCode).toBe(422);
    expect((await author.get('/api/v1/accounts/verify_credentials')).json().note).toBe('');
  });
});

describe('failing closed', () => {
  it('holds posts while the configured rules are broken, and when a regex runs away', async () => {
    await configure([{ policy: 'keywords', rules: [{ pattern: '(a+)+$', regex: true, action: 'reject', reason: 'runaway' }] }]);
    const runaway = await author.post('/api/v1/statuses', { status: `${'a'.repeat(32)}!` });
    expect(runaway.statusCode).toBe(200);
    expect((await follower.get(`/api/v1/statuses/${runaway.json().id}`)).statusCode).toBe(404);
    expect((await pending()).find((d) => d.subject_id === runaway.json().id)?.verdicts[0]).toMatchObject({ action: 'hold', reason: 'policy error' });

    await s.ctx.db.updateTable('settings').set({ value: JSON.stringify([{ policy: 'keywords', rules: [{ pattern: '(', regex: true, action: 'reject' }] }]) }).where('key', '=', 'content_policies').execute();
    offsetMs += 11_000;
    const post = await author.post('/api/v1/statuses', { status: 'an ordinary post' });
    expect(post.statusCode).toBe(200);
    expect((await follower.get(`/api/v1/statuses/${post.json().id}`)).statusCode).toBe(404);
  });

  it('holds mass mentions from a new account with the spam policy', async () => {
    await configure([{ policy: 'spam' }]);
    const names = await Promise.all(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((n) => s.createUser(n)));
    const spam = await author.post('/api/v1/statuses', { status: names.map((n) => `@${n.username}`).join(' ') + ' look at this' });
    expect(spam.statusCode).toBe(200);
    expect((await names[0]!.get(`/api/v1/statuses/${spam.json().id}`)).statusCode).toBe(404);
    const normal = await author.post('/api/v1/statuses', { status: 'just a normal post' });
    expect((await follower.get(`/api/v1/statuses/${normal.json().id}`)).statusCode).toBe(200);
  });
});
