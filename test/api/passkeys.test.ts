import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';
import { FLAG_UP, SoftAuthenticator, type CreationOptions, type RequestOptions } from '../helpers/soft-authenticator.ts';
import { browser, csrfOf, type Browser } from './oauth-browser.ts';
import { base32Decode, totp } from '../../src/domain/totp.ts';
import { eraseAccountStep } from '../../src/services/accounts/erase-account.ts';
import { createApp } from '../../src/services/apps/create-app.ts';

let s: TestServer;
let origin: string;
beforeAll(async () => {
  s = await createTestServer();
  origin = s.ctx.config.baseUrl;
});
afterAll(() => s.close());

const unescape = (v: string) => v.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The fields and request options of the passkey form posting to `action` on a page. */
function passkeyFormOf(html: string, action: string): { options: RequestOptions; fields: Record<string, string> } {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no passkey form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const options = JSON.parse(unescape(/data-passkey="([^"]+)"/.exec(form)![1]!)) as RequestOptions;
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = unescape(m[2]!);
  return { options, fields };
}

async function register(user: TestUser, authenticator: SoftAuthenticator, name = 'Laptop') {
  const options = (await user.post('/api/v1/parley/passkeys/options')).json() as CreationOptions;
  const res = await user.post('/api/v1/parley/passkeys', { credential: authenticator.register(options), name });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: string; name: string };
}

const stored = (accountId: string) => s.ctx.db.selectFrom('passkeys').selectAll().where('account_id', '=', accountId).execute();

async function passwordStep(b: Browser, login: string, password: string) {
  const page = await b.get('/auth/sign_in?return_to=%2Fsettings%2Fapplications');
  return b.post('/auth/sign_in', { csrf_token: csrfOf(page.body), login, password, return_to: '/settings/applications' });
}

/** Signed in: the sign-in page now redirects. */
const isSignedIn = async (b: Browser) => (await b.get('/auth/sign_in')).statusCode === 303;

