// Endorsements ("featured accounts" on a profile).
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import { pageBy, type IdPage } from './paging.ts';

export async function insertAccountPin(exec: Executor, row: { id: string; account_id: string; target_account_id: string; created_at: string }): Promise<void> {
  await exec.insertInto('account_pins').values(row).onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing()).execute();
}

export async function deleteAccountPin(exec: Executor, accountId: string, targetId: string): Promise<void> {
  await exec.deleteFrom('account_pins').where('account_id', '=', accountId).where('target_account_id', '=', targetId).execute();
}

export async function endorsedAmong(db: Db, accountId: string, targetIds: string[]): Promise<Set<string>> {
  if (targetIds.length === 0) return new Set();
  const rows = await db.selectFrom('account_pins').select('target_account_id').where('account_id', '=', accountId).where('target_account_id', 'in', targetIds).execute();
  return new Set(rows.map((r) => r.target_account_id));
}

export async function endorsementsPage(db: Db, accountId: string, page: IdPage): Promise<{ id: string; other: string }[]> {
  const q = db
    .selectFrom('account_pins as p')
    .innerJoin('accounts as a', 'a.id', 'p.target_account_id')
    .select(['p.id as id', 'a.id as other'])
    .where('p.account_id', '=', accountId)
    .where('a.deleted_at', 'is', null)
    .where('a.suspended_at', 'is', null);
  return pageBy(q, 'p.id', page);
}
