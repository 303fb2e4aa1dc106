// Mastodon's push API and Web Push delivery. A tiny push service on loopback receives what the
// server sends; the test decrypts it itself (RFC 8291: ECDH, HKDF, AES-128-GCM with node:crypto)
// and checks the VAPID signature (RFC 8292), so the encryption is checked end to end.
import { createECDH, createDecipheriv, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let s: TestServer;
let push: Server;
let pushBase: string;
let received: Received[] = [];
let answerWith = 201;

beforeAll(async () => {
  push = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = answerWith;
      res.end();
    });
  });
  await new Promise<void>((resolve) => push.listen(0, '127.0.0.1', resolve));
  pushBase = `http://127.0.0.1:${(push.address() as AddressInfo).port}`;
  s = await createTestServer({ context: { allowLoopbackPush: true } });
});
afterAll(async () => {
  await s.close();
  await new Promise((resolve) => push.close(resolve));
});
beforeEach(() => {
  received = [];
  answerWith = 201;
});

/** A browser's side of a subscription: its P-256 key pair and auth secret. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString('base64url'), authB64: auth.toString('base64url') };
}
type BrowserKeys = ReturnType<typeof browserKeys>;

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 section 3 and RFC 8188: decrypts one aes128gcm message for the browser that owns `keys`. */
function decrypt(body: Buffer, keys: BrowserKeys): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const ecdhSecret = keys.ecdh.computeSecret(asPublic);
  const prkKey = hmac(keys.auth, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), asPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2); // the last record's delimiter
  return padded.subarray(0, end).toString('utf8');
}

