import { describe, expect, it } from 'vitest';
import { allowListMatcher, parseAllowList, throttleIp } from './client-ip.ts';

describe('throttleIp', () => {
  it('keeps IPv4 addresses as they are', () => {
    expect(throttleIp('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleIp('127.0.0.1')).toBe('127.0.0.1');
  });

  it('groups IPv6 addresses by their /64', () => {
    expect(throttleIp('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(throttleIp('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(throttleIp('2001:DB8:1:2:ffff::')).toBe('2001:db8:1:2::/64');
    expect(throttleIp('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(throttleIp('::1')).toBe('::/64');
  });

  it('treats IPv4-mapped IPv6 as the IPv4 client', () => {
    expect(throttleIp('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(throttleIp('::FFFF:198.51.100.9')).toBe('198.51.100.9');
  });

  it('leaves anything that is not an address alone', () => {
    expect(throttleIp('unknown')).toBe('unknown');
  });
});

describe('allow-list', () => {
  it('parses addresses and ranges, normalised, and names the bad entries', () => {
    expect(parseAllowList(' 127.0.0.1, 10.1.2.3/8 ,2001:db8::/32,, nonsense, 1.2.3.4/33')).toEqual({
      ranges: ['127.0.0.1/32', '10.0.0.0/8', '2001:db8::/32'],
      invalid: ['nonsense', '1.2.3.4/33'],
    });
  });

  it('matches addresses inside the ranges only', () => {
    const allowed = allowListMatcher(['10.0.0.0/8', '2001:db8::/32', '192.0.2.1/32']);
    expect(allowed('10.200.3.4')).toBe(true);
    expect(allowed('::ffff:10.0.0.1')).toBe(true);
    expect(allowed('2001:db8:ffff::1')).toBe(true);
    expect(allowed('192.0.2.1')).toBe(true);
    expect(allowed('192.0.2.2')).toBe(false);
    expect(allowed('11.0.0.1')).toBe(false);
    expect(allowed('2001:db9::1')).toBe(false);
    expect(allowListMatcher([])('10.0.0.1')).toBe(false);
  });
});
