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
// The domain takes every word character, as Mastodon's does: stopping at "_" or "é" read
// "@alice@parley.test_admin" as a mention of the local alice shown as "@alice_admin".
const MENTION_RE = /(?<![\p{L}\p{N}_/])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_])?)(?:@([\p{L}\p{N}_.-]+[\p{L}\p{N}_]+))?/giu;
// #tag: letters, numbers, underscores and middle dots, with at least one non-digit.
const HASHTAG_RE = /(?<![\p{L}\p{N}_/)&])#([\p{L}\p{N}_\u00B7\u200C]*[\p{L}_\u00B7][\p{L}\p{N}_\u00B7\u200C]*)/gu;

interface Match {
  start: number;
  end: number;
  token: Token;
}

function trimUrl(raw: string): string {
  // Drop trailing punctuation, but keep a closing parenthesis that balances one inside the URL.
  // The parentheses are counted once and kept up to date: recounting on every step made a URL
  // followed by thousands of ")" quadratic (a 100,000-character post took 45 s).
  let opens = 0;
  let closes = 0;
  for (const c of raw) {
    if (c === '(') opens++;
    else if (c === ')') closes++;
  }
  let end = raw.length;
  while (end > 0) {
    const last = raw[end - 1]!;
    if ('.,;:!?\'"*'.includes(last)) end--;
    else if (last === ')' && opens < closes) {
      end--;
      closes--;
    } else break;
  }
  return raw.slice(0, end);
}

/**
 * `taken` (sorted, disjoint) merged with the candidates (in text order, disjoint) that overlap
 * none of it. One pass over both: checking every candidate against every match instead was
 * quadratic, and 33,000 "#a " took most of a second.
 */
function addDisjoint(taken: Match[], candidates: Iterable<Match>): Match[] {
  const out: Match[] = [];
  let i = 0;
  for (const c of candidates) {
    while (i < taken.length && taken[i]!.end <= c.start) out.push(taken[i++]!);
    // taken[i] is the first that ends after c starts; any later one also starts after it.
    if (i < taken.length && taken[i]!.start < c.end) continue;
    out.push(c);
  }
  while (i < taken.length) out.push(taken[i++]!);
  return out;
}

export function tokenize(text: string): Token[] {
  const urls: Match[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = trimUrl(m[0]);
    try {
      new URL(url);
    } catch {
      continue;
    }
    urls.push({ start: m.index, end: m.index + url.length, token: { kind: 'url', text: url, url } });
  }
  // Links win over mentions, and both over hashtags (a URL's "#fragment" is not a tag).
  const mentions = function* (): Generator<Match> {
    for (const m of text.matchAll(MENTION_RE)) {
      // "@alice@parley.test@evil.example" is no mention of the local alice: shown as "@alice"
      // it would read "@alice@evil.example" while linking to her.
      if (text[m.index + m[0].length] === '@') continue;
      yield { start: m.index, end: m.index + m[0].length, token: { kind: 'mention', text: m[0], username: m[1]!, domain: m[2]?.toLowerCase() ?? null } };
    }
  };
  const hashtags = function* (): Generator<Match> {
    for (const m of text.matchAll(HASHTAG_RE)) {
      if (m[1]!.length > 100) continue;
      yield { start: m.index, end: m.index + m[0].length, token: { kind: 'hashtag', text: m[0], name: m[1]! } };
    }
  };
  const matches = addDisjoint(addDisjoint(urls, mentions()), hashtags());
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
