// Moderating accounts through Mastodon's admin API: each action's effect, the strike it leaves,
// the report it resolves, undoing, the sign-up review queue, and appeals decided by a second
// moderator. Every step is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountWarningJson, AdminAccountJson, AdminActionLogJson, AdminAppealJson, StatusJson } from '../../api/entities.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const STAFF_SCOPES = ['read', 'write', 'follow', 'admin:read', 'admin:write'];

let s: TestServer;
let mod: TestUser;
let mod2: TestUser;
let admin: TestUser;
let reporter: TestUser;
beforeAll(async () => {
  s = await createTestServer({ smtp: true });
  mod = await s.createUser('mod', { role: 'moderator', scopes: STAFF_SCOPES });
  mod2 = await s.createUser('mod2', { role: 'moderator', scopes: STAFF_SCOPES });
  admin = await s.createUser('boss', { role: 'admin', scopes: STAFF_SCOPES });
  reporter = await s.createUser('reporter');
});
afterAll(() => s.close());

const act = (as: TestUser, id: string, body: Record<string, unknown>) => as.post(`/api/v1/admin/accounts/${id}/action`, body);
const adminView = async (id: string): Promise<AdminAccountJson> => (await mod.get(`/api/v1/admin/accounts/${id}`)).json();
const strikesOf = async (u: TestUser): Promise<AccountWarningJson[]> => (await u.get('/api/v1/strikes')).json();

