// Whose address a request has: X-Forwarded-For is believed only from the trusted proxies
// (PARLEY_TRUSTED_PROXIES, loopback by default), so a client cannot slip out of its per-address
// limits or an IP block by writing a new address into the header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await createTestServer({ env: { PARLEY_RATE_LIMITS: 'on', PARLEY_RATE_LIMIT_API_IP: '2/300' } });
});
afterAll(() => s.close());

const call = (remoteAddress: string, forwardedFor: string) => s.inject({ method: 'GET', url: '/api/v1/timelines/public', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });

describe('the client address', () => {
  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('203.0.113.50', `198.51.100.${i}`)).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('believes it from the proxy in front of the server', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('127.0.0.1', `192.0.2.${i}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('takes addresses, ranges and keywords, and refuses anything else', () => {
    expect(loadConfig({ PARLEY_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8, fd00::/8, 192.168.1.4' }).trustedProxies).toBe('loopback, 10.0.0.0/8, fd00::/8, 192.168.1.4');
    for (const bad of ['everyone', '10.0.0.0/33', '*', 'true']) expect(() => loadConfig({ PARLEY_TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError);
  });
});
