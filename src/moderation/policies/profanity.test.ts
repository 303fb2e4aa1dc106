import { describe, expect, it } from 'vitest';
import { context, subject } from '../test-subject.ts';
import { createProfanityFinder, createProfanityPolicy, profanityOptionsSchema } from './profanity.ts';

const find = createProfanityFinder(profanityOptionsSchema.parse({}));

describe('profanity policy', () => {
  it.each([
    ['plain', 'what the fuck', 'fuck'],
    ['capitals', 'WHAT THE FUCK', 'fuck'],
    ['spaced out', 'f u c k this', 'fuck'],
    ['dotted', 'f.u.c.k', 'fuck'],
    ['dashed', 's-h-i-t happens', 'shit'],
    ['leet digits', 'sh1t', 'shit'],
    ['asterisk', 'f*ck off', 'fuck'],
    ['dollar', '$hit', 'shit'],
    ['plus as t', 'sh!+', 'shit'],
    ['|< as k', 'fuc|<', 'fuck'],
    ['zero-width space', 'f\u200buck', 'fuck'],
    ['soft hyphen', 'bi\u00adtch', 'bitch'],
    ['full-width', 'ｆｕｃｋ', 'fuck'],
    ['stretched', 'shiiiiit', 'shit'],
  ])('catches %s: %j', (_label, text, word) => {
    expect(find(text)).toContain(word);
  });

  it.each(['Scunthorpe', 'assassin', 'cocktail', 'Essex and Sussex', 'a class act', 'cockpit', 'cumin', 'Penistone', 'analysis', 'therapist', 'grapefruit', 'Dickens', 'C++ is fine', 'I a m a t a b l e', 'U.S.A. and e.g.'])(
    'leaves %j alone',
    (text) => {
      expect(find(text)).toEqual([]);
    },
  );

  it('flags "Dick Van Dyke" by default, since "dick" alone cannot be told from a name, and allows it when configured', () => {
    expect(find('Dick Van Dyke')).toEqual(['dick']);
    const allowing = createProfanityFinder(profanityOptionsSchema.parse({ allow: ['Dick Van Dyke'] }));
    expect(allowing('I love Dick Van Dyke films')).toEqual([]);
    expect(allowing('what a dick')).toEqual(['dick']);
  });

  it('can ignore listed words a server does not mind', () => {
    const relaxed = createProfanityFinder(profanityOptionsSchema.parse({ ignore_words: ['Sex'] }));
    expect(find('sex education')).toEqual(['sex']);
    expect(relaxed('sex education')).toEqual([]);
    expect(relaxed('oh shit')).toEqual(['shit']);
  });

  it('refuses ignore_words that are not in the list, and unknown options', () => {
    const unknownWord = profanityOptionsSchema.safeParse({ ignore_words: ['darn'] });
    expect(unknownWord.error?.issues[0]?.message).toContain('"darn" is not in the word list');
    expect(profanityOptionsSchema.safeParse({ acton: 'reject' }).success).toBe(false);
  });

  it('marks sensitive by default, with the words in the reason; the action is configurable', async () => {
    const sensitive = createProfanityPolicy(profanityOptionsSchema.parse({}));
    expect(await sensitive.check(subject({ text: 'oh sh1t' }), context())).toEqual({ action: 'sensitive', reason: 'contains words this server flags: shit', score: 1 });
    expect((await sensitive.check(subject({ text: 'a lovely cocktail in Scunthorpe' }), context())).action).toBe('accept');
    const rejecting = createProfanityPolicy(profanityOptionsSchema.parse({ action: 'reject' }));
    expect((await rejecting.check(subject({ text: 'f u c k' }), context())).action).toBe('reject');
  });
});
