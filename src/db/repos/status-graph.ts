// Everything needed to render a set of statuses for one viewer, in ONE statement: the statuses,
// the statuses they reblog and quote (two quote levels, as Mastodon renders them), their
// authors, and, for a signed-in viewer, what the viewer did to each (favourited, reblogged...)
// and the facts visibility depends on (follows, blocks, mentions). The timeline benchmark's goal
// of at most 3 statements per request rests on this.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../client.ts';
import { fromShape, slot } from '../compiled-shapes.ts';
import { ACCOUNT_COLUMNS, STATUS_COLUMNS, prefixedColumns, unprefixed } from '../columns.ts';
import type { AccountRow, StatusRow } from '../schema.ts';

export interface ViewerFlags {
  favourited: boolean;
  reblogged: boolean;
  bookmarked: boolean;
  pinned: boolean;
  conversationMuted: boolean;
  followsAuthor: boolean;
  blockedEitherWay: boolean;
  mentioned: boolean;
}

export interface GraphRow {
  status: StatusRow;
  author: AccountRow;
  /** null for anonymous viewers. */
  viewer: ViewerFlags | null;
}

const VIEWER_FLAGS: [keyof ViewerFlags, (v: string) => RawBuilder<unknown>][] = [
  ['favourited', (v) => sql`exists (select 1 from favourites x where x.account_id = ${v} and x.status_id = s.id)`],
  ['reblogged', (v) => sql`exists (select 1 from statuses x where x.reblog_of_id = s.id and x.account_id = ${v})`],
  ['bookmarked', (v) => sql`exists (select 1 from bookmarks x where x.account_id = ${v} and x.status_id = s.id)`],
  ['pinned', (v) => sql`exists (select 1 from status_pins x where x.account_id = ${v} and x.status_id = s.id)`],
  ['conversationMuted', (v) => sql`exists (select 1 from conversation_mutes x where x.account_id = ${v} and x.conversation_id = s.conversation_id)`],
  ['followsAuthor', (v) => sql`exists (select 1 from follows x where x.account_id = ${v} and x.target_account_id = s.account_id)`],
  [
    'blockedEitherWay',
    (v) => sql`exists (select 1 from blocks x where (x.account_id = ${v} and x.target_account_id = s.account_id) or (x.account_id = s.account_id and x.target_account_id = ${v}))`,
  ],
  ['mentioned', (v) => sql`exists (select 1 from mentions x where x.status_id = s.id and x.account_id = ${v})`],
];

function buildGraphQuery(ids: readonly string[], viewerId: string | null): RawBuilder<Record<string, unknown>> {
  const idList = sql.join([...ids]);
  const statusCols = prefixedColumns('s', 's', STATUS_COLUMNS);
  const accountCols = prefixedColumns('a', 'a', ACCOUNT_COLUMNS);
  // CASE keeps the flags 0/1 integers on both databases (PostgreSQL's EXISTS is a boolean).
  const flags = viewerId ? sql`, ${sql.join(VIEWER_FLAGS.map(([name, expr]) => sql`case when ${expr(viewerId)} then 1 else 0 end as ${sql.ref(`v_${name}`)}`))}` : sql``;
  // One SELECT per level, glued with UNION ALL: each is a plain primary-key lookup, which both
  // databases plan well (a CTE with UNIONs took five times longer on SQLite, and an OR of two IN
  // lists defeats its index use). Duplicates (a post on the page that is also reblogged there)
  // are dropped when reading.
  const reblogged = sql`select reblog_of_id from statuses where id in (${idList}) and reblog_of_id is not null`;
  const quotedByPage = sql`select quote_of_id from statuses where id in (${idList}) and quote_of_id is not null`;
  const quotedByReblogged = sql`select quote_of_id from statuses where id in (${reblogged}) and quote_of_id is not null`;
  const quotedByQuoted = sql`select quote_of_id from statuses where quote_of_id is not null and (id in (${quotedByPage}) or id in (${quotedByReblogged}))`;
  const select = (from: RawBuilder<unknown>) =>
    sql`select ${statusCols}, ${accountCols}${flags} from statuses s join accounts a on a.id = s.account_id where s.id in (${from})`;
  return sql<Record<string, unknown>>`${select(idList)} union all ${select(reblogged)} union all ${select(quotedByPage)} union all ${select(quotedByReblogged)} union all ${select(quotedByQuoted)}`;
}

export async function loadStatusGraph(db: Db, ids: readonly string[], viewerId: string | null): Promise<GraphRow[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const values: Record<string, unknown> = { viewer: viewerId };
  unique.forEach((id, i) => (values[`id${i}`] = id));
  const query = fromShape(db, `status-graph:${unique.length}:${viewerId ? 'viewer' : 'anonymous'}`, () => buildGraphQuery(unique.map((_, i) => slot(`id${i}`)), viewerId ? slot('viewer') : null), values);
  const result = await db.executeQuery(query);
  const seen = new Set<string>();
  const out: GraphRow[] = [];
  for (const r of result.rows) {
    if (seen.has(r.s_id as string)) continue;
    seen.add(r.s_id as string);
    const status = unprefixed<StatusRow>(r, 's', STATUS_COLUMNS);
    const author = unprefixed<AccountRow>(r, 'a', ACCOUNT_COLUMNS);
    let viewer: ViewerFlags | null = null;
    if (viewerId) {
      viewer = Object.fromEntries(VIEWER_FLAGS.map(([name]) => [name, Number(r[`v_${name}`]) === 1])) as unknown as ViewerFlags;
    }
    out.push({ status, author, viewer });
  }
  return out;
}
