import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { browser, csrfOf, type Browser } from './oauth-browser.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { base32Decode, totp } from '../../src/domain/totp.ts';
import type { AppRow } from '../../src/db/schema.ts';

// A clock the tests move: TOTP codes change every 30 seconds, lockouts last 15 minutes.
const clock = { ms: Date.parse('2030-03-01T12:00:00.000Z'), now: () => new Date(clock.ms) };
const advance = (seconds: number) => {
  clock.ms += seconds * 1000;
};

let s: TestServer;
let client: AppRow;
beforeAll(async () => {
  s = await createTestServer({ clock });
  client = await createApp(s.ctx, { name: 'Toot app', redirectUris: ['https://client.example/cb'], scopes: 'read write' });
});
afterAll(() => s.close());

const codeFor = (secret: string, offsetSeconds = 0) => totp(base32Decode(secret)!, clock.ms + offsetSeconds * 1000);
/** A code of another step than now's, so it is certainly wrong right now. */
const wrongCode = (secret: string) => {
  const now = [-30, 0, 30].map((o) => codeFor(secret, o));
  for (let o = 600; ; o += 30) if (!now.includes(codeFor(secret, o))) return codeFor(secret, o);
};

/** Sets up and confirms two-factor for a user; returns the secret and the recovery codes. */
async function enable(user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await user.post('/api/v1/parley/two_factor/setup');
  expect(setup.statusCode).toBe(200);
  const secret = setup.json().secret as string;
  const confirmed = await user.post('/api/v1/parley/two_factor/confirm', { code: codeFor(secret), password: user.password });
  expect(confirmed.statusCode).toBe(200);
  // The confirming code's step is spent: later codes must come from a later step.
  advance(30);
  return { secret, recoveryCodes: confirmed.json().recovery_codes };
}

const state = async (user: TestUser) => (await user.get('/api/v1/parley/two_factor')).json();

async function passwordStep(b: Browser, login: string, password: string, returnTo = '/settings/applications') {
  const page = await b.get(`/auth/sign_in?return_to=${encodeURIComponent(returnTo)}`);
  return b.post('/auth/sign_in', { csrf_token: csrfOf(page.body), login, password, return_to: returnTo });
}

const loginTokenOf = (html: string) => /name="login_token" value="([^"]+)"/.exec(html)![1]!;

function codeStep(b: Browser, page: string, code: string, overrides: Record<string, string> = {}) {
  return b.post('/auth/sign_in/two_factor', { csrf_token: csrfOf(page), login_token: loginTokenOf(page), code, ...overrides });
}

