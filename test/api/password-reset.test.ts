// Resetting a forgotten password through the server-rendered pages: the same answer for every
// address, a single-use link valid for one hour, and everything signed out afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let noSmtp: TestServer;
let alice: TestUser;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

beforeAll(async () => {
  s = await createTestServer({ smtp: true, clock });
  noSmtp = await createTestServer();
  alice = await s.createUser('alice');
});
afterAll(async () => {
  await s.close();
  await noSmtp.close();
});

/** A browser: keeps cookies, reads the CSRF token from a form. */
async function formSession(server: TestServer, url: string) {
  const res = await server.inject({ method: 'GET', url });
  const cookie = [res.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]).join('; ');
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  const post = (to: string, fields: Record<string, string>) =>
    server.inject({ method: 'POST', url: to, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ csrf_token: csrf, ...fields }).toString() });
  return { res, post };
}

const resetRows = async (accountId: string) => s.ctx.db.selectFrom('password_resets').selectAll().where('account_id', '=', accountId).execute();

async function requestLink(email: string): Promise<string> {
  const before = s.mail.length;
  const { post } = await formSession(s, '/auth/password/new');
  const res = await post('/auth/password/new', { email });
  expect(res.statusCode).toBe(200);
  await s.drainJobs();
  expect(s.mail.length).toBe(before + 1);
  const link = /https:\/\/parley\.test(\/auth\/password\/edit\?reset_password_token=[A-Za-z0-9_%-]+)/.exec(s.mail.at(-1)!.text)?.[1];
  expect(link).toBeDefined();
  return link!;
}

describe('/auth/password/new', () => {
  it('answers the same for known and unknown addresses, mailing only the account owner', async () => {
    const before = s.mail.length;
    const { res, post } = await formSession(s, '/auth/password/new');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<input type="email" id="email" name="email"');
    const known = await post('/auth/password/new', { email: 'ALICE@example.com' });
    const unknown = await post('/auth/password/new', { email: 'nobody@example.com' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    expect(known.body).toContain('If an account uses this e-mail address');
    await s.drainJobs();
    expect(s.mail.length).toBe(before + 1);
    expect(s.mail.at(-1)).toMatchObject({ to: 'alice@example.com', subject: 'Reset your password on parley.test' });
    const rows = await resetRows(alice.id);
    expect(rows).toHaveLength(1);
    // Only a hash is stored: the token in the mail is not in the database.
    const token = decodeURIComponent(/reset_password_token=([^\s]+)/.exec(s.mail.at(-1)!.text)![1]!);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not mail again within a few minutes', async () => {
    const before = s.mail.length;
    const { post } = await formSession(s, '/auth/password/new');
    await post('/auth/password/new', { email: 'alice@example.com' });
    await s.drainJobs();
    expect(s.mail.length).toBe(before);
  });

  it('refuses a form without its CSRF token and sends nothing', async () => {
    const before = s.mail.length;
    const res = await s.inject({ method: 'POST', url: '/auth/password/new', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=alice%40example.com' });
    expect(res.statusCode).toBe(403);
    await s.drainJobs();
    expect(s.mail.length).toBe(before);
  });

  it('without SMTP, tells people to ask an admin', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await noSmtp.inject({ method, url: '/auth/password/new', ...(method === 'POST' ? { payload: { email: 'a@example.com' } } : {}) });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run parley -- accounts reset-password');
      expect(res.body).not.toContain('<form');
    }
  });

  it('is linked from the sign-in page', async () => {
    expect((await s.inject({ method: 'GET', url: '/auth/sign_in' })).body).toContain('href="/auth/password/new"');
  });
});

describe('/auth/password/edit', () => {
  it('sets the new password once, and signs the account out everywhere', async () => {
    offsetMs += 10 * 60_000;
    const bob = await s.createUser('bob');
    const link = await requestLink('bob@example.com');
    const signIn = await formSession(s, '/auth/sign_in');
    expect((await signIn.post('/auth/sign_in', { login: 'bob', password: bob.password })).statusCode).toBe(303);
    expect(await s.ctx.db.selectFrom('web_sessions').select('id').where('account_id', '=', bob.id).execute()).toHaveLength(1);

    const { res, post } = await formSession(s, link);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="password_confirmation"');
    const token = decodeURIComponent(link.split('=')[1]!);

    const mismatch = await post('/auth/password/edit', { reset_password_token: token, password: 'new-password-1', password_confirmation: 'new-password-2' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.body).toContain('do not match');
    const short = await post('/auth/password/edit', { reset_password_token: token, password: 'short', password_confirmation: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('too short');
    expect((await bob.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(200);

    const done = await post('/auth/password/edit', { reset_password_token: token, password: 'new-password-1', password_confirmation: 'new-password-1' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your password was changed');
    expect((await bob.get('/api/v1/accounts/verify_credentials')).statusCode).toBe(401);
    expect(await s.ctx.db.selectFrom('web_sessions').select('id').where('account_id', '=', bob.id).execute()).toHaveLength(0);

    const again = await formSession(s, '/auth/sign_in');
    expect((await again.post('/auth/sign_in', { login: 'bob', password: bob.password })).statusCode).toBe(422);
    expect((await again.post('/auth/sign_in', { login: 'bob', password: 'new-password-1' })).statusCode).toBe(303);

    // Single use.
    expect((await s.inject({ method: 'GET', url: link })).statusCode).toBe(404);
    const reuse = await post('/auth/password/edit', { reset_password_token: token, password: 'other-password-1', password_confirmation: 'other-password-1' });
    expect(reuse.statusCode).toBe(404);
    expect((await again.post('/auth/sign_in', { login: 'bob', password: 'other-password-1' })).statusCode).toBe(422);
  });

  it('refuses links after an hour, and unknown or missing tokens', async () => {
    offsetMs += 10 * 60_000;
    await s.createUser('carol');
    const link = await requestLink('carol@example.com');
    offsetMs += 61 * 60_000;
    for (const url of [link, '/auth/password/edit?reset_password_token=nope', '/auth/password/edit']) {
      const res = await s.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('invalid or has expired');
    }
    const { post } = await formSession(s, '/auth/password/new');
    const res = await post('/auth/password/edit', { reset_password_token: decodeURIComponent(link.split('=')[1]!), password: 'new-password-1', password_confirmation: 'new-password-1' });
    expect(res.statusCode).toBe(404);
  });
});
