import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { setSetting } from '../../src/db/repos/settings.ts';
import type { AppRow } from '../../src/db/schema.ts';

let s: TestServer;
let client: AppRow;
let appToken: string;
beforeAll(async () => {
  s = await createTestServer();
  client = await createApp(s.ctx, { name: 'Signup client', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write follow' });
  const res = await s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'read write' } });
  appToken = res.json().access_token;
});
afterAll(() => s.close());

const signUp = (payload: Record<string, unknown>, token = appToken) =>
  s.inject({ method: 'POST', url: '/api/v1/accounts', payload, headers: { authorization: `Bearer ${token}` } });
const accountCount = async () => Number((await s.ctx.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('POST /api/v1/accounts', () => {
  it('creates a usable account and returns a Token (no SMTP: no confirmation needed)', async () => {
    const res = await signUp({ username: 'newbie', email: 'newbie@example.com', password: 'long enough pw', agreement: true, locale: 'de' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    const me = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(res.json().access_token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('newbie');
  });

  it.each([
    [{ username: 'x1', email: 'x1@example.com', password: 'long enough pw' }, /Agreement/],
    [{ username: 'bad name', email: 'x2@example.com', password: 'long enough pw', agreement: true }, /Username/],
    [{ username: 'x3', email: 'not-an-email', password: 'long enough pw', agreement: true }, /Email/],
    [{ username: 'x4', email: 'x4@example.com', password: 'short', agreement: true }, /Password/],
    [{ username: 'newbie', email: 'other@example.com', password: 'long enough pw', agreement: true }, /taken/],
    [{ username: 'NEWBIE2', email: 'NEWBIE@example.com', password: 'long enough pw', agreement: true }, /Email has already been taken/],
    [{ email: 'x5@example.com', password: 'long enough pw', agreement: true }, /username/],
  ])('refuses %j with 422 and creates nothing', async (payload, message) => {
    const before = await accountCount();
    const res = await signUp(payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(message);
    expect(await accountCount()).toBe(before);
  });

  it('needs an app token with write:accounts', async () => {
    expect((await s.inject({ method: 'POST', url: '/api/v1/accounts', payload: {} })).statusCode).toBe(401);
    const readOnly = await s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'read' } });
    const res = await signUp({ username: 'ro', email: 'ro@example.com', password: 'long enough pw', agreement: true }, readOnly.json().access_token);
    expect(res.statusCode).toBe(403);
  });

  it('answers 403 when registrations are closed, and creates unapproved accounts in approval mode', async () => {
    await setSetting(s.ctx.db, 'registrations_mode', 'closed', new Date());
    const before = await accountCount();
    const closed = await signUp({ username: 'late', email: 'late@example.com', password: 'long enough pw', agreement: true });
    expect(closed.statusCode).toBe(403);
    expect(closed.json()).toEqual({ error: 'Registrations are closed' });
    expect(await accountCount()).toBe(before);

    await setSetting(s.ctx.db, 'registrations_mode', 'approval', new Date());
    const res = await signUp({ username: 'waiting', email: 'waiting@example.com', password: 'long enough pw', agreement: true, reason: 'I like it' });
    expect(res.statusCode).toBe(200);
    const user = await s.ctx.db.selectFrom('users').selectAll().where('email_lower', '=', 'waiting@example.com').executeTakeFirstOrThrow();
    expect(user.approved).toBe(0);
    expect(user.sign_up_reason).toBe('I like it');
    const me = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(res.json().access_token) });
    expect(me.statusCode).toBe(403);
    await setSetting(s.ctx.db, 'registrations_mode', 'open', new Date());
  });
});

describe('sign-up with e-mail confirmation', () => {
  it('sends a confirmation link; the account works after following it; resend works', async () => {
    const m = await createTestServer({ smtp: true });
    try {
      const app = await createApp(m.ctx, { name: 'c', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write' });
      const t = (await m.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope: 'read write' } })).json().access_token;
      const res = await m.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(t), payload: { username: 'mailer', email: 'mailer@example.com', password: 'long enough pw', agreement: 'true' } });
      expect(res.statusCode).toBe(200);
      const userToken = res.json().access_token;
      expect((await m.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(userToken) })).statusCode).toBe(403);
      expect(m.mail).toHaveLength(0);
      await m.drainJobs();
      expect(m.mail).toHaveLength(1);
      expect(m.mail[0]!.to).toBe('mailer@example.com');

      // Resend (to a corrected address): the old link stops working.
      const resend = await m.inject({ method: 'POST', url: '/api/v1/emails/confirmations', headers: bearer(userToken), payload: { email: 'mailer2@example.com' } });
      expect(resend.statusCode).toBe(200);
      await m.drainJobs();
      expect(m.mail).toHaveLength(2);
      expect(m.mail[1]!.to).toBe('mailer2@example.com');
      const oldLink = /https:\/\/parley\.test(\/auth\/confirmation\?\S+)/.exec(m.mail[0]!.text)![1]!;
      expect((await m.inject({ method: 'GET', url: oldLink })).statusCode).toBe(404);
      const link = /https:\/\/parley\.test(\/auth\/confirmation\?\S+)/.exec(m.mail[1]!.text)![1]!;
      const confirm = await m.inject({ method: 'GET', url: link });
      expect(confirm.statusCode).toBe(200);
      expect(confirm.headers['content-type']).toMatch(/text\/html/);
      expect((await m.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: bearer(userToken) })).statusCode).toBe(200);
      // Once confirmed, resending is refused.
      expect((await m.inject({ method: 'POST', url: '/api/v1/emails/confirmations', headers: bearer(userToken) })).statusCode).toBe(403);
      expect((await m.inject({ method: 'POST', url: '/api/v1/emails/confirmations' })).statusCode).toBe(401);
    } finally {
      await m.close();
    }
  });
});

