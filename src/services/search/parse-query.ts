// Reads what a search query asks for: an exact account (@user, user@domain), a hashtag (#tag),
// a URL of this server, or plain words.
import type { Config } from '../../config.ts';
import { isId } from '../../domain/ids.ts';

export type UrlTarget = { kind: 'account'; username: string } | { kind: 'status'; username: string; statusId: string };

/** A local profile or status URL in either of the forms the serializers produce. */
export function localUrlTarget(config: Config, q: string): UrlTarget | null {
  let url: URL;
  try {
    url = new URL(q);
  } catch {
    return null;
  }
  if (url.host.toLowerCase() !== config.domain || !/^https?:$/.test(url.protocol)) return null;
  const path = url.pathname.replace(/\/+$/, '');
  let m = /^\/@([A-Za-z0-9_]+)(?:\/([0-9A-Z]{26}))?$/.exec(path);
  if (!m) m = /^\/users\/([A-Za-z0-9_]+)(?:\/statuses\/([0-9A-Z]{26}))?$/.exec(path);
  if (!m) return null;
  if (m[2] && isId(m[2])) return { kind: 'status', username: m[1]!, statusId: m[2] };
  return m[2] ? null : { kind: 'account', username: m[1]! };
}

export interface AccountQuery {
  /** Text to match as a prefix (without @ and domain). */
  prefix: string;
  /** Set when the query names one account exactly. */
  exactUsername?: string;
  /** The query names an account on another server: nothing local can match. */
  remote: boolean;
}

export function parseAccountQuery(config: Config, q: string): AccountQuery {
  const text = q.trim();
  const m = /^@?([A-Za-z0-9_]+)@([A-Za-z0-9.-]+(?::\d+)?)$/.exec(text);
  if (m) {
    if (m[2]!.toLowerCase() !== config.domain) return { prefix: m[1]!, remote: true };
    return { prefix: m[1]!, exactUsername: m[1]!, remote: false };
  }
  // "@name" is a prefix search too; the exact name sorts first.
  return { prefix: text.replace(/^@/, ''), remote: false };
}

/** The hashtag a query looks for: "#Cats" and "cats" both search tag names starting with "cats". */
export function tagPrefix(q: string): string | null {
  const t = q.trim().replace(/^#/, '');
  return /^[\p{L}\p{N}_]+$/u.test(t) ? t : null;
}
