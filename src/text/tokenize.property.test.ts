// Properties of the tokenizer (links, mentions, hashtags) and of the length count built on it,
// for any text: nothing lost or invented, every token well-formed, each token read alone reads
// the same, and no input, however adversarial, makes it slow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialText, postText } from '../../test/hostile/text-arbitraries.ts';
import { statusLength, URL_LENGTH } from './status-length.ts';
import { normalizeTagName, tokenize, type Token } from './tokenize.ts';

/**
 * CPU time of this process spent in `run`, in milliseconds. Not wall time: on a loaded test
 * machine a run may wait for a core, which says nothing about the parser. A run that comes out
 * slow is measured again once, so a garbage collection or JIT compile is not taken for it.
 */
function cpuMs(run: () => void): number {
  const once = () => {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const first = once();
  // (A pause is never seconds: a result that slow stands without a second, equally slow run.)
  return first < 200 || first > 1000 ? first : Math.min(first, once());
}

const USERNAME = /^[a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?$/i;

/** Problems with one token, as text (empty when it is well-formed). */
function tokenProblems(t: Token): string[] {
  switch (t.kind) {
    case 'text':
      return t.text === '' ? ['empty text token'] : [];
    case 'url': {
      const problems: string[] = [];
      if (t.text !== t.url) problems.push('url text differs from url');
      if (!/^https?:\/\//i.test(t.url)) problems.push(`not http(s): ${t.url}`);
      if (/[\s<>"'\u00A0]/.test(t.url)) problems.push(`whitespace, quote or angle bracket inside: ${t.url}`);
      if (/[.,;:!?'"*]$/.test(t.url)) problems.push(`trailing punctuation kept: ${t.url}`);
      if (!URL.canParse(t.url)) problems.push(`not a URL: ${t.url}`);
      return problems;
    }
    case 'mention': {
      const problems: string[] = [];
      if (!USERNAME.test(t.username)) problems.push(`bad username ${t.username}`);
      if (t.text.toLowerCase() !== `@${t.username}${t.domain === null ? '' : `@${t.domain}`}`.toLowerCase()) problems.push(`text ${t.text} is not @username[@domain]`);
      if (t.domain !== null && t.domain !== t.domain.toLowerCase()) problems.push('domain not lower-cased');
      return problems;
    }
    case 'hashtag': {
      const problems: string[] = [];
      if (t.text !== `#${t.name}`) problems.push(`text ${t.text} is not #name`);
      if (t.name.length > 100) problems.push('name longer than 100');
      if (!/[\p{L}_\u00B7]/u.test(t.name)) problems.push(`all-digit name ${t.name}`);
      if (t.name.includes('#')) problems.push('name contains #');
      return problems;
    }
  }
}

describe('tokenize', () => {
  it('loses and invents nothing: the tokens spell the input exactly', () => {
    fc.assert(
      fc.property(postText, (text) => {
        expect(tokenize(text).map((t) => t.text).join('')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('yields only well-formed tokens, with no two plain runs side by side', () => {
    fc.assert(
      fc.property(postText, (text) => {
        const tokens = tokenize(text);
        expect(tokens.flatMap(tokenProblems)).toEqual([]);
        tokens.forEach((t, i) => {
          if (i > 0 && t.kind === 'text') expect(tokens[i - 1]!.kind).not.toBe('text');
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every link, mention and hashtag the same when it stands alone (round trip)', () => {
    fc.assert(
      fc.property(postText, (text) => {
        for (const t of tokenize(text).filter((x) => x.kind !== 'text')) expect(tokenize(t.text)).toEqual([t]);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds any http(s) URL standing between spaces, whole', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }), (url) => {
        const trimmed = url.replace(/[.,;:!?'"*]+$/, '');
        // Quotes and angle brackets end a link by design (text like 'https://x' or <https://x>).
        fc.pre(trimmed === url && !/[()'"<>]/.test(url) && URL.canParse(url));
        expect(tokenize(`see ${url} now`).filter((t) => t.kind === 'url')).toEqual([{ kind: 'url', text: url, url }]);
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast on 1,000 to 10,000 repetitions of patterns that trouble regular expressions', () => {
    fc.assert(
      fc.property(adversarialText, ({ text, recipe }) => {
        const ms = cpuMs(() => {
          expect(tokenize(text).length).toBeLessThanOrEqual(text.length);
          statusLength(text);
        });
        // Generous on purpose: linear work here is a few milliseconds, a quadratic pass seconds.
        expect(ms, `${ms.toFixed(0)} ms of CPU for ${recipe}`).toBeLessThan(200);
      }),
      { numRuns: 300 },
    );
  });
});

describe('statusLength', () => {
  it('counts plain text by code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        fc.pre(tokenize(text).every((t) => t.kind === 'text' || t.kind === 'hashtag'));
        expect(statusLength(text)).toBe([...text].length);
      }),
      { numRuns: 1000 },
    );
  });

  it(`counts any link as ${URL_LENGTH} characters, whatever its length`, () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'] }), (url) => {
        fc.pre(tokenize(url).length === 1 && tokenize(url)[0]!.kind === 'url');
        expect(statusLength(`a ${url} b`)).toBe(4 + URL_LENGTH);
      }),
      { numRuns: 500 },
    );
  });

  it('is never negative and never more than the code points plus 23 per link', () => {
    fc.assert(
      fc.property(postText, (text) => {
        const n = statusLength(text);
        const links = tokenize(text).filter((t) => t.kind === 'url').length;
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual([...text].length + URL_LENGTH * links);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalizeTagName', () => {
  it('is idempotent, so a tag looked up by its normal name finds itself', () => {
    fc.assert(
      fc.property(postText, (text) => {
        for (const t of tokenize(text)) {
          if (t.kind !== 'hashtag') continue;
          const once = normalizeTagName(t.name);
          expect(normalizeTagName(once)).toBe(once);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
