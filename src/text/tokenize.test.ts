import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';
import { statusLength } from './status-length.ts';

const kinds = (text: string) => tokenize(text).filter((t) => t.kind !== 'text');

describe('tokenize', () => {
  it('finds links, mentions and hashtags in order', () => {
    expect(kinds('hi @alice see https://example.com/a?b=1. #Fun')).toEqual([
      { kind: 'mention', text: '@alice', username: 'alice', domain: null },
      { kind: 'url', text: 'https://example.com/a?b=1', url: 'https://example.com/a?b=1' },
      { kind: 'hashtag', text: '#Fun', name: 'Fun' },
    ]);
  });
  it('reads remote mentions and leaves e-mail addresses alone', () => {
    expect(kinds('@bob@Other.Example hi')).toEqual([{ kind: 'mention', text: '@bob@Other.Example', username: 'bob', domain: 'other.example' }]);
    expect(kinds('mail me at carol@example.com')).toEqual([]);
  });
  it('does not take a URL fragment or an all-digit word for a hashtag', () => {
    expect(kinds('https://example.com/#anchor and #123 but #abc123 and #日本語')).toEqual([
      { kind: 'url', text: 'https://example.com/#anchor', url: 'https://example.com/#anchor' },
      { kind: 'hashtag', text: '#abc123', name: 'abc123' },
      { kind: 'hashtag', text: '#日本語', name: '日本語' },
    ]);
  });
  it('keeps balanced parentheses in URLs and drops an unbalanced closing one', () => {
    expect(kinds('(see https://en.wikipedia.org/wiki/Foo_(bar))')[0]).toMatchObject({ url: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });
});

describe('statusLength', () => {
  it('counts URLs as 23 characters and remote mentions by username', () => {
    expect(statusLength('hello')).toBe(5);
    expect(statusLength('https://example.com/a-very-long-path-that-goes-on-and-on')).toBe(23);
    expect(statusLength('@bob@far.example')).toBe(4);
    expect(statusLength('😀😀')).toBe(2);
  });
});
