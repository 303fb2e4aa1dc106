// Load shedding through the real server: with the pressure level set by hand, anonymous
// requests are refused first (503 + Retry-After, Mastodon's error shape), signed-in people keep
// their timelines and posting, and expensive requests go at the highest level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedLoadMonitor } from '../../src/infra/load/load-monitor.ts';
import { createTestServer, type TestServer, type TestUser } from '../helpers/server.ts';

const load = fixedLoadMonitor(0);
let s: TestServer;
let alice: TestUser;

beforeAll(async () => {
  s = await createTestServer({ context: { loadMonitor: load } });
  alice = await s.createUser('alice');
});
afterAll(() => s.close());

const anonymous = (url: string) => s.inject({ method: 'GET', url });

describe('load shedding', () => {
  it('serves everyone when there is no pressure', async () => {
    load.set(0);
    expect((await anonymous('/api/v1/timelines/public')).statusCode).toBe(200);
  });

  it('refuses anonymous content first, with Retry-After, and keeps serving signed-in people', async () => {
    load.set(1);
    const res = await anonymous('/api/v1/timelines/public');
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().error).toMatch(/too busy/);
    expect((await anonymous('/api/v1/instance')).statusCode).toBe(200);
    expect((await alice.get('/api/v1/timelines/public')).statusCode).toBe(200);
    expect((await alice.get('/api/v2/search?q=alice')).statusCode).toBe(200);
  });

  it('at the highest level refuses expensive requests of signed-in people too, but not posting', async () => {
    load.set(2);
    expect((await alice.get('/api/v2/search?q=alice')).statusCode).toBe(503);
    expect((await alice.get('/api/v1/timelines/home')).statusCode).toBe(200);
    expect((await alice.post('/api/v1/statuses', { status: 'still here' })).statusCode).toBe(200);
    load.set(0);
    expect((await alice.get('/api/v2/search?q=alice')).statusCode).toBe(200);
  });
});
