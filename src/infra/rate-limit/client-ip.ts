// Which address a per-IP throttle counts a request against. IPv6 clients usually hold a whole
// /64 (and can pick any address in it), so they are counted by that /64, as Mastodon does;
// IPv4-mapped IPv6 (::ffff:1.2.3.4, from dual-stack sockets) is the IPv4 client it stands for.
// Pure. The CIDR arithmetic is the one the admin IP blocks use (also pure, no I/O).
import { cidrContains, formatCidr, parseCidr, unmapIp, type Cidr } from '../../services/admin/cidr.ts';

export function throttleIp(address: string): string {
  const plain = unmapIp(address.trim());
  const range = parseCidr(plain);
  if (!range) return plain;
  if (range.version === 4) return plain;
  return formatCidr(parseCidr(`${plain}/64`) ?? range);
}

/** Parses "127.0.0.1, 10.0.0.0/8, 2001:db8::/32"; the entries that are not addresses or ranges. */
export function parseAllowList(text: string): { ranges: string[]; invalid: string[] } {
  const ranges: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const range = parseCidr(entry);
    if (range) ranges.push(formatCidr(range));
    else invalid.push(entry);
  }
  return { ranges, invalid };
}

/** A matcher for an allow-list parsed by parseAllowList. */
export function allowListMatcher(ranges: readonly string[]): (address: string) => boolean {
  const parsed = ranges.map((r) => parseCidr(r)).filter((r): r is Cidr => r !== null);
  if (parsed.length === 0) return () => false;
  return (address) => parsed.some((r) => cidrContains(r, address));
}
