// Text clean-up shared by the word-based policies, so the usual evasions (invisible characters,
// full-width letters, letters spaced out one by one) do not get past them.

// Zero-width spaces and joiners, soft hyphens, bidi controls: invisible, and they split words.
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** NFKC folds full-width and styled letters (ｆｕｃｋ, 𝐟𝐮𝐜𝐤) to plain ones; invisible characters go. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(FORMAT_CHARACTERS, '');
}

// Three or more single characters separated by short gaps: "f u c k", "f.u.c.k", "s-h-i-t". Letters, digits and the symbols used as leet letters count as characters.
// Real words are rarely spelled out like this; initialisms ("U.S.A.") just become a word.
const SPACED_OUT = /(?<![\p{L}\p{N}])[\p{L}\p{N}$@!*+](?:[\s._\-~·,/\\]{1,3}[\p{L}\p{N}$@!*+](?![\p{L}\p{N}])){2,}/gu;
const GAPS = /[\s._\-~·,/\\]+/gu;

/** Joins letters written one at a time into the word they spell. */
export function joinSpacedLetters(text: string): string {
  return text.replace(SPACED_OUT, (run) => run.replace(GAPS, ''));
}
