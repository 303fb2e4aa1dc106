import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { countRows, follow, post } from './statuses-fixtures.ts';

let now = Date.now();
const clock: Clock = { now: () => new Date(now) };
let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  s = await createTestServer({ clock });
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  carol = await s.createUser('carol');
});
afterAll(() => s.close());

describe('scheduled statuses', () => {
  it('schedules, lists, re-times, and publishes through the same path when due', async () => {
    const at = new Date(now + 3600_000).toISOString();
    const res = await alice.post('/api/v1/statuses', { status: 'later', scheduled_at: at, visibility: 'unlisted' });
    expect(res.statusCode).toBe(200);
    const sched = res.json();
    expect(sched).toMatchObject({ scheduled_at: at, media_attachments: [], params: { text: 'later', visibility: 'unlisted' } });
    expect(await countRows(s, 'statuses', { account_id: alice.id })).toBe(0);
    expect((await alice.get('/api/v1/scheduled_statuses')).json().map((x: { id: string }) => x.id)).toEqual([sched.id]);
    expect((await bob.get(`/api/v1/scheduled_statuses/${sched.id}`)).statusCode).toBe(404);
    expect((await alice.put(`/api/v1/scheduled_statuses/${sched.id}`, { scheduled_at: new Date(now + 60_000).toISOString() })).statusCode).toBe(422);
    const later = new Date(now + 7200_000).toISOString();
    expect((await alice.put(`/api/v1/scheduled_statuses/${sched.id}`, { scheduled_at: later })).json().scheduled_at).toBe(later);
    now += 3601_000;
    await s.drainJobs();
    expect(await countRows(s, 'statuses', { account_id: alice.id })).toBe(0);
    now += 3600_000;
    await s.drainJobs();
    expect(await countRows(s, 'scheduled_statuses')).toBe(0);
    const rows = await s.ctx.db.selectFrom('statuses').selectAll().where('account_id', '=', alice.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'later', visibility: 'unlisted', content_html: '<p>later</p>' });
  });

  it('cancels a scheduled status', async () => {
    const sched = (await bob.post('/api/v1/statuses', { status: 'never', scheduled_at: new Date(now + 3600_000).toISOString() })).json();
    expect((await alice.delete(`/api/v1/scheduled_statuses/${sched.id}`)).statusCode).toBe(404);
    expect((await bob.delete(`/api/v1/scheduled_statuses/${sched.id}`)).json()).toEqual({});
    expect((await bob.get(`/api/v1/scheduled_statuses/${sched.id}`)).statusCode).toBe(404);
    now += 3601_000;
    await s.drainJobs();
    expect(await countRows(s, 'statuses', { account_id: bob.id })).toBe(0);
  });
});

describe('quotes', () => {
  it('quotes a public post, counts it, notifies, lists and revokes', async () => {
    const original = await post(alice, { status: 'quotable' });
    const q = await post(bob, { status: 'look at this', quoted_status_id: original.id });
    expect(q.quote).toMatchObject({ state: 'accepted', quoted_status: { id: original.id, content: '<p>quotable</p>' } });
    expect((await alice.get(`/api/v1/statuses/${original.id}`)).json().quotes_count).toBe(1);
    const jobs = (await s.ctx.db.selectFrom('jobs').select('payload').where('type', '=', 'notify').execute()).map((j) => JSON.parse(j.payload));
    expect(jobs).toContainEqual({ type: 'quote', accountId: alice.id, fromAccountId: bob.id, statusId: q.id });
    expect((await alice.get(`/api/v1/statuses/${original.id}/quotes`)).json().map((x: { id: string }) => x.id)).toEqual([q.id]);
    expect((await bob.get(`/api/v1/statuses/${original.id}/quotes`)).statusCode).toBe(403);
    const revoked = await alice.post(`/api/v1/statuses/${original.id}/quotes/${q.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().quote).toEqual({ state: 'revoked', quoted_status: null });
    expect((await alice.get(`/api/v1/statuses/${original.id}`)).json().quotes_count).toBe(0);
    expect((await alice.get(`/api/v1/statuses/${original.id}/quotes`)).json()).toEqual([]);
  });

  it('respects the quote policy and refuses quotes of private posts', async () => {
    const followersOnly = await post(alice, { status: 'followers may quote', quote_approval_policy: 'followers' });
    expect(followersOnly.quote_approval).toEqual({ automatic: ['followers'], manual: [], current_user: 'automatic' });
    expect((await carol.get(`/api/v1/statuses/${followersOnly.id}`)).json().quote_approval.current_user).toBe('denied');
    const before = await countRows(s, 'statuses');
    expect((await carol.post('/api/v1/statuses', { status: 'q', quoted_status_id: followersOnly.id })).statusCode).toBe(403);
    await follow(s, carol, alice);
    expect((await carol.get(`/api/v1/statuses/${followersOnly.id}`)).json().quote_approval.current_user).toBe('automatic');
    expect((await carol.post('/api/v1/statuses', { status: 'q', quoted_status_id: followersOnly.id })).statusCode).toBe(200);
    const priv = await post(alice, { status: 'private one', visibility: 'private' });
    expect(priv.quote_approval.automatic).toEqual([]);
    expect((await carol.post('/api/v1/statuses', { status: 'q', quoted_status_id: priv.id })).statusCode).toBe(403);
    // The accepted quote and the private post itself; the refused quotes left nothing.
    expect(await countRows(s, 'statuses')).toBe(before + 2);
  });

  it('changes the interaction policy of own posts only', async () => {
    const st = await post(alice, { status: 'policy' });
    const res = await alice.put(`/api/v1/statuses/${st.id}/interaction_policy`, { quote_approval_policy: 'nobody' });
    expect(res.json().quote_approval).toEqual({ automatic: [], manual: [], current_user: 'automatic' });
    expect((await bob.post('/api/v1/statuses', { status: 'q', quoted_status_id: st.id })).statusCode).toBe(403);
    expect((await bob.put(`/api/v1/statuses/${st.id}/interaction_policy`, { quote_approval_policy: 'public' })).statusCode).toBe(403);
    expect((await alice.put(`/api/v1/statuses/${st.id}/interaction_policy`, { quote_approval_policy: 'everyone' })).statusCode).toBe(422);
  });

  it('shows a deleted quoted post as deleted', async () => {
    const original = await post(alice, { status: 'soon gone' });
    const q = await post(bob, { status: 'quoting', quoted_status_id: original.id });
    await alice.delete(`/api/v1/statuses/${original.id}`);
    expect((await bob.get(`/api/v1/statuses/${q.id}`)).json().quote).toEqual({ state: 'deleted', quoted_status: null });
  });
});
