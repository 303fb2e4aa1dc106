// The exceptions an admin grants to the public-address rule (PARLEY_FETCH_ALLOW_PRIVATE): CIDR
// ranges that may be fetched although private, and host names whose addresses are all trusted
// (an internal push gateway, a test service). Pure.
import { cidrContains, formatCidr, parseCidr, type Cidr } from '../../services/admin/cidr.ts';

export interface PrivateAllowList {
  /** Normalised CIDR ranges, e.g. "10.0.0.0/8". */
  readonly ranges: readonly string[];
  /** Lower-case host names without a trailing dot. */
  readonly hosts: readonly string[];
}

export const NOTHING_PRIVATE: PrivateAllowList = Object.freeze({ ranges: Object.freeze([]), hosts: Object.freeze([]) });

/** The loopback ranges, for the tests' local services (ctx.allowLoopbackPush). */
export const LOOPBACK_RANGES: readonly string[] = Object.freeze(['127.0.0.0/8', '::1/128']);

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Parses "10.0.0.0/8, ::1, push.internal"; the entries that are neither a range nor a host name. */
export function parsePrivateAllowList(text: string): { allow: PrivateAllowList; invalid: string[] } {
  const ranges: string[] = [];
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const range = parseCidr(entry);
    const host = entry.toLowerCase().replace(/\.$/, '');
    if (range) ranges.push(formatCidr(range));
    else if (HOST_NAME.test(host)) hosts.push(host);
    else invalid.push(entry);
  }
  return { allow: Object.freeze({ ranges: Object.freeze(ranges), hosts: Object.freeze(hosts) }), invalid };
}

export function withRanges(allow: PrivateAllowList, ranges: readonly string[]): PrivateAllowList {
  return Object.freeze({ ranges: Object.freeze([...allow.ranges, ...ranges]), hosts: allow.hosts });
}

/** A check of (URL host name, resolved address): whether a non-public address is allowed anyway. */
export function privateAllowance(allow: PrivateAllowList): (hostname: string, address: string) => boolean {
  const ranges = allow.ranges.map((r) => parseCidr(r)).filter((r): r is Cidr => r !== null);
  const hosts = new Set(allow.hosts);
  return (hostname, address) => hosts.has(hostname.toLowerCase().replace(/\.$/, '')) || ranges.some((r) => cidrContains(r, address));
}
