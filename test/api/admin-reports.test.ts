// The moderators' report queue through Mastodon's admin API: who may use it, deadlines and
// escalation, assignment, notes, resolving (which purges the kept copies of posts) and
// reopening, and the append-only audit log every action writes to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminActionLogJson, AdminReportJson } from '../../api/entities.ts';
import { setSetting } from '../../src/db/repos/settings.ts';
import type { Clock } from '../../src/infra/clock.ts';
import { escalateOverdueReports } from '../../src/services/moderation/report-queue.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];

let s: TestServer;
let reporter: TestUser;
let target: TestUser;
let mod: TestUser;
let admin: TestUser;
beforeAll(async () => {
  s = await createTestServer({ clock });
  reporter = await s.createUser('reporter');
  target = await s.createUser('target');
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  admin = await s.createUser('boss', { role: 'admin', scopes: STAFF_SCOPES });
  await reporter.post(`/api/v1/accounts/${target.id}/follow`);
});
afterAll(() => s.close());

async function fileReport(statusIds: string[] = [], comment = 'please look'): Promise<string> {
  const res = await reporter.post('/api/v1/reports', { account_id: target.id, status_ids: statusIds, comment, category: 'other' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}
const show = async (id: string, as: TestUser = mod): Promise<AdminReportJson> => (await as.get(`/api/v1/admin/reports/${id}`)).json();

describe('access', () => {
  it('is for moderators and admins with admin scopes only', async () => {
    const id = await fileReport();
    expect((await reporter.get('/api/v1/admin/reports')).statusCode).toBe(403);
    const modWithoutScope = await s.createUser('mod2', { role: 'moderator' });
    expect((await modWithoutScope.get('/api/v1/admin/reports')).statusCode).toBe(403);
    expect((await reporter.post(`/api/v1/admin/reports/${id}/resolve`)).statusCode).toBe(403);
    expect((await s.inject({ method: 'GET', url: '/api/v1/admin/reports' })).statusCode).toBe(401);
    expect((await mod.get('/api/v1/admin/reports')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/admin/reports')).statusCode).toBe(200);
    expect((await mod.get('/api/v1/admin/reports/01HZZZZZZZZZZZZZZZZZZZZZZZ')).statusCode).toBe(404);
  });
});

describe('a report in the queue', () => {
  it('has a deadline, keeps copies of the cited posts, even deleted or private ones', async () => {
    const open = (await target.post('/api/v1/statuses', { status: 'public insult' })).json();
    const hidden = (await target.post('/api/v1/statuses', { status: 'followers-only threat', visibility: 'private' })).json();
    const id = await fileReport([open.id, hidden.id]);
    await target.delete(`/api/v1/statuses/${hidden.id}`);
    const report = await show(id);
    expect(report).toMatchObject({ id, action_taken: false, category: 'other', comment: 'please look', overdue: false, escalated_at: null, assigned_account: null, account: { id: reporter.id, username: 'reporter', email: 'reporter@example.com' }, target_account: { id: target.id } });
    expect(Date.parse(report.deadline_at!) - Date.parse(report.created_at)).toBe(24 * 3600_000);
    expect(report.statuses.map((st) => st.id)).toEqual([open.id]);
    const copies = Object.fromEntries(report.snapshots.map((c) => [c.status_id, c]));
    expect(copies[hidden.id]).toMatchObject({ content: '<p>followers-only threat</p>', visibility: 'private', deleted: true });
    expect(copies[open.id]).toMatchObject({ deleted: false });
  });

  it('is taken, released, annotated and recategorised, each step audited', async () => {
    const id = await fileReport();
    expect((await mod.post(`/api/v1/admin/reports/${id}/assign_to_self`)).json().assigned_account.id).toBe(mod.id);
    expect((await mod.post(`/api/v1/admin/reports/${id}/unassign`)).json().assigned_account).toBeNull();
    const noted = await mod.post(`/api/v1/admin/reports/${id}/notes`, { content: 'Checked the thread: context matters.' });
    expect(noted.json().notes).toMatchObject([{ content: 'Checked the thread: context matters.', account: { id: mod.id } }]);
    expect((await mod.post(`/api/v1/admin/reports/${id}/notes`, { content: '   ' })).statusCode).toBe(422);
    expect((await mod.put(`/api/v1/admin/reports/${id}`, { rule_ids: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'] })).statusCode).toBe(422);
    expect((await show(id)).category).toBe('other');
    expect((await mod.put(`/api/v1/admin/reports/${id}`, { category: 'spam' })).json().category).toBe('spam');
    const log = (await admin.get(`/api/v1/admin/action_logs?target_type=report&target_id=${id}`)).json() as AdminActionLogJson[];
    expect(log.map((l) => l.action)).toEqual(['report.update', 'report.note', 'report.unassign', 'report.assign']);
    expect(log[0]).toMatchObject({ account: { id: mod.id }, target_type: 'report', target_id: id });
    // The note's text stays with the report; the log says that a note was added, not what it said.
    expect(log[1]!.summary).not.toContain('context matters');
  });

  it('leaves the open queue when resolved, forgetting the kept copies, and comes back when reopened', async () => {
    const post = (await target.post('/api/v1/statuses', { status: 'evidence text zqx-evidence' })).json();
    const id = await fileReport([post.id]);
    const resolved = (await mod.post(`/api/v1/admin/reports/${id}/resolve`)).json() as AdminReportJson;
    expect(resolved).toMatchObject({ action_taken: true, action_taken_by_account: { id: mod.id }, snapshots: [] });
    const kept = await s.ctx.db.selectFrom('report_statuses').selectAll().where('report_id', '=', id).execute();
    expect(kept.map((k) => [k.status_id, k.text, k.content_html])).toEqual([[post.id, null, '']]);
    expect(((await mod.get('/api/v1/admin/reports')).json() as AdminReportJson[]).map((r) => r.id)).not.toContain(id);
    expect(((await mod.get('/api/v1/admin/reports?resolved=true')).json() as AdminReportJson[]).map((r) => r.id)).toContain(id);
    offsetMs += 3600_000;
    const before = clock.now().getTime();
    const reopened = (await mod.post(`/api/v1/admin/reports/${id}/reopen`)).json() as AdminReportJson;
    const after = clock.now().getTime();
    expect(reopened).toMatchObject({ action_taken: false, action_taken_at: null, action_taken_by_account: null });
    // A fresh deadline, counted from the reopening.
    expect(Date.parse(reopened.deadline_at!)).toBeGreaterThanOrEqual(before + 24 * 3600_000);
    expect(Date.parse(reopened.deadline_at!)).toBeLessThanOrEqual(after + 24 * 3600_000);
  });
});

describe('staff notifications', () => {
  it('tell every moderator and admin of a new report, and the admins again when it is overdue', async () => {
    const id = await fileReport([], 'look at this one');
    const adminReports = async (u: TestUser) => ((await u.get('/api/v1/notifications?types[]=admin.report&limit=40')).json() as { report?: { id: string }; account: { id: string } }[]).filter((n) => n.report?.id === id);
    expect(await adminReports(mod)).toMatchObject([{ account: { id: reporter.id }, report: { id, comment: 'look at this one' } }]);
    expect(await adminReports(admin)).toHaveLength(1);
    expect(await adminReports(target)).toEqual([]);
    expect(await adminReports(reporter)).toEqual([]);
    offsetMs += 25 * 3600_000;
    await escalateOverdueReports(s.ctx);
    expect(await adminReports(admin)).toHaveLength(2);
    expect(await adminReports(mod)).toHaveLength(1);
  });
});

describe('deadlines', () => {
  it('follow the configured response time and escalate overdue reports once', async () => {
    await setSetting(s.ctx.db, 'report_response_hours', 2, clock.now());
    const id = await fileReport();
    const report = await show(id);
    expect(Date.parse(report.deadline_at!) - Date.parse(report.created_at)).toBe(2 * 3600_000);
    offsetMs += 3 * 3600_000;
    expect((await show(id)).overdue).toBe(true);
    expect(await escalateOverdueReports(s.ctx)).toBeGreaterThanOrEqual(1);
    expect((await show(id)).escalated_at).not.toBeNull();
    expect(await escalateOverdueReports(s.ctx)).toBe(0);
    const log = (await admin.get(`/api/v1/admin/action_logs?action=report.escalate&target_id=${id}`)).json() as AdminActionLogJson[];
    expect(log).toMatchObject([{ action: 'report.escalate', account: null }]);
    await setSetting(s.ctx.db, 'report_response_hours', 24, clock.now());
  });
});

describe('the audit log', () => {
  it('cannot be changed or emptied, even by SQL', async () => {
    const [entry] = await s.ctx.db.selectFrom('admin_action_logs').select('id').limit(1).execute();
    expect(entry).toBeDefined();
    await expect(s.ctx.db.updateTable('admin_action_logs').set({ summary: 'rewritten' }).where('id', '=', entry!.id).execute()).rejects.toThrow(/append-only/);
    await expect(s.ctx.db.deleteFrom('admin_action_logs').execute()).rejects.toThrow(/append-only/);
  });

  it('refuses bad filters and non-staff', async () => {
    expect((await admin.get('/api/v1/admin/action_logs?action=DROP%20TABLE')).statusCode).toBe(422);
    expect((await reporter.get('/api/v1/admin/action_logs')).statusCode).toBe(403);
  });
});
