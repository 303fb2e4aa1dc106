// Trends: what the scoring reads (tag uses and interactions with recent public posts), the
// scored candidates it stores, and the approved ones the public endpoints serve.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../client.ts';
import type { Executor } from '../../jobs/queue.ts';
import { idFloorForTime } from '../../domain/ids.ts';

export type ScoredKind = 'tag' | 'status';

/**
 * A post that may count towards a trend (`s` the status, `a` its author): public, not a reblog,
 * not held for review, written here by an account that is in good standing and has not opted
 * out of discovery.
 */
const countable = sql`s.visibility = 'public' and s.reblog_of_id is null and s.held_at is null
  and a.domain is null and a.discoverable = 1 and a.suspended_at is null and a.silenced_at is null and a.deleted_at is null`;

/** A post that may itself trend: countable, and neither a reply nor sensitive (by the post or by a moderator's mark on its author). */
const trendablePost = sql`${countable} and s.in_reply_to_id is null and s.sensitive = 0 and a.sensitized_at is null`;

/** Voters must be in good standing too, or a suspended spam ring could still push a post. */
const goodStanding = (alias: string): RawBuilder<unknown> =>
  sql`${sql.ref(`${alias}.suspended_at`)} is null and ${sql.ref(`${alias}.silenced_at`)} is null and ${sql.ref(`${alias}.deleted_at`)} is null`;

export interface TagUse {
  tagId: string;
  /** Distinct accounts that used the tag since the recent window began. */
  recentAccounts: number;
  /** Distinct (account, calendar day) pairs before the recent window: the baseline's total. */
  baselineAccountDays: number;
  lastUsedAt: string;
}

/** Tags that at least `minAccounts` people used since `recentSinceMs`, with their use since `baselineSinceMs`. */
export async function tagUses(db: Executor, baselineSinceMs: number, recentSinceMs: number, minAccounts: number): Promise<TagUse[]> {
  const recent = idFloorForTime(recentSinceMs);
  const recentAccounts = sql`count(distinct case when s.id >= ${recent} then s.account_id end)`;
  const { rows } = await sql<{ tag_id: string; recent_accounts: number | string; baseline_account_days: number | string; last_used_at: string }>`
    select st.tag_id, ${recentAccounts} as recent_accounts,
      count(distinct case when s.id < ${recent} then s.account_id || ' ' || substr(s.created_at, 1, 10) end) as baseline_account_days,
      max(s.created_at) as last_used_at
    from statuses s join accounts a on a.id = s.account_id join status_tags st on st.status_id = s.id
    where s.id >= ${idFloorForTime(baselineSinceMs)} and ${countable}
    group by st.tag_id having ${recentAccounts} >= ${minAccounts}`.execute(db);
  return rows.map((r) => ({ tagId: r.tag_id, recentAccounts: Number(r.recent_accounts), baselineAccountDays: Number(r.baseline_account_days), lastUsedAt: r.last_used_at }));
}

export interface PostInteractions {
  statusId: string;
  createdAt: string;
  /** Distinct other accounts that favourited or boosted it (one vote each, whichever they did). */
  accounts: number;
}

/** Posts since a time that may trend and that at least `minAccounts` other people favourited or boosted. */
export async function postInteractions(db: Executor, sinceMs: number, minAccounts: number): Promise<PostInteractions[]> {
  const { rows } = await sql<{ status_id: string; created_at: string; accounts: number | string }>`
    with candidates as (
      select s.id, s.account_id, s.created_at from statuses s join accounts a on a.id = s.account_id
      where s.id >= ${idFloorForTime(sinceMs)} and ${trendablePost}
    ), votes as (
      select f.status_id, f.account_id from favourites f join candidates c on c.id = f.status_id
      union
      select r.reblog_of_id as status_id, r.account_id from statuses r join candidates c on c.id = r.reblog_of_id
    )
    select c.id as status_id, c.created_at, count(distinct v.account_id) as accounts
    from candidates c join votes v on v.status_id = c.id join accounts va on va.id = v.account_id
    where v.account_id <> c.account_id and ${goodStanding('va')}
    group by c.id, c.created_at having count(distinct v.account_id) >= ${minAccounts}`.execute(db);
  return rows.map((r) => ({ statusId: r.status_id, createdAt: r.created_at, accounts: Number(r.accounts) }));
}

