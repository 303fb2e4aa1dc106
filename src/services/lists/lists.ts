// Lists: create, update, delete, and membership (only accounts the owner follows).
import type { AppContext } from '../../context.ts';
import { recentStatusesOf } from '../../db/repos/feeds.ts';
import { followLikesFrom } from '../../db/repos/follows.ts';
import { addListMembers, deleteList, findList, insertList, removeListMembers, updateList } from '../../db/repos/lists.ts';
import type { AccountRow, ListRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { listFeed } from '../../timelines/feed-store.ts';
import { feedStoreOf } from '../../timelines/sql-feed-store.ts';

export const REPLIES_POLICIES = ['followed', 'list', 'none'] as const;

export interface ListInput {
  title?: string;
  replies_policy?: (typeof REPLIES_POLICIES)[number];
  exclusive?: boolean;
}

export async function ownedList(ctx: AppContext, owner: AccountRow, id: string): Promise<ListRow> {
  const list = isId(id) ? await findList(ctx.db, owner.id, id) : undefined;
  if (!list) throw notFound();
  return list;
}

export async function createList(ctx: AppContext, owner: AccountRow, input: ListInput): Promise<ListRow> {
  const title = (input.title ?? '').trim();
  if (!title) throw unprocessable("Title can't be blank");
  const row: ListRow = {
    id: newId(ctx.clock.now().getTime()),
    account_id: owner.id,
    title,
    replies_policy: input.replies_policy ?? 'list',
    exclusive: input.exclusive ? 1 : 0,
    created_at: ctx.clock.now().toISOString(),
  };
  await insertList(ctx.db, row);
  return row;
}

export async function changeList(ctx: AppContext, owner: AccountRow, id: string, input: ListInput): Promise<ListRow> {
  const list = await ownedList(ctx, owner, id);
  const set: Partial<Pick<ListRow, 'title' | 'replies_policy' | 'exclusive'>> = {};
  if (input.title !== undefined) {
    if (!input.title.trim()) throw unprocessable("Title can't be blank");
    set.title = input.title.trim();
  }
  if (input.replies_policy !== undefined) set.replies_policy = input.replies_policy;
  if (input.exclusive !== undefined) set.exclusive = input.exclusive ? 1 : 0;
  await updateList(ctx.db, list.id, set);
  return { ...list, ...set };
}

export async function removeList(ctx: AppContext, owner: AccountRow, id: string): Promise<void> {
  const list = await ownedList(ctx, owner, id);
  await ctx.db.transaction().execute((trx) => deleteList(trx, list.id));
}

const BACKFILL = 20;

export async function addToList(ctx: AppContext, owner: AccountRow, id: string, accountIds: string[]): Promise<void> {
  const list = await ownedList(ctx, owner, id);
  const ids = [...new Set(accountIds)];
  const followed = new Set((await followLikesFrom(ctx.db, 'follows', owner.id, ids)).map((f) => f.target_account_id));
  const missing = ids.filter((a) => !followed.has(a));
  if (missing.length > 0) throw unprocessable('You must follow an account to add it to a list');
  await addListMembers(ctx.db, list.id, ids);
  // Like Mastodon, a new member's recent posts appear in the list right away.
  const store = feedStoreOf(ctx);
  for (const accountId of ids) {
    for (const s of (await recentStatusesOf(ctx.db, accountId, ['public', 'unlisted', 'private'], BACKFILL)).reverse()) {
      if (s.in_reply_to_account_id && s.in_reply_to_account_id !== accountId) continue;
      await store.add([listFeed(list.id)], { statusId: s.id, reblogOfId: s.reblog_of_id, accountId: s.account_id });
    }
  }
}

export async function removeFromList(ctx: AppContext, owner: AccountRow, id: string, accountIds: string[]): Promise<void> {
  const list = await ownedList(ctx, owner, id);
  await ctx.db.transaction().execute((trx) => removeListMembers(trx, list.id, [...new Set(accountIds)]));
}
