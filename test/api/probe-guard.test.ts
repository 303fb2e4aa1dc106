// A client that asks for many things that do not exist is slowed, then refused; a person who
// finds what they ask for is never slowed. Counted per address (IPv6 by /64) or per account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_HARD_LIMIT, PROBE_SOFT_LIMIT, probeDelayMs } from '../../src/http/plugins/probe-guard.ts';
import { newId } from '../../src/domain/ids.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

let s: TestServer;
let alice: TestUser;
let postId: string;

beforeAll(async () => {
  // Rate limits on (the test helper turns them off by default), this suite's own clock.
  s = await createTestServer({ env: { PARLEY_RATE_LIMITS: 'on', PARLEY_RATE_LIMIT_API_IP: '100000/300', PARLEY_RATE_LIMIT_API_ACCOUNT: '100000/300' } });
  alice = await s.createUser('alice');
  postId = (await alice.post('/api/v1/statuses', { status: 'here' })).json().id;
});
afterAll(() => s.close());

const guess = (ip: string) => s.inject({ method: 'GET', url: `/api/v1/statuses/${newId(Date.now())}`, headers: { 'x-forwarded-for': ip } });

describe('probe guard', () => {
  it('grows the delay with each miss past the soft limit, up to a ceiling', () => {
    expect(probeDelayMs(PROBE_SOFT_LIMIT)).toBe(0);
    expect(probeDelayMs(PROBE_SOFT_LIMIT + 1)).toBeGreaterThan(0);
    expect(probeDelayMs(PROBE_SOFT_LIMIT + 5)).toBeGreaterThan(probeDelayMs(PROBE_SOFT_LIMIT + 1));
    expect(probeDelayMs(10_000)).toBe(3000);
  });

  it('answers misses at once below the soft limit, later above it, and refuses them past the hard limit', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < PROBE_SOFT_LIMIT; i++) expect((await guess(ip)).statusCode).toBe(404);
    const started = performance.now();
    expect((await guess(ip)).statusCode).toBe(404);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    // Another address of the same /64 is the same client; another network is not.
    const started2 = performance.now();
    expect((await guess('2001:db8:1:2::1')).statusCode).toBe(404);
    expect(performance.now() - started2).toBeLessThan(90);
  });

  it('refuses a prober with 429 and Retry-After once past the hard limit, yet still serves what exists', async () => {
    const ip = '198.51.100.9';
    // Each miss past the soft limit waits; spare the suite the wait by counting straight in the store.
    const now = s.ctx.clock.now().getTime();
    for (let i = 0; i < PROBE_HARD_LIMIT; i++) await s.ctx.rateLimits.hit(`probe:ip:${ip}`, 10 * 60_000, now);
    const refused = await guess(ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toEqual({ error: 'Too many requests' });
    const found = await s.inject({ method: 'GET', url: `/api/v1/statuses/${postId}`, headers: { 'x-forwarded-for': ip } });
    expect(found.statusCode).toBe(200);
  });

  it('counts a signed-in prober by account, not by address', async () => {
    const now = s.ctx.clock.now().getTime();
    for (let i = 0; i < PROBE_HARD_LIMIT; i++) await s.ctx.rateLimits.hit(`probe:account:${alice.id}`, 10 * 60_000, now);
    expect((await alice.get(`/api/v1/statuses/${newId(Date.now())}`)).statusCode).toBe(429);
    expect((await guess('192.0.2.44')).statusCode).toBe(404);
  });
});
