// A page of reports (the moderators' queue) and a page of admin.report notifications cost the
// same number of SQL statements whatever their size: everything per report is loaded in bulk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminReportJson } from '../../api/entities.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];
const REPORTS = 32;

let statements = 0;
let s: TestServer;
let mod: TestUser;
/** report id -> the ids of the posts it cites */
const cited = new Map<string, string[]>();
let publicId: string;

beforeAll(async () => {
  s = await createTestServer({ context: { onQuery: () => void statements++ } });
  const reporter = await s.createUser('reporter');
  const target = await s.createUser('target');
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  await reporter.post(`/api/v1/accounts/${target.id}/follow`);
  publicId = (await target.post('/api/v1/statuses', { status: 'a public post' })).json().id;
  const privateId = (await target.post('/api/v1/statuses', { status: 'for followers', visibility: 'private' })).json().id;
  for (let i = 0; i < REPORTS; i++) {
    // Every report looks alike (two cited posts, a note, half of them assigned), so only the page
    // size differs between the pages compared.
    const statusIds = i % 2 === 0 ? [publicId, privateId] : [privateId, publicId];
    const res = await reporter.post('/api/v1/reports', { account_id: target.id, status_ids: statusIds, comment: `report ${i}`, category: 'other' });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id as string;
    cited.set(id, [publicId, privateId].sort());
    expect((await mod.post(`/api/v1/admin/reports/${id}/notes`, { content: `note on report ${i}` })).statusCode).toBe(200);
    if (i % 2 === 0) expect((await mod.post(`/api/v1/admin/reports/${id}/assign_to_self`)).statusCode).toBe(200);
  }
  await s.drainJobs();
});
afterAll(() => s.close());

/** Calls the API as the moderator; returns the body and how many statements the request ran. */
async function counted<T>(url: string): Promise<{ body: T; statements: number }> {
  const before = statements;
  const res = await mod.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.json() as T, statements: statements - before };
}

describe('statements per page', () => {
  it('a page of 30 reports costs what a page of 3 does, and each report still gets its own posts and notes', async () => {
    const small = await counted<AdminReportJson[]>('/api/v1/admin/reports?limit=3');
    const large = await counted<AdminReportJson[]>('/api/v1/admin/reports?limit=30');
    expect(small.body).toHaveLength(3);
    expect(large.body).toHaveLength(30);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    for (const report of large.body) {
      const comment = report.comment;
      // Only the public post is shown as a status; the kept copies cover both.
      expect(report.statuses.map((st) => st.id)).toEqual([publicId]);
      expect(report.snapshots.map((c) => c.status_id).sort()).toEqual(cited.get(report.id));
      expect(report.notes.map((n) => n.content)).toEqual([`note on ${comment}`]);
      expect(report.notes[0]!.account.id).toBe(mod.id);
      expect(report.assigned_account?.id ?? null).toBe(Number(comment.split(' ')[1]) % 2 === 0 ? mod.id : null);
    }
  });

  it('a page of 30 admin.report notifications costs what a page of 3 does, with every report\'s cited posts', async () => {
    type ReportNotification = { type: string; report: { id: string; status_ids: string[] } };
    const small = await counted<ReportNotification[]>('/api/v1/notifications?types[]=admin.report&limit=3');
    const large = await counted<ReportNotification[]>('/api/v1/notifications?types[]=admin.report&limit=30');
    expect(small.body).toHaveLength(3);
    expect(large.body).toHaveLength(30);
    expect(large.statements).toBe(small.statements);
    for (const n of large.body) expect(n.report.status_ids).toEqual(cited.get(n.report.id));
  });

  it('the grouped (v2) notifications too', async () => {
    type Grouped = { notification_groups: { report?: { id: string; status_ids: string[] } }[] };
    const small = await counted<Grouped>('/api/v2/notifications?types[]=admin.report&limit=3');
    const large = await counted<Grouped>('/api/v2/notifications?types[]=admin.report&limit=30');
    expect(small.body.notification_groups).toHaveLength(3);
    expect(large.body.notification_groups).toHaveLength(30);
    expect(large.statements).toBe(small.statements);
    for (const g of large.body.notification_groups) expect(g.report?.status_ids).toEqual(cited.get(g.report!.id));
  });
});