describe('two-factor setup, confirmation and disabling', () => {
  it('shows the secret once, turns on only with the password and a current code, and hands out recovery codes', async () => {
    const alice = await s.createUser('alice');
    expect(await state(alice)).toEqual({ enabled: false, pending: false, enabled_at: null, recovery_codes_left: 0 });

    const setup = await alice.post('/api/v1/parley/two_factor/setup');
    expect(setup.statusCode).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const { secret, otpauth_uri, qr_svg } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauth_uri).toBe(`otpauth://totp/parley.test:alice%40parley.test?secret=${secret}&issuer=parley.test&algorithm=SHA1&digits=6&period=30`);
    expect(qr_svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"><rect .*<path .*<\/svg>$/);

    const pending = await alice.get('/api/v1/parley/two_factor');
    expect(pending.json()).toEqual({ enabled: false, pending: true, enabled_at: null, recovery_codes_left: 0 });
    expect(pending.body).not.toContain(secret);

    // Bad input changes nothing and says what is wrong.
    const missing = await alice.post('/api/v1/parley/two_factor/confirm', { code: codeFor(secret) });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatch(/password/);
    const badPassword = await alice.post('/api/v1/parley/two_factor/confirm', { code: codeFor(secret), password: 'not my password' });
    expect(badPassword.statusCode).toBe(422);
    expect(badPassword.json().error).toBe('Validation failed: Password is not correct');
    const badCode = await alice.post('/api/v1/parley/two_factor/confirm', { code: wrongCode(secret), password: alice.password });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().error).toBe('Validation failed: Two-factor code is not correct');
    expect((await state(alice)).enabled).toBe(false);

    const confirmed = await alice.post('/api/v1/parley/two_factor/confirm', { code: codeFor(secret), password: alice.password });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.headers['cache-control']).toBe('no-store');
    const codes: string[] = confirmed.json().recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(await state(alice)).toEqual({ enabled: true, pending: false, enabled_at: clock.now().toISOString(), recovery_codes_left: 10 });

    // Stored hashed: no recovery code appears in the database; the secret is never shown again.
    const stored = await s.ctx.db.selectFrom('two_factor_recovery_codes').select('code_hash').where('account_id', '=', alice.id).execute();
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c.replaceAll('-', ''));
    const again = await alice.post('/api/v1/parley/two_factor/setup');
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(secret);
    expect((await alice.post('/api/v1/parley/two_factor/confirm', { code: codeFor(secret, 30), password: alice.password })).statusCode).toBe(422);
  });

  it('a new setup replaces an unconfirmed secret; confirming without a setup is refused', async () => {
    const bea = await s.createUser('bea');
    const none = await bea.post('/api/v1/parley/two_factor/confirm', { code: '123456', password: bea.password });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatch(/start the setup first/);
    const first = (await bea.post('/api/v1/parley/two_factor/setup')).json().secret;
    const second = (await bea.post('/api/v1/parley/two_factor/setup')).json().secret;
    expect(second).not.toBe(first);
    // (Two random secrets share the current code one time in a million; then there is nothing to tell apart.)
    if (codeFor(first) !== codeFor(second)) {
      expect((await bea.post('/api/v1/parley/two_factor/confirm', { code: codeFor(first), password: bea.password })).statusCode).toBe(422);
    }
    expect((await bea.post('/api/v1/parley/two_factor/confirm', { code: codeFor(second), password: bea.password })).statusCode).toBe(200);
  });

  it('needs the accounts scopes', async () => {
    const reader = await s.createUser('reader', { scopes: ['read:statuses'] });
    expect((await reader.get('/api/v1/parley/two_factor')).statusCode).toBe(403);
    expect((await reader.post('/api/v1/parley/two_factor/setup')).statusCode).toBe(403);
    expect((await s.inject({ method: 'GET', url: '/api/v1/parley/two_factor' })).statusCode).toBe(401);
    expect(await s.ctx.db.selectFrom('two_factor').selectAll().where('account_id', '=', reader.id).execute()).toHaveLength(0);
  });

  it('disables only with the password and a code, and regenerated recovery codes replace the old ones', async () => {
    const cleo = await s.createUser('cleo');
    const { secret, recoveryCodes } = await enable(cleo);

    expect((await cleo.post('/api/v1/parley/two_factor/recovery_codes', { code: codeFor(secret), password: 'wrong' })).statusCode).toBe(422);
    const regenerated = await cleo.post('/api/v1/parley/two_factor/recovery_codes', { code: codeFor(secret), password: cleo.password });
    expect(regenerated.statusCode).toBe(200);
    const fresh: string[] = regenerated.json().recovery_codes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
    advance(30);

    // An old recovery code no longer works; a fresh one does, for disabling too.
    const old = await cleo.post('/api/v1/parley/two_factor/disable', { code: recoveryCodes[0], password: cleo.password });
    expect(old.statusCode).toBe(422);
    expect((await state(cleo)).enabled).toBe(true);
    const disabled = await cleo.post('/api/v1/parley/two_factor/disable', { code: fresh[0]!.toUpperCase(), password: cleo.password });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toEqual({ enabled: false, pending: false, enabled_at: null, recovery_codes_left: 0 });
    expect(await s.ctx.db.selectFrom('two_factor_recovery_codes').selectAll().where('account_id', '=', cleo.id).execute()).toHaveLength(0);
    expect((await cleo.post('/api/v1/parley/two_factor/disable', { code: codeFor(secret), password: cleo.password })).statusCode).toBe(422);

    // Signing in is one step again.
    const b = browser(s);
    const res = await passwordStep(b, 'cleo', cleo.password);
    expect(res.statusCode).toBe(303);
  });
});

