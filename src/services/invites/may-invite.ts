// Who may create invites: the admin's `invites_allowed_by` setting (staff, or every user in good
// standing). Staff alone may see and revoke everyone's invites; that is a route's role option.
import type { AppContext } from '../../context.ts';
import { getSetting } from '../../db/repos/settings.ts';
import type { AccountRow, UserRow } from '../../db/schema.ts';
import { forbidden } from '../../domain/errors.ts';
import { inviterInGoodStanding } from './invite-state.ts';

/** Why this login may not create an invite, or null when it may. */
export async function invitePermissionProblem(ctx: AppContext, login: { account: AccountRow; user: UserRow }): Promise<string | null> {
  if (!inviterInGoodStanding(login)) return 'Your account cannot create invites';
  // A limited (silenced) account could otherwise bring in fresh accounts to do its talking.
  if (login.account.silenced_at) return 'Your account is limited and cannot create invites';
  const staff = login.account.role === 'moderator' || login.account.role === 'admin';
  if (!staff && (await getSetting(ctx.db, ctx.config, 'invites_allowed_by')) === 'staff') return 'Only moderators and admins can create invites on this server';
  return null;
}

export async function assertMayInvite(ctx: AppContext, login: { account: AccountRow; user: UserRow }): Promise<void> {
  const problem = await invitePermissionProblem(ctx, login);
  if (problem) throw forbidden(problem);
}
