// Characters a post uses the way Mastodon counts them: every URL counts as a fixed number of
// characters, and a remote mention counts only its local part (@user, not @user@domain).
const URL_RE = /(^|[^\p{L}\p{N}/])(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}])/giu;
const REMOTE_MENTION_RE = /(^|[^\p{L}\p{N}_])@([a-z0-9_]+)@[a-z0-9.-]+\.[a-z]{2,}/giu;

export function countCharacters(text: string, urlLength = 23): number {
  const placeholder = 'x'.repeat(urlLength);
  const replaced = text
    .replace(URL_RE, (_m, lead: string) => lead + placeholder)
    .replace(REMOTE_MENTION_RE, (_m, lead: string, user: string) => `${lead}@${user}`);
  // Count user-perceived characters (an emoji with modifiers is one).
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(replaced)].length;
}

export function charactersLeft(text: string, spoiler: string, max: number, urlLength = 23): number {
  return max - countCharacters(text, urlLength) - countCharacters(spoiler, urlLength);
}
