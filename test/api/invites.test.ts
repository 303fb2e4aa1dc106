// Sign-up modes with invite codes: the management API, Mastodon's invite check, sign-up through
// the API and the web form in every mode, the race for an invite's last use, autofollow, who
// may invite, the instance fields, and e-mail confirmation failing closed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { setSetting, type RegistrationsMode } from '../../src/db/repos/settings.ts';
import { createMailer } from '../../src/infra/mailer.ts';
import { csrfOf } from './oauth-browser.ts';

const START = Date.parse('2030-03-01T12:00:00.000Z');
let offsetMs = 0;
const clock = { now: () => new Date(START + offsetMs) };

let s: TestServer;
let appToken: string;
let mod: TestUser;
let alice: TestUser;
let seq = 0;

async function clientToken(server: TestServer): Promise<string> {
  const app = await createApp(server.ctx, { name: 'Sign-up client', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write follow' });
  const res = await server.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope: 'read write' } });
  return res.json().access_token;
}

beforeAll(async () => {
  s = await createTestServer({ clock });
  appToken = await clientToken(s);
  mod = await s.createUser('moddy', { role: 'moderator' });
  alice = await s.createUser('alice');
});
afterAll(() => s.close());
beforeEach(async () => {
  offsetMs = 0;
  await setMode('open');
  await setSetting(s.ctx.db, 'invites_allowed_by', 'staff', clock.now());
});

const setMode = (mode: RegistrationsMode) => setSetting(s.ctx.db, 'registrations_mode', mode, clock.now());
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const count = async (table: 'accounts' | 'invites' | 'invite_uses') => Number((await s.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const uniqueName = (prefix: string) => `${prefix}${++seq}`;

function apiSignUp(extra: Record<string, unknown> = {}, server = s, token = appToken) {
  const username = uniqueName('new');
  return server.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(token), payload: { username, email: `${username}@example.com`, password: 'long enough pw', agreement: true, ...extra } });
}

async function newInvite(by: TestUser, body: Record<string, unknown> = {}) {
  const res = await by.post('/api/v1/parley/invites', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; code: string; url: string; uses: number; max_uses: number | null; expires_at: string | null; state: string; autofollow: boolean };
}

const userRow = (username: string) =>
  s.ctx.db.selectFrom('users').innerJoin('accounts', 'accounts.id', 'users.account_id').select(['accounts.id', 'users.approved', 'users.confirmed_at']).where('accounts.username', '=', username).executeTakeFirst();

