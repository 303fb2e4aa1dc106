// The ActivityStreams documents of an account archive, shaped like Mastodon's (its
// ActorSerializer and NoteSerializer, as BackupService writes them): the Person with its images
// as files inside the archive, and for every post a Create of its Note (a Question for polls),
// or an Announce for a boost. Attachments point at their files inside the archive. Pure: the
// data is loaded in bulk by outbox.ts.
import type { Config } from '../../config.ts';
import type { MediaMetaJson } from '../../../api/entities.ts';
import type { AccountRow, MediaAttachmentRow, PollRow, StatusRow } from '../../db/schema.ts';
import { accountUrl, parseFields } from '../../serializers/account.ts';
import { pollOptions } from '../../serializers/poll.ts';
import { statusUrls } from '../../serializers/status.ts';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';

export const AS_CONTEXT = [
  'https://www.w3.org/ns/activitystreams',
  {
    toot: 'http://joinmastodon.org/ns#',
    schema: 'http://schema.org#',
    manuallyApprovesFollowers: 'as:manuallyApprovesFollowers',
    sensitive: 'as:sensitive',
    Hashtag: 'as:Hashtag',
    discoverable: 'toot:discoverable',
    indexable: 'toot:indexable',
    blurhash: 'toot:blurhash',
    focalPoint: { '@container': '@list', '@id': 'toot:focalPoint' },
    votersCount: 'toot:votersCount',
    PropertyValue: 'schema:PropertyValue',
    value: 'schema:value',
    quote: 'https://w3id.org/fep/044f#quote',
  },
];

export const actorUri = (config: Config, username: string) => `${config.baseUrl}/users/${username}`;

/** Where an attached file is inside the archive (Mastodon: its storage path without /system/). */
export const mediaPathInArchive = (key: string) => `media_attachments/files/${key}`;

export interface ArchiveImages {
  /** File names inside the archive, e.g. avatar.webp, with their media types. */
  avatar?: { path: string; mediaType: string };
  header?: { path: string; mediaType: string };
}

export function actorDocument(config: Config, account: AccountRow, images: ArchiveImages): Record<string, unknown> {
  const id = actorUri(config, account.username);
  const image = (f: { path: string; mediaType: string } | undefined) => (f ? { type: 'Image', mediaType: f.mediaType, url: f.path } : undefined);
  return {
    '@context': AS_CONTEXT,
    id,
    type: account.bot ? 'Service' : 'Person',
    following: `${id}/following`,
    followers: `${id}/followers`,
    inbox: `${id}/inbox`,
    outbox: 'outbox.json',
    featured: `${id}/collections/featured`,
    likes: 'likes.json',
    bookmarks: 'bookmarks.json',
    preferredUsername: account.username,
    name: account.display_name,
    summary: account.note_html,
    url: accountUrl(config, account.username),
    manuallyApprovesFollowers: account.locked === 1,
    discoverable: account.discoverable === 1,
    indexable: account.indexable === 1,
    published: account.created_at,
    attachment: parseFields(account.fields).map((f) => ({ type: 'PropertyValue', name: f.name, value: f.value_html ?? f.value })),
    tag: [],
    ...(image(images.avatar) ? { icon: image(images.avatar) } : {}),
    ...(image(images.header) ? { image: image(images.header) } : {}),
  };
}

/** Everything about one post that its activity names, loaded in bulk for a page of posts. */
export interface ArchivePost {
  status: StatusRow;
  /** URIs of the post replied to, quoted, or (for a boost) boosted; null when it is gone. */
  inReplyTo: string | null;
  quote: string | null;
  reblogOf: string | null;
  mentions: { username: string; domain: string | null }[];
  tags: string[];
  attachments: MediaAttachmentRow[];
  poll: { row: PollRow; tally: ReadonlyMap<number, number> } | null;
}

/** Mastodon's addressing: who a post of each visibility is sent to and copied to. */
function audience(config: Config, author: string, visibility: string, mentioned: string[]): { to: string[]; cc: string[] } {
  const followers = `${actorUri(config, author)}/followers`;
  switch (visibility) {
    case 'public':
      return { to: [PUBLIC], cc: [followers, ...mentioned] };
    case 'unlisted':
      return { to: [followers], cc: [PUBLIC, ...mentioned] };
    case 'private':
      return { to: [followers, ...mentioned], cc: [] };
    default:
      return { to: mentioned, cc: [] };
  }
}

function attachmentObject(m: MediaAttachmentRow, mediaType: string): Record<string, unknown> {
  const meta = m.meta ? (JSON.parse(m.meta) as MediaMetaJson) : null;
  const size = meta?.original ?? meta;
  return {
    type: 'Document',
    mediaType,
    url: mediaPathInArchive(m.file_key!),
    name: m.description,
    blurhash: m.blurhash,
    ...(m.focus_x !== null && m.focus_y !== null ? { focalPoint: [m.focus_x, m.focus_y] } : {}),
    ...(size?.width ? { width: size.width } : {}),
    ...(size?.height ? { height: size.height } : {}),
  };
}

/** One item of outbox.json (without @context, as in Mastodon's archive). */
export function outboxItem(config: Config, author: AccountRow, post: ArchivePost, mediaTypeOf: (key: string) => string): Record<string, unknown> {
  const s = post.status;
  const actor = actorUri(config, author.username);
  const { uri, url } = statusUrls(config, s, author.username);
  const mentioned = post.mentions.map((m) => (m.domain ? `https://${m.domain}/users/${m.username}` : actorUri(config, m.username)));
  const { to, cc } = audience(config, author.username, s.visibility, mentioned);
  if (s.reblog_of_id) {
    return { id: uri, type: 'Announce', actor, published: s.created_at, to, cc, object: post.reblogOf };
  }
  const poll = post.poll;
  const note: Record<string, unknown> = {
    id: uri,
    type: poll ? 'Question' : 'Note',
    summary: s.spoiler_text || null,
    inReplyTo: post.inReplyTo,
    published: s.created_at,
    ...(s.edited_at ? { updated: s.edited_at } : {}),
    url,
    attributedTo: actor,
    to,
    cc,
    sensitive: s.sensitive === 1,
    content: s.content_html,
    ...(s.language ? { contentMap: { [s.language]: s.content_html } } : {}),
    ...(post.quote ? { quote: post.quote } : {}),
    attachment: post.attachments.filter((m) => m.file_key).map((m) => attachmentObject(m, mediaTypeOf(m.file_key!))),
    tag: [
      ...post.mentions.map((m, i) => ({ type: 'Mention', href: mentioned[i], name: `@${m.username}${m.domain ? `@${m.domain}` : ''}` })),
      ...post.tags.map((t) => ({ type: 'Hashtag', href: `${config.baseUrl}/tags/${encodeURIComponent(t.toLowerCase())}`, name: `#${t}` })),
    ],
  };
  if (poll) {
    const options = pollOptions(poll.row).map((name, i) => ({ type: 'Note', name, replies: { type: 'Collection', totalItems: poll.tally.get(i) ?? 0 } }));
    note[poll.row.multiple ? 'anyOf' : 'oneOf'] = options;
    note.votersCount = poll.row.voters_count;
    if (poll.row.expires_at) note.endTime = poll.row.expires_at;
  }
  return { id: `${uri}/activity`, type: 'Create', actor, published: s.created_at, to, cc, object: note };
}
