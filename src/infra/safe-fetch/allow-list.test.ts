import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { LOOPBACK_RANGES, parsePrivateAllowList, privateAllowance, withRanges } from './allow-list.ts';

describe('parsePrivateAllowList', () => {
  it('reads CIDR ranges, addresses and host names, and lists what is neither', () => {
    const { allow, invalid } = parsePrivateAllowList(' 10.1.2.3/8, ::1 ,Push.Internal., fd00::/8,, ntfy.lan ');
    expect(allow.ranges).toEqual(['10.0.0.0/8', '::1/128', 'fd00::/8']);
    expect(allow.hosts).toEqual(['push.internal', 'ntfy.lan']);
    expect(invalid).toEqual([]);
    expect(parsePrivateAllowList('10.0.0.0/33, http://x, a_b.example, -bad.example, 1.2.3.4/x').invalid).toEqual(['10.0.0.0/33', 'http://x', 'a_b.example', '-bad.example', '1.2.3.4/x']);
    expect(parsePrivateAllowList('')).toEqual({ allow: { ranges: [], hosts: [] }, invalid: [] });
  });
});

describe('privateAllowance', () => {
  it('allows addresses in the ranges, and any address of the listed hosts', () => {
    const allowed = privateAllowance(parsePrivateAllowList('10.0.0.0/8, push.internal').allow);
    expect(allowed('anything.example', '10.9.8.7')).toBe(true);
    expect(allowed('anything.example', '11.0.0.1')).toBe(false);
    expect(allowed('anything.example', '192.168.1.1')).toBe(false);
    expect(allowed('PUSH.internal.', '192.168.1.1')).toBe(true);
    expect(allowed('other.internal', '192.168.1.1')).toBe(false);
  });

  it('adds loopback for the tests’ local services without touching the configured list', () => {
    const configured = parsePrivateAllowList('10.0.0.0/8').allow;
    const allowed = privateAllowance(withRanges(configured, LOOPBACK_RANGES));
    expect(allowed('x', '127.0.0.1')).toBe(true);
    expect(allowed('x', '::1')).toBe(true);
    expect(allowed('x', '10.0.0.1')).toBe(true);
    expect(privateAllowance(configured)('x', '127.0.0.1')).toBe(false);
  });
});

describe('PARLEY_FETCH_ALLOW_PRIVATE', () => {
  it('allows nothing private by default', () => {
    expect(loadConfig({}).fetchAllowPrivate).toEqual({ ranges: [], hosts: [] });
  });

  it('is parsed into ranges and host names', () => {
    expect(loadConfig({ PARLEY_FETCH_ALLOW_PRIVATE: '192.168.0.0/16, push.lan' }).fetchAllowPrivate).toEqual({ ranges: ['192.168.0.0/16'], hosts: ['push.lan'] });
  });

  it('stops the server with a message naming the bad entries', () => {
    expect(() => loadConfig({ PARLEY_FETCH_ALLOW_PRIVATE: '10.0.0.0/8, http://push.lan' })).toThrow(ConfigError);
    expect(() => loadConfig({ PARLEY_FETCH_ALLOW_PRIVATE: '10.0.0.0/8, http://push.lan' })).toThrow(/PARLEY_FETCH_ALLOW_PRIVATE: not a CIDR range or host name: http:\/\/push.lan/);
  });
});