/** Checks the VAPID header: `vapid t=<ES256 JWT>, k=<server key>` signed by the server's key. */
function checkVapid(headers: IncomingHttpHeaders, serverKey: string): Record<string, unknown> {
  const m = /^vapid t=([^,]+), k=(\S+)$/.exec(String(headers.authorization));
  expect(m).not.toBeNull();
  const [, jwt, k] = m!;
  expect(k).toBe(serverKey);
  const [h, p, sig] = jwt!.split('.');
  const raw = Buffer.from(serverKey, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, format: 'jwk' });
  expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig!, 'base64url'))).toBe(true);
  return JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function subscribe(user: TestUser, keys: BrowserKeys, data: Record<string, unknown> = {}, path = '/push/x') {
  const res = await user.post('/api/v1/push/subscription', {
    subscription: { endpoint: `${pushBase}${path}`, keys: { p256dh: keys.p256dh, auth: keys.authB64 }, standard: true },
    data,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const countSubscriptions = async () => Number((await s.ctx.db.selectFrom('web_push_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('the push subscription API', () => {
  it('creates, shows, updates and deletes the token’s subscription', async () => {
    const alice = await s.createUser('alice');
    const keys = browserKeys();
    const created = await subscribe(alice, keys, { alerts: { mention: true, favourite: 'true', 'admin.sign_up': true }, policy: 'follower' });
    expect(created).toMatchObject({ endpoint: `${pushBase}/push/x`, standard: true, policy: 'follower' });
    expect(created.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(created.alerts).toEqual({
      mention: true, quote: false, status: false, reblog: false, follow: false, follow_request: false, favourite: true,
      poll: false, update: false, quoted_update: false, 'admin.sign_up': true, 'admin.report': false,
    });
    const instance = (await s.inject({ method: 'GET', url: '/api/v2/instance' })).json();
    expect(instance.configuration.vapid.public_key).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect(created.server_key).toBe(instance.configuration.vapid.public_key);
    expect((await alice.get('/api/v1/apps/verify_credentials')).json().vapid_key).toBe(created.server_key);

    expect((await alice.get('/api/v1/push/subscription')).json()).toEqual(created);

    const updated = await alice.put('/api/v1/push/subscription', { data: { alerts: { follow: true }, policy: 'all' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ id: created.id, policy: 'all', alerts: { follow: true, mention: false, favourite: false } });
    const policyOnly = await alice.put('/api/v1/push/subscription', { data: { policy: 'none' } });
    expect(policyOnly.json()).toMatchObject({ policy: 'none', alerts: { follow: true } });

    expect((await alice.delete('/api/v1/push/subscription')).json()).toEqual({});
    const gone = await alice.get('/api/v1/push/subscription');
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ error: 'Record not found' });
    expect((await alice.put('/api/v1/push/subscription', { data: { policy: 'all' } })).statusCode).toBe(404);
  });

  it('accepts form parameters and keeps one subscription per access token', async () => {
    const bob = await s.createUser('bob');
    const keys = browserKeys();
    const before = await countSubscriptions();
    const form = (endpoint: string) =>
      `subscription[endpoint]=${encodeURIComponent(endpoint)}&subscription[keys][p256dh]=${keys.p256dh}&subscription[keys][auth]=${keys.authB64}&data[alerts][reblog]=1&data[policy]=followed`;
    const first = await bob.post('/api/v1/push/subscription', form(`${pushBase}/one`), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ standard: false, policy: 'followed', alerts: { reblog: true } });
    const second = await bob.post('/api/v1/push/subscription', form(`${pushBase}/two`), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(second.json().endpoint).toBe(`${pushBase}/two`);
    expect(await countSubscriptions()).toBe(before + 1);
    expect((await bob.get('/api/v1/push/subscription')).json().id).toBe(second.json().id);
  });

  it('refuses bad subscriptions with a 422 and stores nothing', async () => {
    const carol = await s.createUser('carol');
    const keys = browserKeys();
    const good = { endpoint: 'https://push.example/abc', keys: { p256dh: keys.p256dh, auth: keys.authB64 } };
    const before = await countSubscriptions();
    const cases: [unknown, RegExp][] = [
      [{}, /subscription/],
      [{ subscription: { ...good, endpoint: undefined } }, /endpoint/],
      [{ subscription: { ...good, endpoint: 'http://push.example/abc' } }, /https/],
      [{ subscription: { ...good, endpoint: 'https://169.254.169.254/latest' } }, /public host/],
      [{ subscription: { ...good, endpoint: 'nonsense' } }, /valid URL/],
      [{ subscription: { ...good, keys: { p256dh: 'abc', auth: keys.authB64 } } }, /p256dh/],
      [{ subscription: { ...good, keys: { p256dh: keys.p256dh, auth: 'AAAA' } } }, /auth/],
      [{ subscription: { ...good, keys: { p256dh: keys.p256dh } } }, /auth/],
      [{ subscription: good, data: { policy: 'everyone' } }, /policy/],
      [{ subscription: good, data: { alerts: { mention: 'sometimes' } } }, /mention/],
    ];
    for (const [payload, message] of cases) {
      const res = await carol.post('/api/v1/push/subscription', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.json().error).toMatch(message);
    }
    expect(await countSubscriptions()).toBe(before);
  });

  it('needs a user token with the push scope', async () => {
    const dave = await s.createUser('dave', { scopes: ['read', 'write'] });
    expect((await dave.get('/api/v1/push/subscription')).statusCode).toBe(403);
    expect((await s.inject({ method: 'GET', url: '/api/v1/push/subscription' })).statusCode).toBe(401);
    expect((await s.inject({ method: 'DELETE', url: '/api/v1/push/subscription' })).statusCode).toBe(401);
  });
});

describe('Web Push delivery', () => {
  let erin: TestUser;
  let frank: TestUser;
  let keys: BrowserKeys;
  let serverKey: string;
  beforeAll(async () => {
    erin = await s.createUser('erin');
    frank = await s.createUser('frank');
    keys = browserKeys();
    serverKey = (await subscribe(erin, keys, { alerts: { favourite: true, mention: true } }, '/push/erin')).server_key;
  });

  it('pushes an encrypted, VAPID-signed notification that the browser can decrypt', async () => {
    const post = (await erin.post('/api/v1/statuses', { status: 'my <b>lovely</b> post' })).json();
    await s.drainJobs();
    received = [];
    await frank.post(`/api/v1/statuses/${post.id}/favourite`);
    await s.drainJobs();
    expect(received).toHaveLength(1);
    const [req] = received;
    expect(req!.path).toBe('/push/erin');
    expect(req!.headers['content-encoding']).toBe('aes128gcm');
    expect(req!.headers['content-type']).toBe('application/octet-stream');
    expect(Number(req!.headers.ttl)).toBeGreaterThan(0);
    const claims = checkVapid(req!.headers, serverKey);
    expect(claims.aud).toBe(pushBase);
    expect(claims.sub).toBe('https://parley.test');

    const payload = JSON.parse(decrypt(req!.body, keys));
    const [notification] = (await erin.get('/api/v1/notifications')).json();
    expect(payload).toEqual({
      access_token: '',
      preferred_locale: 'en',
      notification_id: notification.id,
      notification_type: 'favourite',
      icon: 'https://parley.test/avatars/original/missing.png',
      title: 'frank favourited your post',
      body: 'my <b>lovely</b> post',
    });
  });

  it('pushes only the alert types the subscription asked for', async () => {
    await frank.post(`/api/v1/accounts/${erin.id}/follow`);
    await s.drainJobs();
    expect(received).toHaveLength(0);
    await frank.post('/api/v1/statuses', { status: '@erin hello there' });
    await s.drainJobs();
    expect(received).toHaveLength(1);
    expect(JSON.parse(decrypt(received[0]!.body, keys))).toMatchObject({ notification_type: 'mention', title: 'You were mentioned by frank', body: '@erin hello there' });
  });

  it('honours the policy: followed only pushes from people the recipient follows', async () => {
    await erin.put('/api/v1/push/subscription', { data: { alerts: { mention: true }, policy: 'followed' } });
    const gina = await s.createUser('gina');
    await gina.post('/api/v1/statuses', { status: '@erin from a stranger' });
    await s.drainJobs();
    expect(received).toHaveLength(0);
    await erin.post(`/api/v1/accounts/${gina.id}/follow`);
    await gina.post('/api/v1/statuses', { status: '@erin from a friend' });
    await s.drainJobs();
    expect(received).toHaveLength(1);
    await erin.put('/api/v1/push/subscription', { data: { alerts: { mention: true }, policy: 'none' } });
    await gina.post('/api/v1/statuses', { status: '@erin muted now' });
    await s.drainJobs();
    expect(received).toHaveLength(1);
  });

  it('forgets a subscription when the push service answers 410 Gone', async () => {
    const hank = await s.createUser('hank');
    await subscribe(hank, browserKeys(), { alerts: { follow: true } }, '/push/hank');
    answerWith = 410;
    await frank.post(`/api/v1/accounts/${hank.id}/follow`);
    await s.drainJobs();
    expect(received).toHaveLength(1);
    expect((await hank.get('/api/v1/push/subscription')).statusCode).toBe(404);
  });

  it('stops pushing to the subscription of a revoked token', async () => {
    const ivy = await s.createUser('ivy');
    await subscribe(ivy, browserKeys(), { alerts: { follow: true } }, '/push/ivy');
    await s.ctx.db.updateTable('oauth_tokens').set({ revoked_at: new Date().toISOString() }).where('account_id', '=', ivy.id).execute();
    await frank.post(`/api/v1/accounts/${ivy.id}/follow`);
    await s.drainJobs();
    expect(received).toHaveLength(0);
    expect(await s.ctx.db.selectFrom('web_push_subscriptions').select('id').where('account_id', '=', ivy.id).execute()).toEqual([]);
  });

  it('sends a store-safe app no push about a sensitive post of someone else, but does about plain ones', async () => {
    const jill = await s.createUser('jill');
    await subscribe(jill, browserKeys(), { alerts: { mention: true } }, '/push/jill');
    await s.ctx.db.updateTable('apps').set({ store_safe: 1 }).where('id', '=', (await s.ctx.db.selectFrom('oauth_tokens').select('app_id').where('account_id', '=', jill.id).executeTakeFirstOrThrow()).app_id).execute();
    await frank.post('/api/v1/statuses', { status: '@jill graphic', sensitive: true });
    await s.drainJobs();
    expect(received).toHaveLength(0);
    await frank.post('/api/v1/statuses', { status: '@jill hello' });
    await s.drainJobs();
    expect(received).toHaveLength(1);
    await s.ctx.db.updateTable('apps').set({ store_safe: 0 }).execute();
  });
});

describe('without loopback push allowed (production)', () => {
  it('refuses plain-http loopback endpoints', async () => {
    const prod = await createTestServer();
    try {
      const jo = await prod.createUser('jo');
      const keys = browserKeys();
      const res = await jo.post('/api/v1/push/subscription', { subscription: { endpoint: `${pushBase}/push/jo`, keys: { p256dh: keys.p256dh, auth: keys.authB64 } } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatch(/https/);
    } finally {
      await prod.close();
    }
  });
});
