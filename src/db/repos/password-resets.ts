// Password reset links: only the sha256 of each token is stored.
import type { Executor } from '../../jobs/queue.ts';

export async function insertPasswordReset(exec: Executor, row: { token_hash: string; account_id: string; expires_at: string; created_at: string }): Promise<void> {
  await exec.insertInto('password_resets').values(row).execute();
}

/** The account of a token that is still valid. */
export async function findValidReset(exec: Executor, tokenHash: string, nowIso: string): Promise<string | undefined> {
  const row = await exec.selectFrom('password_resets').select('account_id').where('token_hash', '=', tokenHash).where('expires_at', '>', nowIso).executeTakeFirst();
  return row?.account_id;
}

/** Uses a token up: at most one caller gets the account back. */
export async function takeValidReset(exec: Executor, tokenHash: string, nowIso: string): Promise<string | undefined> {
  const row = await exec.deleteFrom('password_resets').where('token_hash', '=', tokenHash).where('expires_at', '>', nowIso).returning('account_id').executeTakeFirst();
  return row?.account_id;
}

export async function latestResetCreatedAt(exec: Executor, accountId: string): Promise<string | undefined> {
  const row = await exec.selectFrom('password_resets').select('created_at').where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row?.created_at;
}

export async function deleteAccountResets(exec: Executor, accountId: string): Promise<void> {
  await exec.deleteFrom('password_resets').where('account_id', '=', accountId).execute();
}
