// The length of a post as Mastodon counts it: every URL counts as 23 characters and a mention
// of a remote account counts only its @username part. Characters are Unicode code points.
import { tokenize } from './tokenize.ts';

export const URL_LENGTH = 23;

export function statusLength(text: string): number {
  let n = 0;
  for (const t of tokenize(text)) {
    if (t.kind === 'url') n += URL_LENGTH;
    else if (t.kind === 'mention') n += [...`@${t.username}`].length;
    else n += [...t.text].length;
  }
  return n;
}