describe('verify_credentials and update_credentials', () => {
  it('returns the CredentialAccount with source', async () => {
    const alice = await s.createUser('alice');
    const res = await alice.get('/api/v1/accounts/verify_credentials');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: alice.id, username: 'alice', acct: 'alice', source: { privacy: 'public', sensitive: false, language: null, note: '', fields: [], follow_requests_count: 0 }, role: { id: 'user' } });
  });

  it('updates the profile from a form body, renders note and fields, and sets posting defaults', async () => {
    const bob = await s.createUser('bob');
    const res = await s.inject({
      method: 'PATCH',
      url: '/api/v1/accounts/update_credentials',
      headers: { ...bearer(bob.token), 'content-type': 'application/x-www-form-urlencoded' },
      payload:
        'display_name=Bob+%3Cb%3E&note=Hi+%40alice+see+https%3A%2F%2Fexample.com&locked=true&bot=1&fields_attributes%5B0%5D%5Bname%5D=Site&fields_attributes%5B0%5D%5Bvalue%5D=https%3A%2F%2Fbob.example' +
        '&source%5Bprivacy%5D=private&source%5Bsensitive%5D=true&source%5Blanguage%5D=de&source%5Bquote_policy%5D=followers',
    });
    expect(res.statusCode).toBe(200);
    const j = res.json();
    expect(j.display_name).toBe('Bob <b>');
    expect(j.locked).toBe(true);
    expect(j.bot).toBe(true);
    expect(j.note).toContain('<p>');
    expect(j.note).toContain('class="u-url mention"');
    expect(j.source.note).toBe('Hi @alice see https://example.com');
    expect(j.fields[0].name).toBe('Site');
    expect(j.fields[0].value).toContain('<a href="https://bob.example"');
    expect(j.source.fields[0].value).toBe('https://bob.example');
    expect(j.source).toMatchObject({ privacy: 'private', sensitive: true, language: 'de', quote_policy: 'followers' });
    const prefs = await bob.get('/api/v1/preferences');
    expect(prefs.json()).toEqual({
      'posting:default:visibility': 'private',
      'posting:default:sensitive': true,
      'posting:default:language': 'de',
      'posting:default:quote_policy': 'followers',
      'reading:expand:media': 'default',
      'reading:expand:spoilers': false,
    });
  });

  it('accepts fields as a JSON array', async () => {
    const carol = await s.createUser('carol');
    const res = await carol.patch('/api/v1/accounts/update_credentials', { fields_attributes: [{ name: 'a', value: 'b' }, { name: '', value: '' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().source.fields).toEqual([{ name: 'a', value: 'b', verified_at: null }]);
  });

  it.each([
    [{ display_name: 'x'.repeat(31) }, /display_name/],
    [{ note: 'x'.repeat(501) }, /note/],
    [{ fields_attributes: [1, 2, 3, 4, 5].map((i) => ({ name: `n${i}`, value: 'v' })) }, /fields_attributes/],
    [{ fields_attributes: [{ name: 'n', value: 'v'.repeat(256) }] }, /fields_attributes/],
    [{ source: { privacy: 'direct' } }, /privacy/],
    [{ locked: 'maybe' }, /locked/],
  ])('refuses %j with 422 and changes nothing', async (payload, message) => {
    const dave = await s.createUser(`dave${Math.random().toString(36).slice(2, 8)}`);
    const res = await dave.patch('/api/v1/accounts/update_credentials', payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(message);
    const row = await s.ctx.db.selectFrom('accounts').selectAll().where('id', '=', dave.id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe('');
    expect(row.locked).toBe(0);
    expect(row.fields).toBe('[]');
  });

  it('refuses an avatar that is not a picture, and changes nothing else', async () => {
    const erin = await s.createUser('erin');
    const boundary = '----parley';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="display_name"\r\n\r\nErin\r\n--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--${boundary}--\r\n`;
    const res = await s.inject({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', headers: { ...bearer(erin.token), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(/not supported/);
    const after = (await erin.get('/api/v1/accounts/verify_credentials')).json();
    expect(after.display_name).toBe('');
    expect(after.avatar).toMatch(/missing\.png$/);
  });

  it('needs write:accounts', async () => {
    const reader = await s.createUser('reader', { scopes: ['read'] });
    expect((await reader.patch('/api/v1/accounts/update_credentials', { display_name: 'x' })).statusCode).toBe(403);
  });
});

describe('GET /api/v1/accounts/:id and lookup', () => {
  it('finds accounts by id and by acct, anonymously', async () => {
    const frank = await s.createUser('frank');
    const byId = await s.inject({ method: 'GET', url: `/api/v1/accounts/${frank.id}` });
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toMatchObject({ id: frank.id, username: 'frank', acct: 'frank', url: 'https://parley.test/@frank' });
    for (const acct of ['frank', '@Frank', 'frank@parley.test']) {
      const res = await s.inject({ method: 'GET', url: `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(frank.id);
    }
  });

  it('answers 404 for unknown, malformed, remote and deleted accounts', async () => {
    const gone = await s.createUser('gone');
    await s.ctx.db.updateTable('accounts').set({ deleted_at: new Date().toISOString() }).where('id', '=', gone.id).execute();
    for (const url of ['/api/v1/accounts/01ARZ3NDEKTSV4RRFFQ69G5FAV', '/api/v1/accounts/123', `/api/v1/accounts/${gone.id}`, '/api/v1/accounts/lookup?acct=nobody', '/api/v1/accounts/lookup?acct=frank@elsewhere.example', '/api/v1/accounts/lookup?acct=gone', '/api/v1/accounts/lookup']) {
      const res = await s.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({ error: 'Record not found' });
    }
  });

  it('finds several accounts at once with id[] (GET /api/v1/accounts, as masto.js accounts.fetch calls it)', async () => {
    const one = await s.createUser('many1');
    const two = await s.createUser('many2');
    const gone = await s.createUser('many3');
    await s.ctx.db.updateTable('accounts').set({ deleted_at: new Date().toISOString() }).where('id', '=', gone.id).execute();
    const res = await s.inject({ method: 'GET', url: `/api/v1/accounts?id[]=${two.id}&id[]=${gone.id}&id[]=nonsense&id[]=${one.id}&id[]=${two.id}` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { username: string }[]).map((a) => a.username)).toEqual(['many2', 'many1']);
    expect((await s.inject({ method: 'GET', url: '/api/v1/accounts' })).json()).toEqual([]);
  });

  it('shows a suspended account with suspended: true and a blank profile', async () => {
    const sus = await s.createUser('sus');
    await sus.patch('/api/v1/accounts/update_credentials', { display_name: 'Sus', note: 'bio' });
    await s.ctx.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', sus.id).execute();
    const res = await s.inject({ method: 'GET', url: `/api/v1/accounts/${sus.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ suspended: true, display_name: '', note: '', fields: [], username: 'sus' });
  });
});
