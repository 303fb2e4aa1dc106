// Which IP addresses the server may connect to on a stranger's say-so (a link, a push endpoint,
// later a federated actor). Only globally routable unicast addresses are public: everything in
// IANA's special-purpose registries that is not meant to be reached across the internet is
// refused, and so are IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) when the
// address they carry is not public. Pure: the addresses come from the URL parser or the resolver.
import { parseCidr, type Cidr } from '../../services/admin/cidr.ts';

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

type Rule = readonly [range: string, kind: AddressKind];

// IPv4 special-purpose ranges (RFC 6890 and the IANA registry). The globally reachable entries of
// that registry (AS112, AMT) are left out: they are ordinary internet hosts.
const V4_RULES: readonly Rule[] = [
  ['0.0.0.0/8', 'unspecified'], // "this network": 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'], // cloud metadata services live here
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'], // retired 6to4 relay anycast
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
];

// IPv6: only 2000::/3 holds global unicast, so anything outside it is refused at the end; these
// rules name the ranges inside it (and the well-known ones outside) for clearer messages and tests.
const V6_RULES: readonly Rule[] = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'private'], // NAT64 for local use (RFC 8215)
  ['100::/64', 'reserved'], // discard-only
  ['2001::/23', 'reserved'], // IETF protocol assignments, Teredo among them
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'], // RFC 9637
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'], // deprecated site-local
  ['ff00::/8', 'multicast'],
];

interface ParsedRule {
  range: Cidr;
  kind: AddressKind;
}

const parseRules = (rules: readonly Rule[]): ParsedRule[] =>
  rules.map(([text, kind]) => {
    const range = parseCidr(text);
    if (!range) throw new Error(`bad built-in range ${text}`);
    return { range, kind };
  });

const V4 = parseRules(V4_RULES);
const V6 = parseRules(V6_RULES);

const inRange = (value: bigint, range: Cidr, bits: number) => value >> BigInt(bits - range.prefix) === range.network >> BigInt(bits - range.prefix);

function v4Kind(value: bigint): AddressKind {
  return V4.find((r) => inRange(value, r.range, 32))?.kind ?? 'public';
}

const hasPrefix = (value: bigint, prefix: bigint, prefixBits: number) => value >> BigInt(128 - prefixBits) === prefix;

function v6Kind(value: bigint): AddressKind {
  // IPv4-mapped (::ffff:a.b.c.d): the socket connects to the IPv4 address itself.
  if (hasPrefix(value, 0xffffn, 96)) return v4Kind(value & 0xffff_ffffn);
  // NAT64 well-known prefix (RFC 6052): a gateway forwards to the embedded IPv4 address.
  if (hasPrefix(value, 0x64_ff9bn << 64n, 96)) return v4Kind(value & 0xffff_ffffn);
  // 6to4 (RFC 3056): 2002:AABB:CCDD::/48 is routed to the IPv4 address AA.BB.CC.DD.
  if (hasPrefix(value, 0x2002n, 16)) return v4Kind((value >> 80n) & 0xffff_ffffn);
  const named = V6.find((r) => inRange(value, r.range, 128))?.kind;
  if (named) return named;
  return hasPrefix(value, 1n, 3) ? 'public' : 'reserved';
}

/**
 * What kind of address `ip` is (a plain address as `node:net` writes it, IPv6 without brackets);
 * null when it is not an IP address at all.
 */
export function addressKind(ip: string): AddressKind | null {
  // parseCidr folds dotted IPv4-mapped forms (::ffff:1.2.3.4) into IPv4; the hex spelling the
  // URL parser produces (::ffff:7f00:1) is folded above.
  const parsed = parseCidr(ip);
  if (!parsed || ip.includes('/')) return null;
  return parsed.version === 4 ? v4Kind(parsed.network) : v6Kind(parsed.network);
}

export function isPublicAddress(ip: string): boolean {
  return addressKind(ip) === 'public';
}

/**
 * The IP address a URL's host names when it is a literal (the WHATWG URL parser has already turned
 * decimal, octal and hexadecimal IPv4 spellings into dotted form), else null.
 */
export function literalAddress(hostname: string): string | null {
  const plain = hostname.replace(/^\[(.*)\]$/, '$1');
  return addressKind(plain) === null ? null : plain;
}