describe('account actions', () => {
  it('warns with a strike the person can read, resolving the report it answers, and e-mails them', async () => {
    const troll = await s.createUser('troll1');
    const post = (await troll.post('/api/v1/statuses', { status: 'rude words' })).json() as StatusJson;
    const report = (await reporter.post('/api/v1/reports', { account_id: troll.id, status_ids: [post.id], comment: 'rude' })).json();
    const sent = s.mail.length;
    const res = await act(mod, troll.id, { type: 'none', text: 'Please keep it civil.', report_id: report.id, send_email_notification: true });
    expect(res.statusCode, res.body).toBe(200);
    const [strike] = await strikesOf(troll);
    expect(strike).toMatchObject({ action: 'none', text: 'Please keep it civil.', status_ids: [post.id], appeal: null, overruled: false, target_account: { id: troll.id } });
    expect((await mod.get(`/api/v1/admin/reports/${report.id}`)).json()).toMatchObject({ action_taken: true, action_taken_by_account: { id: mod.id } });
    // The person is told in the app too, with the strike attached (v1 and grouped v2).
    const [note] = (await troll.get('/api/v1/notifications?types[]=moderation_warning')).json();
    expect(note).toMatchObject({ type: 'moderation_warning', moderation_warning: { id: strike!.id, text: 'Please keep it civil.' } });
    const grouped = (await troll.get('/api/v2/notifications')).json();
    expect(grouped.notification_groups.find((g: { type: string }) => g.type === 'moderation_warning')).toMatchObject({ moderation_warning: { id: strike!.id } });
    await s.drainJobs();
    expect(s.mail.length).toBe(sent + 1);
    expect(s.mail.at(-1)).toMatchObject({ to: 'troll1@example.com' });
    expect(s.mail.at(-1)!.text).toContain('Please keep it civil.');
  });

  it('limits an account: out of the public timeline, still on its profile', async () => {
    const loud = await s.createUser('loud');
    const post = (await loud.post('/api/v1/statuses', { status: 'public shouting' })).json() as StatusJson;
    const inPublic = async () => ((await reporter.get('/api/v1/timelines/public?limit=40')).json() as StatusJson[]).some((x) => x.id === post.id);
    expect(await inPublic()).toBe(true);
    expect((await act(mod, loud.id, { type: 'silence', text: 'Spam' })).statusCode).toBe(200);
    expect((await adminView(loud.id)).silenced).toBe(true);
    expect(await inPublic()).toBe(false);
    expect((await reporter.get(`/api/v1/statuses/${post.id}`)).statusCode).toBe(200);
    expect((await mod.post(`/api/v1/admin/accounts/${loud.id}/unsilence`)).json().silenced).toBe(false);
    expect(await inPublic()).toBe(true);
  });

  it('suspends and disables logins, and undoes both', async () => {
    const bad = await s.createUser('bad');
    expect((await act(mod, bad.id, { type: 'suspend', text: 'Threats' })).statusCode).toBe(200);
    expect((await bad.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(403);
    // The suspended person can still read the strike and appeal it.
    expect((await strikesOf(bad))[0]).toMatchObject({ action: 'suspend', text: 'Threats' });
    expect((await reporter.get(`/api/v1/accounts/${bad.id}`)).json()).toMatchObject({ suspended: true });
    expect((await mod.post(`/api/v1/admin/accounts/${bad.id}/unsuspend`)).json().suspended).toBe(false);
    expect((await bad.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(200);

    expect((await act(mod, bad.id, { type: 'disable' })).statusCode).toBe(200);
    expect((await bad.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(403);
    expect((await adminView(bad.id)).email).toBe('bad@example.com');
    await mod.post(`/api/v1/admin/accounts/${bad.id}/enable`);
    expect((await bad.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(200);
  });

  it('refuses acting on oneself, on staff of one’s rank, on bad reports, and for non-staff', async () => {
    const someone = await s.createUser('someone');
    expect((await act(mod, mod.id, { type: 'none' })).statusCode).toBe(422);
    expect((await act(mod, mod2.id, { type: 'suspend' })).statusCode).toBe(403);
    expect((await act(mod, admin.id, { type: 'suspend' })).statusCode).toBe(403);
    expect((await act(reporter, someone.id, { type: 'suspend' })).statusCode).toBe(403);
    expect((await act(mod, someone.id, { type: 'explode' })).statusCode).toBe(422);
    const otherReport = (await reporter.post('/api/v1/reports', { account_id: mod2.id })).json();
    expect((await act(mod, someone.id, { type: 'none', report_id: otherReport.id })).statusCode).toBe(422);
    expect(await strikesOf(someone)).toEqual([]);
    expect((await adminView(someone.id)).suspended).toBe(false);
  });

  it('audits every action', async () => {
    const log = (await admin.get('/api/v1/admin/action_logs?target_type=account&limit=200')).json() as AdminActionLogJson[];
    const actions = new Set(log.map((l) => l.action));
    for (const a of ['account.warn', 'account.silence', 'account.unsilence', 'account.suspend', 'account.unsuspend', 'account.disable', 'account.enable']) expect(actions).toContain(a);
  });
});

describe('appeals', () => {
  it('go once per strike to a different moderator, and an approval reverses the action', async () => {
    const person = await s.createUser('appellant');
    await act(mod, person.id, { type: 'silence', text: 'Off-topic spam' });
    const [strike] = await strikesOf(person);
    const appealed = await person.post(`/api/v1/strikes/${strike!.id}/appeal`, { text: 'It was on topic: see the thread.' });
    expect(appealed.json().appeal).toEqual({ text: 'It was on topic: see the thread.', state: 'pending' });
    expect((await person.post(`/api/v1/strikes/${strike!.id}/appeal`, { text: 'again' })).statusCode).toBe(422);
    expect((await reporter.post(`/api/v1/strikes/${strike!.id}/appeal`, { text: 'not mine' })).statusCode).toBe(404);
    const queue = (await mod2.get('/api/v1/admin/appeals')).json() as AdminAppealJson[];
    const appeal = queue.find((a) => a.strike.id === strike!.id)!;
    expect(appeal).toMatchObject({ state: 'pending', account: { id: person.id } });
    // The moderator who issued the strike may not judge it.
    expect((await mod.post(`/api/v1/admin/appeals/${appeal.id}/approve`)).statusCode).toBe(403);
    const decided = await mod2.post(`/api/v1/admin/appeals/${appeal.id}/approve`);
    expect(decided.json()).toMatchObject({ state: 'approved', strike: { overruled: true } });
    expect((await adminView(person.id)).silenced).toBe(false);
    expect((await mod2.post(`/api/v1/admin/appeals/${appeal.id}/reject`)).statusCode).toBe(422);
    const log = (await admin.get(`/api/v1/admin/action_logs?action=appeal.approve&target_id=${person.id}`)).json() as AdminActionLogJson[];
    expect(log).toMatchObject([{ account: { id: mod2.id } }]);
  });

  it('rejected appeals leave the action in place', async () => {
    const person = await s.createUser('appellant2');
    const sharp = (await import('sharp')).default;
    const { multipart } = await import('../media/multipart.ts');
    const picture = multipart([{ name: 'file', value: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } }).png().toBuffer(), filename: 'x.png', contentType: 'image/png' }]);
    const media = (await person.post('/api/v2/media', picture.payload, { headers: picture.headers })).json();
    const withMedia = (await person.post('/api/v1/statuses', { status: 'picture', media_ids: [media.id] })).json() as StatusJson;
    const textOnly = (await person.post('/api/v1/statuses', { status: 'words' })).json() as StatusJson;
    expect(withMedia.sensitive).toBe(false);
    await act(mod, person.id, { type: 'sensitive', text: 'Unmarked gore' });
    // From now on all of the person's media is shown behind a warning; text posts are unchanged.
    expect((await reporter.get(`/api/v1/statuses/${withMedia.id}`)).json().sensitive).toBe(true);
    expect((await reporter.get(`/api/v1/statuses/${textOnly.id}`)).json().sensitive).toBe(false);
    const [strike] = await strikesOf(person);
    await person.post(`/api/v1/strikes/${strike!.id}/appeal`, { text: 'Please reconsider' });
    const appeal = ((await mod2.get('/api/v1/admin/appeals')).json() as AdminAppealJson[]).find((a) => a.strike.id === strike!.id)!;
    expect((await mod2.post(`/api/v1/admin/appeals/${appeal.id}/reject`)).json()).toMatchObject({ state: 'rejected', strike: { overruled: false } });
    expect((await adminView(person.id)).sensitized).toBe(true);
  });
});

describe('sign-up review', () => {
  it('lists pending sign-ups, approves one and rejects another', async () => {
    const waiting = await s.createUser('waiting');
    const spammer = await s.createUser('spammer');
    await s.ctx.db.updateTable('users').set({ approved: 0 }).where('account_id', 'in', [waiting.id, spammer.id]).execute();
    const pending = (await mod.get('/api/v2/admin/accounts?status=pending')).json() as AdminAccountJson[];
    expect(pending.map((a) => a.username).sort()).toEqual(['spammer', 'waiting']);
    expect((await mod.post(`/api/v1/admin/accounts/${waiting.id}/approve`)).json().approved).toBe(true);
    expect((await waiting.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(200);
    expect((await mod.post(`/api/v1/admin/accounts/${spammer.id}/reject`)).statusCode).toBe(200);
    expect((await mod.get(`/api/v1/admin/accounts/${spammer.id}`)).statusCode).toBe(404);
    expect((await mod.post(`/api/v1/admin/accounts/${waiting.id}/reject`)).statusCode).toBe(422);
  });
});

describe('account search', () => {
  it('matches display names and e-mail addresses whatever their case, and % or _ only literally', async () => {
    const carol = await s.createUser('carol_x');
    await s.ctx.db.updateTable('accounts').set({ display_name: 'Carol Singer 100%' }).where('id', '=', carol.id).execute();
    const names = async (query: string) => ((await mod.get(`/api/v2/admin/accounts?${query}`)).json() as AdminAccountJson[]).map((a) => a.username);
    expect(await names('display_name=singer')).toEqual(['carol_x']);
    expect(await names('display_name=SINGER')).toEqual(['carol_x']);
    expect(await names('display_name=100%25')).toEqual(['carol_x']);
    // "_" and "%" are not wildcards: "carol_" does not match "carolX", "%" alone matches only a real %.
    expect(await names('username=carol_')).toEqual(['carol_x']);
    expect(await names('display_name=%25')).toEqual(['carol_x']);
    expect(await names('email=CAROL_X@EXAMPLE')).toEqual(['carol_x']);
  });
});
