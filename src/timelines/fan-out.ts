// Fan-out on write: put a new status into every feed that should show it, create the
// notifications it causes, maintain direct conversations, and publish stream events.
// Everything here is idempotent (feed inserts and notifications de-duplicate), so a retried
// job does no harm beyond repeating stream events.
import type { AppContext } from '../context.ts';
import { findAccountById } from '../db/repos/accounts.ts';
import { receiversBlockingEitherWay } from '../db/repos/blocks.ts';
import { feedsContaining, mentionRowsOf, tagsOfStatus } from '../db/repos/feeds.ts';
import { followersBatch, whoFollows, type FollowRow } from '../db/repos/follows.ts';
import { listMemberIds, listsWithMember } from '../db/repos/lists.ts';
import { receiversMuting } from '../db/repos/mutes.ts';
import { tagFollowerIds } from '../db/repos/tag-follows.ts';
import type { ListRow, StatusRow } from '../db/schema.ts';
import { channel } from '../infra/streams.ts';
import { createNotification } from '../services/notifications/create-notification.ts';
import { updateConversations } from './conversations.ts';
import { homeFeed, listFeed } from './feed-store.ts';
import { feedStoreOf } from './sql-feed-store.ts';
import { findStatusById } from '../db/repos/statuses.ts';

const BATCH = 500;

interface Subject {
  status: StatusRow;
  /** The status whose content is shown: the original for a reblog. */
  shown: StatusRow;
  mentionIds: string[];
  /** Accounts whose blocking or muting keeps the status out of a feed. */
  guardIds: string[];
  isReplyToOther: boolean;
}

async function loadSubject(ctx: AppContext, statusId: string): Promise<Subject | null> {
  const status = await findStatusById(ctx.db, statusId);
  if (!status) return null;
  const shown = status.reblog_of_id ? await findStatusById(ctx.db, status.reblog_of_id) : status;
  if (!shown) return null;
  const mentions = await mentionRowsOf(ctx.db, shown.id);
  const mentionIds = mentions.map((m) => m.account_id);
  return {
    status,
    shown,
    mentionIds,
    guardIds: [...new Set([status.account_id, shown.account_id, ...mentionIds])],
    isReplyToOther: shown.in_reply_to_account_id !== null && shown.in_reply_to_account_id !== shown.account_id,
  };
}

/** Receivers among `ids` that pass the home-feed filters (blocks, mutes, replies). */
async function passHomeFilters(ctx: AppContext, sub: Subject, ids: string[]): Promise<string[]> {
  const now = ctx.clock.now().toISOString();
  const blocked = await receiversBlockingEitherWay(ctx.db, ids, sub.guardIds);
  const muted = await receiversMuting(ctx.db, ids, sub.guardIds, now);
  let out = ids.filter((id) => !blocked.has(id) && !muted.has(id));
  if (sub.isReplyToOther) {
    // Like Mastodon, a reply to someone else reaches only those who follow that someone too.
    const replied = sub.shown.in_reply_to_account_id!;
    const following = await whoFollows(ctx.db, replied, out);
    out = out.filter((id) => id === replied || following.has(id));
  }
  return out;
}

function followAccepts(f: FollowRow, sub: Subject): boolean {
  if (sub.status.reblog_of_id) return f.show_reblogs === 1;
  if (!f.languages || !sub.shown.language) return true;
  try {
    const langs = JSON.parse(f.languages) as unknown;
    return !Array.isArray(langs) || langs.length === 0 || langs.includes(sub.shown.language);
  } catch {
    return true;
  }
}

async function listAccepts(ctx: AppContext, list: ListRow, sub: Subject): Promise<boolean> {
  if (!sub.isReplyToOther) return true;
  const replied = sub.shown.in_reply_to_account_id!;
  if (list.replies_policy === 'none') return false;
  if (list.replies_policy === 'list') return (await listMemberIds(ctx.db, list.id)).includes(replied);
  return (await whoFollows(ctx.db, replied, [list.account_id])).has(list.account_id);
}

