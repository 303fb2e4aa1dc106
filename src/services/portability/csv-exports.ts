// The CSV files of Mastodon's /settings/exports, byte for byte: the same headers (or none), the
// same columns and order, so they import into Mastodon and back into Parley. Each is produced a
// page at a time, so an account following 20,000 others never holds them all in memory.
import type { AppContext } from '../../context.ts';
import { csvLine } from '../../infra/archive/csv.ts';
import { statusUrls } from '../../serializers/status.ts';
import { accountAddress } from './addresses.ts';

export const CSV_KINDS = ['following', 'lists', 'blocks', 'mutes', 'bookmarks', 'domain_blocks'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** Mastodon's file names, in the archive and as download names. */
export const CSV_FILE_NAMES: Record<CsvKind, string> = {
  following: 'following_accounts.csv',
  lists: 'lists.csv',
  blocks: 'blocked_accounts.csv',
  mutes: 'muted_accounts.csv',
  bookmarks: 'bookmarks.csv',
  domain_blocks: 'blocked_domains.csv',
};

export const FOLLOWING_HEADER = ['Account address', 'Show boosts', 'Notify on new posts', 'Languages'];
export const MUTES_HEADER = ['Account address', 'Hide notifications'];

const PAGE = 1000;

/** Pages through `load` by a string key, newest first (Mastodon orders these exports by id desc). */
async function* pagesDesc<T extends { id: string }>(load: (before: string | null) => Promise<T[]>): AsyncIterable<T> {
  let before: string | null = null;
  for (;;) {
    const rows = await load(before);
    yield* rows;
    if (rows.length < PAGE) return;
    before = rows[rows.length - 1]!.id;
  }
}

/** A follow's languages as Mastodon writes them: "en, de", or nothing for all languages. */
function languagesCell(json: string | null): string | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) && v.length > 0 ? v.map(String).join(', ') : null;
  } catch {
    return null;
  }
}

async function* following(ctx: AppContext, accountId: string): AsyncIterable<string> {
  yield csvLine(FOLLOWING_HEADER);
  const rows = pagesDesc((before) => {
    let q = ctx.db
      .selectFrom('follows as f')
      .innerJoin('accounts as a', 'a.id', 'f.target_account_id')
      .select(['f.id', 'a.username', 'a.domain', 'f.show_reblogs', 'f.notify', 'f.languages'])
      .where('f.account_id', '=', accountId)
      .where('a.deleted_at', 'is', null);
    if (before) q = q.where('f.id', '<', before);
    return q.orderBy('f.id', 'desc').limit(PAGE).execute();
  });
  for await (const r of rows) yield csvLine([accountAddress(ctx.config, r), r.show_reblogs === 1, r.notify === 1, languagesCell(r.languages)]);
}

async function* blocks(ctx: AppContext, accountId: string): AsyncIterable<string> {
  const rows = pagesDesc((before) => {
    let q = ctx.db
      .selectFrom('blocks as b')
      .innerJoin('accounts as a', 'a.id', 'b.target_account_id')
      .select(['b.id', 'a.username', 'a.domain'])
      .where('b.account_id', '=', accountId)
      .where('a.deleted_at', 'is', null);
    if (before) q = q.where('b.id', '<', before);
    return q.orderBy('b.id', 'desc').limit(PAGE).execute();
  });
  for await (const r of rows) yield csvLine([accountAddress(ctx.config, r)]);
}

async function* mutes(ctx: AppContext, accountId: string): AsyncIterable<string> {
  yield csvLine(MUTES_HEADER);
  const now = ctx.clock.now().toISOString();
  const rows = pagesDesc((before) => {
    let q = ctx.db
      .selectFrom('mutes as m')
      .innerJoin('accounts as a', 'a.id', 'm.target_account_id')
      .select(['m.id', 'a.username', 'a.domain', 'm.hide_notifications'])
      .where('m.account_id', '=', accountId)
      .where('a.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)]));
    if (before) q = q.where('m.id', '<', before);
    return q.orderBy('m.id', 'desc').limit(PAGE).execute();
  });
  for await (const r of rows) yield csvLine([accountAddress(ctx.config, r), r.hide_notifications === 1]);
}

async function* bookmarks(ctx: AppContext, accountId: string): AsyncIterable<string> {
  const rows = pagesDesc((before) => {
    let q = ctx.db
      .selectFrom('bookmarks as b')
      .innerJoin('statuses as s', 's.id', 'b.status_id')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .select(['b.id', 's.id as status_id', 's.reblog_of_id', 'a.username'])
      .where('b.account_id', '=', accountId);
    if (before) q = q.where('b.id', '<', before);
    return q.orderBy('b.id', 'desc').limit(PAGE).execute();
  });
  for await (const r of rows) yield csvLine([statusUrls(ctx.config, { id: r.status_id, reblog_of_id: r.reblog_of_id }, r.username).uri]);
}

/** `list title,account address` for every member of every list, lists in the order they were made. */
async function* lists(ctx: AppContext, accountId: string): AsyncIterable<string> {
  const owned = await ctx.db.selectFrom('lists').select(['id', 'title']).where('account_id', '=', accountId).orderBy('id').execute();
  for (const list of owned) {
    let after: string | null = null;
    for (;;) {
      let q = ctx.db
        .selectFrom('list_accounts as l')
        .innerJoin('accounts as a', 'a.id', 'l.account_id')
        .select(['a.id', 'a.username', 'a.domain'])
        .where('l.list_id', '=', list.id)
        .where('a.deleted_at', 'is', null);
      if (after) q = q.where('a.id', '>', after);
      const members = await q.orderBy('a.id').limit(PAGE).execute();
      for (const m of members) yield csvLine([list.title, accountAddress(ctx.config, m)]);
      if (members.length < PAGE) break;
      after = members[members.length - 1]!.id;
    }
  }
}

/** Parley has no per-person domain blocks yet (nothing federates): the file is empty, as Mastodon's is without any. */
async function* domainBlocks(): AsyncIterable<string> {}

export function csvExport(ctx: AppContext, accountId: string, kind: CsvKind): AsyncIterable<string> {
  switch (kind) {
    case 'following':
      return following(ctx, accountId);
    case 'lists':
      return lists(ctx, accountId);
    case 'blocks':
      return blocks(ctx, accountId);
    case 'mutes':
      return mutes(ctx, accountId);
    case 'bookmarks':
      return bookmarks(ctx, accountId);
    case 'domain_blocks':
      return domainBlocks();
  }
}
