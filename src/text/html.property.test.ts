// Properties of the HTML building blocks and of the plain-text excerpt, for any input: escaping
// is lossless and leaves no markup, the link, mention and hashtag snippets are allow-listed
// HTML that shows exactly their text, and excerpts are bounded, tag-free and never split a
// character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowListProblems, fragmentText } from '../../test/hostile/html-scan.ts';
import { postText } from '../../test/hostile/text-arbitraries.ts';
import { escapeHtml, hashtagHtml, linkHtml, mentionHtml } from './html.ts';
import { plainExcerpt } from './plain-excerpt.ts';
import { tokenize } from './tokenize.ts';

const hasLoneSurrogate = (s: string) => /\p{Surrogate}/u.test(s);

describe('escapeHtml', () => {
  it('leaves no markup characters and loses nothing', () => {
    fc.assert(
      fc.property(postText, (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(fragmentText(escaped)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('linkHtml, mentionHtml, hashtagHtml', () => {
  it('write allow-listed HTML that shows exactly the link, mention or hashtag found in any text', () => {
    fc.assert(
      fc.property(postText, (text) => {
        for (const t of tokenize(text)) {
          let html: string;
          if (t.kind === 'url') html = linkHtml(t.url);
          else if (t.kind === 'mention') html = mentionHtml(`https://parley.test/@${t.username}`, t.username);
          else if (t.kind === 'hashtag') html = hashtagHtml(`https://parley.test/tags/${encodeURIComponent(t.name)}`, t.name);
          else continue;
          expect(allowListProblems(html), html).toEqual([]);
          expect(fragmentText(html)).toBe(t.kind === 'mention' ? `@${t.username}` : t.text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keep hostile display text and URLs inside their attributes and spans', () => {
    fc.assert(
      fc.property(postText, postText, (display, path) => {
        const url = `https://parley.test/${path}`;
        for (const html of [hashtagHtml(url, display), mentionHtml(url, display), linkHtml(url)]) {
          expect(allowListProblems(html), html).toEqual([]);
        }
        expect(fragmentText(hashtagHtml(url, display))).toBe(`#${display}`);
        expect(fragmentText(linkHtml(url))).toBe(url);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('plainExcerpt', () => {
  const rendered = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br />')}</p>`;

  it('is the text without tags, whitespace collapsed, at most `max` characters, never splitting one', () => {
    fc.assert(
      fc.property(postText, fc.integer({ min: 1, max: 120 }), (text, max) => {
        fc.pre(!hasLoneSurrogate(text));
        const excerpt = plainExcerpt(rendered(text), max);
        const whole = text.replace(/\s+/g, ' ').trim();
        expect([...excerpt].length).toBeLessThanOrEqual(max);
        expect(hasLoneSurrogate(excerpt)).toBe(false);
        if ([...whole].length <= max) expect(excerpt).toBe(whole);
        else {
          expect(excerpt.endsWith('…')).toBe(true);
          expect(whole.startsWith(excerpt.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