/** Replaces every stored candidate of a kind; `ranked` is highest score first. */
export async function replaceTrends(db: Db, kind: ScoredKind, ranked: { targetId: string; score: number }[], computedAt: string): Promise<void> {
  const rows = ranked.map((r, i) => ({ kind, target_id: r.targetId, score: r.score, rank: i + 1, computed_at: computedAt }));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('trends').where('kind', '=', kind).execute();
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('trends').values(rows.slice(i, i + 200)).execute();
  });
}

/** Every stored candidate of a kind, best first, whatever its review says (for the moderators). */
export async function scoredTrendIds(db: Executor, kind: ScoredKind, limit: number, offset: number): Promise<string[]> {
  const rows = await db.selectFrom('trends').select('target_id').where('kind', '=', kind).orderBy('rank').limit(limit).offset(offset).execute();
  return rows.map((r) => r.target_id);
}

/** Approved tags, best first. */
export async function approvedTagIds(db: Executor, limit: number, offset: number): Promise<string[]> {
  const { rows } = await sql<{ target_id: string }>`
    select t.target_id from trends t join trend_reviews r on r.kind = t.kind and r.target_id = t.target_id
    where t.kind = 'tag' and r.trendable = 1 order by t.rank limit ${limit} offset ${offset}`.execute(db);
  return rows.map((r) => r.target_id);
}

/**
 * Approved posts, best first, leaving out the authors a viewer blocked or muted (or who blocked
 * them). The post is checked again: between two runs of the job it may have been deleted, held,
 * marked sensitive, or its author suspended.
 */
export async function approvedStatusIds(db: Executor, excludeAccountIds: readonly string[], limit: number, offset: number): Promise<string[]> {
  const excluded = excludeAccountIds.length > 0 ? sql`and s.account_id not in (${sql.join(excludeAccountIds)})` : sql``;
  const { rows } = await sql<{ target_id: string }>`
    select t.target_id from trends t join trend_reviews r on r.kind = t.kind and r.target_id = t.target_id
    join statuses s on s.id = t.target_id join accounts a on a.id = s.account_id
    where t.kind = 'status' and r.trendable = 1 and ${trendablePost} ${excluded}
    order by t.rank limit ${limit} offset ${offset}`.execute(db);
  return rows.map((r) => r.target_id);
}

/**
 * Public uses of each tag per UTC day since a day (YYYY-MM-DD), for Tag entities' history. Posts
 * held for review are left out: nobody but their authors can see them.
 */
export async function tagUsesByDayOf(db: Executor, tagIds: string[], sinceDay: string): Promise<Map<string, { day: string; uses: number; accounts: number }[]>> {
  const out = new Map<string, { day: string; uses: number; accounts: number }[]>();
  if (tagIds.length === 0) return out;
  const day = sql<string>`substr(s.created_at, 1, 10)`;
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .select(['st.tag_id', day.as('day'), (eb) => eb.fn.countAll<number>().as('uses'), (eb) => eb.fn.count<number>('s.account_id').distinct().as('accounts')])
    .where('st.tag_id', 'in', tagIds)
    .where('s.visibility', '=', 'public')
    .where('s.held_at', 'is', null)
    .where('s.created_at', '>=', sinceDay)
    .groupBy(['st.tag_id', day])
    .execute();
  for (const r of rows) {
    const list = out.get(r.tag_id) ?? [];
    list.push({ day: r.day, uses: Number(r.uses), accounts: Number(r.accounts) });
    out.set(r.tag_id, list);
  }
  return out;
}
