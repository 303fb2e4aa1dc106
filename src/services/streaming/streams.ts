// Mastodon stream names (user, public:local, hashtag + tag, list + list id...) resolved to the
// event-bus channels of src/infra/streams.ts, after checking the viewer may use them.
import type { AppContext } from '../../context.ts';
import { findList } from '../../db/repos/lists.ts';
import type { AccountRow } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { channel } from '../../infra/streams.ts';

export const STREAM_NAMES = [
  'user',
  'user:notification',
  'public',
  'public:media',
  'public:local',
  'public:local:media',
  'public:remote',
  'public:remote:media',
  'hashtag',
  'hashtag:local',
  'list',
  'direct',
] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

export interface StreamSpec {
  name: StreamName;
  /** What messages carry in `stream`: ["hashtag", "cats"], ["list", "<id>"], ["user"]. */
  label: string[];
  /** Identifies the subscription for unsubscribe. */
  key: string;
  channels: string[];
  /** Only these events pass (all when undefined). */
  events?: ReadonlySet<string>;
  mediaOnly: boolean;
  /** Any one of these scopes lets the token read the stream. */
  scopes: readonly string[];
}

export const isStreamName = (s: unknown): s is StreamName => typeof s === 'string' && (STREAM_NAMES as readonly string[]).includes(s);

const STATUS_SCOPES = ['read', 'read:statuses'];
const NOTIFICATION_SCOPES = ['read', 'read:notifications'];

export async function resolveStream(ctx: AppContext, viewer: AccountRow, name: string, params: { tag?: unknown; list?: unknown }): Promise<StreamSpec> {
  if (!isStreamName(name)) throw new AppError(400, 'Unknown stream type');
  const base = { name, mediaOnly: name.endsWith(':media'), scopes: STATUS_SCOPES };
  switch (name) {
    case 'user':
      return { ...base, label: ['user'], key: name, channels: [channel.user(viewer.id)] };
    case 'user:notification':
      return { ...base, label: [name], key: name, channels: [channel.user(viewer.id)], events: new Set(['notification']), scopes: NOTIFICATION_SCOPES };
    case 'public':
    case 'public:media':
      return { ...base, label: [name], key: name, channels: [channel.public()] };
    case 'public:local':
    case 'public:local:media':
      return { ...base, label: [name], key: name, channels: [channel.publicLocal()] };
    case 'public:remote':
    case 'public:remote:media':
      // No remote posts exist before federation: a valid stream that stays quiet.
      return { ...base, label: [name], key: name, channels: [] };
    case 'hashtag':
    case 'hashtag:local': {
      const tag = typeof params.tag === 'string' ? params.tag.trim().replace(/^#/, '') : '';
      if (!tag) throw new AppError(400, 'No tag for stream provided');
      const ch = name === 'hashtag' ? channel.hashtag(tag) : channel.hashtagLocal(tag);
      return { ...base, label: [name, tag], key: `${name}:${tag.toLowerCase()}`, channels: [ch] };
    }
    case 'list': {
      const listId = typeof params.list === 'string' ? params.list : '';
      // Someone else's list is reported like a missing one.
      if (!listId || !(await findList(ctx.db, viewer.id, listId))) throw new AppError(404, 'List not found');
      return { ...base, label: ['list', listId], key: `list:${listId}`, channels: [channel.list(listId)] };
    }
    case 'direct':
      return { ...base, label: ['direct'], key: name, channels: [channel.direct(viewer.id)] };
  }
}
