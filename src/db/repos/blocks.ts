// Blocks between accounts.
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import { pageBy, type IdPage } from './paging.ts';

export async function insertBlock(exec: Executor, row: { id: string; account_id: string; target_account_id: string; created_at: string }): Promise<void> {
  await exec.insertInto('blocks').values(row).onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing()).execute();
}

export async function deleteBlock(exec: Executor, accountId: string, targetId: string): Promise<void> {
  await exec.deleteFrom('blocks').where('account_id', '=', accountId).where('target_account_id', '=', targetId).execute();
}

/** Ids among `others` that `accountId` blocks. */
export async function blockedAmong(db: Db, accountId: string, others: string[]): Promise<Set<string>> {
  if (others.length === 0) return new Set();
  const rows = await db.selectFrom('blocks').select('target_account_id').where('account_id', '=', accountId).where('target_account_id', 'in', others).execute();
  return new Set(rows.map((r) => r.target_account_id));
}

/** Ids among `others` that block `accountId`. */
export async function blockingAmong(db: Db, accountId: string, others: string[]): Promise<Set<string>> {
  if (others.length === 0) return new Set();
  const rows = await db.selectFrom('blocks').select('account_id').where('target_account_id', '=', accountId).where('account_id', 'in', others).execute();
  return new Set(rows.map((r) => r.account_id));
}

/** Whether either account blocks the other. */
export async function blockedEitherWay(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('id')
    .where((eb) => eb.or([eb.and([eb('account_id', '=', a), eb('target_account_id', '=', b)]), eb.and([eb('account_id', '=', b), eb('target_account_id', '=', a)])]))
    .executeTakeFirst();
  return row !== undefined;
}

/** Every account blocked by or blocking `accountId` (for public timeline filtering). */
export async function blockRelatedIds(db: Db, accountId: string): Promise<string[]> {
  const out = await db.selectFrom('blocks').select('target_account_id as id').where('account_id', '=', accountId).execute();
  const inn = await db.selectFrom('blocks').select('account_id as id').where('target_account_id', '=', accountId).execute();
  return [...new Set([...out, ...inn].map((r) => r.id))];
}

export async function blocksPage(db: Db, accountId: string, page: IdPage): Promise<{ id: string; other: string }[]> {
  const q = db
    .selectFrom('blocks as b')
    .innerJoin('accounts as a', 'a.id', 'b.target_account_id')
    .select(['b.id as id', 'a.id as other'])
    .where('b.account_id', '=', accountId)
    .where('a.deleted_at', 'is', null);
  return pageBy(q, 'b.id', page);
}

/** Which of `receiverIds` block any of `targetIds` or are blocked by any of them (fan-out filtering). */
export async function receiversBlockingEitherWay(db: Db, receiverIds: string[], targetIds: string[]): Promise<Set<string>> {
  if (receiverIds.length === 0 || targetIds.length === 0) return new Set();
  const a = await db.selectFrom('blocks').select('account_id as id').where('account_id', 'in', receiverIds).where('target_account_id', 'in', targetIds).execute();
  const b = await db.selectFrom('blocks').select('target_account_id as id').where('target_account_id', 'in', receiverIds).where('account_id', 'in', targetIds).execute();
  return new Set([...a, ...b].map((r) => r.id));
}
