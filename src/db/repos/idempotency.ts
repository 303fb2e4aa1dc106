// Idempotency-Key header of POST /api/v1/statuses.
import type { Executor } from '../../jobs/queue.ts';

export async function findIdempotentStatusId(db: Executor, accountId: string, key: string, since: string): Promise<string | undefined> {
  const r = await db.selectFrom('idempotency_keys').select('status_id').where('account_id', '=', accountId).where('key', '=', key).where('created_at', '>=', since).executeTakeFirst();
  return r?.status_id;
}

/** Records the key, replacing an expired one. */
export async function rememberIdempotencyKey(exec: Executor, row: { account_id: string; key: string; status_id: string; created_at: string }): Promise<void> {
  await exec.deleteFrom('idempotency_keys').where('account_id', '=', row.account_id).where('key', '=', row.key).execute();
  await exec.insertInto('idempotency_keys').values(row).execute();
}