export async function fanOutStatus(ctx: AppContext, statusId: string): Promise<void> {
  const sub = await loadSubject(ctx, statusId);
  if (!sub) return;
  const author = await findAccountById(ctx.db, sub.status.account_id);
  if (!author || author.suspended_at) return;
  const { status } = sub;
  const store = feedStoreOf(ctx);
  const entry = { statusId: status.id, reblogOfId: status.reblog_of_id, accountId: status.account_id };
  const homeOwners = new Set<string>();
  const push = async (ownerIds: string[]) => {
    const landed = await store.add(ownerIds.map(homeFeed), entry);
    for (const f of landed) homeOwners.add(f.slice('home:'.length));
  };

  // Members of an exclusive list see that member's posts only in the list, not at home.
  const lists = status.visibility === 'direct' ? [] : await listsWithMember(ctx.db, status.account_id);
  const exclusiveOwners = new Set(lists.filter((l) => l.exclusive === 1).map((l) => l.account_id));

  await push([status.account_id]);
  const notifyFollowers: string[] = [];
  if (status.visibility === 'direct') {
    const followers = await whoFollows(ctx.db, status.account_id, sub.mentionIds);
    await push(await passHomeFilters(ctx, sub, [...followers]));
  } else {
    let after: string | null = null;
    for (;;) {
      const batch: FollowRow[] = await followersBatch(ctx.db, status.account_id, after, BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
      const accepted = batch.filter((f) => followAccepts(f, sub) && !exclusiveOwners.has(f.account_id));
      const passed = new Set(await passHomeFilters(ctx, sub, accepted.map((f) => f.account_id)));
      await push([...passed]);
      if (!status.reblog_of_id && !sub.isReplyToOther) notifyFollowers.push(...accepted.filter((f) => f.notify === 1 && passed.has(f.account_id)).map((f) => f.account_id));
      if (batch.length < BATCH) break;
    }
  }

  // Followed hashtags bring public posts into home feeds too.
  const tags = status.reblog_of_id ? [] : await tagsOfStatus(ctx.db, status.id);
  if (status.visibility === 'public' && tags.length > 0) {
    const tagFollowers = (await tagFollowerIds(ctx.db, tags.map((t) => t.id))).filter((id) => id !== status.account_id && !homeOwners.has(id));
    await push(await passHomeFilters(ctx, sub, tagFollowers));
  }

  const listIds: string[] = [];
  if (lists.length > 0) {
    const owners = await passHomeFilters(ctx, sub, [...new Set(lists.map((l) => l.account_id))]);
    const ownerFollows = await whoFollows(ctx.db, status.account_id, owners);
    for (const list of lists) {
      if (!ownerFollows.has(list.account_id) || !(await listAccepts(ctx, list, sub))) continue;
      const landed = await store.add([listFeed(list.id)], entry);
      if (landed.length > 0) listIds.push(list.id);
    }
  }

  if (!status.reblog_of_id) {
    const mentions = await mentionRowsOf(ctx.db, status.id);
    for (const m of mentions) {
      if (m.silent === 1) continue;
      await createNotification(ctx, { type: 'mention', accountId: m.account_id, fromAccountId: status.account_id, statusId: status.id });
    }
    // A follower who is mentioned gets the mention, not a second "new post" notification.
    for (const id of notifyFollowers.filter((f) => !sub.mentionIds.includes(f))) await createNotification(ctx, { type: 'status', accountId: id, fromAccountId: status.account_id, statusId: status.id });
  }
  if (status.visibility === 'direct') await updateConversations(ctx, status, sub.mentionIds);

  for (const id of homeOwners) await ctx.events.publish(channel.user(id), { event: 'update', statusId: status.id });
  for (const id of listIds) await ctx.events.publish(channel.list(id), { event: 'update', statusId: status.id });
  await publishPublic(ctx, status, sub.isReplyToOther, tags.map((t) => t.name), 'update');
}

/** Public and hashtag streams: public statuses only; reblogs and replies to others stay off the public stream. */
export async function publishPublic(ctx: AppContext, status: StatusRow, isReplyToOther: boolean, tagNames: string[], event: string): Promise<void> {
  if (status.visibility !== 'public') return;
  if (!status.reblog_of_id && !isReplyToOther) {
    await ctx.events.publish(channel.public(), { event, statusId: status.id });
    await ctx.events.publish(channel.publicLocal(), { event, statusId: status.id });
  }
  if (status.reblog_of_id) return;
  for (const name of tagNames) {
    await ctx.events.publish(channel.hashtag(name), { event, statusId: status.id });
    await ctx.events.publish(channel.hashtagLocal(name), { event, statusId: status.id });
  }
}

/** An edited status: stream status.update to wherever it is shown, notify newly mentioned accounts. */
export async function fanOutUpdate(ctx: AppContext, statusId: string): Promise<void> {
  const sub = await loadSubject(ctx, statusId);
  if (!sub || sub.status.reblog_of_id) return;
  const { status } = sub;
  for (const m of await mentionRowsOf(ctx.db, status.id)) {
    if (m.silent === 1) continue;
    await createNotification(ctx, { type: 'mention', accountId: m.account_id, fromAccountId: status.account_id, statusId: status.id });
  }
  const feeds = await feedsContaining(ctx.db, status.id);
  for (const f of feeds) {
    if (f.startsWith('home:')) await ctx.events.publish(channel.user(f.slice(5)), { event: 'status.update', statusId: status.id });
    else if (f.startsWith('list:')) await ctx.events.publish(channel.list(f.slice(5)), { event: 'status.update', statusId: status.id });
  }
  const tags = await tagsOfStatus(ctx.db, status.id);
  await publishPublic(ctx, status, sub.isReplyToOther, tags.map((t) => t.name), 'status.update');
}
