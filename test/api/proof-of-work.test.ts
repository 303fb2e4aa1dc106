// Proof of work instead of a third-party CAPTCHA: anonymous clients past their soft quota must
// solve a challenge (429 with the challenge, as documented), a solved one buys them the rest of
// its ten minutes from their own address only; sign-up proofs are single use; the admin can
// turn it all off with a difficulty of 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../src/db/repos/settings.ts';
import { solve, solves } from '../../src/domain/proof-of-work.ts';
import { createApp } from '../../src/services/apps/create-app.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';
import { csrfOf } from './oauth-browser.ts';

const SOFT = 5;
let s: TestServer;
let appToken: string;

beforeAll(async () => {
  s = await createTestServer({ env: { PARLEY_RATE_LIMITS: 'on', PARLEY_POW_AFTER: String(SOFT), PARLEY_RATE_LIMIT_SIGN_UP: '100/1800' } });
  await setSetting(s.ctx.db, 'pow_difficulty', 10, new Date());
  const client = await createApp(s.ctx, { name: 'signup client', redirectUris: ['urn:ietf:wg:oauth:2.0:oob'], scopes: 'read write' });
  appToken = (await s.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'read write' } })).json().access_token;
});
afterAll(() => s.close());

const from = (ip: string, url: string, headers: Record<string, string> = {}) => s.inject({ method: 'GET', url, headers: { 'x-forwarded-for': ip, ...headers } });

describe('the soft quota for anonymous clients', () => {
  it('asks for a proof of work past the quota, with the challenge and how to solve it', async () => {
    const ip = '203.0.113.10';
    for (let i = 0; i < SOFT; i++) expect((await from(ip, '/api/v1/timelines/public')).statusCode).toBe(200);
    const asked = await from(ip, '/api/v1/timelines/public');
    expect(asked.statusCode).toBe(429);
    const body = asked.json();
    expect(body.error).toMatch(/proof of work is required/i);
    expect(body.proof_of_work).toMatchObject({ algorithm: 'sha256-leading-zero-bits', difficulty: 10 });
    expect(body.proof_of_work.instructions).toMatch(/about\/proof-of-work/);

    const proof = `${body.proof_of_work.challenge}:${solve(body.proof_of_work.challenge, 10)}`;
    // The solved challenge serves again and again, from this address, until it expires.
    for (let i = 0; i < 3; i++) expect((await from(ip, '/api/v1/timelines/public', { 'x-parley-proof': proof })).statusCode).toBe(200);
    // Another address cannot borrow it.
    const other = '198.51.100.20';
    for (let i = 0; i < SOFT; i++) await from(other, '/api/v1/timelines/public');
    const borrowed = await from(other, '/api/v1/timelines/public', { 'x-parley-proof': proof });
    expect(borrowed.statusCode).toBe(429);
    expect(borrowed.json().error).toMatch(/not valid/);
  });

  it('refuses wrong nonces and forged challenges, and always hands out challenges', async () => {
    const ip = '203.0.113.11';
    for (let i = 0; i < SOFT; i++) await from(ip, '/api/v1/timelines/public');
    const got = await from(ip, '/api/v1/parley/proof_of_work?purpose=api');
    expect(got.statusCode).toBe(200);
    expect(got.headers['cache-control']).toBe('no-store');
    const { challenge } = got.json();
    const nonce = solve(challenge, 10);
    // The first counting nonce that does not solve it.
    let wrong = 0;
    while (solves(challenge, String(wrong), 10)) wrong++;
    for (const bad of [`${challenge}:${wrong}`, `${challenge.replace(/\.[^.]+$/, '.forgedmacforgedmac123')}:${nonce}`, 'garbage', `${challenge}:${nonce}`.replace('.10.', '.1.')]) {
      expect((await from(ip, '/api/v1/timelines/public', { 'x-parley-proof': bad })).statusCode, bad).toBe(429);
    }
    expect((await from(ip, '/api/v1/parley/proof_of_work?purpose=everything')).statusCode).toBe(422);
  });

  it('leaves signed-in people and the first requests of every address alone', async () => {
    const alice = await s.createUser('alice');
    for (let i = 0; i < SOFT + 3; i++) expect((await alice.get('/api/v1/timelines/public', { headers: { 'x-forwarded-for': '203.0.113.12' } })).statusCode).toBe(200);
  });
});