describe('codes are single-use', () => {
  it('refuses a TOTP code a second time, and an older step after a newer one', async () => {
    const dan = await s.createUser('dan');
    const { secret } = await enable(dan);
    const code = codeFor(secret);
    expect((await dan.post('/api/v1/parley/two_factor/recovery_codes', { code, password: dan.password })).statusCode).toBe(200);
    const replay = await dan.post('/api/v1/parley/two_factor/recovery_codes', { code, password: dan.password });
    expect(replay.statusCode).toBe(422);
    expect(replay.json().error).toBe('Validation failed: Two-factor code is not correct');
    // The next step's code (a clock running a little ahead) works, and then the current one is too old.
    expect((await dan.post('/api/v1/parley/two_factor/recovery_codes', { code: codeFor(secret, 30), password: dan.password })).statusCode).toBe(200);
    advance(30);
    expect((await dan.post('/api/v1/parley/two_factor/recovery_codes', { code: codeFor(secret, -30), password: dan.password })).statusCode).toBe(422);
    advance(30);
    expect((await dan.post('/api/v1/parley/two_factor/recovery_codes', { code: codeFor(secret), password: dan.password })).statusCode).toBe(200);
  });

  it('a recovery code signs in once', async () => {
    const eve = await s.createUser('eve');
    const { recoveryCodes } = await enable(eve);
    const b = browser(s);
    const step = await passwordStep(b, 'eve', eve.password);
    const signedIn = await codeStep(b, step.body, ` ${recoveryCodes[3]} `);
    expect(signedIn.statusCode).toBe(303);
    expect((await state(eve)).recovery_codes_left).toBe(9);

    const other = browser(s);
    const second = await passwordStep(other, 'eve', eve.password);
    const refused = await codeStep(other, second.body, recoveryCodes[3]!);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Invalid two-factor code.');
    expect((await state(eve)).recovery_codes_left).toBe(9);
  });
});

describe('lockout after repeated wrong codes', () => {
  it('refuses every code for 15 minutes after 5 wrong ones within 15 minutes', async () => {
    const finn = await s.createUser('finn');
    const { secret } = await enable(finn);
    const attempt = (code: string) => finn.post('/api/v1/parley/two_factor/recovery_codes', { code, password: finn.password });
    for (let i = 0; i < 4; i++) expect((await attempt(wrongCode(secret))).statusCode).toBe(422);
    const fifth = await attempt(wrongCode(secret));
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe('900');
    expect(fifth.json().error).toBe('Too many wrong two-factor codes. Try again in 15 minutes.');

    // Even the right code is refused now, in the API and on the sign-in page, and changes nothing.
    const right = await attempt(codeFor(secret));
    expect(right.statusCode).toBe(429);
    const b = browser(s);
    const page = await passwordStep(b, 'finn', finn.password);
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBe('900');
    expect(page.body).toContain('Too many wrong two-factor codes. Try again in 15 minutes.');
    expect(page.body).not.toContain('login_token');
    expect((await state(finn)).recovery_codes_left).toBe(10);

    advance(10 * 60);
    expect((await attempt(codeFor(secret))).headers['retry-after']).toBe('300');
    advance(5 * 60);
    expect((await attempt(codeFor(secret))).statusCode).toBe(200);
  });

  it('wrong codes spread over more than 15 minutes do not lock, and wrong passwords count too', async () => {
    const gus = await s.createUser('gus');
    const { secret } = await enable(gus);
    const attempt = (code: string, password = gus.password) => gus.post('/api/v1/parley/two_factor/recovery_codes', { code, password });
    for (let i = 0; i < 4; i++) expect((await attempt(wrongCode(secret))).statusCode).toBe(422);
    advance(16 * 60);
    for (let i = 0; i < 4; i++) expect((await attempt(wrongCode(secret))).statusCode).toBe(422);
    expect((await attempt(codeFor(secret), 'wrong password')).statusCode).toBe(429);
  });

  it('counts wrong codes on the sign-in page', async () => {
    const hana = await s.createUser('hana');
    const { secret } = await enable(hana);
    const b = browser(s);
    let page = (await passwordStep(b, 'hana', hana.password)).body;
    for (let i = 0; i < 4; i++) {
      const res = await codeStep(b, page, wrongCode(secret));
      expect(res.statusCode).toBe(422);
      page = res.body;
    }
    const locked = await codeStep(b, page, wrongCode(secret));
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many wrong two-factor codes.');
    expect(b.jar.has('parley_session')).toBe(false);
  });
});