describe('the invites API', () => {
  it('lets staff create an invite with a long random code and a link', async () => {
    const invite = await newInvite(mod, { max_uses: 5, expires_in: 3600, autofollow: true });
    expect(invite.code).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(invite).toMatchObject({ url: `https://parley.test/invite/${invite.code}`, uses: 0, max_uses: 5, state: 'active', autofollow: true, expires_at: new Date(START + 3600_000).toISOString() });
    const unlimited = await newInvite(mod, { max_uses: '', expires_in: '' });
    expect(unlimited).toMatchObject({ max_uses: null, expires_at: null, autofollow: false });
    expect(unlimited.code).not.toBe(invite.code);
  });

  it('refuses ordinary users while only staff may invite, and allows them when users may', async () => {
    const before = await count('invites');
    const refused = await alice.post('/api/v1/parley/invites', {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatch(/Only moderators and admins/);
    expect(await count('invites')).toBe(before);

    await setSetting(s.ctx.db, 'invites_allowed_by', 'users', clock.now());
    await newInvite(alice);

    // A limited (silenced) account may not bring in new accounts, whatever the setting.
    const limited = await s.createUser(uniqueName('limited'));
    await s.ctx.db.updateTable('accounts').set({ silenced_at: clock.now().toISOString() }).where('id', '=', limited.id).execute();
    expect((await limited.post('/api/v1/parley/invites', {})).statusCode).toBe(403);
  });

  it.each([
    [{ max_uses: 0 }, /max_uses/],
    [{ max_uses: 10_001 }, /max_uses/],
    [{ max_uses: 'lots' }, /max_uses/],
    [{ expires_in: 10 }, /expires_in/],
    [{ expires_in: 400 * 86_400 }, /expires_in/],
    [{ autofollow: 'maybe' }, /autofollow/],
  ])('refuses %j with 422 and creates nothing', async (body, message) => {
    const before = await count('invites');
    const res = await mod.post('/api/v1/parley/invites', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(message);
    expect(await count('invites')).toBe(before);
  });

  it('needs a user token with the accounts scopes', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v1/parley/invites' })).statusCode).toBe(401);
    expect((await s.inject({ method: 'POST', url: '/api/v1/parley/invites', headers: bearer(appToken), payload: {} })).statusCode).toBe(422);
    const readOnly = await s.createUser(uniqueName('reader'), { role: 'moderator', scopes: ['read'] });
    expect((await readOnly.post('/api/v1/parley/invites', {})).statusCode).toBe(403);
    expect((await readOnly.get('/api/v1/parley/invites')).statusCode).toBe(200);
  });

  it('lists only the caller’s invites; staff see everyone’s with ?all=true', async () => {
    await setSetting(s.ctx.db, 'invites_allowed_by', 'users', clock.now());
    const bob = await s.createUser(uniqueName('bob'));
    const bobs = await newInvite(bob);
    const mods = await newInvite(mod);

    const own = (await bob.get('/api/v1/parley/invites')).json() as { id: string; inviter: { id: string } }[];
    expect(own.map((i) => i.id)).toEqual([bobs.id]);
    expect(own[0]!.inviter.id).toBe(bob.id);
    expect((await bob.get('/api/v1/parley/invites?all=true')).statusCode).toBe(403);
    expect((await bob.get('/api/v1/parley/invites?all=maybe')).statusCode).toBe(422);

    const all = (await mod.get('/api/v1/parley/invites?all=true&limit=40')).json() as { id: string }[];
    expect(all.map((i) => i.id)).toEqual(expect.arrayContaining([bobs.id, mods.id]));
    const mine = (await mod.get('/api/v1/parley/invites')).json() as { id: string }[];
    expect(mine.map((i) => i.id)).not.toContain(bobs.id);
  });

  it('pages with a Link header that keeps ?all=true', async () => {
    for (let i = 0; i < 3; i++) await newInvite(mod);
    const first = await mod.get('/api/v1/parley/invites?all=true&limit=2');
    expect((first.json() as unknown[]).length).toBe(2);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))![1]!;
    expect(next).toContain('all=true');
    const second = await mod.get(next.replace('https://parley.test', ''));
    expect(second.statusCode).toBe(200);
    const ids = [...(first.json() as { id: string }[]), ...(second.json() as { id: string }[])].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('revokes: the inviter their own, staff anyone’s with ?all=true, nobody else', async () => {
    await setSetting(s.ctx.db, 'invites_allowed_by', 'users', clock.now());
    const carol = await s.createUser(uniqueName('carol'));
    const dave = await s.createUser(uniqueName('dave'));
    const first = await newInvite(carol);
    const second = await newInvite(carol);

    expect((await dave.delete(`/api/v1/parley/invites/${first.id}`)).statusCode).toBe(404);
    expect((await dave.delete(`/api/v1/parley/invites/${first.id}?all=true`)).statusCode).toBe(403);
    expect((await carol.delete('/api/v1/parley/invites/not-an-id')).statusCode).toBe(404);
    expect((await carol.delete(`/api/v1/parley/invites/${first.id}`)).statusCode).toBe(200);
    expect((await mod.delete(`/api/v1/parley/invites/${second.id}`)).statusCode).toBe(404);
    expect((await mod.delete(`/api/v1/parley/invites/${second.id}?all=true`)).statusCode).toBe(200);

    const states = (await carol.get('/api/v1/parley/invites')).json() as { id: string; state: string; revoked_at: string | null }[];
    expect(states.filter((i) => i.id === first.id || i.id === second.id).map((i) => i.state)).toEqual(['revoked', 'revoked']);
    expect(states.every((i) => i.revoked_at !== null)).toBe(true);
  });
});

describe('GET /api/v1/invites/:invite_code (Mastodon)', () => {
  it('answers for a usable invite without a token, with the inviter', async () => {
    const invite = await newInvite(mod);
    const res = await s.inject({ method: 'GET', url: `/api/v1/invites/${invite.code}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ invite_code: invite.code, instance_api_url: 'https://parley.test/api/v2/instance', inviter: { id: mod.id, username: 'moddy' } });
  });

  it('is 404 for unknown codes, 401 for spent ones and 403 when registrations are closed', async () => {
    expect((await s.inject({ method: 'GET', url: '/api/v1/invites/NoSuchCode99' })).statusCode).toBe(404);
    expect((await s.inject({ method: 'GET', url: '/api/v1/invites/..%2F..%2Fetc' })).statusCode).toBe(404);
    const revoked = await newInvite(mod);
    await mod.delete(`/api/v1/parley/invites/${revoked.id}`);
    const res = await s.inject({ method: 'GET', url: `/api/v1/invites/${revoked.code}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatch(/revoked/);
    const good = await newInvite(mod);
    await setMode('closed');
    expect((await s.inject({ method: 'GET', url: `/api/v1/invites/${good.code}` })).statusCode).toBe(403);
  });
});

// Every mode against every kind of code: what happens, and that a refusal creates nothing.
type CodeKind = 'none' | 'valid' | 'unknown' | 'expired' | 'used up' | 'revoked';
const OUTCOME: Record<RegistrationsMode, Record<CodeKind, number | 'pending'>> = {
  open: { none: 200, valid: 200, unknown: 422, expired: 422, 'used up': 422, revoked: 422 },
  approval: { none: 'pending', valid: 200, unknown: 422, expired: 422, 'used up': 422, revoked: 422 },
  invite: { none: 403, valid: 200, unknown: 422, expired: 422, 'used up': 422, revoked: 422 },
  closed: { none: 403, valid: 403, unknown: 403, expired: 403, 'used up': 403, revoked: 403 },
};
const MESSAGE: Partial<Record<CodeKind, RegExp>> = { unknown: /not valid/, expired: /expired/, 'used up': /used up/, revoked: /revoked/ };

/** Made while the server is open (the beforeEach), before the test switches the mode. */
async function codeOf(kind: CodeKind): Promise<string | undefined> {
  if (kind === 'none') return undefined;
  if (kind === 'unknown') return 'Unknown2Code';
  if (kind === 'expired') {
    const invite = await newInvite(mod, { expires_in: 60 });
    offsetMs += 61_000;
    return invite.code;
  }
  if (kind === 'used up') {
    const invite = await newInvite(mod, { max_uses: 1 });
    expect((await apiSignUp({ invite_code: invite.code })).statusCode).toBe(200);
    return invite.code;
  }
  const invite = await newInvite(mod);
  if (kind === 'revoked') await mod.delete(`/api/v1/parley/invites/${invite.id}`);
  return invite.code;
}

describe('sign-up through the API in every mode', () => {
  const cases = (Object.keys(OUTCOME) as RegistrationsMode[]).flatMap((mode) => (Object.keys(OUTCOME[mode]) as CodeKind[]).map((kind) => [mode, kind, OUTCOME[mode][kind]] as const));

  it.each(cases)('mode %s, %s code: %s', async (mode, kind, outcome) => {
    const code = await codeOf(kind);
    await setMode(mode);
    const accounts = await count('accounts');
    const uses = await count('invite_uses');
    const username = uniqueName('m');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: bearer(appToken),
      payload: { username, email: `${username}@example.com`, password: 'long enough pw', agreement: true, reason: 'hello', ...(code ? { invite_code: code } : {}) },
    });
    if (outcome === 200 || outcome === 'pending') {
      expect(res.statusCode, res.body).toBe(200);
      const user = await userRow(username);
      // A valid invite skips the approval queue (Mastodon's behaviour); without one, approval mode waits.
      expect(user!.approved).toBe(outcome === 'pending' ? 0 : 1);
      expect(await count('invite_uses')).toBe(uses + (kind === 'valid' ? 1 : 0));
      return;
    }
    expect(res.statusCode).toBe(outcome);
    expect(await count('accounts')).toBe(accounts);
    expect(await count('invite_uses')).toBe(uses);
    if (outcome === 422) {
      expect(res.json().error).toMatch(MESSAGE[kind]!);
      expect(res.json().details.invite_code[0].description).toMatch(MESSAGE[kind]!);
    }
    if (mode === 'invite' && kind === 'none') expect(res.json().error).toMatch(/invite-only/);
  });

  it('counts uses and stops at max_uses', async () => {
    const invite = await newInvite(mod, { max_uses: 2 });
    expect((await apiSignUp({ invite_code: invite.code })).statusCode).toBe(200);
    expect((await apiSignUp({ invite_code: invite.code })).statusCode).toBe(200);
    const third = await apiSignUp({ invite_code: invite.code });
    expect(third.statusCode).toBe(422);
    expect(third.json().error).toMatch(/used up/);
    const listed = ((await mod.get('/api/v1/parley/invites')).json() as { id: string; uses: number; state: string }[]).find((i) => i.id === invite.id);
    expect(listed).toMatchObject({ uses: 2, state: 'used_up' });
  });

  it('stops working when the inviter is suspended', async () => {
    await setSetting(s.ctx.db, 'invites_allowed_by', 'users', clock.now());
    const erin = await s.createUser(uniqueName('erin'));
    const invite = await newInvite(erin);
    await s.ctx.db.updateTable('accounts').set({ suspended_at: clock.now().toISOString() }).where('id', '=', erin.id).execute();
    const res = await apiSignUp({ invite_code: invite.code });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(/no longer valid/);
  });

  it('gives the last use of a one-use invite to exactly one of two racing sign-ups', async () => {
    await setMode('invite');
    const invite = await newInvite(mod, { max_uses: 1 });
    const accounts = await count('accounts');
    const results = await Promise.all([apiSignUp({ invite_code: invite.code }), apiSignUp({ invite_code: invite.code })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.statusCode === 422)!.json().error).toMatch(/used up/);
    expect(await count('accounts')).toBe(accounts + 1);
    const row = await s.ctx.db.selectFrom('invites').select('uses').where('id', '=', invite.id).executeTakeFirstOrThrow();
    expect(row.uses).toBe(1);
    expect(Number((await s.ctx.db.selectFrom('invite_uses').select((eb) => eb.fn.countAll<number>().as('n')).where('invite_id', '=', invite.id).executeTakeFirstOrThrow()).n)).toBe(1);
  });
});

describe('autofollow', () => {
  const follows = (from: string, to: string) => s.ctx.db.selectFrom('follows').select('id').where('account_id', '=', from).where('target_account_id', '=', to).executeTakeFirst();

  it('makes the new account follow its inviter when the invite asks for it, and only then', async () => {
    const withFollow = await newInvite(mod, { autofollow: true });
    const without = await newInvite(mod);
    const a = uniqueName('fan');
    const b = uniqueName('stranger');
    expect((await s.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(appToken), payload: { username: a, email: `${a}@example.com`, password: 'long enough pw', agreement: true, invite_code: withFollow.code } })).statusCode).toBe(200);
    expect((await s.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(appToken), payload: { username: b, email: `${b}@example.com`, password: 'long enough pw', agreement: true, invite_code: without.code } })).statusCode).toBe(200);
    expect(await follows((await userRow(a))!.id, mod.id)).toBeDefined();
    expect(await follows((await userRow(b))!.id, mod.id)).toBeUndefined();
  });

  it('waits for a moderator’s approval when a sign-up block asks for one despite the invite', async () => {
    const admin = await s.createUser(uniqueName('admin'), { role: 'admin', scopes: ['read', 'write', 'admin:read', 'admin:write'] });
    expect((await admin.post('/api/v1/admin/ip_blocks', { ip: '203.0.113.0/24', severity: 'sign_up_requires_approval' })).statusCode).toBe(200);
    const invite = await newInvite(mod, { autofollow: true });
    const username = uniqueName('flagged');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      remoteAddress: '203.0.113.7',
      headers: bearer(appToken),
      payload: { username, email: `${username}@example.com`, password: 'long enough pw', agreement: true, invite_code: invite.code },
    });
    expect(res.statusCode).toBe(200);
    const user = (await userRow(username))!;
    expect(user.approved).toBe(0);
    expect(await follows(user.id, mod.id)).toBeUndefined();
    expect((await admin.post(`/api/v1/admin/accounts/${user.id}/approve`)).statusCode).toBe(200);
    expect(await follows(user.id, mod.id)).toBeDefined();
  });

  it('waits until the e-mail address is confirmed', async () => {
    const m = await createTestServer({ smtp: true });
    try {
      const inviter = await m.createUser('host', { role: 'admin' });
      const invite = (await inviter.post('/api/v1/parley/invites', { autofollow: true })).json() as { code: string };
      const res = await apiSignUp({ username: 'guest', email: 'guest@example.com', invite_code: invite.code }, m, await clientToken(m));
      expect(res.statusCode).toBe(200);
      const guestId = (await m.ctx.db.selectFrom('accounts').select('id').where('username', '=', 'guest').executeTakeFirstOrThrow()).id;
      const followed = () => m.ctx.db.selectFrom('follows').select('id').where('account_id', '=', guestId).where('target_account_id', '=', inviter.id).executeTakeFirst();
      expect(await followed()).toBeUndefined();
      await m.drainJobs();
      const link = /https:\/\/parley\.test(\/auth\/confirmation\?\S+)/.exec(m.mail.at(-1)!.text)![1]!;
      expect((await m.inject({ method: 'GET', url: link })).statusCode).toBe(200);
      expect(await followed()).toBeDefined();
    } finally {
      await m.close();
    }
  });
});