describe('sign-up through the API', () => {
  const signUp = (username: string, extra: Record<string, string> = {}) =>
    s.inject({ method: 'POST', url: '/api/v1/accounts', headers: { authorization: `Bearer ${appToken}`, 'x-forwarded-for': `192.0.2.${username.length}` }, payload: { username, email: `${username}@example.com`, password: 'a long password 123', agreement: 'true', ...extra } });

  it('works without a proof, as for any Mastodon client', async () => {
    expect((await signUp('noproof')).statusCode).toBe(200);
  });

  it('takes a sign-up proof once, and refuses a reused, wrong-purpose or broken one without creating the account', async () => {
    const { challenge } = (await s.inject({ method: 'GET', url: '/api/v1/parley/proof_of_work?purpose=sign_up' })).json();
    const proof = `${challenge}:${solve(challenge, 10)}`;
    expect((await signUp('withproof', { proof })).statusCode).toBe(200);
    const reused = await signUp('reuser', { proof });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error).toMatch(/already used/);
    const api = (await s.inject({ method: 'GET', url: '/api/v1/parley/proof_of_work?purpose=api' })).json().challenge;
    expect((await signUp('wrongkind', { proof: `${api}:${solve(api, 10)}` })).statusCode).toBe(422);
    expect((await signUp('broken', { proof: 'pow1.nonsense' })).statusCode).toBe(422);
    const made = await s.ctx.db.selectFrom('accounts').select('username').where('username', 'in', ['reuser', 'wrongkind', 'broken']).execute();
    expect(made).toEqual([]);
  });
});

describe('turned off', () => {
  it('asks nothing when the difficulty is 0', async () => {
    await setSetting(s.ctx.db, 'pow_difficulty', 0, new Date());
    try {
      const ip = '203.0.113.13';
      for (let i = 0; i < SOFT + 2; i++) expect((await from(ip, '/api/v1/timelines/public')).statusCode).toBe(200);
      expect((await from(ip, '/api/v1/parley/proof_of_work')).json()).toEqual({ required: false });
    } finally {
      await setSetting(s.ctx.db, 'pow_difficulty', 10, new Date());
    }
  });
});

describe('the documentation page', () => {
  it('says how to answer, with the current difficulty', async () => {
    const page = await s.inject({ method: 'GET', url: '/about/proof-of-work' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('X-Parley-Proof');
    expect(page.body).toContain('<strong>10</strong> zero bits');
  });
});

describe('the web sign-up form', () => {
  async function submit(username: string, solveIt: (challenge: string) => string | null) {
    const page = await s.inject({ method: 'GET', url: '/auth/sign_up' });
    expect(page.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(page.body).toContain('<script src="/auth/proof-of-work.js" defer>');
    const challenge = /name="pow_challenge" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [page.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]).join('; ');
    const nonce = solveIt(challenge);
    const form = new URLSearchParams({ csrf_token: csrfOf(page.body), username, email: `${username}@example.com`, password: 'long enough pw', agreement: '1', pow_challenge: challenge, pow_nonce: nonce ?? '' });
    return s.inject({ method: 'POST', url: '/auth/sign_up', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.77' }, payload: form.toString() });
  }
  const exists = async (username: string) => (await s.ctx.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;

  it('refuses a form whose browser did not solve its challenge, and keeps nothing', async () => {
    const res = await submit('lazy', () => null);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('enable JavaScript');
    expect(await exists('lazy')).toBe(false);
  });

  it('signs up with a solved challenge', async () => {
    const res = await submit('diligent', (c) => solve(c, 10));
    expect(res.statusCode).toBeLessThan(400);
    expect(await exists('diligent')).toBe(true);
  });

  it('serves the page script and the worker, which carries the solver', async () => {
    const script = await s.inject({ method: 'GET', url: '/auth/proof-of-work.js' });
    expect(script.headers['content-type']).toMatch(/javascript/);
    const worker = await s.inject({ method: 'GET', url: '/auth/proof-of-work-worker.js' });
    expect(worker.body).toContain('solveProofOfWork');
    // The worker's source really solves: run it as a browser would.
    const run = new Function('self', `${worker.body}; return self;`);
    const fakeSelf: { onmessage?: (e: { data: unknown }) => void; postMessage: (m: { nonce: string }) => void; got?: string } = { postMessage: (m) => (fakeSelf.got = m.nonce) };
    run(fakeSelf);
    fakeSelf.onmessage!({ data: { challenge: 'abc', difficulty: 10 } });
    expect(fakeSelf.got).toBe(solve('abc', 10));
  });
});

describe('the web sign-in form', () => {
  async function signIn(solveIt: (challenge: string) => string | null) {
    const page = await s.inject({ method: 'GET', url: '/auth/sign_in' });
    const challenge = /name="pow_challenge" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = [page.headers['set-cookie']].flat().filter(Boolean).map((c) => String(c).split(';')[0]).join('; ');
    const form = new URLSearchParams({ csrf_token: csrfOf(page.body), login: 'alice', password: 'alice-password-1', pow_challenge: challenge, pow_nonce: solveIt(challenge) ?? '' });
    return s.inject({ method: 'POST', url: '/auth/sign_in', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.78' }, payload: form.toString() });
  }

  it('checks the proof before the password, and signs in with a solved one', async () => {
    const refused = await signIn(() => null);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['set-cookie'] ?? '').not.toContain('parley_session=');
    const ok = await signIn((c) => solve(c, 10));
    expect(ok.statusCode).toBe(303);
    expect(String(ok.headers['set-cookie'])).toContain('parley_session=');
  });
});
