// Passkeys, their accounts' user handles and the single-use WebAuthn challenges. Every
// check-and-change is one conditional statement, so two concurrent requests cannot both spend
// one challenge or move one counter.
import type { Executor } from '../../jobs/queue.ts';
import type { PasskeyChallengeRow, PasskeyRow } from '../schema.ts';

/** The account's user handle, made on first use (a concurrent first use keeps the winner's). */
export async function userHandleOf(exec: Executor, accountId: string, fresh: string, nowIso: string): Promise<string> {
  await exec.insertInto('passkey_users').values({ account_id: accountId, user_handle: fresh, created_at: nowIso }).onConflict((oc) => oc.column('account_id').doNothing()).execute();
  const row = await exec.selectFrom('passkey_users').select('user_handle').where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return row.user_handle;
}

export async function findUserHandle(exec: Executor, accountId: string): Promise<string | undefined> {
  return (await exec.selectFrom('passkey_users').select('user_handle').where('account_id', '=', accountId).executeTakeFirst())?.user_handle;
}

export async function listPasskeyRows(exec: Executor, accountId: string): Promise<PasskeyRow[]> {
  return exec.selectFrom('passkeys').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
}

export async function countPasskeys(exec: Executor, accountId: string): Promise<number> {
  const row = await exec.selectFrom('passkeys').select((eb) => eb.fn.countAll<number | string>().as('n')).where('account_id', '=', accountId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findPasskey(exec: Executor, id: string): Promise<PasskeyRow | undefined> {
  return exec.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** False when a passkey with that credential id exists already (on any account). */
export async function insertPasskey(exec: Executor, row: PasskeyRow): Promise<boolean> {
  const r = await exec.insertInto('passkeys').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deletePasskeyRow(exec: Executor, accountId: string, id: string): Promise<boolean> {
  const r = await exec.deleteFrom('passkeys').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Records a use whose signature counter is `counter`; false when the stored one moved past it
 * meanwhile. The counter must grow, except for authenticators that keep it at 0 (synced passkeys).
 */
export async function recordPasskeyUse(exec: Executor, id: string, counter: number, nowIso: string): Promise<boolean> {
  const r = await exec
    .updateTable('passkeys')
    .set({ counter, last_used_at: nowIso })
    .where('id', '=', id)
    .where((eb) => (counter === 0 ? eb('counter', '=', 0) : eb('counter', '<', counter)))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertPasskeyChallenge(exec: Executor, row: PasskeyChallengeRow, nowIso: string): Promise<void> {
  // Expired challenges are worth nothing; sweep them whenever a new one starts.
  await exec.deleteFrom('passkey_challenges').where('expires_at', '<=', nowIso).execute();
  await exec.insertInto('passkey_challenges').values(row).execute();
}

/** Deletes and returns a live challenge issued for exactly this purpose, account and browser: each is answered once. */
export async function takePasskeyChallenge(
  exec: Executor,
  id: string,
  bound: { purpose: PasskeyChallengeRow['purpose']; accountId: string | null; browserHash: string | null },
  nowIso: string,
): Promise<PasskeyChallengeRow | undefined> {
  return exec
    .deleteFrom('passkey_challenges')
    .where('id', '=', id)
    .where('purpose', '=', bound.purpose)
    .where('account_id', bound.accountId === null ? 'is' : '=', bound.accountId)
    .where('browser_hash', bound.browserHash === null ? 'is' : '=', bound.browserHash)
    .where('expires_at', '>', nowIso)
    .returningAll()
    .executeTakeFirst();
}

/** The account a live pending sign-in (by its token's sha256) belongs to, without spending it. */
export async function pendingLoginAccountId(exec: Executor, id: string, nowIso: string): Promise<string | undefined> {
  return (await exec.selectFrom('pending_logins').select('account_id').where('id', '=', id).where('expires_at', '>', nowIso).executeTakeFirst())?.account_id;
}
