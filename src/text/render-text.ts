// Renders what a person typed into the HTML that Mastodon clients display: paragraphs, line
// breaks, links, @mentions of local accounts and #hashtags. Plain text becomes exactly
// "<p>text</p>", as Mastodon does.
import type { AppContext } from '../context.ts';
import { findLocalAccountsByUsernames } from '../db/repos/accounts.ts';
import type { AccountRow } from '../db/schema.ts';
import { escapeHtml, hashtagHtml, linkHtml, mentionHtml } from './html.ts';
import { normalizeTagName, tokenize, type Token } from './tokenize.ts';

export interface RenderedText {
  html: string;
  /** Local accounts mentioned, in order of first mention. */
  mentions: AccountRow[];
  /** Hashtags used: `name` normalised (lower case), `display` as first typed. */
  tags: { name: string; display: string }[];
}

const MAX_MENTIONS = 50;

function isLocalDomain(ctx: AppContext, domain: string | null): boolean {
  return domain === null || domain === ctx.config.domain || domain === ctx.config.domain.split(':')[0];
}

export async function renderText(ctx: AppContext, text: string, opts: { paragraphs: boolean }): Promise<RenderedText> {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  const tokens = tokenize(trimmed);

  const wanted = [...new Set(tokens.filter((t) => t.kind === 'mention' && isLocalDomain(ctx, t.domain)).map((t) => (t as { username: string }).username.toLowerCase()))].slice(0, MAX_MENTIONS);
  const found = await findLocalAccountsByUsernames(ctx.db, wanted);
  const byName = new Map(found.map((a) => [a.username_lower, a]));

  const mentions: AccountRow[] = [];
  const tags = new Map<string, string>();
  const base = ctx.config.baseUrl;

  const renderToken = (t: Token): string => {
    switch (t.kind) {
      case 'text':
        return escapeHtml(t.text);
      case 'url':
        return linkHtml(t.url);
      case 'mention': {
        const account = isLocalDomain(ctx, t.domain) ? byName.get(t.username.toLowerCase()) : undefined;
        if (!account) return escapeHtml(t.text);
        if (!mentions.includes(account)) mentions.push(account);
        return mentionHtml(`${base}/@${account.username}`, account.username);
      }
      case 'hashtag': {
        const name = normalizeTagName(t.name);
        if (!tags.has(name)) tags.set(name, t.name);
        return hashtagHtml(`${base}/tags/${encodeURIComponent(name)}`, t.name);
      }
    }
  };

  const inline = tokens.map(renderToken).join('');
  let html: string;
  if (!opts.paragraphs) html = inline.replace(/\n/g, '<br />');
  else if (inline === '') html = '';
  else {
    html = inline
      .split(/\n{2,}/)
      .map((p) => `<p>${p.replace(/\n/g, '<br />')}</p>`)
      .join('');
  }
  return { html, mentions, tags: [...tags].map(([name, display]) => ({ name, display })) };
}
