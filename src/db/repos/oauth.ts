// Authorization codes, token rotation and revocation, and the applications a person owns.
import type { Insertable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AppRow, OAuthCodesTable, TokenRow } from '../schema.ts';

export type OAuthCodeRow = Insertable<OAuthCodesTable>;

export async function insertOAuthCode(exec: Executor, row: OAuthCodeRow): Promise<void> {
  await exec.insertInto('oauth_codes').values(row).execute();
}

/** Deletes and returns the code: a code can be redeemed once, even by two concurrent requests. */
export async function takeOAuthCode(exec: Executor, codeHash: string) {
  return exec.deleteFrom('oauth_codes').where('code_hash', '=', codeHash).returningAll().executeTakeFirst();
}

export async function deleteExpiredOAuthCodes(exec: Executor, nowIso: string): Promise<void> {
  await exec.deleteFrom('oauth_codes').where('expires_at', '<', nowIso).execute();
}

export async function findTokenByRefreshHash(exec: Executor, refreshHash: string): Promise<TokenRow | undefined> {
  return exec.selectFrom('oauth_tokens').selectAll().where('refresh_token_hash', '=', refreshHash).executeTakeFirst();
}

export async function findTokenByAccessOrRefreshHash(exec: Executor, hash: string): Promise<TokenRow | undefined> {
  return exec
    .selectFrom('oauth_tokens')
    .selectAll()
    .where((eb) => eb.or([eb('token_hash', '=', hash), eb('refresh_token_hash', '=', hash)]))
    .executeTakeFirst();
}

/** Revokes one token unless already revoked; returns whether this call revoked it. */
export async function revokeToken(exec: Executor, id: string, nowIso: string): Promise<boolean> {
  const r = await exec.updateTable('oauth_tokens').set({ revoked_at: nowIso }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function revokeAccountTokens(exec: Executor, accountId: string, nowIso: string, appId?: string): Promise<void> {
  let q = exec.updateTable('oauth_tokens').set({ revoked_at: nowIso }).where('account_id', '=', accountId).where('revoked_at', 'is', null);
  if (appId) q = q.where('app_id', '=', appId);
  await q.execute();
}

export async function listAppsOwnedBy(exec: Executor, accountId: string): Promise<AppRow[]> {
  return exec.selectFrom('apps').selectAll().where('owner_account_id', '=', accountId).orderBy('id', 'desc').execute();
}

export async function findAppOwnedBy(exec: Executor, appId: string, accountId: string): Promise<AppRow | undefined> {
  return exec.selectFrom('apps').selectAll().where('id', '=', appId).where('owner_account_id', '=', accountId).executeTakeFirst();
}

/** Deleting an application removes its tokens and codes with it (foreign keys cascade). */
export async function deleteApp(exec: Executor, appId: string): Promise<void> {
  await exec.deleteFrom('apps').where('id', '=', appId).execute();
}
