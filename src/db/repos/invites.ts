// Invite codes and their uses. Spending a use is one conditional statement, so two sign-ups
// racing for the last use of an invite cannot both get it.
import type { Insertable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { InviteRow, InvitesTable } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export async function insertInvite(exec: Executor, row: Insertable<InvitesTable>): Promise<void> {
  await exec.insertInto('invites').values(row).execute();
}

export async function findInviteByCode(exec: Executor, code: string): Promise<InviteRow | undefined> {
  return exec.selectFrom('invites').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findInviteById(exec: Executor, id: string): Promise<InviteRow | undefined> {
  return exec.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; one inviter's invites, or every invite when `accountId` is null. */
export async function listInvites(exec: Executor, accountId: string | null, page: IdPage): Promise<InviteRow[]> {
  let q = exec.selectFrom('invites').selectAll();
  if (accountId !== null) q = q.where('account_id', '=', accountId);
  return pageBy(q, 'id', page);
}

/** Marks the invite revoked; a revoked invite keeps its first revocation time. */
export async function revokeInvite(exec: Executor, id: string, nowIso: string): Promise<void> {
  await exec.updateTable('invites').set({ revoked_at: nowIso }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/**
 * Spends one use of the invite for `accountId` if it is still usable at `nowIso` (not revoked,
 * not expired, uses left); false when it is not, and then nothing changed.
 */
export async function claimInviteUse(exec: Executor, inviteId: string, accountId: string, nowIso: string): Promise<boolean> {
  const r = await exec
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', inviteId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowIso)]))
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await exec.insertInto('invite_uses').values({ account_id: accountId, invite_id: inviteId, created_at: nowIso }).execute();
  return true;
}

/** The invite an account signed up with, if any. */
export async function findInviteUsedBy(exec: Executor, accountId: string): Promise<InviteRow | undefined> {
  return exec.selectFrom('invite_uses').innerJoin('invites', 'invites.id', 'invite_uses.invite_id').selectAll('invites').where('invite_uses.account_id', '=', accountId).executeTakeFirst();
}
