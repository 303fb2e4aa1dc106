// Splits post text into plain runs, links, mentions and hashtags, the way Mastodon recognises
// them. Pure: no I/O, so the same tokens drive rendering, length counting and search text.
export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'url'; text: string; url: string }
  | { kind: 'mention'; text: string; username: string; domain: string | null }
  | { kind: 'hashtag'; text: string; name: string };

// http(s) URLs up to whitespace or angle brackets; trailing punctuation is trimmed below.
const URL_RE = /https?:\/\/[^\s<>"'\u00A0]+/giu;
// @user or @user@domain, not preceded by a word character or slash (so e-mail addresses stay text).
const MENTION_RE = /(?<![\p{L}\p{N}_/])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_])?)(?:@([a-z0-9.-]+[a-z0-9]+))?/giu;
// #tag: letters, numbers, underscores and middle dots, with at least one non-digit.
const HASHTAG_RE = /(?<![\p{L}\p{N}_/)&])#([\p{L}\p{N}_\u00B7\u200C]*[\p{L}_\u00B7][\p{L}\p{N}_\u00B7\u200C]*)/gu;

interface Match {
  start: number;
  end: number;
  token: Token;
}

function trimUrl(raw: string): string {
  let url = raw;
  // Drop trailing punctuation, but keep a closing parenthesis that balances one inside the URL.
  for (;;) {
    const last = url.at(-1);
    if (!last) break;
    if ('.,;:!?\'"*'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1);
    else break;
  }
  return url;
}

export function tokenize(text: string): Token[] {
  const matches: Match[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    try {
      new URL(url);
    } catch {
      continue;
    }
    matches.push({ start: m.index, end: m.index + url.length, token: { kind: 'url', text: url, url } });
  }
  const overlaps = (start: number, end: number) => matches.some((x) => start < x.end && end > x.start);
  for (const m of text.matchAll(MENTION_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    matches.push({ start, end, token: { kind: 'mention', text: m[0], username: m[1]!, domain: m[2]?.toLowerCase() ?? null } });
  }
  for (const m of text.matchAll(HASHTAG_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(start, end) || m[1]!.length > 100) continue;
    matches.push({ start, end, token: { kind: 'hashtag', text: m[0], name: m[1]! } });
  }
  matches.sort((a, b) => a.start - b.start);
  const tokens: Token[] = [];
  let pos = 0;
  for (const m of matches) {
    if (m.start > pos) tokens.push({ kind: 'text', text: text.slice(pos, m.start) });
    tokens.push(m.token);
    pos = m.end;
  }
  if (pos < text.length) tokens.push({ kind: 'text', text: text.slice(pos) });
  return tokens;
}

/** Hashtag names are compared case-insensitively and without Unicode compatibility variants. */
export function normalizeTagName(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}
