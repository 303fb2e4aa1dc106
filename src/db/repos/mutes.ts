// Mutes. A mute with expires_at in the past no longer counts anywhere.
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { MutesTable } from '../schema.ts';
import type { Selectable } from 'kysely';
import { pageBy, type IdPage } from './paging.ts';

export type MuteRow = Selectable<MutesTable>;

export async function upsertMute(exec: Executor, row: MuteRow): Promise<void> {
  await exec
    .insertInto('mutes')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doUpdateSet({ hide_notifications: row.hide_notifications, expires_at: row.expires_at }))
    .execute();
}

export async function deleteMute(exec: Executor, accountId: string, targetId: string): Promise<void> {
  await exec.deleteFrom('mutes').where('account_id', '=', accountId).where('target_account_id', '=', targetId).execute();
}

/** Active mutes by `accountId` of any of `others`. */
export async function activeMutes(db: Db, accountId: string, others: string[], now: string): Promise<MuteRow[]> {
  if (others.length === 0) return [];
  return db
    .selectFrom('mutes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('target_account_id', 'in', others)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
}

/** Every account `accountId` mutes right now. */
export async function mutedIds(db: Db, accountId: string, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mutes')
    .select('target_account_id')
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return rows.map((r) => r.target_account_id);
}

/** Which of `accountIds` currently mute `targetId` (for fan-out). */
export async function whoMutes(db: Db, targetId: string, accountIds: string[], now: string): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('mutes')
    .select('account_id')
    .where('target_account_id', '=', targetId)
    .where('account_id', 'in', accountIds)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return new Set(rows.map((r) => r.account_id));
}

export async function mutesPage(db: Db, accountId: string, page: IdPage, now: string): Promise<{ id: string; other: string }[]> {
  const q = db
    .selectFrom('mutes as m')
    .innerJoin('accounts as a', 'a.id', 'm.target_account_id')
    .select(['m.id as id', 'a.id as other'])
    .where('m.account_id', '=', accountId)
    .where('a.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)]));
  return pageBy(q, 'm.id', page);
}

/** Which of `receiverIds` currently mute any of `targetIds` (fan-out filtering). */
export async function receiversMuting(db: Db, receiverIds: string[], targetIds: string[], now: string): Promise<Set<string>> {
  if (receiverIds.length === 0 || targetIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('mutes')
    .select('account_id')
    .where('account_id', 'in', receiverIds)
    .where('target_account_id', 'in', targetIds)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return new Set(rows.map((r) => r.account_id));
}
