// Matching statuses against a viewer's filters: pure functions, no I/O. Filters are compiled
// once per request (one RegExp per filter, keywords escaped so they are always taken
// literally) and then applied to rendered Status JSON, so every place that renders statuses,
// notifications included, filters the same way.
import type { FilterResultJson, StatusJson } from '../../../api/entities.ts';
import type { ActiveFilterRule } from '../../db/repos/filters.ts';
import { actionOf, parseContexts, serializeFilter, type FilterAction, type FilterContext, type FilterJson } from '../../serializers/filter.ts';

export interface CompiledFilter {
  /** The filter as shown inside a FilterResult (without its keywords and statuses). */
  json: FilterJson;
  contexts: ReadonlySet<FilterContext>;
  action: FilterAction;
  /** All keywords as alternatives; capture group i + 1 is keywords[i]. null: no keywords. */
  regex: RegExp | null;
  keywords: string[];
  statusIds: ReadonlySet<string>;
}

export interface StatusMatch {
  results: FilterResultJson[];
  /** A matching filter has the hide action: the status must not be shown in this context. */
  hide: boolean;
}

// Mastodon's [[:word:]]: letters, marks, decimal digits and connector punctuation, in any script.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}]`;
const STARTS_WITH_WORD = new RegExp(`^${WORD_CHAR}`, 'u');
const ENDS_WITH_WORD = new RegExp(`${WORD_CHAR}$`, 'u');

/** Escapes exactly the characters that are syntax in a `u` RegExp (other escapes are errors there). */
const escapeLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * A whole-word keyword must not touch a word character on a side where it itself begins or
 * ends with one (so "#tag" or "c++" still match next to punctuation). JavaScript's \b knows
 * only ASCII, hence the Unicode lookarounds.
 */
export function keywordPattern(keyword: string, wholeWord: boolean): string {
  const literal = escapeLiteral(keyword);
  if (!wholeWord) return literal;
  const before = STARTS_WITH_WORD.test(keyword) ? `(?<!${WORD_CHAR})` : '';
  const after = ENDS_WITH_WORD.test(keyword) ? `(?!${WORD_CHAR})` : '';
  return `${before}${literal}${after}`;
}

export function compileFilters(rules: ActiveFilterRule[]): CompiledFilter[] {
  const byFilter = new Map<string, ActiveFilterRule[]>();
  for (const r of rules) {
    const list = byFilter.get(r.filter_id);
    if (list) list.push(r);
    else byFilter.set(r.filter_id, [r]);
  }
  return [...byFilter.keys()].sort().map((id) => {
    const own = byFilter.get(id)!;
    const head = own[0]!;
    const keywordRules = own.filter((r) => r.keyword !== null);
    const keywords = keywordRules.map((r) => r.keyword!);
    const regex = keywords.length > 0 ? new RegExp(keywordRules.map((r) => `(${keywordPattern(r.keyword!, r.whole_word === 1)})`).join('|'), 'giu') : null;
    return {
      json: serializeFilter({ id, title: head.title, context: head.context, action: head.action, expires_at: head.expires_at }),
      contexts: new Set(parseContexts(head.context)),
      action: actionOf(head.action),
      regex,
      keywords,
      statusIds: new Set(own.flatMap((r) => (r.status_id ? [r.status_id] : []))),
    };
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Plain text of our rendered status HTML: paragraphs and line breaks kept as newlines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** What keywords are matched against, as in Mastodon: content warning, text, poll options, media descriptions. */
export function searchableText(status: StatusJson): string {
  const s = status.reblog ?? status;
  const parts = [s.spoiler_text, htmlToText(s.content)];
  if (s.poll) parts.push(s.poll.options.map((o) => o.title).join('\n\n'));
  const descriptions = s.media_attachments.flatMap((m) => (m.description ? [m.description] : []));
  if (descriptions.length > 0) parts.push(descriptions.join('\n\n'));
  return parts.filter((p) => p !== '').join('\n\n');
}

function keywordMatches(f: CompiledFilter, text: string): string[] {
  if (!f.regex) return [];
  const found = new Set<string>();
  for (const m of text.matchAll(f.regex)) {
    const i = m.findIndex((group, index) => index > 0 && group !== undefined);
    if (i > 0) found.add(f.keywords[i - 1]!);
  }
  return [...found];
}

/** The filters of `context` that match a status (or, for a reblog, the status it reblogs). */
export function matchStatus(status: StatusJson, filters: readonly CompiledFilter[], context: FilterContext): StatusMatch {
  const results: FilterResultJson[] = [];
  let hide = false;
  let text: string | undefined;
  const ids = status.reblog ? [status.id, status.reblog.id] : [status.id];
  for (const f of filters) {
    if (!f.contexts.has(context)) continue;
    text ??= f.regex ? searchableText(status) : undefined;
    const keywords = text === undefined ? [] : keywordMatches(f, text);
    const statuses = ids.filter((id) => f.statusIds.has(id));
    if (keywords.length === 0 && statuses.length === 0) continue;
    results.push({ filter: f.json, keyword_matches: keywords.length > 0 ? keywords : null, status_matches: statuses.length > 0 ? statuses : null });
    if (f.action === 'hide') hide = true;
  }
  return { results, hide };
}
