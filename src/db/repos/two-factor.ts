// TOTP two-factor state, recovery codes, wrong-attempt counters and pending web sign-ins.
// Every check-and-change here is one conditional statement, so two concurrent requests cannot
// both redeem one code.
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { PendingLoginRow, TwoFactorRow } from '../schema.ts';

export async function findTwoFactor(exec: Executor, accountId: string): Promise<TwoFactorRow | undefined> {
  return exec.selectFrom('two_factor').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** Stores a new pending secret; returns false (and changes nothing) when two-factor is already on. */
export async function savePendingSecret(exec: Executor, accountId: string, secret: string, nowIso: string): Promise<boolean> {
  const r = await exec
    .insertInto('two_factor')
    .values({ account_id: accountId, secret, enabled_at: null, last_used_step: null, failed_attempts: 0, failure_window_start: null, locked_until: null, created_at: nowIso, updated_at: nowIso })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ secret, last_used_step: null, updated_at: nowIso }).where('two_factor.enabled_at', 'is', null))
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Turns the pending secret on, spending the confirming code's step; false if already on, or if a
 * new setup replaced the secret the code was checked against.
 */
export async function enableTwoFactor(exec: Executor, accountId: string, secret: string, step: number, nowIso: string): Promise<boolean> {
  const r = await exec
    .updateTable('two_factor')
    .set({ enabled_at: nowIso, last_used_step: step, updated_at: nowIso })
    .where('account_id', '=', accountId)
    .where('secret', '=', secret)
    .where('enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Records that the code of `step` was used; false when it (or a later one) already was: a replay. */
export async function spendTimeStep(exec: Executor, accountId: string, step: number): Promise<boolean> {
  const r = await exec
    .updateTable('two_factor')
    .set({ last_used_step: step })
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteTwoFactor(exec: Executor, accountId: string): Promise<void> {
  await exec.deleteFrom('two_factor_recovery_codes').where('account_id', '=', accountId).execute();
  await exec.deleteFrom('two_factor').where('account_id', '=', accountId).execute();
}

export async function replaceRecoveryCodes(exec: Executor, accountId: string, codeHashes: string[], nowIso: string): Promise<void> {
  await exec.deleteFrom('two_factor_recovery_codes').where('account_id', '=', accountId).execute();
  await exec
    .insertInto('two_factor_recovery_codes')
    .values(codeHashes.map((code_hash) => ({ account_id: accountId, code_hash, created_at: nowIso })))
    .execute();
}

/** Deletes the code; true when it existed (single use under concurrency). */
export async function takeRecoveryCode(exec: Executor, accountId: string, codeHash: string): Promise<boolean> {
  const r = await exec.deleteFrom('two_factor_recovery_codes').where('account_id', '=', accountId).where('code_hash', '=', codeHash).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countRecoveryCodes(exec: Executor, accountId: string): Promise<number> {
  const row = await exec.selectFrom('two_factor_recovery_codes').select((eb) => eb.fn.countAll<number | string>().as('n')).where('account_id', '=', accountId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Counts one wrong attempt in the current window (a new window starts when the last one began
 * before `windowStartIso`) and returns the count. One statement: every SET reads the old row.
 */
export async function countFailure(exec: Executor, accountId: string, nowIso: string, windowStartIso: string): Promise<number> {
  const stale = sql<boolean>`(failure_window_start is null or failure_window_start <= ${windowStartIso})`;
  const row = await exec
    .updateTable('two_factor')
    .set({
      failed_attempts: sql<number>`case when ${stale} then 1 else failed_attempts + 1 end`,
      failure_window_start: sql<string>`case when ${stale} then ${nowIso} else failure_window_start end`,
    })
    .where('account_id', '=', accountId)
    .returning('failed_attempts')
    .executeTakeFirst();
  return Number(row?.failed_attempts ?? 0);
}

export async function lockTwoFactor(exec: Executor, accountId: string, untilIso: string): Promise<void> {
  await exec.updateTable('two_factor').set({ locked_until: untilIso, failed_attempts: 0, failure_window_start: null }).where('account_id', '=', accountId).execute();
}

export async function clearFailures(exec: Executor, accountId: string): Promise<void> {
  await exec
    .updateTable('two_factor')
    .set({ failed_attempts: 0, failure_window_start: null, locked_until: null })
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('failed_attempts', '>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}

export async function insertPendingLogin(exec: Executor, row: PendingLoginRow, nowIso: string): Promise<void> {
  // Expired second steps are worth nothing; sweep them whenever a new one starts.
  await exec.deleteFrom('pending_logins').where('expires_at', '<=', nowIso).execute();
  await exec.insertInto('pending_logins').values(row).execute();
}

/** Deletes and returns a live pending sign-in: each one is answered once. */
export async function takePendingLogin(exec: Executor, id: string, nowIso: string): Promise<PendingLoginRow | undefined> {
  return exec.deleteFrom('pending_logins').where('id', '=', id).where('expires_at', '>', nowIso).returningAll().executeTakeFirst();
}
