// Overwrite mode, before any row is applied: whatever the account has of the import's kind that
// the file does not list is undone through the API's own services (unfollow, unblock, unmute,
// unbookmark, list removal). Runs a page at a time with a cursor, so 20,000 follows never make
// one long job, and a relationship a service refuses to undo is skipped, not retried forever.
import type { AppContext } from '../../context.ts';
import { findAccountsByIds } from '../../db/repos/accounts.ts';
import type { AccountImportRow, AccountRow } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { listMemberIds } from '../../db/repos/lists.ts';
import { removeFromList, removeList } from '../lists/lists.ts';
import { unblockAccount } from '../relationships/block.ts';
import { unmuteAccount } from '../relationships/mute.ts';
import { unfollowAccount } from '../relationships/unfollow.ts';
import { unbookmarkStatus } from '../statuses/favourite.ts';
import { accountOf, localStatusOf, localUsernameOf, resolveLocalAccounts } from './addresses.ts';
import type { BookmarkRow, ImportRowData, ListRow } from './parse-import.ts';
import { allRows } from './store.ts';

const PAGE = 500;
const LIST_PAGE = 50;

/** Runs an undo; a refusal (the other account is gone, say) leaves that one relationship as it is. */
async function undo(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
  }
}

type Relation = 'follows' | 'blocks' | 'mutes' | 'bookmarks';

/** One page of the account's relationships of a kind, after `cursor`, as (row id, other id). */
async function relationPage(ctx: AppContext, table: Relation, ownerId: string, cursor: string | null): Promise<{ id: string; other: string }[]> {
  const other = table === 'bookmarks' ? 'status_id' : 'target_account_id';
  let q = ctx.db.selectFrom(table).select(['id', `${other} as other`]).where('account_id', '=', ownerId);
  if (cursor) q = q.where('id', '>', cursor);
  return q.orderBy('id').limit(PAGE).execute();
}

async function keepAccounts(ctx: AppContext, rows: ImportRowData[]): Promise<Set<string>> {
  const accts = rows.flatMap((r) => ('acct' in r ? [r.acct] : []));
  const accounts = await resolveLocalAccounts(ctx, accts);
  return new Set(accts.map((a) => accountOf(ctx.config, accounts, a)?.id).filter((id): id is string => id !== undefined));
}

async function listsStep(ctx: AppContext, owner: AccountRow, rows: ListRow[], cursor: string | null): Promise<string | null> {
  const titles = new Set(rows.map((r) => r.list_name));
  const pairs = new Set(rows.map((r) => `${r.list_name}\n${localUsernameOf(ctx.config, r.acct)?.toLowerCase() ?? ''}`));
  let q = ctx.db.selectFrom('lists').select(['id', 'title']).where('account_id', '=', owner.id);
  if (cursor) q = q.where('id', '>', cursor);
  const lists = await q.orderBy('id').limit(LIST_PAGE).execute();
  for (const list of lists) {
    if (!titles.has(list.title)) {
      await undo(() => removeList(ctx, owner, list.id));
      continue;
    }
    const members = await findAccountsByIds(ctx.db, await listMemberIds(ctx.db, list.id));
    const leaving = members.filter((m) => !pairs.has(`${list.title}\n${m.domain ? '' : m.username_lower}`)).map((m) => m.id);
    if (leaving.length > 0) await undo(() => removeFromList(ctx, owner, list.id, leaving));
  }
  return lists.length === LIST_PAGE ? lists[lists.length - 1]!.id : null;
}

/** Undoes one page of what the file leaves out; returns the cursor of the next page, or null when done. */
export async function overwriteStep(ctx: AppContext, imp: AccountImportRow, owner: AccountRow, cursor: string | null): Promise<string | null> {
  const rows = (await allRows(ctx.db, imp.id)).map((d) => JSON.parse(d) as ImportRowData);
  if (imp.type === 'lists') return listsStep(ctx, owner, rows as ListRow[], cursor);
  if (imp.type === 'domain_blocking') return null;
  const table: Relation = imp.type === 'following' ? 'follows' : imp.type === 'blocking' ? 'blocks' : imp.type === 'muting' ? 'mutes' : 'bookmarks';
  const keep =
    imp.type === 'bookmarks'
      ? new Set((rows as BookmarkRow[]).map((r) => localStatusOf(ctx.config, r.uri)?.statusId).filter((id): id is string => id !== undefined))
      : await keepAccounts(ctx, rows);
  const page = await relationPage(ctx, table, owner.id, cursor);
  for (const { other } of page) {
    if (keep.has(other)) continue;
    if (table === 'follows') await undo(() => unfollowAccount(ctx, owner, other));
    else if (table === 'blocks') await undo(() => unblockAccount(ctx, owner, other));
    else if (table === 'mutes') await undo(() => unmuteAccount(ctx, owner, other));
    else await undo(() => unbookmarkStatus(ctx, owner, other));
  }
  return page.length === PAGE ? page[page.length - 1]!.id : null;
}
