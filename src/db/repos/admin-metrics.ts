// The dashboard's numbers (Mastodon's measures, dimensions and retention), counted from Parley's
// own tables per UTC day. Times are ISO text, so a day is the first ten characters; statuses are
// bounded by id range (ids begin with their creation time) so the primary key index does the work.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import { idFloorForTime } from '../../domain/ids.ts';

export interface Range {
  /** Inclusive start, ISO. */
  from: string;
  /** Exclusive end, ISO. */
  to: string;
}

export interface DailyCounts {
  /** YYYY-MM-DD → count. */
  byDay: Map<string, number>;
  total: number;
}

const day = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;
const statusIdsIn = (r: Range, column = 'id') => sql`${sql.ref(column)} >= ${idFloorForTime(Date.parse(r.from))} and ${sql.ref(column)} < ${idFloorForTime(Date.parse(r.to))}`;
const within = (column: string, r: Range) => sql`${sql.ref(column)} >= ${r.from} and ${sql.ref(column)} < ${r.to}`;

async function grouped(db: Executor, query: RawBuilder<{ day: string; n: number | string }>): Promise<Map<string, number>> {
  const { rows } = await query.execute(db);
  return new Map(rows.map((r) => [r.day, Number(r.n)]));
}

async function scalar(db: Executor, query: RawBuilder<{ n: number | string }>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Counts of rows per day of one timestamp column; the total is their sum. */
async function rowsPerDay(db: Executor, table: string, column: string, r: Range): Promise<DailyCounts> {
  const byDay = await grouped(db, sql`select ${day(column)} as day, count(*) as n from ${sql.table(table)} where ${within(column, r)} group by 1`);
  return { byDay, total: [...byDay.values()].reduce((a, b) => a + b, 0) };
}

export const newUsers = (db: Executor, r: Range) => rowsPerDay(db, 'users', 'created_at', r);
export const openedReports = (db: Executor, r: Range) => rowsPerDay(db, 'reports', 'created_at', r);
export const resolvedReports = (db: Executor, r: Range) => rowsPerDay(db, 'reports', 'action_taken_at', r);

/**
 * (account, day) pairs of local users doing something Parley records with a time: posting,
 * favouriting, following, voting, and their latest sign-in and token use. Parley keeps no log of
 * every day someone opened the app, so earlier visits without any of these are not seen.
 */
function activityPairs(r: Range) {
  return sql`
    select account_id, ${day('created_at')} as day from statuses where ${statusIdsIn(r)}
    union select account_id, ${day('created_at')} from favourites where ${within('created_at', r)}
    union select account_id, ${day('created_at')} from follows where ${within('created_at', r)}
    union select account_id, ${day('created_at')} from poll_votes where ${within('created_at', r)}
    union select account_id, ${day('last_sign_in_at')} from users where ${within('last_sign_in_at', r)}
    union select account_id, ${day('last_used_at')} from oauth_tokens where account_id is not null and ${within('last_used_at', r)}`;
}

export async function activeUsers(db: Executor, r: Range): Promise<DailyCounts> {
  const local = sql`account_id in (select account_id from users)`;
  const byDay = await grouped(db, sql`select day, count(distinct account_id) as n from (${activityPairs(r)}) a where ${local} group by day`);
  const total = await scalar(db, sql`select count(distinct account_id) as n from (${activityPairs(r)}) a where ${local}`);
  return { byDay, total };
}

/** Favourites, reblogs and replies (every status is local until federation comes). */
export async function interactions(db: Executor, r: Range): Promise<DailyCounts> {
  const favourites = await grouped(db, sql`select ${day('created_at')} as day, count(*) as n from favourites where ${within('created_at', r)} group by 1`);
  const posts = await grouped(db, sql`select ${day('created_at')} as day, count(*) as n from statuses where ${statusIdsIn(r)} and (reblog_of_id is not null or in_reply_to_id is not null) group by 1`);
  const byDay = new Map(favourites);
  for (const [d, n] of posts) byDay.set(d, (byDay.get(d) ?? 0) + n);
  return { byDay, total: [...byDay.values()].reduce((a, b) => a + b, 0) };
}

const tagged = (tagId: string, r: Range) => sql`from status_tags st join statuses s on s.id = st.status_id join accounts a on a.id = s.account_id where st.tag_id = ${tagId} and ${statusIdsIn(r, 's.id')}`;

/** Statuses using a tag, accounts using it, or servers whose accounts used it (local counts as one). */
export async function tagUsage(db: Executor, tagId: string, what: 'uses' | 'accounts' | 'servers', r: Range): Promise<DailyCounts> {
  const counted = what === 'uses' ? sql`count(*)` : what === 'accounts' ? sql`count(distinct s.account_id)` : sql`count(distinct coalesce(a.domain, ''))`;
  const byDay = await grouped(db, sql`select ${day('s.created_at')} as day, ${counted} as n ${tagged(tagId, r)} group by 1`);
  const total = what === 'uses' ? [...byDay.values()].reduce((a, b) => a + b, 0) : await scalar(db, sql`select ${counted} as n ${tagged(tagId, r)}`);
  return { byDay, total };
}

export interface KeyCount {
  key: string;
  n: number;
}

async function keyCounts(db: Executor, query: RawBuilder<{ key: string | null; n: number | string }>): Promise<KeyCount[]> {
  const { rows } = await query.execute(db);
  return rows.map((r) => ({ key: r.key ?? '', n: Number(r.n) }));
}

/** Interface languages of the users active in the period. */
export function languagesOfActiveUsers(db: Executor, r: Range, limit: number): Promise<KeyCount[]> {
  return keyCounts(db, sql`select locale as key, count(*) as n from users where account_id in (select account_id from (${activityPairs(r)}) a) group by locale order by n desc, locale limit ${limit}`);
}

/** Statuses of the period by the server of their author (null: this server). */
export function statusesByServer(db: Executor, r: Range, limit: number): Promise<KeyCount[]> {
  return keyCounts(db, sql`select a.domain as key, count(*) as n from statuses s join accounts a on a.id = s.account_id where ${statusIdsIn(r, 's.id')} group by a.domain order by n desc limit ${limit}`);
}

export function tagServers(db: Executor, tagId: string, r: Range, limit: number): Promise<KeyCount[]> {
  return keyCounts(db, sql`select a.domain as key, count(*) as n ${tagged(tagId, r)} group by a.domain order by n desc limit ${limit}`);
}

export function tagLanguages(db: Executor, tagId: string, r: Range, limit: number): Promise<KeyCount[]> {
  return keyCounts(db, sql`select s.language as key, count(*) as n ${tagged(tagId, r)} group by s.language order by n desc limit ${limit}`);
}

export async function mediaBytes(db: Executor): Promise<number> {
  return scalar(db, sql`select coalesce(sum(size), 0) as n from media_files`);
}

export async function databaseBytes(db: Executor, dialect: 'sqlite' | 'postgres'): Promise<number> {
  if (dialect === 'postgres') return scalar(db, sql`select pg_database_size(current_database()) as n`);
  return scalar(db, sql`select page_count * page_size as n from pragma_page_count(), pragma_page_size()`);
}

export async function databaseVersion(db: Executor, dialect: 'sqlite' | 'postgres'): Promise<string> {
  const q = dialect === 'postgres' ? sql<{ v: string }>`show server_version` : sql<{ v: string }>`select sqlite_version() as v`;
  const { rows } = await q.execute(db);
  const row = rows[0] as Record<string, unknown> | undefined;
  return String(row?.v ?? row?.server_version ?? '');
}

export interface CohortMember {
  created_at: string;
  /** The latest time the person was seen doing something (sign-in, token use, post), or null. */
  last_active_at: string | null;
}

/** Local users who signed up in the range, with when they were last active. */
export async function signUpCohorts(db: Executor, r: Range): Promise<CohortMember[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .select((eb) => [
      'u.created_at',
      'u.last_sign_in_at',
      'a.last_status_at',
      eb.selectFrom('oauth_tokens as t').select((e) => e.fn.max('t.last_used_at').as('m')).whereRef('t.account_id', '=', 'u.account_id').as('last_token_at'),
    ])
    .where('u.created_at', '>=', r.from)
    .where('u.created_at', '<', r.to)
    .execute();
  return rows.map((row) => {
    const times = [row.last_sign_in_at, row.last_status_at, row.last_token_at as string | null].filter((t): t is string => !!t);
    return { created_at: row.created_at, last_active_at: times.length ? times.sort().at(-1)! : null };
  });
}
