import { describe, expect, it } from 'vitest';
import type { ActiveFilterRule } from '../../db/repos/filters.ts';
import type { StatusJson } from '../../../api/entities.ts';
import { compileFilters, htmlToText, keywordPattern, matchStatus } from './match.ts';

const test = (pattern: string, text: string) => new RegExp(pattern, 'iu').test(text);

describe('keywordPattern', () => {
  it('takes every regular-expression character literally', () => {
    for (const k of ['a.b', '(x|y)*', '[abc]', '^$', 'a\\d', '{2}', 'a/b', 'a-b?']) {
      expect(test(keywordPattern(k, false), `before ${k} after`), k).toBe(true);
    }
    expect(test(keywordPattern('a.b', false), 'axb')).toBe(false);
  });

  it('keeps whole words apart in any script, but only on sides that are word characters', () => {
    const cat = keywordPattern('cat', true);
    expect(test(cat, 'a Cat.')).toBe(true);
    expect(test(cat, 'écat')).toBe(false);
    expect(test(cat, 'catß')).toBe(false);
    expect(test(keywordPattern('straße', true), 'STRASSE straße!')).toBe(true);
    expect(test(keywordPattern('東京', true), '東京都')).toBe(false);
    expect(test(keywordPattern('#tag', true), 'x#tag')).toBe(true);
    expect(test(keywordPattern('c++', true), 'c++x')).toBe(true);
    expect(test(keywordPattern('c++', true), 'abc++')).toBe(false);
  });
});

describe('htmlToText', () => {
  it('keeps line structure and decodes entities', () => {
    expect(htmlToText('<p>a &amp; b<br>c</p><p>&lt;d&gt; &#39;e&#x27; &quot;</p>')).toBe('a & b\nc\n\n<d> \'e\' "');
  });
});

describe('matchStatus', () => {
  const rule = (over: Partial<ActiveFilterRule>): ActiveFilterRule => ({
    filter_id: 'F1', title: 'T', context: '["home"]', action: 'warn', expires_at: null, keyword: null, whole_word: null, status_id: null, ...over,
  });
  const status = (content: string, over: Partial<StatusJson> = {}) =>
    ({ id: 'S1', content, spoiler_text: '', media_attachments: [], poll: null, reblog: null, filtered: [], ...over }) as unknown as StatusJson;

  it('reports the keywords that matched, only in the filter contexts', () => {
    const filters = compileFilters([rule({ keyword: 'one', whole_word: 1 }), rule({ keyword: 'two', whole_word: 0 }), rule({ keyword: 'three', whole_word: 1 })]);
    const m = matchStatus(status('<p>one and twofold</p>'), filters, 'home');
    expect(m.hide).toBe(false);
    expect(m.results.map((r) => [r.filter.id, r.keyword_matches, r.status_matches])).toEqual([['F1', ['one', 'two'], null]]);
    expect(matchStatus(status('one'), filters, 'public').results).toEqual([]);
  });

  it('matches a reblog by its original, and hides for a hide filter', () => {
    const filters = compileFilters([rule({ action: 'hide', status_id: 'ORIG' })]);
    const reblog = status('', { id: 'RB', reblog: status('<p>x</p>', { id: 'ORIG' }) });
    expect(matchStatus(reblog, filters, 'home')).toEqual({ hide: true, results: [expect.objectContaining({ keyword_matches: null, status_matches: ['ORIG'] })] });
  });
});
