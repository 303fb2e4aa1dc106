// Browser sessions of the server-rendered pages, what the sessions list shows of them and of
// OAuth tokens, and one-time setup tokens.
import type { Executor } from '../../jobs/queue.ts';
import type { WebSessionRow } from '../schema.ts';

export async function insertWebSession(exec: Executor, row: WebSessionRow): Promise<void> {
  await exec.insertInto('web_sessions').values(row).execute();
}

export async function findWebSession(exec: Executor, id: string, nowIso: string): Promise<WebSessionRow | undefined> {
  return exec.selectFrom('web_sessions').selectAll().where('id', '=', id).where('expires_at', '>', nowIso).executeTakeFirst();
}

export async function deleteWebSession(exec: Executor, id: string): Promise<void> {
  await exec.deleteFrom('web_sessions').where('id', '=', id).execute();
}

export async function deleteAccountWebSessions(exec: Executor, accountId: string): Promise<void> {
  await exec.deleteFrom('web_sessions').where('account_id', '=', accountId).execute();
}

export async function touchWebSession(exec: Executor, id: string, at: string): Promise<void> {
  await exec.updateTable('web_sessions').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function listAccountWebSessions(exec: Executor, accountId: string, nowIso: string): Promise<WebSessionRow[]> {
  return exec.selectFrom('web_sessions').selectAll().where('account_id', '=', accountId).where('expires_at', '>', nowIso).execute();
}

/** Deletes one of the account's sessions; false when it has no such session. */
export async function deleteAccountWebSession(exec: Executor, accountId: string, id: string): Promise<boolean> {
  const r = await exec.deleteFrom('web_sessions').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The device that asked for a token, recorded once after it is issued. */
export async function recordTokenClient(exec: Executor, tokenId: string, client: { userAgent: string | null; ip: string | null }): Promise<void> {
  await exec.updateTable('oauth_tokens').set({ user_agent: client.userAgent, ip: client.ip }).where('id', '=', tokenId).execute();
}

export interface LiveTokenRow {
  id: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  user_agent: string | null;
  ip: string | null;
  app_name: string;
  app_website: string | null;
}

/** The account's tokens that still work (not revoked, not expired), with their application. */
export async function listAccountLiveTokens(exec: Executor, accountId: string, nowIso: string): Promise<LiveTokenRow[]> {
  return exec
    .selectFrom('oauth_tokens as t')
    .innerJoin('apps as a', 'a.id', 't.app_id')
    .select(['t.id', 't.scopes', 't.created_at', 't.last_used_at', 't.user_agent', 't.ip', 'a.name as app_name', 'a.website as app_website'])
    .where('t.account_id', '=', accountId)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', nowIso)]))
    .execute();
}

/** Revokes one of the account's live tokens; false when it has no such token. */
export async function revokeAccountToken(exec: Executor, accountId: string, tokenId: string, nowIso: string): Promise<boolean> {
  const r = await exec
    .updateTable('oauth_tokens')
    .set({ revoked_at: nowIso })
    .where('id', '=', tokenId)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertSetupToken(exec: Executor, row: { token_hash: string; purpose: string; expires_at: string; created_at: string }): Promise<void> {
  await exec.insertInto('setup_tokens').values(row).execute();
}

export async function findSetupToken(exec: Executor, tokenHash: string, purpose: string, nowIso: string) {
  return exec
    .selectFrom('setup_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

/** Deletes the token; returns whether it existed and was still valid (single use under concurrency). */
export async function takeSetupToken(exec: Executor, tokenHash: string, purpose: string, nowIso: string): Promise<boolean> {
  const r = await exec
    .deleteFrom('setup_tokens')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function deleteSetupTokens(exec: Executor, purpose: string): Promise<void> {
  await exec.deleteFrom('setup_tokens').where('purpose', '=', purpose).execute();
}