describe('the web sign-up form and invite links', () => {
  async function formPost(pageUrl: string, fields: Record<string, string>) {
    const page = await s.inject({ method: 'GET', url: pageUrl });
    const cookie = [page.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]).join('; ');
    const form = new URLSearchParams({ csrf_token: csrfOf(page.body), password: 'long enough pw', agreement: '1', ...fields });
    return s.inject({ method: 'POST', url: '/auth/sign_up', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
  }

  it('shows the form with the code filled in at /invite/<code>, naming the inviter', async () => {
    await setMode('approval');
    const invite = await newInvite(mod);
    const page = await s.inject({ method: 'GET', url: `/invite/${invite.code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`name="invite_code" value="${invite.code}"`);
    expect(page.body).toContain('@moddy invited you to join.');
    // A valid invite skips the approval queue: no "why do you want to join" question.
    expect(page.body).not.toContain('name="reason"');
    expect((await s.inject({ method: 'GET', url: '/auth/sign_up' })).body).toContain('name="reason"');
  });

  it('explains dead links: unknown 404, spent 410, closed 403', async () => {
    const unknown = await s.inject({ method: 'GET', url: '/invite/NoSuchCode99' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('not valid');
    const spent = await newInvite(mod, { expires_in: 60 });
    offsetMs += 61_000;
    const expired = await s.inject({ method: 'GET', url: `/invite/${spent.code}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This invite has expired.');
    const good = await newInvite(mod);
    await setMode('closed');
    expect((await s.inject({ method: 'GET', url: `/invite/${good.code}` })).statusCode).toBe(403);
  });

  it('signs up with an invite in invite-only mode and refuses without one', async () => {
    await setMode('invite');
    const plain = await s.inject({ method: 'GET', url: '/auth/sign_up' });
    expect(plain.body).toContain('This server is invite-only');
    expect(plain.body).toMatch(/name="invite_code" value="" maxlength="64" autocomplete="off" required/);

    const accounts = await count('accounts');
    const refused = await formPost('/auth/sign_up', { username: 'webless', email: 'webless@example.com', invite_code: '' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('invite-only');
    const bad = await formPost('/auth/sign_up', { username: 'webbad', email: 'webbad@example.com', invite_code: 'Unknown2Code' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('This invite code is not valid');
    expect(await count('accounts')).toBe(accounts);

    const invite = await newInvite(mod);
    const ok = await formPost(`/invite/${invite.code}`, { username: 'webbie', email: 'webbie@example.com', invite_code: invite.code });
    expect(ok.statusCode).toBe(303);
    expect(await userRow('webbie')).toMatchObject({ approved: 1 });
  });
});

describe('instance fields', () => {
  async function instance() {
    const v1 = (await s.inject({ method: 'GET', url: '/api/v1/instance' })).json();
    const v2 = (await s.inject({ method: 'GET', url: '/api/v2/instance' })).json();
    return { v1, v2 };
  }

  it('report invite-only as Mastodon does, and invites_enabled when invites work', async () => {
    let { v1, v2 } = await instance();
    expect(v1).toMatchObject({ registrations: true, approval_required: false, invites_enabled: false });
    expect(v2.registrations).toMatchObject({ enabled: true, approval_required: false });

    await setMode('invite');
    ({ v1, v2 } = await instance());
    expect(v1).toMatchObject({ registrations: false, invites_enabled: true });
    expect(v2.registrations).toMatchObject({ enabled: false, approval_required: false });
    expect(v2.registrations.message).toMatch(/invite-only/);
    await setSetting(s.ctx.db, 'registrations_message', 'Ask @moddy for an invite.', clock.now());
    expect((await instance()).v2.registrations.message).toBe('Ask @moddy for an invite.');
    await setSetting(s.ctx.db, 'registrations_message', '', clock.now());

    await setMode('approval');
    await setSetting(s.ctx.db, 'invites_allowed_by', 'users', clock.now());
    ({ v1, v2 } = await instance());
    expect(v1).toMatchObject({ registrations: true, approval_required: true, invites_enabled: true });
    expect(v2.registrations).toMatchObject({ enabled: true, approval_required: true });

    await setMode('closed');
    ({ v1, v2 } = await instance());
    expect(v1).toMatchObject({ registrations: false, invites_enabled: false });
    expect(v2.registrations.enabled).toBe(false);
  });
});

describe('e-mail confirmation fails closed', () => {
  it('keeps an account whose confirmation mail cannot be sent from posting until it is confirmed, and resends', async () => {
    const m = await createTestServer({ smtp: true });
    try {
      // The mail server refuses connections: a real SMTP transport pointed at a closed port.
      const mailer = m.ctx.mailer as { send: typeof m.ctx.mailer.send };
      const delivering = mailer.send;
      mailer.send = createMailer({ ...m.config, smtp: { host: '127.0.0.1', port: 9, from: 'parley@parley.test', secure: false } }).send;

      const res = await apiSignUp({ username: 'unsure', email: 'unsure@example.com' }, m, await clientToken(m));
      expect(res.statusCode).toBe(200);
      const token = res.json().access_token as string;
      await m.drainJobs();
      expect(m.mail).toHaveLength(0);

      const account = await m.ctx.db.selectFrom('users').innerJoin('accounts', 'accounts.id', 'users.account_id').select(['accounts.username', 'users.confirmed_at']).where('accounts.username', '=', 'unsure').executeTakeFirst();
      expect(account).toMatchObject({ username: 'unsure', confirmed_at: null });
      const post = await m.inject({ method: 'POST', url: '/api/v1/statuses', headers: bearer(token), payload: { status: 'hello?' } });
      expect(post.statusCode).toBe(403);
      expect(post.json().error).toMatch(/confirmed e-mail/);

      // The mail server is back: asking again sends a new link, which unlocks the account.
      mailer.send = delivering;
      expect((await m.inject({ method: 'POST', url: '/api/v1/emails/confirmations', headers: bearer(token), payload: {} })).statusCode).toBe(200);
      await m.drainJobs();
      const link = /https:\/\/parley\.test(\/auth\/confirmation\?\S+)/.exec(m.mail.at(-1)!.text)![1]!;
      expect((await m.inject({ method: 'GET', url: link })).statusCode).toBe(200);
      expect((await m.inject({ method: 'POST', url: '/api/v1/statuses', headers: bearer(token), payload: { status: 'hello!' } })).statusCode).toBe(200);
    } finally {
      await m.close();
    }
  });

  it('confirms at once when no SMTP server is configured', async () => {
    const res = await apiSignUp();
    expect(res.statusCode).toBe(200);
    expect((await s.inject({ method: 'POST', url: '/api/v1/statuses', headers: bearer(res.json().access_token), payload: { status: 'straight in' } })).statusCode).toBe(200);
  });
});
