// The public moderation pages: the transparency report, computed from reports, the audit log
// and appeals, and the child-safety standard with its point of contact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock.ts';
import type { TransparencyMonth } from '../../src/services/moderation/transparency.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

// Mid-month, so the hours added below stay within one month.
let now = Date.parse('2026-11-10T08:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const hours = (h: number) => (now += h * 3600_000);
const STAFF_SCOPES = ['read', 'write', 'admin:read', 'admin:write'];

let s: TestServer;
let mod: TestUser;
let mod2: TestUser;
let reporter: TestUser;
beforeAll(async () => {
  s = await createTestServer({ clock });
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  mod2 = await s.createUser('mod2', { role: 'moderator', scopes: STAFF_SCOPES });
  reporter = await s.createUser('reporter');
});
afterAll(() => s.close());

describe('the transparency report', () => {
  it('counts reports, actions, response times and appeals by month, and names nobody', async () => {
    const spammer = await s.createUser('spammer');
    const other = await s.createUser('other');
    const file = async (account: TestUser, category: string) => (await reporter.post('/api/v1/reports', { account_id: account.id, category })).json().id as string;
    const first = await file(spammer, 'spam');
    const second = await file(other, 'other');
    await file(other, 'other');
    hours(2);
    await mod.post(`/api/v1/admin/reports/${first}/assign_to_self`);
    hours(3);
    await mod.post(`/api/v1/admin/accounts/${spammer.id}/action`, { type: 'silence', report_id: first, text: 'spam' });
    await mod.post(`/api/v1/admin/reports/${second}/resolve`);
    const strike = (await spammer.get('/api/v1/strikes')).json()[0];
    await spammer.post(`/api/v1/strikes/${strike.id}/appeal`, { text: 'not spam' });
    const appeal = (await mod2.get('/api/v1/admin/appeals')).json()[0];
    await mod2.post(`/api/v1/admin/appeals/${appeal.id}/reject`);

    const res = await s.inject({ method: 'GET', url: '/api/v1/instance/transparency' });
    expect(res.statusCode).toBe(200);
    const months = res.json().months as TransparencyMonth[];
    expect(months).toEqual([
      {
        month: '2026-11',
        reports: { total: 3, by_category: { spam: 1, other: 2 } },
        actions: { 'account.silence': 1, 'report.resolve': 2 },
        first_response_hours: { answered: 2, unanswered: 1, median: 2, p95: 5 },
        appeals: { received: 1, approved: 0, rejected: 1, pending: 0 },
      },
    ]);

    const page = await s.inject({ method: 'GET', url: '/about/transparency' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('2026-11');
    for (const name of ['spammer', 'reporter', 'mod2', '@mod']) expect(page.body).not.toContain(name);
  });
});

describe('the child-safety standard', () => {
  it('is published with a point of contact, falling back to the server contact', async () => {
    const { setSetting } = await import('../../src/db/repos/settings.ts');
    await setSetting(s.ctx.db, 'site_contact_email', 'admin@parley.test', clock.now());
    let page = await s.inject({ method: 'GET', url: '/about/child-safety' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('child sexual abuse material');
    expect(page.body).toContain('mailto:admin@parley.test');
    await setSetting(s.ctx.db, 'child_safety_contact', 'safety@parley.test', clock.now());
    page = await s.inject({ method: 'GET', url: '/about/child-safety' });
    expect(page.body).toContain('mailto:safety@parley.test');
    expect(page.body).not.toContain('mailto:admin@parley.test');
  });
});
