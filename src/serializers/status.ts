// Mastodon 4.5's Status entity. Built in two layers so the viewer-independent part can be cached:
// serializeStatusBase (same for everyone) and withViewer (favourited, quote state, poll votes...).
import type { Config } from '../config.ts';
import type { AccountRow, StatusRow } from '../db/schema.ts';
import type { AccountJson } from './account.ts';
import type { ApplicationJson } from './application.ts';
import type { PollJson } from './poll.ts';
import type { StatusTagJson } from './tag.ts';
import type { MediaAttachmentJson, StatusMentionJson, QuoteApprovalJson, QuoteJson, ShallowQuoteJson, StatusJson } from '../../api/entities.ts';
export type { StatusMentionJson, QuoteApprovalJson, QuoteJson, ShallowQuoteJson, StatusJson };

/** The viewer-independent fields; `reblog`, `quote` and the viewer keys are filled in by withViewer. */
export type StatusBaseJson = Omit<StatusJson, 'reblog' | 'quote' | 'quote_approval' | 'poll'> & {
  quote_approval: Omit<QuoteApprovalJson, 'current_user'>;
};

export function statusUrls(config: Config, status: Pick<StatusRow, 'id' | 'reblog_of_id'>, username: string): { uri: string; url: string } {
  const uri = `${config.baseUrl}/users/${username}/statuses/${status.id}`;
  return { uri: status.reblog_of_id ? `${uri}/activity` : uri, url: `${config.baseUrl}/@${username}/${status.id}` };
}

export function serializeMention(config: Config, a: Pick<AccountRow, 'id' | 'username' | 'domain'>): StatusMentionJson {
  return { id: a.id, username: a.username, url: `${config.baseUrl}/@${a.username}`, acct: a.domain ? `${a.username}@${a.domain}` : a.username };
}

export function serializeStatusBase(
  config: Config,
  s: StatusRow,
  parts: { account: AccountJson; media: MediaAttachmentJson[]; mentions: StatusMentionJson[]; tags: StatusTagJson[]; quoteAutomatic: string[]; mediaForcedSensitive?: boolean },
): StatusBaseJson {
  const { uri, url } = statusUrls(config, s, parts.account.username);
  const reblog = s.reblog_of_id !== null;
  return {
    id: s.id,
    created_at: s.created_at,
    in_reply_to_id: s.in_reply_to_id,
    in_reply_to_account_id: s.in_reply_to_account_id,
    // A moderator may have marked all of an author's media sensitive.
    sensitive: s.sensitive === 1 || (parts.mediaForcedSensitive === true && parts.media.length > 0),
    spoiler_text: s.spoiler_text,
    visibility: s.visibility,
    language: s.language,
    uri,
    url,
    replies_count: s.replies_count,
    reblogs_count: s.reblogs_count,
    favourites_count: s.favourites_count,
    quotes_count: s.quotes_count,
    edited_at: s.edited_at,
    content: reblog ? '' : s.content_html,
    account: parts.account,
    media_attachments: parts.media,
    mentions: parts.mentions,
    tags: parts.tags,
    emojis: [],
    quote_approval: { automatic: parts.quoteAutomatic, manual: [] },
    card: null,
  };
}

export interface ViewerOverlay {
  favourited: boolean;
  reblogged: boolean;
  muted: boolean;
  bookmarked: boolean;
  /** undefined when the status is not the viewer's own (Mastodon then omits the key). */
  pinned: boolean | undefined;
  /** Shown to the author only; undefined omits the key. */
  application: ApplicationJson | null | undefined;
}

/** Puts the pieces together in Mastodon's key order; `overlay` null means an anonymous viewer. */
export function assembleStatus(
  base: StatusBaseJson,
  parts: { reblog: StatusJson | null; quote: QuoteJson | ShallowQuoteJson | null; currentUser: QuoteApprovalJson['current_user']; poll: PollJson | null },
  overlay: ViewerOverlay | null,
): StatusJson {
  const { account, media_attachments, mentions, tags, emojis, quote_approval, card, content, ...head } = base;
  const json: StatusJson = { ...head } as StatusJson;
  if (overlay) {
    json.favourited = overlay.favourited;
    json.reblogged = overlay.reblogged;
    json.muted = overlay.muted;
    json.bookmarked = overlay.bookmarked;
    if (overlay.pinned !== undefined) json.pinned = overlay.pinned;
  }
  json.content = content;
  if (overlay) json.filtered = [];
  json.reblog = parts.reblog;
  if (overlay && overlay.application !== undefined) json.application = overlay.application;
  Object.assign(json, { account, media_attachments, mentions, tags, emojis });
  json.quote = parts.quote;
  json.quote_approval = { ...quote_approval, current_user: parts.currentUser };
  json.card = card;
  json.poll = parts.poll;
  return json;
}
