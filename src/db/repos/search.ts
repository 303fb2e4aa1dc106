// Search reads: accounts and hashtags by prefix, statuses by full text over search_documents.
// The only place that knows the full-text dialects: FTS5 MATCH on SQLite, tsvector on PostgreSQL.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../client.ts';
import type { Dialect } from '../dialect.ts';
import type { AccountRow } from '../schema.ts';

/** A LIKE pattern matching values that start with `prefix` (wildcards in it are literal). */
function likePrefix(prefix: string): string {
  return `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const likeEscaped = (column: Expression<unknown>, pattern: string) => sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;

export interface AccountSearch {
  /** Matched as a prefix of the username, or of the display name or any word in it. */
  prefix: string;
  /** When the query named one account exactly (@user, user@our.domain): only it is returned. */
  exactUsername?: string;
  /** Only accounts this account follows. */
  followedBy?: string;
  /** Leave out accounts that block, or are blocked by, this account. */
  viewerId?: string;
  limit: number;
  offset: number;
}

export async function searchAccounts(db: Db, q: AccountSearch): Promise<AccountRow[]> {
  let query = db.selectFrom('accounts').selectAll('accounts').where('accounts.deleted_at', 'is', null).where('accounts.suspended_at', 'is', null);
  if (q.exactUsername !== undefined) {
    query = query.where('accounts.username_lower', '=', q.exactUsername.toLowerCase());
  } else {
    const p = likePrefix(q.prefix);
    query = query.where((eb) =>
      eb.or([likeEscaped(eb.ref('accounts.username'), p), likeEscaped(eb.ref('accounts.display_name'), p), likeEscaped(eb.ref('accounts.display_name'), `% ${p}`)]),
    );
  }
  if (q.followedBy) {
    const follower = q.followedBy;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('follows').select('follows.id').where('follows.account_id', '=', follower).whereRef('follows.target_account_id', '=', 'accounts.id')),
    );
  }
  if (q.viewerId) {
    const viewer = q.viewerId;
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks')
            .select('blocks.id')
            .where((b) =>
              b.or([
                b.and([b('blocks.account_id', '=', viewer), b('blocks.target_account_id', '=', b.ref('accounts.id'))]),
                b.and([b('blocks.target_account_id', '=', viewer), b('blocks.account_id', '=', b.ref('accounts.id'))]),
              ]),
            ),
        ),
      ),
    );
  }
  const exactFirst = sql`case when accounts.username_lower = ${q.prefix.toLowerCase()} then 0 else 1 end`;
  return query
    .orderBy(exactFirst)
    .orderBy('accounts.followers_count', 'desc')
    .orderBy('accounts.username_lower')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

export interface TagHit {
  id: string;
  name: string;
  display_name: string;
}

/** Tags whose name starts with `prefix`: the exact name first, then shorter names. */
export async function searchTags(db: Db, prefix: string, limit: number, offset: number): Promise<TagHit[]> {
  const lower = prefix.toLowerCase();
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'display_name'])
    .where((eb) => likeEscaped(eb.ref('name'), likePrefix(lower)))
    .orderBy(sql`case when lower(name) = ${lower} then 0 else 1 end`)
    .orderBy(sql`length(name)`)
    .orderBy('name')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Of `tagIds`, those the account follows. */
export async function followedTagsAmong(db: Db, accountId: string, tagIds: readonly string[]): Promise<Set<string>> {
  if (tagIds.length === 0) return new Set();
  const rows = await db.selectFrom('tag_follows').select('tag_id').where('account_id', '=', accountId).where('tag_id', 'in', [...tagIds]).execute();
  return new Set(rows.map((r) => r.tag_id));
}

/**
 * An FTS5 query that matches every word of `text` literally: each word becomes a quoted string
 * (quotes doubled), so no user input is ever read as FTS syntax (NEAR, AND, *, column filters).
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean).slice(0, 32);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

export interface StatusSearch {
  text: string;
  viewerId: string;
  accountId?: string;
  /** Exclusive bounds on the status id. */
  maxId?: string;
  minId?: string;
  limit: number;
}

/**
 * Ids of statuses matching `text`, newest first, among those Mastodon lets one search: public
 * posts of accounts that opted into search (indexable), and posts the viewer wrote, was
 * mentioned in, favourited or bookmarked. The caller still applies visibility (blocks etc.).
 */
export async function searchStatusIds(db: Db, dialect: Dialect, q: StatusSearch): Promise<string[]> {
  const viewer = q.viewerId;
  let query = db
    .selectFrom('search_documents as d')
    .innerJoin('statuses as s', 's.id', 'd.status_id')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select('s.id')
    .where('s.reblog_of_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('s.account_id', '=', viewer),
        eb.and([eb('a.indexable', '=', 1), eb('s.visibility', '=', 'public')]),
        eb.exists(eb.selectFrom('mentions as m').select('m.status_id').whereRef('m.status_id', '=', 's.id').where('m.account_id', '=', viewer)),
        eb.exists(eb.selectFrom('favourites as f').select('f.id').whereRef('f.status_id', '=', 's.id').where('f.account_id', '=', viewer)),
        eb.exists(eb.selectFrom('bookmarks as b').select('b.id').whereRef('b.status_id', '=', 's.id').where('b.account_id', '=', viewer)),
      ]),
    );
  if (dialect === 'sqlite') {
    const match = ftsQuery(q.text);
    if (!match) return [];
    // FTS5 wants the table's own name on the left of MATCH, not an alias.
    query = query.where(sql<SqlBool>`d.rowid in (select rowid from search_documents where search_documents match ${match})`);
  } else {
    if (!q.text.trim()) return [];
    query = query.where(sql<SqlBool>`d.tsv @@ plainto_tsquery('simple', ${q.text})`);
  }
  if (q.accountId) query = query.where('s.account_id', '=', q.accountId);
  if (q.maxId) query = query.where('s.id', '<', q.maxId);
  if (q.minId) {
    const rows = await query.where('s.id', '>', q.minId).orderBy('s.id', 'asc').limit(q.limit).execute();
    return rows.map((r) => r.id).reverse();
  }
  const rows = await query.orderBy('s.id', 'desc').limit(q.limit).execute();
  return rows.map((r) => r.id);
}
