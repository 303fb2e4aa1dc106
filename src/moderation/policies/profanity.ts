// Profanity and slurs, from obscenity's English word list. obscenity already folds case,
// confusable letters, repeated letters and most leet-speak; this adds what it misses: invisible
// characters, letters spaced out one by one, and a few more leet symbols. The default action
// only adds a content warning: swearing is not against the rules on most servers.
import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { z } from 'zod';
import { foldText, joinSpacedLetters } from '../normalise-text.ts';
import { POLICY_ACTIONS, type ContentPolicy, type PolicyDecision } from '../pipeline.ts';

// Ordinary words and place names that contain a listed word and that obscenity does not already
// exempt (it knows "cocktail", "Scunthorpe", "assassin", "Essex", "class"...).
const EXTRA_ALLOWED = ['cockpit', 'cumin', 'niggardly', 'penistone'];

// Leet symbols obscenity does not resolve. Safe to map everywhere: "C++" becoming "Ctt" matches nothing.
const EXTRA_LEET: [RegExp, string][] = [
  [/\+/g, 't'],
  [/\|</g, 'k'],
];

function listedWords(): Set<string> {
  const words = new Set<string>();
  new DataSet<{ originalWord: string }>().addAll(englishDataset).removePhrasesIf((phrase) => {
    if (phrase.metadata) words.add(phrase.metadata.originalWord);
    return false;
  });
  return words;
}

const LISTED_WORDS = listedWords();

export const profanityOptionsSchema = z.strictObject({
  action: z.enum(POLICY_ACTIONS).default('sensitive'),
  /** Words or phrases never flagged, e.g. a name: "dick van dyke". */
  allow: z.array(z.string().trim().min(1)).default([]),
  /** Listed words this server does not mind, e.g. "sex" on a health forum. */
  ignore_words: z
    .array(z.string().trim().toLowerCase())
    .default([])
    .superRefine((words, ctx) => {
      for (const word of words) {
        if (!LISTED_WORDS.has(word)) ctx.addIssue({ code: 'custom', message: `"${word}" is not in the word list (known: ${[...LISTED_WORDS].join(', ')})` });
      }
    }),
});
export type ProfanityOptions = z.infer<typeof profanityOptionsSchema>;

/** The listed words a text contains, after undoing the usual disguises. */
export type ProfanityFinder = (text: string) => string[];

export function createProfanityFinder(options: Pick<ProfanityOptions, 'allow' | 'ignore_words'>): ProfanityFinder {
  const ignored = new Set(options.ignore_words);
  const dataset = new DataSet<{ originalWord: string }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => ignored.has(phrase.metadata?.originalWord ?? ''));
  const built = dataset.build();
  const matcher = new RegExpMatcher({
    ...built,
    whitelistedTerms: [...(built.whitelistedTerms ?? []), ...EXTRA_ALLOWED, ...options.allow.map((term) => term.toLowerCase())],
    ...englishRecommendedTransformers,
  });
  return (text) => {
    const folded = foldText(text);
    const unleet = EXTRA_LEET.reduce((t, [symbol, letter]) => t.replace(symbol, letter), folded);
    const found = new Set<string>();
    // The text as written and the text with spaced-out letters joined: joining could, rarely,
    // glue a word to its neighbours in a way that hides it.
    for (const variant of new Set([folded, joinSpacedLetters(unleet)])) {
      for (const match of matcher.getAllMatches(variant)) {
        const word = dataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
        if (word) found.add(word);
      }
    }
    return [...found];
  };
}

export function createProfanityPolicy(options: ProfanityOptions, name = 'profanity'): ContentPolicy {
  const find = createProfanityFinder(options);
  return {
    name,
    needs: [],
    async check(subject): Promise<PolicyDecision> {
      const words = find(subject.text);
      if (words.length === 0) return { action: 'accept' };
      return { action: options.action, reason: `contains words this server flags: ${words.join(', ')}`, score: words.length };
    },
  };
}
