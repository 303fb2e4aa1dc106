// Revokes an invite: the link stops working at once; the accounts made with it stay.
import type { AppContext } from '../../context.ts';
import { findInviteById, revokeInvite as markRevoked } from '../../db/repos/invites.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';

/**
 * `anyInviter` is for staff (the route checked the role): without it, someone else's invite is
 * "not found", like any record the caller may not see.
 */
export async function revokeInvite(ctx: AppContext, actor: AccountRow, id: string, opts: { anyInviter: boolean }): Promise<void> {
  const invite = isId(id) ? await findInviteById(ctx.db, id) : undefined;
  if (!invite || (!opts.anyInviter && invite.account_id !== actor.id)) throw notFound();
  await markRevoked(ctx.db, invite.id, ctx.clock.now().toISOString());
}
