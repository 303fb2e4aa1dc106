// IP ranges in CIDR notation, IPv4 and IPv6, as numbers so that matching is one comparison.
// Pure: parsing, normalising (host bits cleared, like Mastodon shows "8.8.8.0/24") and matching.
import { isIP } from 'node:net';

export interface Cidr {
  version: 4 | 6;
  /** The network address with host bits cleared. */
  network: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function v4ToBigInt(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBigInt(address: string): bigint {
  let text = address.toLowerCase().replace(/%.*$/, '');
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hexadecimal groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = v4ToBigInt(v4[1]!);
    text = text.slice(0, -v4[1]!.length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') as [string, string] : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function toString(version: 4 | 6, n: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((n >> BigInt((7 - i) * 16)) & 0xffffn).toString(16));
  // Shorten the longest run of zero groups (two or more) to "::", as RFC 5952 asks.
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.len && j - i > 1) best = { at: i, len: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

/** Turns "::ffff:1.2.3.4" (how a dual-stack socket reports IPv4 clients) into "1.2.3.4". */
export function unmapIp(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

/** Parses "1.2.3.4", "1.2.3.0/24", "2001:db8::/32"; null when it is not an address or range. */
export function parseCidr(input: string): Cidr | null {
  const [address, prefixText, ...rest] = input.trim().split('/');
  if (rest.length || !address) return null;
  const plain = unmapIp(address);
  const version = isIP(plain);
  if (version !== 4 && version !== 6) return null;
  const bits = BITS[version];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  const value = version === 4 ? v4ToBigInt(plain) : v6ToBigInt(plain);
  const hostBits = BigInt(bits - prefix);
  return { version, network: (value >> hostBits) << hostBits, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${toString(c.version, c.network)}/${c.prefix}`;
}

/** Whether an address (plain, no prefix) lies in the range. */
export function cidrContains(range: Cidr, address: string): boolean {
  const ip = parseCidr(unmapIp(address));
  if (!ip || ip.version !== range.version) return false;
  const hostBits = BigInt(BITS[range.version] - range.prefix);
  return ip.network >> hostBits === range.network >> hostBits;
}