describe('registering, listing and removing passkeys', () => {
  it('registers a passkey from creation options naming this server, lists it and excludes it next time', async () => {
    const alice = await s.createUser('alice');
    const auth = new SoftAuthenticator(origin);
    const optionsRes = await alice.post('/api/v1/parley/passkeys/options');
    expect(optionsRes.statusCode).toBe(200);
    expect(optionsRes.headers['cache-control']).toBe('no-store');
    const options = optionsRes.json();
    expect(options.rp).toEqual({ id: 'parley.test', name: 'Parley' });
    expect(options.user.name).toBe('alice@parley.test');
    expect(options.user.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(options.user.id).not.toContain(Buffer.from(alice.id).toString('base64url'));
    expect(options.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(options.attestation).toBe('none');
    expect(options.excludeCredentials).toEqual([]);

    const credential = auth.register(options);
    const created = await alice.post('/api/v1/parley/passkeys', { credential, name: ' Laptop ' });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({ id: credential.id, name: 'Laptop', transports: ['internal'], created_at: expect.any(String), last_used_at: null });

    // The challenge was single-use: the same attestation again is refused.
    const replay = await alice.post('/api/v1/parley/passkeys', { credential, name: 'Again' });
    expect(replay.statusCode).toBe(422);
    expect(replay.json().error).toBe('Validation failed: The passkey could not be verified; please try again');

    const list = await alice.get('/api/v1/parley/passkeys');
    expect(list.json()).toEqual([created.json()]);
    expect(list.body).not.toContain((await stored(alice.id))[0]!.public_key);

    const next = (await alice.post('/api/v1/parley/passkeys/options')).json();
    expect(next.user.id).toBe(options.user.id);
    expect(next.excludeCredentials).toEqual([{ id: credential.id, type: 'public-key', transports: ['internal'] }]);
  });

  it('refuses bad input, another origin, another rpID and another account’s challenge, storing nothing', async () => {
    const bea = await s.createUser('bea');
    const other = await s.createUser('other');
    const auth = new SoftAuthenticator(origin);
    const options = (await bea.post('/api/v1/parley/passkeys/options')).json() as CreationOptions;

    expect((await bea.post('/api/v1/parley/passkeys', { name: 'x' })).statusCode).toBe(422);
    expect((await bea.post('/api/v1/parley/passkeys', { credential: auth.register(options), name: '' })).statusCode).toBe(422);
    expect((await bea.post('/api/v1/parley/passkeys', { credential: { id: 'x' }, name: 'x' })).statusCode).toBe(422);
    expect((await bea.post('/api/v1/parley/passkeys', { credential: 'garbage', name: 'x' })).statusCode).toBe(422);

    const evil = await bea.post('/api/v1/parley/passkeys', { credential: auth.register(options, { origin: 'https://evil.example' }), name: 'Evil' });
    expect(evil.statusCode).toBe(422);
    const options2 = (await bea.post('/api/v1/parley/passkeys/options')).json() as CreationOptions;
    const wrongRp = await bea.post('/api/v1/parley/passkeys', { credential: auth.register({ ...options2, rp: { ...options2.rp, id: 'evil.example' } }), name: 'Evil' });
    expect(wrongRp.statusCode).toBe(422);
    // A challenge issued to bea does not register a passkey for someone else.
    const options3 = (await bea.post('/api/v1/parley/passkeys/options')).json() as CreationOptions;
    expect((await other.post('/api/v1/parley/passkeys', { credential: auth.register(options3), name: 'Mine' })).statusCode).toBe(422);
    expect(await stored(bea.id)).toEqual([]);
    expect(await stored(other.id)).toEqual([]);
  });

  it('needs the accounts scopes', async () => {
    const reader = await s.createUser('reader', { scopes: ['read:statuses'] });
    expect((await reader.get('/api/v1/parley/passkeys')).statusCode).toBe(403);
    expect((await reader.post('/api/v1/parley/passkeys/options')).statusCode).toBe(403);
    expect((await s.inject({ method: 'GET', url: '/api/v1/parley/passkeys' })).statusCode).toBe(401);
  });

  it('removes a passkey only with the password, and only the account’s own', async () => {
    const cleo = await s.createUser('cleo');
    const dan = await s.createUser('dan');
    const key = await register(cleo, new SoftAuthenticator(origin));
    const wrong = await cleo.delete(`/api/v1/parley/passkeys/${key.id}`, { password: 'not it' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toBe('Validation failed: Password is not correct');
    expect((await cleo.delete(`/api/v1/parley/passkeys/${key.id}`, {})).statusCode).toBe(422);
    expect((await dan.delete(`/api/v1/parley/passkeys/${key.id}`, { password: dan.password })).statusCode).toBe(404);
    expect(await stored(cleo.id)).toHaveLength(1);
    expect((await cleo.delete(`/api/v1/parley/passkeys/${key.id}`, { password: cleo.password })).statusCode).toBe(200);
    expect(await stored(cleo.id)).toEqual([]);
    expect((await cleo.get('/api/v1/parley/passkeys')).json()).toEqual([]);
  });
});

describe('a passkey as the second factor', () => {
  it('after the password, the passkey signs in; someone else’s passkey does not', async () => {
    const erin = await s.createUser('erin');
    const mallory = await s.createUser('mallory');
    const erinKey = new SoftAuthenticator(origin);
    const malloryKey = new SoftAuthenticator(origin);
    const registered = await register(erin, erinKey);
    await register(mallory, malloryKey);

    const b = browser(s);
    const step = await passwordStep(b, 'erin', erin.password);
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('Use your passkey');
    // No authenticator app: no code form.
    expect(step.body).not.toContain('action="/auth/sign_in/two_factor"');
    expect(step.headers['content-security-policy']).toContain("script-src 'self'");
    const { options, fields } = passkeyFormOf(step.body, '/auth/sign_in/two_factor/passkey');
    expect(options.rpId).toBe('parley.test');
    expect(options.allowCredentials).toEqual([{ id: registered.id, type: 'public-key', transports: ['internal'] }]);

    // Mallory's passkey, signing erin's challenge: refused, and a fresh step is offered.
    const forged = malloryKey.assert(options, { credentialId: malloryKey.ids[0] });
    const refused = await b.post('/auth/sign_in/two_factor/passkey', { ...fields, credential: JSON.stringify(forged) });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('That passkey could not be verified.');
    expect(await isSignedIn(b)).toBe(false);

    const retry = passkeyFormOf(refused.body, '/auth/sign_in/two_factor/passkey');
    expect(retry.fields.login_token).not.toBe(fields.login_token);
    const ok = await b.post('/auth/sign_in/two_factor/passkey', { ...retry.fields, credential: JSON.stringify(erinKey.assert(retry.options)) });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/settings/applications');
    expect(await isSignedIn(b)).toBe(true);
    const [row] = await stored(erin.id);
    expect(Number(row!.counter)).toBe(1);
    expect(row!.last_used_at).not.toBeNull();

    // The spent pending sign-in cannot be used again.
    const again = await b.post('/auth/sign_in/two_factor/passkey', { ...retry.fields, credential: JSON.stringify(erinKey.assert(retry.options)) });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Your sign-in expired or was already used.');
  });

  it('closes the OAuth password grant, which cannot carry the passkey, as for a wrong password', async () => {
    const client = await createApp(s.ctx, { name: 'grant client', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read' });
    const pia = await s.createUser('pia');
    const grant = (password: string) =>
      s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'password', username: 'pia', password, client_id: client.client_id, client_secret: client.client_secret, scope: 'read' } });
    expect((await grant(pia.password)).statusCode).toBe(200);
    await register(pia, new SoftAuthenticator(origin));
    const refused = await grant(pia.password);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual((await grant('not the password')).json());
  });

  it('offers the passkey next to the code when two-factor authentication is on too', async () => {
    const finn = await s.createUser('finn');
    const key = new SoftAuthenticator(origin);
    await register(finn, key);
    const secret = (await finn.post('/api/v1/parley/two_factor/setup')).json().secret as string;
    expect((await finn.post('/api/v1/parley/two_factor/confirm', { code: totp(base32Decode(secret)!, Date.now()), password: finn.password })).statusCode).toBe(200);

    const b = browser(s);
    const step = await passwordStep(b, 'finn', finn.password);
    expect(step.body).toContain('action="/auth/sign_in/two_factor"');
    const { options, fields } = passkeyFormOf(step.body, '/auth/sign_in/two_factor/passkey');
    const ok = await b.post('/auth/sign_in/two_factor/passkey', { ...fields, credential: JSON.stringify(key.assert(options)) });
    expect(ok.statusCode).toBe(303);
  });
});

describe('signing in with a passkey alone', () => {
  it('signs in without the password; the same answer cannot be replayed', async () => {
    const gus = await s.createUser('gus');
    const key = new SoftAuthenticator(origin);
    await register(gus, key);
    const b = browser(s);
    const page = await b.get('/auth/sign_in?return_to=%2Fsettings%2Fapplications');
    expect(page.body).toContain('Or sign in with a passkey');
    const { options, fields } = passkeyFormOf(page.body, '/auth/sign_in/passkey');
    expect(options.allowCredentials).toEqual([]);
    expect(options.userVerification).toBe('required');
    const credential = JSON.stringify(key.assert(options));
    const res = await b.post('/auth/sign_in/passkey', { ...fields, credential });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/settings/applications');
    expect(await isSignedIn(b)).toBe(true);

    const thief = browser(s);
    await thief.get('/auth/sign_in');
    // Replayed by the same browser (its CSRF cookie) or another: the challenge is spent.
    const replay = await b.post('/auth/sign_in/passkey', { ...fields, credential });
    expect(replay.statusCode).toBe(422);
    thief.jar.set('parley_csrf', fields.csrf_token!);
    const stolen = await thief.post('/auth/sign_in/passkey', { ...fields, credential });
    expect(stolen.statusCode).toBe(422);
    expect(await isSignedIn(thief)).toBe(false);
  });

  it('refuses another origin, a missing user verification, a wrong user handle and a counter going backwards', async () => {
    const hal = await s.createUser('hal');
    const ivy = await s.createUser('ivy');
    const key = new SoftAuthenticator(origin);
    await register(hal, key);
    await register(ivy, new SoftAuthenticator(origin));
    const ivyHandle = (await s.ctx.db.selectFrom('passkey_users').select('user_handle').where('account_id', '=', ivy.id).executeTakeFirstOrThrow()).user_handle;

    const attempt = async (opts: Parameters<SoftAuthenticator['assert']>[1]) => {
      const b = browser(s);
      const { options, fields } = passkeyFormOf((await b.get('/auth/sign_in')).body, '/auth/sign_in/passkey');
      const res = await b.post('/auth/sign_in/passkey', { ...fields, credential: JSON.stringify(key.assert(options, opts)) });
      return { res, signedIn: await isSignedIn(b) };
    };
    for (const bad of [{ origin: 'https://evil.example' }, { origin: 'http://parley.test' }, { flags: FLAG_UP }, { userHandle: ivyHandle }, { userHandle: null }]) {
      const { res, signedIn } = await attempt(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(422);
      expect(res.body).toContain('That passkey could not be verified.');
      expect(signedIn).toBe(false);
    }
    expect((await attempt({ counter: 10 })).res.statusCode).toBe(303);
    // A cloned authenticator shows an older (or the same) counter.
    expect((await attempt({ counter: 7 })).res.statusCode).toBe(422);
    expect((await attempt({ counter: 10 })).res.statusCode).toBe(422);
    expect(Number((await stored(hal.id))[0]!.counter)).toBe(10);
    expect((await attempt({ counter: 11 })).res.statusCode).toBe(303);
  });

  it('refuses garbage, a missing CSRF token and a suspended account', async () => {
    const jo = await s.createUser('jo');
    const key = new SoftAuthenticator(origin);
    await register(jo, key);
    const b = browser(s);
    const { options, fields } = passkeyFormOf((await b.get('/auth/sign_in')).body, '/auth/sign_in/passkey');
    expect((await b.post('/auth/sign_in/passkey', { ...fields, credential: '{"id":1}' })).statusCode).toBe(422);
    expect((await b.post('/auth/sign_in/passkey', { ...fields, credential: 'x'.repeat(70_000) })).statusCode).toBe(422);
    expect((await b.post('/auth/sign_in/passkey', { ...fields, csrf_token: 'nope', credential: JSON.stringify(key.assert(options)) })).statusCode).toBe(403);

    await s.ctx.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', jo.id).execute();
    const page = passkeyFormOf((await b.get('/auth/sign_in')).body, '/auth/sign_in/passkey');
    const res = await b.post('/auth/sign_in/passkey', { ...page.fields, credential: JSON.stringify(key.assert(page.options)) });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Your login is currently disabled.');
    expect(await isSignedIn(b)).toBe(false);
  });
});

it('erasing an account removes its passkeys', async () => {
  const kim = await s.createUser('kim');
  await register(kim, new SoftAuthenticator(origin));
  await kim.post('/api/v1/parley/passkeys/options');
  await s.ctx.db.updateTable('accounts').set({ deleted_at: new Date().toISOString() }).where('id', '=', kim.id).execute();
  await eraseAccountStep(s.ctx, kim.id);
  await s.drainJobs();
  for (const table of ['passkeys', 'passkey_users', 'passkey_challenges'] as const) {
    expect(await s.ctx.db.selectFrom(table).selectAll().where('account_id', '=', kim.id).execute()).toEqual([]);
  }
});
