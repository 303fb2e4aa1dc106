import { describe, expect, it } from 'vitest';
import { cidrContains, formatCidr, parseCidr, unmapIp } from './cidr.ts';

const norm = (s: string) => {
  const c = parseCidr(s);
  return c ? formatCidr(c) : null;
};

describe('CIDR ranges', () => {
  it('normalises addresses and ranges, clearing host bits', () => {
    expect(norm('8.8.8.8')).toBe('8.8.8.8/32');
    expect(norm('8.8.8.8/24')).toBe('8.8.8.0/24');
    expect(norm('0.0.0.0/0')).toBe('0.0.0.0/0');
    expect(norm('2001:DB8:0:0:1::1/64')).toBe('2001:db8::/64');
    expect(norm('::1')).toBe('::1/128');
    expect(norm('fe80::1:2:3:4/128')).toBe('fe80::1:2:3:4/128');
    expect(norm('1:0:0:2:0:0:0:3/128')).toBe('1:0:0:2::3/128');
    expect(norm('::ffff:10.1.2.3')).toBe('10.1.2.3/32');
  });

  it('refuses what is not an address or range', () => {
    for (const bad of ['', 'example.com', '1.2.3', '1.2.3.4/33', '1.2.3.4/-1', '1.2.3.4/a', '::1/129', '1.2.3.4/8/8', '256.1.1.1', 'gggg::1', '1.2.3.4 /8']) {
      expect(norm(bad), bad).toBeNull();
    }
  });

  it('matches addresses inside the range only, never across IP versions', () => {
    const v4 = parseCidr('192.0.2.0/24')!;
    expect(cidrContains(v4, '192.0.2.200')).toBe(true);
    expect(cidrContains(v4, '::ffff:192.0.2.7')).toBe(true);
    expect(cidrContains(v4, '192.0.3.1')).toBe(false);
    expect(cidrContains(v4, '::1')).toBe(false);
    const v6 = parseCidr('2001:db8::/32')!;
    expect(cidrContains(v6, '2001:db8:ffff::9')).toBe(true);
    expect(cidrContains(v6, '2001:db9::1')).toBe(false);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, '203.0.113.5')).toBe(true);
    expect(unmapIp('::ffff:1.2.3.4')).toBe('1.2.3.4');
  });
});
