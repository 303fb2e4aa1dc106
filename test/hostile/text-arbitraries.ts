// fast-check arbitraries for post text, shared by the property tests beside src/text/: any
// Unicode (lone surrogate halves included), and text assembled from the pieces the parsers
// react to (@, #, http://, <, &, quotes, parentheses, line breaks, local and remote mentions).
import fc from 'fast-check';

/** Pieces the tokenizer and renderer treat specially, plus ordinary words. */
export const PIECES = [
  '@', '#', '@alice', '@bob', '@Alice', '@alice@parley.test', '@alice@parley.test_admin', '@bob@PARLEY.test', '@bob@far.example', '@nobody', '#tag', '#Tag', '#123', '#a_b', '#日本語', '#·', '#\u200C',
  'http://', 'https://', 'https://example.com', 'http://a.b/c?d=e&f=g#h', 'https://en.wikipedia.org/wiki/Foo_(bar)', 'HTTPS://EXAMPLE.COM',
  'javascript:alert(1)', 'www.example.com', 'example.com', 'a@b.c', '<', '>', '&', '&amp;', '&lt;', '"', "'", '(', ')', '.', ',', '!', '?', ':', ';', '/',
  '_', '-', ' ', '  ', '\n', '\n\n', '\n\n\n', '\r\n', '\t', '\u00A0', 'é', 'e\u0301', '日本', '😀', '\u202E', '<script>alert(1)</script>', '<b>', '</p>',
  'word', 'a', '1',
] as const;

/** Any string of code points, including lone surrogate halves (which JSON and JS allow). */
export const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 });

/** Text built from the special pieces, mixed with arbitrary strings. */
export const pieceText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));

/** What people (and attackers) type: any of the above. */
export const postText = fc.oneof(pieceText, pieceText, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), anyUtf16);

/** Patterns that make backtracking or quadratic parsers slow when repeated thousands of times. */
export const ADVERSARIAL_PIECES = ['@a@', '@a', '#_', '#a ', '@a ', 'http://a', 'https://', ')', '(', 'a.', 'a-', '@', '#', '#1', '://', '\u200C', '·', ' ', '\n', '<', '&', 'a'] as const;

export interface AdversarialText {
  text: string;
  /** How it was made, e.g. '("@a@" + "#_") x 5000 + "!"': what a failure prints instead of the text. */
  recipe: string;
}

/** A start, then 1,000 to 10,000 repetitions of two such patterns: up to about 160,000 characters. */
export const adversarialText = fc
  .tuple(
    fc.constantFrom('', 'http://a', '@a', '#a', '@a@b'),
    // Half the time one pattern twice: the classic worst cases are a single repeated pattern.
    fc.oneof(fc.constantFrom(...ADVERSARIAL_PIECES).map((p) => [p, p] as const), fc.tuple(fc.constantFrom(...ADVERSARIAL_PIECES), fc.constantFrom(...ADVERSARIAL_PIECES))),
    fc.integer({ min: 1000, max: 10_000 }),
    fc.constantFrom('', '!', 'x', ')'),
  )
  .map(([start, [a, b], n, end]): AdversarialText => {
    const recipe = `${JSON.stringify(start)} + (${JSON.stringify(a)} + ${JSON.stringify(b)}) x ${n} + ${JSON.stringify(end)}`;
    return { text: `${start}${(a + b).repeat(n)}${end}`, recipe, [fc.toStringMethod]: () => recipe } as AdversarialText;
  });
