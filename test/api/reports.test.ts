// POST /api/v1/reports: what the reporter gets back, what is stored (with snapshots of the cited
// posts that survive their deletion), and what is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
let bob: TestUser;
let ruleId: string;
beforeAll(async () => {
  s = await createTestServer();
  alice = await s.createUser('alice');
  bob = await s.createUser('bob');
  ruleId = newId();
  await s.ctx.db.insertInto('instance_rules').values({ id: ruleId, text: 'No spam', hint: '', position: 0, created_at: new Date().toISOString() }).execute();
});
afterAll(() => s.close());

const countReports = async () => Number((await s.ctx.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/v1/reports', () => {
  it('reports an account with some of its posts and keeps a snapshot of them', async () => {
    const one = (await bob.post('/api/v1/statuses', { status: 'buy cheap <stuff>', spoiler_text: 'ad' })).json();
    const two = (await bob.post('/api/v1/statuses', { status: 'more spam' })).json();
    const res = await alice.post('/api/v1/reports', { account_id: bob.id, status_ids: [one.id, two.id], comment: 'Spamming everyone', category: 'spam', forward: true });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      action_taken: false,
      action_taken_at: null,
      category: 'spam',
      comment: 'Spamming everyone',
      forwarded: false,
      rule_ids: null,
      target_account: { id: bob.id, username: 'bob', acct: 'bob' },
    });
    expect(report.id).toMatch(/^[0-9A-Z]{26}$/);
    expect([...report.status_ids].sort()).toEqual([one.id, two.id].sort());
    expect(new Date(report.created_at).toISOString()).toBe(report.created_at);

    await bob.delete(`/api/v1/statuses/${one.id}`);
    await s.drainJobs();
    const snapshot = await s.ctx.db.selectFrom('report_statuses').selectAll().where('report_id', '=', report.id).where('status_id', '=', one.id).executeTakeFirstOrThrow();
    expect(snapshot).toMatchObject({ text: 'buy cheap <stuff>', spoiler_text: 'ad', visibility: 'public' });
    expect(snapshot.content_html).toContain('buy cheap &lt;stuff&gt;');
    const stored = await s.ctx.db.selectFrom('reports').selectAll().where('id', '=', report.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ account_id: alice.id, target_account_id: bob.id, category: 'spam' });
  });

  it('takes form parameters; citing rules makes it a violation report', async () => {
    const res = await alice.post('/api/v1/reports', `account_id=${bob.id}&rule_ids[]=${ruleId}&category=other`, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ category: 'violation', rule_ids: [ruleId], status_ids: [], comment: '' });
  });

  it('refuses posts the reporter cannot see or that are not the reported account’s, storing nothing', async () => {
    const carol = await s.createUser('carol');
    const secret = (await bob.post('/api/v1/statuses', { status: 'followers only', visibility: 'private' })).json();
    const carols = (await carol.post('/api/v1/statuses', { status: 'carol speaking' })).json();
    const before = await countReports();
    for (const statusIds of [[secret.id], [carols.id], ['01ARZ3NDEKTSV4RRFFQ69G5FAV']]) {
      const res = await alice.post('/api/v1/reports', { account_id: bob.id, status_ids: statusIds });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'Record not found' });
    }
    expect(await countReports()).toBe(before);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const before = await countReports();
    const cases: [unknown, number, RegExp][] = [
      [{}, 422, /account_id/],
      [{ account_id: 'nope' }, 422, /account_id/],
      [{ account_id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, 404, /not found/],
      [{ account_id: alice.id }, 422, /yourself/],
      [{ account_id: bob.id, comment: 'x'.repeat(1001) }, 422, /comment/],
      [{ account_id: bob.id, category: 'rude' }, 422, /category/],
      [{ account_id: bob.id, rule_ids: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] }, 422, /unknown rules/],
      [{ account_id: bob.id, status_ids: ['x'] }, 422, /status_ids/],
    ];
    for (const [payload, status, message] of cases) {
      const res = await alice.post('/api/v1/reports', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error).toMatch(message);
    }
    expect(await countReports()).toBe(before);
  });

  it('needs a user token with write:reports', async () => {
    expect((await s.inject({ method: 'POST', url: '/api/v1/reports', payload: { account_id: bob.id } })).statusCode).toBe(401);
    const reader = await s.createUser('reader', { scopes: ['read'] });
    expect((await reader.post('/api/v1/reports', { account_id: bob.id })).statusCode).toBe(403);
  });
});
