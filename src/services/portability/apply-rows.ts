// One import row at a time, through the same services as the API (follow, block, mute, list
// membership, bookmark), so their rules, limits and notifications apply. A row whose address is
// not a local account, or which a service refuses (a 4xx), fails; anything else is a bug or an
// outage and is thrown, so the job retries the batch (every service here is idempotent).
import type { AppContext } from '../../context.ts';
import type { AccountRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { addToList, createList } from '../lists/lists.ts';
import { blockAccount } from '../relationships/block.ts';
import { followAccount } from '../relationships/follow.ts';
import { muteAccount } from '../relationships/mute.ts';
import { bookmarkStatus } from '../statuses/favourite.ts';
import { accountOf, localStatusOf, resolveLocalAccounts } from './addresses.ts';
import type { BookmarkRow, FollowingRow, ImportRowData, ImportType, ListRow, MutingRow } from './parse-import.ts';

interface Batch {
  ctx: AppContext;
  owner: AccountRow;
  accounts: ReadonlyMap<string, AccountRow>;
  /** List ids by title, found or made during this batch. */
  lists: Map<string, string>;
}

function target(b: Batch, acct: string): AccountRow {
  const account = accountOf(b.ctx.config, b.accounts, acct);
  // Another server's account (no federation yet) or nobody at all.
  if (!account) throw notFound();
  return account;
}

/** The owner's list with this title (the oldest, if there are several), made if missing, as Mastodon does. */
async function listNamed(b: Batch, title: string): Promise<string> {
  const known = b.lists.get(title);
  if (known) return known;
  const found = await b.ctx.db.selectFrom('lists').select('id').where('account_id', '=', b.owner.id).where('title', '=', title).orderBy('id').executeTakeFirst();
  const id = found?.id ?? (await createList(b.ctx, b.owner, { title })).id;
  b.lists.set(title, id);
  return id;
}

async function applyRow(b: Batch, type: ImportType, data: ImportRowData): Promise<void> {
  const { ctx, owner } = b;
  switch (type) {
    case 'following': {
      const r = data as FollowingRow;
      await followAccount(ctx, owner, target(b, r.acct).id, { reblogs: r.show_reblogs, notify: r.notify, languages: r.languages });
      return;
    }
    case 'blocking':
      await blockAccount(ctx, owner, target(b, (data as { acct: string }).acct).id);
      return;
    case 'muting': {
      const r = data as MutingRow;
      // Mastodon's default when the column is missing: notifications are hidden too.
      await muteAccount(ctx, owner, target(b, r.acct).id, { notifications: r.hide_notifications ?? true, durationSeconds: 0 });
      return;
    }
    case 'bookmarks': {
      const local = localStatusOf(ctx.config, (data as BookmarkRow).uri);
      if (!local) throw notFound();
      // The address must name the post's author as well as its id.
      const author = await ctx.db.selectFrom('statuses as s').innerJoin('accounts as a', 'a.id', 's.account_id').select('a.username_lower').where('s.id', '=', local.statusId).executeTakeFirst();
      if (author?.username_lower !== local.username.toLowerCase()) throw notFound();
      await bookmarkStatus(ctx, owner, local.statusId);
      return;
    }
    case 'lists': {
      const r = data as ListRow;
      const member = target(b, r.acct);
      const listId = await listNamed(b, r.list_name);
      // Mastodon follows the account first; a locked account's request leaves it out of the list (the row fails).
      await followAccount(ctx, owner, member.id, {});
      await addToList(ctx, owner, listId, [member.id]);
      return;
    }
    case 'domain_blocking':
      // Parley has no per-person domain blocks yet: nothing federates, so there is nothing to block.
      throw new AppError(422, 'Domain blocks are not supported yet');
  }
}

/** Applies a batch of rows; returns the sequence numbers that worked and those that failed. */
export async function applyRows(ctx: AppContext, owner: AccountRow, type: ImportType, batch: readonly { seq: number; data: string }[]): Promise<{ done: number[]; failed: number[] }> {
  const rows = batch.map((r) => ({ seq: r.seq, data: JSON.parse(r.data) as ImportRowData }));
  const accounts = await resolveLocalAccounts(ctx, rows.flatMap((r) => ('acct' in r.data ? [r.data.acct] : [])));
  const b: Batch = { ctx, owner, accounts, lists: new Map() };
  const done: number[] = [];
  const failed: number[] = [];
  for (const row of rows) {
    try {
      await applyRow(b, type, row.data);
      done.push(row.seq);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      failed.push(row.seq);
    }
  }
  return { done, failed };
}
