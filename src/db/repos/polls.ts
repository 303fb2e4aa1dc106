// Polls and votes.
import type { Insertable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { PollRow, PollsTable } from '../schema.ts';

export async function insertPoll(exec: Executor, row: Insertable<PollsTable>): Promise<void> {
  await exec.insertInto('polls').values(row).execute();
}

export async function findPollById(db: Executor, id: string): Promise<PollRow | undefined> {
  return db.selectFrom('polls').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPollsByIds(db: Executor, ids: readonly string[]): Promise<PollRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('polls').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function deletePoll(exec: Executor, id: string): Promise<void> {
  await exec.deleteFrom('poll_votes').where('poll_id', '=', id).execute();
  await exec.deleteFrom('polls').where('id', '=', id).execute();
}

/** Votes per (poll, choice). */
export async function tallies(db: Executor, pollIds: readonly string[]): Promise<{ poll_id: string; choice: number; n: number }[]> {
  if (pollIds.length === 0) return [];
  const rows = await db
    .selectFrom('poll_votes')
    .select(['poll_id', 'choice', (eb) => eb.fn.countAll<number>().as('n')])
    .where('poll_id', 'in', [...new Set(pollIds)])
    .groupBy(['poll_id', 'choice'])
    .execute();
  return rows.map((r) => ({ poll_id: r.poll_id, choice: Number(r.choice), n: Number(r.n) }));
}

export async function votesOf(db: Executor, accountId: string, pollIds: readonly string[]): Promise<{ poll_id: string; choice: number }[]> {
  if (pollIds.length === 0) return [];
  return db.selectFrom('poll_votes').select(['poll_id', 'choice']).where('account_id', '=', accountId).where('poll_id', 'in', [...new Set(pollIds)]).orderBy('choice').execute();
}

export async function insertVotes(exec: Executor, rows: { id: string; poll_id: string; account_id: string; choice: number; created_at: string }[]): Promise<void> {
  await exec.insertInto('poll_votes').values(rows).execute();
}

export async function bumpPollCounts(exec: Executor, pollId: string, votes: number, voters: number): Promise<void> {
  const p = await exec.selectFrom('polls').select(['votes_count', 'voters_count']).where('id', '=', pollId).executeTakeFirstOrThrow();
  await exec.updateTable('polls').set({ votes_count: p.votes_count + votes, voters_count: p.voters_count + voters }).where('id', '=', pollId).execute();
}

export async function voterIds(db: Executor, pollId: string): Promise<string[]> {
  const rows = await db.selectFrom('poll_votes').select('account_id').distinct().where('poll_id', '=', pollId).execute();
  return rows.map((r) => r.account_id);
}

export async function updatePoll(exec: Executor, id: string, set: Partial<Insertable<PollsTable>>): Promise<void> {
  await exec.updateTable('polls').set(set).where('id', '=', id).execute();
}
