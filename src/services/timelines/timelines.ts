// Timeline reads: one query for the ids of a page; rendering (and the final visibility check)
// is renderStatuses' job.
import type { AppContext } from '../../context.ts';
import { blockRelatedIds, blockedEitherWay } from '../../db/repos/blocks.ts';
import { accountTimelineIds, publicTimelineIds } from '../../db/repos/feeds.ts';
import { whoFollows } from '../../db/repos/follows.ts';
import { findList } from '../../db/repos/lists.ts';
import { mutedIds } from '../../db/repos/mutes.ts';
import type { IdPage } from '../../db/repos/paging.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { homeFeed, listFeed } from '../../timelines/feed-store.ts';
import { feedStoreOf } from '../../timelines/sql-feed-store.ts';
import { loadTargetAccount } from '../relationships/target.ts';

export async function homeTimelineIds(ctx: AppContext, viewer: AccountRow, page: IdPage): Promise<string[]> {
  return feedStoreOf(ctx).page(homeFeed(viewer.id), page);
}

export async function listTimelineIds(ctx: AppContext, viewer: AccountRow, listId: string, page: IdPage): Promise<string[]> {
  const list = await findList(ctx.db, viewer.id, listId);
  if (!list) throw notFound();
  return feedStoreOf(ctx).page(listFeed(list.id), page);
}

async function hiddenFor(ctx: AppContext, viewer: AccountRow | null): Promise<string[]> {
  if (!viewer) return [];
  const blocked = await blockRelatedIds(ctx.db, viewer.id);
  const muted = await mutedIds(ctx.db, viewer.id, ctx.clock.now().toISOString());
  return [...new Set([...blocked, ...muted])];
}

export interface PublicOptions {
  remote: boolean;
  onlyMedia: boolean;
}

/** There is no federation yet: remote-only timelines are empty. */
const emptyByOptions = (o: PublicOptions) => o.remote;

export async function publicTimeline(ctx: AppContext, viewer: AccountRow | null, opts: PublicOptions, page: IdPage): Promise<string[]> {
  if (emptyByOptions(opts)) return [];
  return publicTimelineIds(ctx.db, { excludeAccountIds: await hiddenFor(ctx, viewer), onlyMedia: opts.onlyMedia }, page);
}

export interface TagOptions extends PublicOptions {
  any: string[];
  all: string[];
  none: string[];
}

export const normaliseTag = (name: string) => name.replace(/^#/, '').normalize('NFKC').toLowerCase();

export async function tagTimeline(ctx: AppContext, viewer: AccountRow | null, tag: string, opts: TagOptions, page: IdPage): Promise<string[]> {
  if (emptyByOptions(opts)) return [];
  return publicTimelineIds(
    ctx.db,
    {
      excludeAccountIds: await hiddenFor(ctx, viewer),
      anyTags: [normaliseTag(tag), ...opts.any.map(normaliseTag)],
      allTags: opts.all.map(normaliseTag),
      noneTags: opts.none.map(normaliseTag),
      onlyMedia: opts.onlyMedia,
    },
    page,
  );
}

export interface AccountStatusesOptions {
  onlyMedia: boolean;
  excludeReplies: boolean;
  excludeReblogs: boolean;
  pinned: boolean;
  tagged: string | null;
}

export async function accountStatuses(ctx: AppContext, viewer: AccountRow | null, accountId: string, opts: AccountStatusesOptions, page: IdPage): Promise<string[]> {
  const author = await loadTargetAccount(ctx, accountId);
  const isAuthor = viewer?.id === author.id;
  if (viewer && !isAuthor && (await blockedEitherWay(ctx.db, viewer.id, author.id))) return [];
  let visibilities = ['public', 'unlisted'];
  if (isAuthor) visibilities = ['public', 'unlisted', 'private', 'direct'];
  else if (viewer && (await whoFollows(ctx.db, author.id, [viewer.id])).has(viewer.id)) visibilities = ['public', 'unlisted', 'private'];
  return accountTimelineIds(
    ctx.db,
    {
      accountId: author.id,
      visibilities,
      mentionedViewerId: viewer && !isAuthor ? viewer.id : null,
      excludeReplies: opts.excludeReplies,
      excludeReblogs: opts.excludeReblogs,
      pinnedOnly: opts.pinned,
      tagged: opts.tagged ? normaliseTag(opts.tagged) : null,
      onlyMedia: opts.onlyMedia,
    },
    page,
  );
}