describe('web sign-in with two-factor authentication', () => {
  it('asks for a code after the right password, bound to one browser, and signs in only after it', async () => {
    const ida = await s.createUser('ida');
    const { secret } = await enable(ida);
    const b = browser(s);

    const wrongPassword = await passwordStep(b, 'ida', 'not it');
    expect(wrongPassword.statusCode).toBe(422);
    expect(wrongPassword.body).not.toContain('Two-factor');

    const step = await passwordStep(b, 'ida', ida.password, '/settings/applications?from=test');
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('<h1>Two-factor authentication</h1>');
    expect(step.body).toContain('autocomplete="one-time-code"');
    // The pending sign-in grants nothing by itself: no session cookie, and pages still ask to sign in.
    expect(b.jar.has('parley_session')).toBe(false);
    expect((await b.get('/settings/applications')).statusCode).toBe(303);
    const token = loginTokenOf(step.body);
    const stored = await s.ctx.db.selectFrom('pending_logins').selectAll().where('account_id', '=', ida.id).execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    // Without the right CSRF token nothing happens (the pending sign-in survives).
    const forged = await codeStep(b, step.body, codeFor(secret), { csrf_token: 'x'.repeat(43) });
    expect(forged.statusCode).toBe(403);

    // A wrong code gives a fresh token; the old one is spent.
    const wrong = await codeStep(b, step.body, wrongCode(secret));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Invalid two-factor code.');
    expect(loginTokenOf(wrong.body)).not.toBe(token);
    const reused = await codeStep(b, step.body, codeFor(secret));
    expect(reused.statusCode).toBe(422);
    expect(reused.body).toContain('Your sign-in expired or was already used.');

    // Another browser that somehow has the token gets nowhere (and spends it).
    const thief = browser(s);
    const thiefPage = await thief.get('/auth/sign_in');
    const stolen = await thief.post('/auth/sign_in/two_factor', { csrf_token: csrfOf(thiefPage.body), login_token: loginTokenOf(wrong.body), code: codeFor(secret) });
    expect(stolen.statusCode).toBe(422);
    expect(thief.jar.has('parley_session')).toBe(false);

    const again = await passwordStep(b, 'ida', ida.password, '/settings/applications?from=test');
    const done = await codeStep(b, again.body, codeFor(secret));
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/settings/applications?from=test');
    expect(b.jar.has('parley_session')).toBe(true);
    expect((await b.get('/settings/applications')).statusCode).toBe(200);
    expect(await s.ctx.db.selectFrom('pending_logins').selectAll().where('account_id', '=', ida.id).execute()).toHaveLength(0);
  });

  it('lets a pending sign-in expire after five minutes', async () => {
    const jo = await s.createUser('jo');
    const { secret } = await enable(jo);
    const b = browser(s);
    const step = await passwordStep(b, 'jo', jo.password);
    advance(5 * 60 + 1);
    const late = await codeStep(b, step.body, codeFor(secret));
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('Your sign-in expired');
    expect(b.jar.has('parley_session')).toBe(false);
    expect((await b.get('/auth/sign_in/two_factor')).headers.location).toBe('/auth/sign_in');
  });

  it('keeps third-party apps working through the browser authorization flow', async () => {
    const kim = await s.createUser('kim');
    const { secret } = await enable(kim);
    const b = browser(s);
    const q = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: 'https://client.example/cb', scope: 'read', state: 's1' });
    const toSignIn = await b.get(`/oauth/authorize?${q}`);
    expect(toSignIn.statusCode).toBe(302);
    const returnTo = new URL(toSignIn.headers.location!, 'https://parley.test').searchParams.get('return_to')!;
    const step = await passwordStep(b, 'kim', kim.password, returnTo);
    const back = await codeStep(b, step.body, codeFor(secret));
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/oauth/authorize?${q}`);
    const consent = await b.get(back.headers.location!);
    expect(consent.body).toContain('Toot app');
    const form: Record<string, string> = {};
    for (const m of consent.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form[m[1]!] = m[2]!.replaceAll('&amp;', '&');
    const approved = await b.post('/oauth/authorize', { ...form, decision: 'approve' });
    const code = new URL(approved.headers.location!).searchParams.get('code')!;
    const issued = await s.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb', client_id: client.client_id, client_secret: client.client_secret },
    });
    expect(issued.statusCode).toBe(200);
    const me = await s.inject({ method: 'GET', url: '/api/v1/accounts/verify_credentials', headers: { authorization: `Bearer ${issued.json().access_token}` } });
    expect(me.json().username).toBe('kim');
  });
});

describe('OAuth password grant', () => {
  it('is refused for a two-factor login exactly like a wrong password, and works again once disabled', async () => {
    const lea = await s.createUser('lea');
    const grant = (password: string) =>
      s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'password', username: 'lea', password, client_id: client.client_id, client_secret: client.client_secret, scope: 'read' } });
    expect((await grant(lea.password)).statusCode).toBe(200);
    const { secret } = await enable(lea);

    const refused = await grant(lea.password);
    const wrong = await grant('not the password');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual(wrong.json());
    expect(refused.json().error).toBe('invalid_grant');
    const before = await s.ctx.db.selectFrom('oauth_tokens').select('id').where('account_id', '=', lea.id).execute();

    await lea.post('/api/v1/parley/two_factor/disable', { code: codeFor(secret), password: lea.password });
    expect((await grant(lea.password)).statusCode).toBe(200);
    const after = await s.ctx.db.selectFrom('oauth_tokens').select('id').where('account_id', '=', lea.id).execute();
    expect(after.length).toBe(before.length + 1);
  });
});
