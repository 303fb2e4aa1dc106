// Browser sessions of the server-rendered pages, and one-time setup tokens.
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
